package lab.sharpminima.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.ejml.dense.row.decomposition.eig.symm.SymmetricQrAlgorithm_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The root-free QL iteration against EJML's tridiagonal QR and known spectra. Tolerance: every
 * eigenvalue within 1e-12·max|entry|·n (absolute), well above dsterf's ≈ n·ε·‖T‖ error.
 */
class RootFreeTridiagonalQlTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 17, 100, 500})
    void randomTridiagonalMatchesEjml(int n) {
        Random rnd = new Random(n);
        double[] d = new double[n];
        double[] e = new double[n - 1];
        for (int i = 0; i < n; i++) {
            d[i] = rnd.nextGaussian();
        }
        for (int i = 0; i < n - 1; i++) {
            e[i] = rnd.nextGaussian();
        }
        assertSameSpectrum(d, e, ejml(d, e));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-300, 1e-150, 1.0, 1e150, 1e300})
    void scaleInvariant(double scale) {
        // tridiag(1, 0, 1) of size n has λ_k = 2 cos(kπ/(n+1)); a zero diagonal is the hard case
        // for the relative splitting test.
        int n = 60;
        double[] d = new double[n];
        double[] e = new double[n - 1];
        Arrays.fill(e, scale);
        double[] expected = new double[n];
        for (int k = 1; k <= n; k++) {
            expected[k - 1] = 2 * scale * Math.cos(k * Math.PI / (n + 1));
        }
        assertSameSpectrum(d, e, expected);
    }

    @Test
    void splitsAtZeroOffDiagonalsAndKeepsGradedEntries() {
        double[] d = {1e8, 3, 1e-8, -2, 5, 5};
        double[] e = {1e3, 0, 1e-9, 0, 1e-20};
        assertSameSpectrum(d, e, ejml(d, e));
    }

    private static double[] ejml(double[] d, double[] e) {
        SymmetricQrAlgorithm_DDRM qr = new SymmetricQrAlgorithm_DDRM();
        assertThat(qr.process(d.length, d.clone(), e.clone())).isTrue();
        double[] lambda = new double[d.length];
        for (int i = 0; i < lambda.length; i++) {
            lambda[i] = qr.getEigenvalue(i);
        }
        return lambda;
    }

    private static void assertSameSpectrum(double[] d, double[] e, double[] expected) {
        double[] lambda = d.clone();
        assertThat(RootFreeTridiagonalQl.eigenvalues(d.length, lambda, e.clone())).isTrue();
        double[] want = expected.clone();
        Arrays.sort(lambda);
        Arrays.sort(want);
        double norm = 0;
        for (double v : d) {
            norm = Math.max(norm, Math.abs(v));
        }
        for (double v : e) {
            norm = Math.max(norm, Math.abs(v));
        }
        for (int i = 0; i < lambda.length; i++) {
            assertThat(Math.abs(lambda[i] - want[i])).as("λ_%d", i).isLessThanOrEqualTo(1e-12 * norm * d.length);
        }
    }
}
