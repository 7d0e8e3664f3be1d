package lab.sharpminima.symmetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lab.sharpminima.engine.Activation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Theorem 4 as an executable statement: any M is reached by T_α, with the smallest |log α|. */
class SharpestDirectionTest {

    private static final Minima TWO = new Minima(new int[] {3, 5, 2}, Activation.RELU, true, 25, 41);
    private static final Minima THREE = new Minima(new int[] {3, 4, 4, 2}, Activation.LEAKY_RELU, false, 25, 42);

    @ParameterizedTest
    @CsvSource({"1e2,2", "1e4,2", "1e6,2", "1e8,2", "1e2,3", "1e4,3", "1e6,3", "1e8,3"})
    void reachesMWithTheSmallestChangeOfAlpha(double m, int depth) {
        Minima z = depth == 2 ? TWO : THREE;
        double before = z.spectralNormAt(z.theta);
        assertThat(before).as("the start is below every M").isLessThan(1e2);

        SharpestDirection.Result r = SharpestDirection.find(z.loss, z.theta, m, 2000);
        double t = Math.log(r.alpha());
        assertThat(r.normBefore()).isCloseTo(before, org.assertj.core.data.Offset.offset(1e-12 * before));
        // Reached, by the Hessian assembled at T_α θ and by D_α H D_α.
        assertThat(z.spectralNormAt(r.theta())).isGreaterThanOrEqualTo(m).isEqualTo(r.normAfter());
        assertThat(z.spectralNormByIdentity(r.scale())).isGreaterThanOrEqualTo(m);
        assertThat(z.relativeOutputChange(r.theta())).isLessThanOrEqualTo(1e-12);
        // Near-minimal: α^{1+1%} reaches M too, α^{1-1%} does not, nor anything closer to 1 on either side.
        assertThat(z.spectralNormAt(SharpestDirection.orbit(z.net, Math.exp(1.01 * t)).apply(z.theta)))
                .isGreaterThanOrEqualTo(m);
        for (double f = -0.99; f <= 0.99; f += 0.09) {
            double[] inside = SharpestDirection.orbit(z.net, Math.exp(f * t)).apply(z.theta);
            assertThat(z.spectralNormAt(inside)).as("at alpha^%.2f", f).isLessThan(m);
        }
        // The proof's α reaches M as well, with at least as large a change.
        double[] byProof = SharpestDirection.orbit(z.net, r.proofBound()).apply(z.theta);
        assertThat(z.spectralNormAt(byProof)).isGreaterThanOrEqualTo(m);
        assertThat(Math.abs(Math.log(r.proofBound()))).isGreaterThanOrEqualTo(Math.abs(t));
    }

    @Test
    void lanczosAboveTheThresholdAgreesWithDense() {
        SharpestDirection.Result dense = SharpestDirection.find(THREE.loss, THREE.theta, 1e5, 2000);
        SharpestDirection.Result lanczos = SharpestDirection.find(THREE.loss, THREE.theta, 1e5, 5);
        assertThat(lanczos.dense()).isFalse();
        assertThat(Double.isNaN(lanczos.proofBound())).isTrue();
        assertThat(lanczos.normAfter()).isGreaterThanOrEqualTo(1e5);
        assertThat(Math.log(lanczos.alpha())).isCloseTo(Math.log(dense.alpha()), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void alreadySharpEnoughNeedsNoChange() {
        SharpestDirection.Result r = SharpestDirection.find(TWO.loss, TWO.theta, 1e-3, 2000);
        assertThat(r.alpha()).isEqualTo(1.0);
        assertThat(r.theta()).containsExactly(TWO.theta);
    }

    @Test
    void refusesTanhZeroHessiansAndUnreachableTargets() {
        Minima tanh = new Minima(new int[] {2, 3, 1}, Activation.TANH, true, 10, 3);
        assertThatThrownBy(() -> SharpestDirection.find(tanh.loss, tanh.theta, 1e3, 2000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tanh");
        Minima flat = new Minima(new int[] {2, 3, 1}, Activation.RELU, false, 10, 3);
        double[] dead = flat.theta.clone();
        java.util.Arrays.fill(dead, 0.0);
        assertThatThrownBy(() -> SharpestDirection.find(flat.loss, dead, 1e3, 2000))
                .hasMessageContaining("Hessian at theta is zero");
        assertThatThrownBy(() -> SharpestDirection.find(TWO.loss, TWO.theta, 1e308, 2000))
                .hasMessageContaining("out of reach");
        assertThatThrownBy(() -> SharpestDirection.find(TWO.loss, TWO.theta, -1, 2000))
                .hasMessageContaining("positive");
    }
}
