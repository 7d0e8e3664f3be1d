package lab.sharpminima.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.symmetry.AlphaScale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Definition 2's ε-sharpness: known answers, the ball, the second-order estimate, Section 4.3. */
class EpsilonSharpnessTest {

    /**
     * max over the disc of radius ε of the toy's closed form, by a polar grid (the maximiser of
     * |harmonic| is on the circle, but the grid covers the disc so as not to rely on that), then a
     * fine angular search around the best grid angle.
     */
    private static double gridMaximum(SharpnessToys.Toy toy, double t1, double t2, double eps) {
        double best = toy.loss(t1, t2);
        double bestPhi = 0;
        int angles = 20000;
        for (int r = 1; r <= 50; r++) {
            double rad = eps * r / 50;
            for (int a = 0; a < angles; a++) {
                double phi = 2 * Math.PI * a / angles;
                double v = toy.loss(t1 + rad * Math.cos(phi), t2 + rad * Math.sin(phi));
                if (v > best) {
                    best = v;
                    bestPhi = phi;
                }
            }
        }
        double h = 2 * Math.PI / angles;
        for (int a = -10000; a <= 10000; a++) {
            double phi = bestPhi + h * a / 10000;
            best = Math.max(best, toy.loss(t1 + eps * Math.cos(phi), t2 + eps * Math.sin(phi)));
        }
        return best;
    }

