package lab.sharpminima.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.data.BuiltinDataset;
import lab.sharpminima.engine.data.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrainerTest {

    private static final Network MOONS_NET = Network.mlp(new int[] {2, 16, 16, 2}, Activation.RELU, true);
    private static final Dataset MOONS = BuiltinDataset.MOONS.generate(200, 0.1, 3);

    private static TrainingResult train(Network net, LossKind loss, Dataset data, TrainingConfig config) {
        return new Trainer(net, loss, data, null, config).train(Initializer.he(net, 1), TrainingListener.NONE);
    }

    @ParameterizedTest
    @EnumSource(BuiltinDataset.class)
    void trainingLowersTheLossOnEveryBuiltinDataSet(BuiltinDataset set) {
        Dataset data = set.generate(set.defaultSize(), set.defaultNoise(), 2);
        Network net = Network.mlp(new int[] {set.inputs(), 16, 16, data.outputDimension()}, Activation.RELU, true);
        TrainingConfig config = new TrainingConfig(OptimizerKind.ADAM, 0.02, 32, 40, 2);
        // init seed 2: with seed 1 the toy1d net starts within 3 % of the target slope already
        TrainingResult r = new Trainer(net, set.defaultLoss(), data, null, config)
                .train(Initializer.he(net, 2), TrainingListener.NONE);
        double[] h = r.trainLossHistory();
        assertThat(r.stop()).isEqualTo(StopReason.COMPLETED);
        assertThat(h).hasSize(41);
        // at least a fifth off the starting loss in 40 epochs, on every set including spirals
        assertThat(h[40]).as(set.id()).isLessThan(0.8 * h[0]);
        assertThat(r.trainLoss()).isEqualTo(h[40]);
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void everyOptimizerLowersTheLoss(OptimizerKind kind) {
        double lr = kind == OptimizerKind.ADAM ? 0.01 : 0.05;
        TrainingResult r = train(MOONS_NET, LossKind.CROSS_ENTROPY, MOONS, new TrainingConfig(kind, lr, 20, 20, 4));
        assertThat(r.trainLoss()).as(kind.id()).isLessThan(0.8 * r.trainLossHistory()[0]);
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void sameConfigAndStartGiveTheSameBits(OptimizerKind kind) {
        TrainingConfig config = new TrainingConfig(kind, 0.02, 16, 5, 9);
        TrainingResult a = train(MOONS_NET, LossKind.CROSS_ENTROPY, MOONS, config);
        TrainingResult b = train(MOONS_NET, LossKind.CROSS_ENTROPY, MOONS, config);
        assertThat(Arrays.equals(a.theta(), b.theta())).isTrue();
        assertThat(Arrays.equals(a.trainLossHistory(), b.trainLossHistory())).isTrue();
        if (kind != OptimizerKind.GD) {
            // the seed drives the minibatch order, so another seed takes another path
            TrainingResult c = train(MOONS_NET, LossKind.CROSS_ENTROPY, MOONS, new TrainingConfig(kind, 0.02, 16, 5, 10));
            assertThat(Arrays.equals(a.theta(), c.theta())).isFalse();
        }
    }

    @Test
    void fullBatchIsTheSameWhateverTheSeedOrBatchSetting() {
        TrainingResult gd = train(MOONS_NET, LossKind.CROSS_ENTROPY, MOONS, new TrainingConfig(OptimizerKind.GD, 0.1, 8, 5, 1));
        TrainingResult sgdFull = train(MOONS_NET, LossKind.CROSS_ENTROPY, MOONS,
                new TrainingConfig(OptimizerKind.SGD, 0.1, 0, 5, 2));
        assertThat(Arrays.equals(gd.theta(), sgdFull.theta())).isTrue();
    }

    @Test
    void divergenceStopsAndKeepsTheLastFiniteParameters() {
        Dataset data = BuiltinDataset.SINE.generate(100, 0.1, 1);
        Network net = Network.mlp(new int[] {1, 16, 1}, Activation.RELU, true);
        List<TrainingProgress> reports = new ArrayList<>();
        TrainingResult r = new Trainer(net, LossKind.MSE, data, null, new TrainingConfig(OptimizerKind.GD, 1e3, 0, 100, 1))
                .train(Initializer.he(net, 1), reports::add);
        assertThat(r.stop()).isEqualTo(StopReason.DIVERGED);
        assertThat(r.diverged()).isTrue();
        // full batch: the end-of-epoch loss is the next step's loss, so that check sees it first
        assertThat(r.message()).matches("loss became (NaN|infinite) at the end of epoch \\d+;"
                + " kept the last finite parameters — lower the learning rate");
        assertThat(Arrays.stream(r.theta()).allMatch(Double::isFinite)).isTrue();
        assertThat(r.trainLoss()).isFinite();
        assertThat(r.epochsCompleted()).isLessThan(100);
        assertThat(r.trainLossHistory()).hasSize(r.epochsCompleted() + 1);
        assertThat(reports).hasSize(r.epochsCompleted() + 1);
        // full batch: the kept θ is the last iterate, i.e. the one after the last completed epoch
        // when divergence is found at the next step, whose loss and gradient were finite
        double[] grad = new double[net.parameterCount()];
        double loss = new LossFunction(net, LossKind.MSE, data).gradient(r.theta(), grad);
        assertThat(loss).isFinite();
        assertThat(Arrays.stream(grad).allMatch(Double::isFinite)).isTrue();
        assertThat(r.theta()).containsExactly(reports.get(reports.size() - 1).theta());
    }

    @Test
    void minibatchDivergenceIsCaughtAtTheStep() {
        Dataset data = BuiltinDataset.SINE.generate(100, 0.1, 1);
        Network net = Network.mlp(new int[] {1, 16, 1}, Activation.RELU, true);
        TrainingResult r = train(net, LossKind.MSE, data, new TrainingConfig(OptimizerKind.SGD, 1e3, 10, 100, 1));
        assertThat(r.diverged()).isTrue();
        assertThat(r.message()).matches("(loss became (NaN|infinite)|gradient became non-finite|parameters overflowed)"
                + " at epoch \\d+, step \\d+; kept the last finite parameters — lower the learning rate");
        assertThat(Arrays.stream(r.theta()).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void aNonFiniteStartingLossStopsAtOnce() {
        Network net = Network.mlp(new int[] {1, 4, 1}, Activation.LINEAR, false);
        double[] huge = new double[net.parameterCount()];
        Arrays.fill(huge, 1e200);
        TrainingResult r = train(net, LossKind.MSE, BuiltinDataset.TOY1D.generate(5, 0, 1),
                new TrainingConfig(OptimizerKind.GD, 0.1, 0, 10, 1));
        TrainingResult fromHuge = new Trainer(net, LossKind.MSE, BuiltinDataset.TOY1D.generate(5, 0, 1), null,
                new TrainingConfig(OptimizerKind.GD, 0.1, 0, 10, 1)).train(huge, TrainingListener.NONE);
        assertThat(r.stop()).isEqualTo(StopReason.COMPLETED);
        assertThat(fromHuge.stop()).isEqualTo(StopReason.DIVERGED);
        assertThat(fromHuge.epochsCompleted()).isZero();
        assertThat(fromHuge.trainLossHistory()).isEmpty();
        assertThat(fromHuge.message())
                .isEqualTo("the loss is infinite at the starting parameters; check the data and the initialisation");
    }

    @Test
    void cancellingFromTheListenerStopsBeforeTheNextStep() {
        Trainer trainer = new Trainer(MOONS_NET, LossKind.CROSS_ENTROPY, MOONS, null,
                new TrainingConfig(OptimizerKind.ADAM, 0.01, 32, 50, 1));
        List<Integer> epochs = new ArrayList<>();
        TrainingResult r = trainer.train(Initializer.he(MOONS_NET, 1), p -> {
            epochs.add(p.epoch());
            if (p.epoch() == 2) {
                trainer.cancel();
            }
        });
        assertThat(r.cancelled()).isTrue();
        assertThat(r.epochsCompleted()).isEqualTo(2);
        assertThat(epochs).containsExactly(0, 1, 2);
        assertThat(r.trainLossHistory()).hasSize(3);
        assertThat(r.message()).isEqualTo("cancelled at epoch 3, step 1 after 2 complete epochs");
        assertThat(r.theta()).containsExactly(trainer.train(r.theta(), TrainingListener.NONE).theta());
    }

    @Test
    void anInterruptedThreadCancels() {
        Thread.currentThread().interrupt();
        try {
            TrainingResult r = train(MOONS_NET, LossKind.CROSS_ENTROPY, MOONS, new TrainingConfig(OptimizerKind.SGD, 0.1, 0, 5, 1));
            assertThat(r.cancelled()).isTrue();
            assertThat(r.epochsCompleted()).isZero();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void testLossIsReportedEveryEpochAndNeverTrainedOn() {
        Split split = Split.trainTest(MOONS, 0.25, 1);
        List<TrainingProgress> reports = new ArrayList<>();
        TrainingConfig config = new TrainingConfig(OptimizerKind.ADAM, 0.01, 25, 3, 1);
        TrainingResult withTest = new Trainer(MOONS_NET, LossKind.CROSS_ENTROPY, split.train(), split.test(), config)
                .train(Initializer.he(MOONS_NET, 1), reports::add);
        TrainingResult without = new Trainer(MOONS_NET, LossKind.CROSS_ENTROPY, split.train(), null, config)
                .train(Initializer.he(MOONS_NET, 1), TrainingListener.NONE);
        assertThat(Arrays.equals(withTest.theta(), without.theta())).isTrue();
        assertThat(withTest.testLossHistory()).hasSize(4);
        assertThat(without.testLossHistory()).isEmpty();
        assertThat(without.testLoss()).isEmpty();
        double expected = new LossFunction(MOONS_NET, LossKind.CROSS_ENTROPY, split.test()).value(withTest.theta());
        assertThat(withTest.testLoss()).hasValue(expected);
        assertThat(reports).extracting(TrainingProgress::epoch).containsExactly(0, 1, 2, 3);
        assertThat(reports.get(3).testLoss()).hasValue(expected);
    }

    @Test
    void zeroEpochsOnlyEvaluatesAndTheStartIsNotModified() {
        double[] theta0 = Initializer.he(MOONS_NET, 1);
        double[] copy = theta0.clone();
        TrainingResult r = new Trainer(MOONS_NET, LossKind.CROSS_ENTROPY, MOONS, null,
                new TrainingConfig(OptimizerKind.ADAM, 0.01, 32, 0, 1)).train(theta0, TrainingListener.NONE);
        assertThat(r.theta()).containsExactly(copy);
        assertThat(r.message()).isEqualTo("completed 0 epochs");
        TrainingResult moved = new Trainer(MOONS_NET, LossKind.CROSS_ENTROPY, MOONS, null,
                new TrainingConfig(OptimizerKind.ADAM, 0.01, 32, 1, 1)).train(theta0, TrainingListener.NONE);
        assertThat(theta0).containsExactly(copy);
        assertThat(moved.theta()).isNotEqualTo(copy);
    }

    @Test
    void badConfigurationsAreRefused() {
        assertThatThrownBy(() -> new TrainingConfig(OptimizerKind.SGD, Double.NaN, 0, 1, 1))
                .hasMessage("the learning rate must be a finite number > 0, got NaN");
        assertThatThrownBy(() -> new TrainingConfig(OptimizerKind.SGD, 0.1, -1, 1, 1))
                .hasMessage("the batch size must be ≥ 0 (0 = full batch), got -1");
        assertThatThrownBy(() -> new TrainingConfig(null, 0.1, 0, 1, 1))
                .hasMessage("an optimizer is required (gd, sgd, momentum, adam)");
        assertThat(new TrainingConfig(OptimizerKind.GD, 0.1, 8, 1, 1).effectiveBatch(100)).isEqualTo(100);
        assertThat(new TrainingConfig(OptimizerKind.SGD, 0.1, 8, 1, 1).effectiveBatch(100)).isEqualTo(8);
        assertThat(new TrainingConfig(OptimizerKind.SGD, 0.1, 800, 1, 1).effectiveBatch(100)).isEqualTo(100);
    }
}
