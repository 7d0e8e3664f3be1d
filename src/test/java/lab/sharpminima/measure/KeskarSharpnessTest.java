package lab.sharpminima.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.symmetry.AlphaScale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Keskar et al.'s full-space sharpness: the box, a known answer, and its relation to Definition 2. */
class KeskarSharpnessTest {

    /** max of the toy's closed form over the box, by a 400² grid and a fine search along its edges. */
    private static double gridMaximum(SharpnessToys.Toy toy, double t1, double t2, double w1, double w2) {
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= 400; i++) {
            for (int j = 0; j <= 400; j++) {
                best = Math.max(best, toy.loss(t1 + w1 * (2.0 * i / 400 - 1), t2 + w2 * (2.0 * j / 400 - 1)));
            }
        }
        int edge = 400000;
        for (int i = 0; i <= edge; i++) {
            double u = 2.0 * i / edge - 1;
            for (int s = -1; s <= 1; s += 2) {
                best = Math.max(best, toy.loss(t1 + w1 * u, t2 + s * w2));
                best = Math.max(best, toy.loss(t1 + s * w1, t2 + w2 * u));
            }
        }
        return best;
    }

    @ParameterizedTest
    @CsvSource({"2.0, 0.75, 1.5, 1e-3", "2.0, 0.75, 1.5, 0.1", "0.5, -1.2, 1.0, 0.2", "1.3, 2.0, -0.5, 0.05"})
    void paperToyMatchesGridSearch(double t1, double t2, double c, double eps) {
        SharpnessToys.Toy toy = SharpnessToys.toy(c, 5);
        double[] theta = {t1, t2};
        double w1 = eps * (Math.abs(t1) + 1);
        double w2 = eps * (Math.abs(t2) + 1);
        double l0 = toy.f().value(theta);
        KeskarSharpness.Result r = KeskarSharpness.of(eps).measure(toy.f(), theta);
        double expected = 100 * (gridMaximum(toy, t1, t2, w1, w2) - l0) / (1 + l0);
        assertThat(r.value()).isCloseTo(expected, within(1e-7 * expected));
        assertThat(Math.abs(r.argmax()[0] - t1)).isLessThanOrEqualTo(w1 * (1 + 1e-12));
        assertThat(Math.abs(r.argmax()[1] - t2)).isLessThanOrEqualTo(w2 * (1 + 1e-12));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void argmaxRespectsTheBoxAndReproducesTheValue(long seed) {
        SharpnessToys.Case c = SharpnessToys.random(new int[] {3, 7, 5, 2}, seed % 2 == 1, seed);
        double[] theta = c.theta();
        for (double eps : new double[] {1e-4, 1e-2, 0.3}) {
            KeskarSharpness.Result r = KeskarSharpness.of(eps).measure(c.f(), theta);
            for (int i = 0; i < theta.length; i++) {
                double w = eps * (Math.abs(theta[i]) + 1);
                assertThat(Math.abs(r.argmax()[i] - theta[i])).isLessThanOrEqualTo(w * (1 + 1e-12));
            }
            double l0 = c.f().value(theta);
            assertThat(100 * (c.f().value(r.argmax()) - l0) / (1 + l0)).isEqualTo(r.value());
        }
    }

    /** The box contains B₂(ε, θ) (|δ_i| ≤ ‖δ‖₂ ≤ ε ≤ ε(|θ_i|+1)), so φ_ε ≥ 100 · s_ε. */
    @ParameterizedTest
    @ValueSource(longs = {4, 5, 6})
    void boxValueIsAtLeastHundredTimesTheBallValue(long seed) {
        SharpnessToys.Case c = SharpnessToys.atMinimum(new int[] {2, 6, 4, 1}, seed);
        for (double eps : new double[] {1e-3, 1e-1}) {
            double keskar = KeskarSharpness.of(eps).value(c.f(), c.theta());
            double ball = EpsilonSharpness.of(eps).value(c.f(), c.theta());
            assertThat(keskar).isGreaterThanOrEqualTo(100 * ball * (1 - 1e-6));
        }
    }

    /** Section 4.3, last paragraph: the T_α argument carries over to the box. */
    @Test
    void alphaScaleMakesItAtLeastTheConstantFunctions() {
        SharpnessToys.Case c = SharpnessToys.atMinimum(new int[] {2, 8, 1}, 31);
        LossFunction f = c.f();
        double eps = 1e-2;
        int n1 = f.network().layer(0).weightCount();
        double norm1 = 0;
        for (int i = 0; i < n1; i++) {
            norm1 += c.theta()[i] * c.theta()[i];
        }
        double[] moved = AlphaScale.twoLayer(f.network(), eps / Math.sqrt(norm1)).apply(c.theta());
        double[] constant = moved.clone();
        java.util.Arrays.fill(constant, 0, n1, 0.0);
        double l0 = f.value(moved);
        double bound = 100 * (f.value(constant) - l0) / (1 + l0);
        double before = KeskarSharpness.of(eps).value(f, c.theta());
        double after = KeskarSharpness.of(eps).value(f, moved);
        assertThat(after).isGreaterThanOrEqualTo(bound * (1 - 1e-12));
        assertThat(after).isGreaterThan(10 * before);
    }

    @Test
    void declaresItIsMoved() {
        KeskarSharpness m = KeskarSharpness.of(1e-3);
        assertThat(m.key()).isEqualTo("keskarSharpness");
        assertThat(m.underAlphaScale()).isEqualTo(Invariance.MOVED);
        assertThat(m.underNeuronScaling()).isEqualTo(Invariance.MOVED);
        assertThat(m.underWeightNormalization()).isEqualTo(Invariance.MOVED);
    }
}
