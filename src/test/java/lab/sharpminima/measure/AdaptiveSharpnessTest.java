package lab.sharpminima.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.TestNets;
import lab.sharpminima.symmetry.AlphaScale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ascent against a brute-force maximum, its bookkeeping, and its equivariance in δ. */
class AdaptiveSharpnessTest {

    /**
     * Two parameters (one linear unit, two inputs): the maximum over the circle ‖δ‖ = ρ (a convex
     * quadratic peaks on the boundary) found by a grid of 200,000 angles, whose error is O(h²) ≈ 1e-9.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.01, 0.5})
    void findsTheMaximumOfATwoParameterQuadratic(double eta) {
        Random rnd = new Random(31);
        LossFunction f = LinearModels.loss(2, 1, 20, rnd);
        double[] theta = {0.7, -1.3};
        double rho = 0.4;
        double base = f.value(theta);
        double best = Double.NEGATIVE_INFINITY;
        int grid = 200_000;
        for (int i = 0; i < grid; i++) {
            double phi = 2 * Math.PI * i / grid;
            double[] p = {theta[0] + (Math.abs(theta[0]) + eta) * rho * Math.cos(phi),
                          theta[1] + (Math.abs(theta[1]) + eta) * rho * Math.sin(phi)};
            best = Math.max(best, f.value(p) - base);
        }
        double found = new AdaptiveSharpness(rho, eta, 60, 4, 1).value(f, theta);
        assertThat(found).isCloseTo(best, within(1e-6 * best));
    }

    @Test
    void reportsAConsistentArgmax() {
        Random rnd = new Random(32);
        Network net = TestNets.net(new int[] {3, 6, 5, 2}, Activation.RELU, true);
        LossFunction f = new LossFunction(net, LossKind.CROSS_ENTROPY, TestNets.data(net, LossKind.CROSS_ENTROPY, 30,
                rnd, false));
        double[] theta = TestNets.theta(net, rnd);
        AdaptiveSharpness asam = AdaptiveSharpness.official();
        AdaptiveSharpness.Result r = asam.maximise(f, theta);
        double norm = 0;
        for (int i = 0; i < theta.length; i++) {
            double d = (r.argmax()[i] - theta[i]) / (Math.abs(theta[i]) + asam.eta());
            assertThat(d).isCloseTo(r.delta()[i], within(1e-9));
            norm += d * d;
        }
        assertThat(Math.sqrt(norm)).isLessThanOrEqualTo(asam.rho() * (1 + 1e-12));
        assertThat(r.baseLoss()).isEqualTo(f.value(theta));
        assertThat(r.value()).isCloseTo(f.value(r.argmax()) - r.baseLoss(), within(1e-12));
        // the ascent starts from ASAM's one-step solution, so it can only do better
        double[] g = new double[theta.length];
        f.gradient(theta, g);
        double gn = 0;
        for (int i = 0; i < theta.length; i++) {
            g[i] *= Math.abs(theta[i]) + asam.eta();
            gn += g[i] * g[i];
        }
        double[] step = theta.clone();
        for (int i = 0; i < theta.length; i++) {
            step[i] += (Math.abs(theta[i]) + asam.eta()) * asam.rho() * g[i] / Math.sqrt(gn);
        }
        assertThat(r.value()).isGreaterThanOrEqualTo(f.value(step) - r.baseLoss()).isPositive();
        assertThat(r.gradientEvaluations()).isEqualTo(1 + (1 + AdaptiveSharpness.DEFAULT_RANDOM_STARTS)
                * (AdaptiveSharpness.DEFAULT_STEPS + 1));
    }

    /**
     * η = 0: the objective is the same function of δ at θ and at T_α θ, so the whole ascent — the
     * maximiser in δ coordinates, not only the value — is the same, and the argmax moves with T_α.
     */
    @Property(tries = 30, seed = "20210101")
    void ascentIsEquivariantUnderAlphaScale(@ForAll boolean bias, @ForAll long seed) {
        Random rnd = new Random(seed);
        Network net = TestNets.net(new int[] {2 + rnd.nextInt(3), 5, 4, 2}, Activation.LEAKY_RELU, bias);
        LossFunction f = new LossFunction(net, LossKind.MSE, TestNets.data(net, LossKind.MSE, 15, rnd, false));
        double[] theta = TestNets.theta(net, rnd);
        AlphaScale t = Symmetries.randomAlphaScale(net, rnd, 2.0);
        AdaptiveSharpness asam = AdaptiveSharpness.exact();
        AdaptiveSharpness.Result a = asam.maximise(f, theta);
        AdaptiveSharpness.Result b = asam.maximise(f, t.apply(theta));
        double[] moved = t.apply(a.argmax());
        for (int i = 0; i < theta.length; i++) {
            assertThat(b.delta()[i]).isCloseTo(a.delta()[i], within(1e-8));
            assertThat(b.argmax()[i]).isCloseTo(moved[i], within(1e-8 * Math.max(1, Math.abs(moved[i]))));
        }
        assertThat(Symmetries.relativeDifference(a.value(), b.value())).isLessThanOrEqualTo(1e-9);
    }
}
