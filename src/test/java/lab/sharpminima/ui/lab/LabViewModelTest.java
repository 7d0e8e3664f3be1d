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

    /** Trains the default 2-16-16-2 relu net for its 40 epochs and waits for the finished snapshot. */
    private void trainToTheEnd() throws Exception {
        vm.start();
        await(() -> vm.stateProperty().get() == LabViewModel.State.FINISHED
                && vm.frameProperty().get().epoch() == vm.currentEpoch());
    }

    @Test
    void oneNeuronScalesItsInAndOutWeightsAndKeepsTheFunction() throws Exception {
        trainToTheEnd();
        Network net = vm.problemProperty().get().network();
        int unit = liveliestUnit(net, vm.currentTheta());
        vm.bridgeModeProperty().set(Bridge.Mode.NEURON);
        vm.neuronLayerProperty().set(2);
        vm.neuronUnitProperty().set(unit + 1);
        vm.neuronLog10CProperty().set(1.5);
        vm.applyTransform();
        Bridge.Result r = vm.bridgeProperty().get();
        assertThat(r.mode()).isEqualTo(Bridge.Mode.NEURON);
        double c = Math.pow(10, 1.5);
        assertThat(r.alpha()).containsExactly(c);
        assertThat(r.before().theta()).isEqualTo(vm.currentTheta());

        // Definition 4: column j of θ₂ and b₂[j] × c, row j of θ₃ × 1/c, every other parameter untouched.
        double[] t0 = r.before().theta();
        double[] t1 = r.after().theta();
        double[] expected = t0.clone();
        for (int i = 0; i < net.layer(1).in(); i++) {
            expected[net.offset(1) + i * net.layer(1).out() + unit] *= c;
        }
        expected[net.biasOffset(1) + unit] *= c;
        for (int j = 0; j < net.layer(2).out(); j++) {
            expected[net.offset(2) + unit * net.layer(2).out() + j] *= 1.0 / c;
        }
        assertThat(t1).containsExactly(expected);
        int changed = 0;
        for (int i = 0; i < t0.length; i++) {
            changed += t1[i] != t0[i] ? 1 : 0;
        }
        assertThat(changed).isEqualTo(net.layer(1).in() + 1 + net.layer(2).out());

        DMatrixRMaj fb = r.before().grid().outputs();
        DMatrixRMaj fa = r.after().grid().outputs();
        for (int i = 0; i < fb.getNumElements(); i++) {
            assertThat(fa.get(i)).isCloseTo(fb.get(i), within(1e-12));
        }
        assertThat(r.maxOutputChange()).isLessThanOrEqualTo(1e-12);
        assertThat(r.after().testLoss()).isCloseTo(r.before().testLoss(), within(1e-12));
        assertThat(r.after().trainLoss()).isCloseTo(r.before().trainLoss(), within(1e-12));
        // ∇²L(Sθ) = S⁻¹ ∇²L(θ) S⁻¹: the block of the unit's outgoing weights grows by c² ≈ 1000, so λ_max moves.
        assertThat(Math.abs(r.after().lambdaMax() / r.before().lambdaMax() - 1)).isGreaterThan(0.01);
        assertThat(r.description()).contains("layer 2 unit " + (unit + 1));
    }

    /** The unit j of the second hidden layer with the largest ‖column j of θ₂‖·‖row j of θ₃‖ (not a dead one). */
    private static int liveliestUnit(Network net, double[] theta) {
        DMatrixRMaj in = net.weights(theta, 1);
        DMatrixRMaj out = net.weights(theta, 2);
        int best = 0;
        double bestSize = -1;
        for (int j = 0; j < in.numCols; j++) {
            double a = 0;
            double b = 0;
            for (int i = 0; i < in.numRows; i++) {
                a += in.get(i, j) * in.get(i, j);
            }
            for (int k = 0; k < out.numCols; k++) {
                b += out.get(j, k) * out.get(j, k);
            }
            if (a * b > bestSize) {
                bestSize = a * b;
                best = j;
            }
        }
        return best;
    }

    @Test
    void oneNeuronClampsLayerAndUnitToTheNetwork() throws Exception {
        trainToTheEnd();
        vm.bridgeModeProperty().set(Bridge.Mode.NEURON);
        vm.neuronLayerProperty().set(9);
        vm.neuronUnitProperty().set(99);
        vm.neuronLog10CProperty().set(-1);
        vm.applyTransform();
        assertThat(vm.bridgeProperty().get().description()).startsWith("layer 2 unit 16");
        assertThat(vm.hiddenLayers()).isEqualTo(2);
        assertThat(vm.hiddenUnits(1)).isEqualTo(16);
    }

    @Test
    void weightNormKeepsThetaButMovesLambdaMaxOfTheReparametrizedLoss() throws Exception {
        trainToTheEnd();
        vm.bridgeModeProperty().set(Bridge.Mode.WEIGHT_NORM);
        vm.weightNormLog10AlphaProperty().set(0.5);
        vm.applyTransform();
        Bridge.Result r = vm.bridgeProperty().get();
        assertThat(r.mode()).isEqualTo(Bridge.Mode.WEIGHT_NORM);
        assertThat(r.maxOutputChange()).isLessThanOrEqualTo(1e-12);
        assertThat(r.after().testLoss()).isCloseTo(r.before().testLoss(), within(1e-12));
        for (int i = 0; i < r.before().theta().length; i++) {
            assertThat(r.after().theta()[i]).isCloseTo(r.before().theta()[i],
                    within(1e-14 * (1 + Math.abs(r.before().theta()[i]))));
        }
        // Section 5.1: ∇²L_η(T'_α η) = D ∇²L_η(η) D, D = 1/α on v: the dense spectra agree with the readouts.
        LabProblem p = vm.problemProperty().get();
        var wn = lab.sharpminima.symmetry.reparam.WeightNormalization.allLayers(p.network());
        var lossEta = new lab.sharpminima.symmetry.reparam.ReparametrizedLoss(
                lab.sharpminima.symmetry.reparam.Objective.of(new lab.sharpminima.engine.LossFunction(p.network(),
                        p.loss(), p.split().train())), wn);
        double[] eta = wn.eta(r.before().theta());
        double before = lab.sharpminima.linalg.SymmetricEigen.of(lossEta.hessian(eta)).value(0);
        double after = lab.sharpminima.linalg.SymmetricEigen.of(lossEta.hessian(wn.scaleV(eta, Math.sqrt(10))))
                .value(0);
        assertThat(r.before().lambdaMax()).isCloseTo(before, within(1e-6 * Math.abs(before)));
        assertThat(r.after().lambdaMax()).isCloseTo(after, within(1e-6 * Math.abs(after)));
        assertThat(Math.abs(r.after().lambdaMax() / r.before().lambdaMax() - 1)).isGreaterThan(0.01);
        assertThat(r.after().epsilonSharpness()).isNaN();
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
