package lab.sharpminima.symmetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.LossFunction;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Section 4.3 as an executable statement: a constant function lies within ε of an equivalent θ. */
class EpsilonSharpeningTest {

    @ParameterizedTest
    @CsvSource({"2,1e-3,true", "2,0.5,false", "3,1e-2,true", "4,10,true"})
    void theFirstLayerHasNormEpsilonAndTheConstantPointIsEpsilonAway(int depth, double eps, boolean bias) {
        int[] widths = new int[depth + 1];
        java.util.Arrays.fill(widths, 4);
        widths[depth] = 2;
        Minima z = new Minima(widths, Activation.RELU, bias, 20, 60 + depth);
        EpsilonSharpening.Result r = EpsilonSharpening.of(z.net, z.theta, eps);

        assertThat(EpsilonSharpening.firstLayerNorm(z.net, r.theta())).isCloseTo(eps, within(1e-12 * eps));
        double dist = 0;
        for (int i = 0; i < z.theta.length; i++) {
            dist = Math.hypot(dist, r.theta()[i] - r.constantPoint()[i]);
        }
        assertThat(dist).isCloseTo(eps, within(1e-12 * eps));
        assertThat(z.relativeOutputChange(r.theta())).isLessThanOrEqualTo(1e-12);
        double alpha = eps / r.firstLayerNorm();
        assertThat(r.scale().alpha()[0]).isEqualTo(alpha);
        assertThat(r.scale().alpha()[1]).isEqualTo(1 / alpha);
        for (int k = 2; k < depth; k++) {
            assertThat(r.scale().alpha()[k]).isEqualTo(1.0);
        }
        // The constant point: the second layer is α⁻¹θ_2, the first zero, the function constant.
        for (int i = z.net.offset(1); i < z.net.offset(1) + z.net.layer(1).weightCount(); i++) {
            assertThat(r.constantPoint()[i]).isCloseTo(z.theta[i] / alpha, within(1e-15 * Math.abs(z.theta[i] / alpha)));
        }
        DMatrixRMaj f = LossFunction.outputs(z.net, r.constantPoint(), z.loss.data().x());
        for (int row = 1; row < f.numRows; row++) {
            for (int c = 0; c < f.numCols; c++) {
                assertThat(f.get(row, c)).isEqualTo(f.get(0, c));
            }
        }
    }

    @Test
    void refusesAZeroFirstLayerTanhAndBadEpsilon() {
        Minima z = new Minima(new int[] {2, 3, 1}, Activation.RELU, true, 5, 1);
        double[] zero = z.theta.clone();
        java.util.Arrays.fill(zero, z.net.offset(0), z.net.end(0), 0.0);
        assertThatThrownBy(() -> EpsilonSharpening.of(z.net, zero, 0.1)).hasMessageContaining("first layer is zero");
        assertThatThrownBy(() -> EpsilonSharpening.of(z.net, z.theta, 0)).hasMessageContaining("positive");
        Minima tanh = new Minima(new int[] {2, 3, 1}, Activation.TANH, true, 5, 1);
        assertThatThrownBy(() -> EpsilonSharpening.of(tanh.net, tanh.theta, 0.1)).hasMessageContaining("tanh");
    }
}
