package lab.sharpminima.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.TestNets;
import lab.sharpminima.linalg.SymmetricEigen;
import org.junit.jupiter.api.Test;

/** Rank and eigenvalue counts of the linear layer's Hessian (2/N)XᵀX ⊗ I_m, known exactly. */
class HessianCountsTest {

    @Test
    void rankIsSamplesTimesOutputsWhenSamplesAreFew() {
        LossFunction f = LinearModels.loss(5, 2, 3, new Random(51));
        double[] theta = TestNets.theta(f.network(), new Random(52));
        assertThat(new HessianRank().value(f, theta)).isEqualTo(6.0);
    }

    @Test
    void rankIsFullWhenSamplesAreMany() {
        LossFunction f = LinearModels.loss(5, 2, 20, new Random(53));
        double[] theta = TestNets.theta(f.network(), new Random(54));
        assertThat(new HessianRank().value(f, theta)).isEqualTo(10.0);
    }

    @Test
    void countsEigenvaluesAboveTheThreshold() {
        LossFunction f = LinearModels.loss(5, 3, 20, new Random(55));
        double[] theta = TestNets.theta(f.network(), new Random(56));
        double[] gram = SymmetricEigen.decompose(LinearModels.gram(f), false).values();
        // each eigenvalue (2/N)μ_j of XᵀX appears m = 3 times; M between the 2nd and 3rd
        double m = (gram[1] + gram[2]) / 20;
        assertThat(new EigenvaluesAbove(m).value(f, theta)).isEqualTo(6.0);
    }

    @Test
    void refusesAHessianTooLargeToAssemble() {
        Random rnd = new Random(57);
        Network net = TestNets.net(new int[] {70, 60, 1}, Activation.RELU, true);
        LossFunction f = new LossFunction(net, LossKind.MSE, TestNets.data(net, LossKind.MSE, 3, rnd, false));
        double[] theta = new double[net.parameterCount()];
        assertThatThrownBy(() -> new HessianRank().value(f, theta))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 4000");
    }
}
