package lab.sharpminima.symmetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.TestNets;
import lab.sharpminima.linalg.SymmetricEigen;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Theorem 5 as an executable statement: r − min_k n_k eigenvalues above any M at an equivalent minimum. */
class ManyDirectionsTest {

    @ParameterizedTest
    @CsvSource({"1e2", "1e4", "1e6"})
    void atLeastRankMinusSmallestLayerEigenvaluesExceedM(double m) {
        // 3-layer relu net without biases: n = 12 + 16 + 8 = 36, min_k n_k = 8 (the last layer).
        Minima z = new Minima(new int[] {3, 4, 4, 2}, Activation.RELU, false, 30, 51);
        SymmetricEigen before = SymmetricEigen.decompose(z.loss.hessian(z.theta), false);
        int r = before.rank();
        assertThat(r - 8).as("a non-trivial guarantee").isGreaterThan(5);
        assertThat(before.countAbove(m)).isLessThan(r - 8);

        ManyDirections.Result res = ManyDirections.find(z.loss, z.theta, m, 2000);
        assertThat(res.rank()).isEqualTo(r);
        assertThat(res.minLayerParameters()).isEqualTo(8);
        assertThat(res.layerWithFewest()).isEqualTo(2);
        assertThat(res.guaranteed()).isEqualTo(r - 8);
        // Counted on the Hessian assembled afresh at T_α θ.
        SymmetricEigen after = SymmetricEigen.decompose(z.loss.hessian(res.theta()), false);
        assertThat(after.countAbove(m)).isGreaterThanOrEqualTo(r - 8).isEqualTo(res.countAfter());
        assertThat(res.countBefore()).isEqualTo(before.countAbove(m));
        assertThat(z.relativeOutputChange(res.theta())).isLessThanOrEqualTo(1e-12);
        double b = res.beta();
        assertThat(res.scale().alpha()).containsExactly(new double[] {1 / b, 1 / b, b * b},
                org.assertj.core.data.Offset.offset(1e-12 * b * b));
        // The proof's β suffices, so the β found is no larger.
        assertThat(b).isGreaterThan(1).isLessThanOrEqualTo(res.proofBound() * (1 + 1e-9));
    }

    @Test
    void biasesThatShrinkWithBetaAreNotCountedInTheGuarantee() {
        Minima z = new Minima(new int[] {2, 5, 3, 1}, Activation.LEAKY_RELU, true, 30, 52);
        ManyDirections.Result res = ManyDirections.find(z.loss, z.theta, 1e4, 2000);
        // Layer 3 (4 parameters) is the smallest; its bias is scaled by ∏ α = 1, so m = 4.
        assertThat(res.layerWithFewest()).isEqualTo(2);
        assertThat(res.guaranteed()).isEqualTo(res.rank() - 4);
        assertThat(SymmetricEigen.decompose(z.loss.hessian(res.theta()), false).countAbove(1e4))
                .isGreaterThanOrEqualTo(res.guaranteed());
        assertThat(z.relativeOutputChange(res.theta())).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void awayFromAMinimumTheNegativeEigenvaluesCountAgainstTheGuarantee() {
        Random rnd = new Random(53);
        Network net = TestNets.net(new int[] {3, 5, 4, 2}, Activation.RELU, false);
        double[] theta = TestNets.theta(net, rnd);
        // Targets near f_θ(x): a near-minimum with a few negative eigenvalues from the residuals.
        DMatrixRMaj x = TestNets.data(net, LossKind.MSE, 40, rnd, false).x();
        DMatrixRMaj y = LossFunction.outputs(net, theta, x);
        for (int i = 0; i < y.data.length; i++) {
            y.data[i] += 0.3 * rnd.nextGaussian();
        }
        LossFunction f = new LossFunction(net, LossKind.MSE, new Dataset(x, y));
        SymmetricEigen before = SymmetricEigen.decompose(f.hessian(theta), false);
        int p = before.countAbove(before.defaultTolerance());
        int q = before.rank() - p;
        assertThat(q).as("noisy targets: not a minimum").isPositive();

        ManyDirections.Result res = ManyDirections.find(f, theta, 1e4, 2000);
        assertThat(res.negative()).isEqualTo(q);
        assertThat(res.guaranteed()).isEqualTo(p - q - 8).isPositive();
        int after = SymmetricEigen.decompose(f.hessian(res.theta()), false).countAbove(1e4);
        // At least the guarantee, at most p (D_α keeps the inertia).
        assertThat(after).isGreaterThanOrEqualTo(res.guaranteed()).isLessThanOrEqualTo(p);
        assertThat(res.beta()).isLessThanOrEqualTo(res.proofBound() * (1 + 1e-9));
    }

    @Test
    void refusesTanhAndLargeNetworks() {
        Minima tanh = new Minima(new int[] {2, 3, 3, 1}, Activation.TANH, false, 10, 3);
        assertThatThrownBy(() -> ManyDirections.find(tanh.loss, tanh.theta, 1e3, 2000)).hasMessageContaining("tanh");
        Minima relu = new Minima(new int[] {2, 3, 3, 1}, Activation.RELU, false, 10, 3);
        assertThatThrownBy(() -> ManyDirections.find(relu.loss, relu.theta, 1e3, 10))
                .hasMessageContaining("dense threshold 10");
        assertThatThrownBy(() -> ManyDirections.find(relu.loss, relu.theta, Double.NaN, 2000))
                .hasMessageContaining("positive");
    }
}
