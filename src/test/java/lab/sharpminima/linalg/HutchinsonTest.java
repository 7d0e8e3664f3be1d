package lab.sharpminima.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Hutchinson's estimator: exact on diagonals, unbiased, and with the stated standard error. */
class HutchinsonTest {

    /** A random symmetric matrix with N(0,1) entries and a diagonal shifted by 0.5. */
    private static DMatrixRMaj randomSymmetric(int n, Random rnd) {
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < a.data.length; i++) {
            a.data[i] = rnd.nextGaussian();
        }
        Spectra.symmetrise(a);
        for (int i = 0; i < n; i++) {
            a.add(i, i, 0.5);
        }
        return a;
    }

    @Test
    void exactForDiagonalMatrices() {
        // zᵀDz = Σ d_i z_i² = tr D for every Rademacher z
        double[] d = Spectra.uniform(200, -3, 5, new Random(31));
        Hutchinson.Result r = Hutchinson.defaults().estimate(new DenseOperator(Spectra.diagonal(d)));
        assertThat(r.estimate()).isCloseTo(Arrays.stream(d).sum(), within(1e-11));
        assertThat(r.standardError()).isLessThan(1e-12);
        assertThat(r.samples()).isEqualTo(10); // stops at minSamples: SE = 0
    }

    @Test
    void unbiasedWithinFourStandardErrors() {
        Random rnd = new Random(32);
        int n = 200;
        DMatrixRMaj a = randomSymmetric(n, rnd);
        double trace = 0;
        double offDiagonal = 0;
        for (int i = 0; i < n; i++) {
            trace += a.get(i, i);
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    offDiagonal += a.get(i, j) * a.get(i, j);
                }
            }
        }
        int m = 400;
        Hutchinson.Result r = Hutchinson.defaults().withMaxSamples(m).withRelativeTolerance(0).withSeed(5)
                .estimate(new DenseOperator(a));
        assertThat(r.samples()).isEqualTo(m);
        assertThat(Math.abs(r.estimate() - trace)).isLessThanOrEqualTo(4 * r.standardError());
        // Var(zᵀAz) = 2 Σ_{i≠j} a_ij² for Rademacher z: the sample SE must match it to sampling error
        double exactSe = Math.sqrt(2 * offDiagonal / m);
        assertThat(r.standardError()).isCloseTo(exactSe, within(0.15 * exactSe));
    }

    @Test
    void standardErrorIsSampleStdOverRootM() {
        Random rnd = new Random(33);
        Hutchinson.Result r = Hutchinson.defaults().withMaxSamples(50).withRelativeTolerance(0)
                .estimate(new DenseOperator(randomSymmetric(60, rnd)));
        double[] x = r.values();
        double mean = Arrays.stream(x).average().orElseThrow();
        double ss = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum();
        assertThat(r.estimate()).isCloseTo(mean, within(1e-10));
        assertThat(r.standardError()).isCloseTo(Math.sqrt(ss / (x.length - 1)) / Math.sqrt(x.length), within(1e-10));
    }

    @Test
    void stopsAtTheFirstSampleMeetingTheRelativeTolerance() {
        Random rnd = new Random(34);
        DMatrixRMaj a = randomSymmetric(80, rnd);
        for (int i = 0; i < 80; i++) {
            a.add(i, i, 5); // trace ≈ 440, SE per sample ≈ 160: relTol 0.05 needs tens of samples
        }
        double relTol = 0.05;
        Hutchinson.Result r = Hutchinson.defaults().withMaxSamples(1000).withRelativeTolerance(relTol)
                .estimate(new DenseOperator(a));
        assertThat(r.samples()).isGreaterThan(10).isLessThan(1000);
        assertThat(r.standardError()).isLessThanOrEqualTo(relTol * Math.abs(r.estimate()));
        double[] before = Arrays.copyOf(r.values(), r.samples() - 1);
        double mean = Arrays.stream(before).average().orElseThrow();
        double ss = Arrays.stream(before).map(v -> (v - mean) * (v - mean)).sum();
        double seBefore = Math.sqrt(ss / (before.length - 1) / before.length);
        assertThat(seBefore).isGreaterThan(relTol * Math.abs(mean));
    }

    @Test
    void sameSeedSameSamples() {
        DenseOperator op = new DenseOperator(randomSymmetric(40, new Random(35)));
        Hutchinson h = Hutchinson.defaults().withSeed(9);
        assertThat(h.estimate(op).values()).containsExactly(h.estimate(op).values());
    }
}
