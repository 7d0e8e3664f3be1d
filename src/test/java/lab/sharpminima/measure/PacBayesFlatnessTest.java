package lab.sharpminima.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import lab.sharpminima.engine.LossFunction;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * At the least-squares minimiser of a linear layer, L(θ* + u) − L(θ*) = ½uᵀHu exactly, with
 * H = (2/N)XᵀX ⊗ I_m; its expectation ½σ² Σ_i s_i² H_ii (s_i = 1, or |θ_i| + ε) gives σ in closed
 * form, which the Monte-Carlo search with 4000 draws must match to its sampling error (5%).
 */
class PacBayesFlatnessTest {

    private static final double TARGET = 0.05;

    private static double expectedSigma(LossFunction f, double[] theta, double[] scale) {
        DMatrixRMaj gram = LinearModels.gram(f);
        int m = f.network().outputs();
        double sum = 0;
        for (int i = 0; i < theta.length; i++) {
            int s = i / m;
            sum += scale[i] * scale[i] * 2.0 * gram.get(s, s) / f.data().size();
        }
        return Math.sqrt(2 * TARGET / sum);
    }

    @Test
    void isotropicMatchesTheQuadraticExpectation() {
        LossFunction f = LinearModels.loss(3, 2, 40, new Random(41));
        double[] theta = LinearModels.minimiser(f);
        double[] ones = new double[theta.length];
        java.util.Arrays.fill(ones, 1.0);
        PacBayesFlatness.Result r = PacBayesFlatness.isotropic(TARGET, 4000, 5).measure(f, theta);
        double sigma = expectedSigma(f, theta, ones);
        assertThat(r.bracketed()).isTrue();
        assertThat(r.sigma()).isCloseTo(sigma, within(0.05 * sigma));
        assertThat(r.flatness()).isEqualTo(1 / (r.sigma() * r.sigma()));
        // bisected to the boundary: the increase at σ is the target
        assertThat(r.increase()).isLessThanOrEqualTo(TARGET).isCloseTo(TARGET, within(1e-6 * TARGET));
    }

    @Test
    void magnitudeAwareMatchesTheQuadraticExpectation() {
        LossFunction f = LinearModels.loss(3, 2, 40, new Random(42));
        double[] theta = LinearModels.minimiser(f);
        double eps = 0.05;
        double[] scale = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            scale[i] = Math.abs(theta[i]) + eps;
        }
        PacBayesFlatness.Result r = PacBayesFlatness.magnitudeAware(TARGET, eps, 4000, 6).measure(f, theta);
        double sigma = expectedSigma(f, theta, scale);
        assertThat(r.sigma()).isCloseTo(sigma, within(0.05 * sigma));
    }

    @Test
    void keysAndDeclarationsFollowTheNoise() {
        assertThat(PacBayesFlatness.isotropic(0.1, 4, 1).key()).isEqualTo("pacBayes");
        assertThat(PacBayesFlatness.magnitudeAware(0.1, 0, 4, 1).underAlphaScale()).isEqualTo(Invariance.INVARIANT);
        assertThat(PacBayesFlatness.magnitudeAware(0.1, 1e-3, 4, 1).underAlphaScale())
                .isEqualTo(Invariance.APPROXIMATE);
        assertThat(PacBayesFlatness.isotropic(0.1, 4, 1).underAlphaScale()).isEqualTo(Invariance.MOVED);
    }
}
