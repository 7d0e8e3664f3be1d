package lab.sharpminima.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.BooleanSupplier;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.train.TrainingConfig;
import lab.sharpminima.engine.train.TrainingListener;
import lab.sharpminima.engine.train.TrainingResult;
import lab.sharpminima.ui.SameThreadExecutor;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Lab ViewModel without a stage: background work on the test's thread (SameThreadExecutor), training
 * on a real thread of its own, snapshots taken by polling {@link LabViewModel#pull()} as the view's pulse would.
 */
class LabViewModelTest {

    private LabViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new LabViewModel(new SameThreadExecutor(), LabViewModel.daemonThreads());
        vm.epochsProperty().set(40);
        vm.nProperty().set(100);
    }

    @AfterEach
    void tearDown() {
        vm.reset();
    }

    private void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            vm.pull();
            if (condition.getAsBoolean()) {
                return;
            }
            assertThat(System.nanoTime()).as("timed out; message: " + vm.messageProperty().get()).isLessThan(deadline);
            Thread.sleep(2);
        }
    }

    private void awaitParkedAt(int epoch) throws InterruptedException {
        await(() -> vm.run() != null && vm.run().parkedAt() == epoch && vm.epochProperty().get() == epoch);
    }

    /** The same problem trained in one uninterrupted Trainer call for {@code epochs} epochs. */
    private TrainingResult reference(int epochs) {
        LabProblem p = vm.problemProperty().get();
        TrainingConfig c = p.config();
        LabProblem q = new LabProblem(p.split(), p.network(), p.loss(), p.theta0(),
                new TrainingConfig(c.optimizer(), c.learningRate(), c.batchSize(), epochs, c.seed()));
        return q.trainer().train(q.theta0(), TrainingListener.NONE);
    }

    @Test
    void startPauseStepResetFollowTheStateMachine() throws Exception {
        assertThat(vm.stateProperty().get()).isEqualTo(LabViewModel.State.IDLE);
        assertThat(vm.frameProperty().get().grid().score()).hasSize(LabViewModel.GRID * LabViewModel.GRID);
        vm.step();
        assertThat(vm.stateProperty().get()).isEqualTo(LabViewModel.State.PAUSED);
        awaitParkedAt(1);
        vm.step();
        awaitParkedAt(2);
        assertThat(vm.history()).extracting(TrainingRun.LossPoint::epoch).containsExactly(0, 1, 2);

        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(LabViewModel.State.RUNNING);
        vm.pause();
        assertThat(vm.stateProperty().get()).isEqualTo(LabViewModel.State.PAUSED);
        await(() -> vm.run().parkedAt() >= 0 && vm.epochProperty().get() == vm.run().parkedAt());
        int parked = vm.epochProperty().get();
        Thread.sleep(50);
        vm.pull();
        assertThat(vm.epochProperty().get()).as("a paused run stays put").isEqualTo(parked);

        vm.start();
        await(() -> vm.stateProperty().get() == LabViewModel.State.FINISHED);
        assertThat(vm.epochProperty().get()).isEqualTo(40);
        assertThat(vm.history()).hasSize(41);
        assertThat(vm.lambdas()).isNotEmpty();
        assertThat(vm.lambdas().get(vm.lambdas().size() - 1).epoch()).isEqualTo(40);

        vm.reset();
        assertThat(vm.stateProperty().get()).isEqualTo(LabViewModel.State.IDLE);
        assertThat(vm.history()).isEmpty();
        assertThat(vm.epochProperty().get()).isZero();
    }

    @Test
    void steppedLossesEqualAnUninterruptedTrainerRunWithTheSameSeed() throws Exception {
        for (int e = 1; e <= 5; e++) {
            vm.step();
            awaitParkedAt(e);
        }
        TrainingResult ref = reference(5);
        assertThat(vm.history()).extracting(TrainingRun.LossPoint::train)
                .containsExactly(ref.trainLossHistory()[0], ref.trainLossHistory()[1], ref.trainLossHistory()[2],
                        ref.trainLossHistory()[3], ref.trainLossHistory()[4], ref.trainLossHistory()[5]);
        await(() -> vm.frameProperty().get().epoch() == 5);
        assertThat(vm.frameProperty().get().theta()).containsExactly(ref.theta());
        assertThat(vm.testLossProperty().get()).isEqualTo(ref.testLoss().getAsDouble());
    }

    @Test
    void finishedRunEqualsTheTrainerAndLambdaIsTracked() throws Exception {
        vm.start();
        await(() -> vm.stateProperty().get() == LabViewModel.State.FINISHED);
        TrainingResult ref = reference(40);
        assertThat(vm.trainLossProperty().get()).isEqualTo(ref.trainLoss());
        assertThat(vm.lambdaEvery()).isEqualTo(1);
        assertThat(vm.lambdas()).extracting(LabViewModel.LambdaPoint::epoch).hasSize(41).startsWith(0, 1, 2).endsWith(40);
        LabViewModel.LambdaPoint last = vm.lambdas().get(vm.lambdas().size() - 1);
        LabProblem p = vm.problemProperty().get();
        double direct = Bridge.lambdaMax(new lab.sharpminima.engine.LossFunction(p.network(), p.loss(),
                p.split().train()), ref.theta());
        assertThat(last.lambdaMax()).isCloseTo(direct, within(1e-9 * direct));
        assertThat(vm.edgeOfStability()).isEqualTo(20.0);
    }

    @Test
    void alphaScaleKeepsTheBoundaryAndTestLossWhileWeightsAndSharpnessMove() throws Exception {
        for (int e = 1; e <= 3; e++) {
            vm.step();
            awaitParkedAt(e);
        }
        await(() -> vm.frameProperty().get().epoch() == 3);
        vm.setExponent(0, 0.7);
        vm.setExponent(1, -0.3);
        vm.applyTransform();
        Bridge.Result r = vm.bridgeProperty().get();
        assertThat(r).isNotNull();
        double[] alpha = r.alpha();
        assertThat(alpha[0] * alpha[1] * alpha[2]).isCloseTo(1, within(1e-12));
        assertThat(alpha[0]).isCloseTo(Math.pow(10, 0.7), within(1e-12));

        DMatrixRMaj fb = r.before().grid().outputs();
        DMatrixRMaj fa = r.after().grid().outputs();
        for (int i = 0; i < fb.getNumElements(); i++) {
            assertThat(fa.get(i)).isCloseTo(fb.get(i), within(1e-12));
        }
        assertThat(r.before().grid().score()).isEqualTo(vm.frameProperty().get().grid().score());
        assertThat(r.maxOutputChange()).isLessThanOrEqualTo(1e-12);
        assertThat(r.after().testLoss()).isCloseTo(r.before().testLoss(), within(1e-12));
        assertThat(r.after().trainLoss()).isCloseTo(r.before().trainLoss(), within(1e-12));

        // Definition 5: layer k's weights are multiplied by α_k, its biases by α_1⋯α_k.
        Network net = vm.problemProperty().get().network();
        double cumulative = 1;
        for (int k = 0; k < net.depth(); k++) {
            cumulative *= alpha[k];
            DMatrixRMaj w0 = net.weights(r.before().theta(), k);
            DMatrixRMaj w1 = net.weights(r.after().theta(), k);
            for (int i = 0; i < w0.getNumElements(); i++) {
                assertThat(w1.get(i)).isCloseTo(alpha[k] * w0.get(i), within(1e-12 * Math.abs(alpha[k] * w0.get(i))));
            }
            double[] b0 = net.bias(r.before().theta(), k);
            double[] b1 = net.bias(r.after().theta(), k);
            for (int i = 0; i < b0.length; i++) {
                assertThat(b1[i]).isCloseTo(cumulative * b0[i], within(1e-12 * Math.abs(cumulative * b0[i]) + 1e-300));
            }
        }
        assertThat(Math.abs(r.after().lambdaMax() / r.before().lambdaMax() - 1)).isGreaterThan(0.1);
        assertThat(Math.abs(r.after().epsilonSharpness() / r.before().epsilonSharpness() - 1)).isGreaterThan(0.1);
    }

    @Test
    void badWidthsGiveAOneLineMessageAndNoRun() {
        vm.hiddenProperty().set("16,x");
        assertThat(vm.messageProperty().get()).startsWith("layer widths:");
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(LabViewModel.State.IDLE);
        vm.hiddenProperty().set("8");
        assertThat(vm.problemProperty().get().network().depth()).isEqualTo(2);
    }
}