    @ParameterizedTest
    @CsvSource({"2.0, 0.75, 1.5, 1e-3", "2.0, 0.75, 1.5, 0.1", "2.0, 0.75, 1.5, 1.0", "0.5, -1.2, 1.0, 0.2",
                "1.3, 2.0, -0.5, 0.05"})
    void paperToyMatchesGridSearch(double t1, double t2, double c, double eps) {
        SharpnessToys.Toy toy = SharpnessToys.toy(c, 7);
        double[] theta = {t1, t2};
        double l0 = toy.f().value(theta);
        assertThat(l0).isCloseTo(toy.loss(t1, t2), within(1e-12 * (1 + l0)));
        EpsilonSharpness.Result r = EpsilonSharpness.of(eps).measure(toy.f(), theta);
        double expected = (gridMaximum(toy, t1, t2, eps) - l0) / (1 + l0);
        assertThat(r.value()).isCloseTo(expected, within(1e-7 * expected));
        assertThat(SharpnessToys.distance(r.argmax(), theta)).isLessThanOrEqualTo(eps * (1 + 1e-12));
        assertThat(r.epsilon()).isEqualTo(eps);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void argmaxLiesInTheBallAndReproducesTheValue(long seed) {
        SharpnessToys.Case c = SharpnessToys.random(new int[] {3, 7, 5, 2}, seed % 2 == 0, seed);
        for (double eps : new double[] {1e-6, 1e-3, 0.1, 1}) {
            EpsilonSharpness.Result r = new EpsilonSharpness(eps, 6, 200, seed).measure(c.f(), c.theta());
            assertThat(SharpnessToys.distance(r.argmax(), c.theta())).isLessThanOrEqualTo(eps * (1 + 1e-12));
            double l0 = c.f().value(c.theta());
            assertThat((c.f().value(r.argmax()) - l0) / (1 + l0)).isEqualTo(r.value());
            assertThat(r.value()).isGreaterThan(0);
            assertThat(r.restartValues()).hasSize(6);
            assertThat(java.util.Arrays.stream(r.restartValues()).max().orElseThrow()).isEqualTo(r.value());
            assertThat(r.winningStart()).isNotBlank();
        }
    }

    /** At the toy's minimum θ₁θ₂ = c the Hessian is 2m(θ₂, θ₁)ᵀ(θ₂, θ₁): ‖∇²L‖₂ = 2m(θ₁² + θ₂²). */
    @Test
    void secondOrderEstimateOfTheToyIsExactInTheLimit() {
        SharpnessToys.Toy toy = SharpnessToys.toy(1.5, 3);
        double[] theta = {2.0, 0.75};
        double norm = 2 * toy.m() * (4 + 0.5625);
        double previous = Double.POSITIVE_INFINITY;
        for (double eps : new double[] {1e-1, 1e-2, 1e-3, 1e-4}) {
            EpsilonSharpness.Result r = EpsilonSharpness.of(eps).measure(toy.f(), theta);
            assertThat(r.spectralNorm()).isCloseTo(norm, within(1e-12 * norm));
            assertThat(r.secondOrderEstimate()).isCloseTo(norm * eps * eps / 2, within(1e-12 * norm * eps * eps));
            double gap = Math.abs(r.value() / r.secondOrderEstimate() - 1);
            assertThat(gap).isLessThan(previous);
            previous = gap;
        }
        assertThat(previous).isLessThan(1e-3);
    }

    /** Teacher–student relu nets at zero loss: the quadratic model takes over as ε → 0. */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void secondOrderEstimateAgreesAtAMinimum(long seed) {
        SharpnessToys.Case c = SharpnessToys.atMinimum(new int[] {2, 6, 6, 1}, seed);
        assertThat(c.f().value(c.theta())).isLessThan(1e-28);
        EpsilonSharpness.Result r = EpsilonSharpness.of(1e-5).measure(c.f(), c.theta());
        assertThat(r.value() / r.secondOrderEstimate()).isCloseTo(1, within(1e-3));
        // the gradient vanishes, so the top eigenvector's starts are the informative ones
        assertThat(r.winningStart()).isNotEqualTo("center");
    }

    /**
     * Section 4.3: with α = ε/‖θ₁‖₂, (0, α⁻¹θ₂) lies in B₂(ε, T_α θ), so the sharpness of T_α θ is at
     * least (L(0, α⁻¹θ₂) − L(θ))/(1 + L(θ)), the excess loss of the constant function 0.
     */
    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23})
    void alphaScaleToEpsilonOverNormMakesItAtLeastTheConstantFunctions(long seed) {
        SharpnessToys.Case c = SharpnessToys.atMinimum(new int[] {2, 8, 1}, seed);
        LossFunction f = c.f();
        double eps = 1e-2;
        int n1 = f.network().layer(0).weightCount();
        double norm1 = 0;
        for (int i = 0; i < n1; i++) {
            norm1 += c.theta()[i] * c.theta()[i];
        }
        double alpha = eps / Math.sqrt(norm1);
        double[] moved = AlphaScale.twoLayer(f.network(), alpha).apply(c.theta());
        double[] constant = moved.clone();
        java.util.Arrays.fill(constant, 0, n1, 0.0);
        assertThat(SharpnessToys.distance(constant, moved)).isLessThanOrEqualTo(eps * (1 + 1e-12));
        double l0 = f.value(moved);
        double bound = (f.value(constant) - l0) / (1 + l0);

        double before = EpsilonSharpness.of(eps).value(f, c.theta());
        double after = EpsilonSharpness.of(eps).value(f, moved);
        assertThat(after).isGreaterThanOrEqualTo(bound * (1 - 1e-12));
        assertThat(after).isGreaterThan(100 * before);
    }

    @Test
    void declaresItIsMovedAndRejectsBadEpsilon() {
        EpsilonSharpness m = EpsilonSharpness.of(1e-3);
        assertThat(m.key()).isEqualTo("epsSharpness");
        assertThat(m.source()).contains("Definition 2");
        assertThat(m.underAlphaScale()).isEqualTo(Invariance.MOVED);
        assertThat(m.underNeuronScaling()).isEqualTo(Invariance.MOVED);
        assertThat(m.underWeightNormalization()).isEqualTo(Invariance.MOVED);
        for (double bad : new double[] {0, -1e-3, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> EpsilonSharpness.of(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--epsilon");
        }
        assertThatThrownBy(() -> new EpsilonSharpness(1e-3, 0, 10, 1)).hasMessageContaining("restarts");
    }
}
