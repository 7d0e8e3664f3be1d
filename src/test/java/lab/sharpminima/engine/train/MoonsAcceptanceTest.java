package lab.sharpminima.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.data.BuiltinDataset;
import org.junit.jupiter.api.Test;

/** The acceptance check: a small relu net learns two moons with Adam. */
class MoonsAcceptanceTest {

    @Test
    void adamReaches95PercentTrainingAccuracyOnTwoMoons() {
        Dataset moons = BuiltinDataset.MOONS.generate(500, 0.1, 1);
        Network net = Network.mlp(new int[] {2, 16, 16, 2}, Activation.RELU, true);
        double[] theta0 = Initializer.he(net, 1);
        double before = Accuracy.of(net, theta0, moons);
        TrainingResult r = new Trainer(net, LossKind.CROSS_ENTROPY, moons, null,
                new TrainingConfig(OptimizerKind.ADAM, 0.01, 32, 60, 1)).train(theta0, TrainingListener.NONE);
        double after = Accuracy.of(net, r.theta(), moons);
        assertThat(r.stop()).isEqualTo(StopReason.COMPLETED);
        assertThat(after).as("accuracy %s → %s", before, after).isGreaterThanOrEqualTo(0.95);
    }
}
