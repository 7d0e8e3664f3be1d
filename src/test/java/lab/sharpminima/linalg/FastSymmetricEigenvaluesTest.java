package lab.sharpminima.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.TestNets;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Eigenvalues against EJML's dense symmetric eigen-decomposition and against matrices built with
 * a known spectrum. Tolerance: every eigenvalue within 1e-10·‖A‖₂ (absolute), which a backward
 * stable method meets with a wide margin (its bound is ≈ n·ε·‖A‖₂ ≤ 1e-12·‖A‖₂ here).
 */
class FastSymmetricEigenvaluesTest {

    private static final double TOL = 1e-10;
    private static final int NB = BlockedTridiagonalizer.DEFAULT_BLOCK;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, NB - 1, NB, NB + 1, 2 * NB, 2 * NB + 1, 2 * NB + 3, 3 * NB + 5, 300})
    void randomSymmetricMatchesEjml(int n) {
        DMatrixRMaj a = randomSymmetric(n, new Random(1000 + n));
        assertClose(FastSymmetricEigenvalues.eigenvalues(a), ejmlEigenvalues(a));
    }

    @Test
    void largeRandomMatrixUsesTheParallelKernelsAndStillMatches() {
        DMatrixRMaj a = randomSymmetric(520, new Random(7));
        assertClose(FastSymmetricEigenvalues.eigenvalues(a), ejmlEigenvalues(a));
    }

    @Test
    void serialAndParallelReductionsAgree() {
        DMatrixRMaj a = randomSymmetric(400, new Random(8));
        double[] serial = FastSymmetricEigenvalues.eigenvalues(a, 1);
        assertClose(FastSymmetricEigenvalues.eigenvalues(a, 4), serial);
        assertClose(serial, ejmlEigenvalues(a));
        assertThatThrownBy(() -> FastSymmetricEigenvalues.eigenvalues(a, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads");
    }

    @Test
    void knownSpectrumWithClustersRepeatsNegativesAndZeros() {
        int n = 150;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            switch (i % 5) {
                case 0 -> lambda[i] = 3.0;                    // repeated
                case 1 -> lambda[i] = 1.0 + 1e-9 * i;         // a tight cluster
                case 2 -> lambda[i] = -2.5 - 0.01 * i;        // negative
                case 3 -> lambda[i] = 0.0;                    // zero
                default -> lambda[i] = 10.0 * Math.sin(i);    // spread
            }
        }
        assertClose(FastSymmetricEigenvalues.eigenvalues(withSpectrum(lambda, new Random(3))), descending(lambda));
    }

    @Test
    void knownSpectrumOverSixteenOrdersOfMagnitude() {
        int n = 120;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            double mag = Math.pow(10, -8 + 16.0 * i / (n - 1));
            lambda[i] = i % 2 == 0 ? mag : -mag;
        }
        assertClose(FastSymmetricEigenvalues.eigenvalues(withSpectrum(lambda, new Random(4))), descending(lambda));
    }

    @Test
    void diagonalMatrixGivesItsDiagonal() {
        int n = 77;
        Random rnd = new Random(5);
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = rnd.nextGaussian() * 100;
        }
        DMatrixRMaj a = CommonOps_DDRM.diag(lambda);
        assertThat(FastSymmetricEigenvalues.eigenvalues(a)).containsExactly(descending(lambda));
    }

    @Test
    void tridiagonalMatrixWithKnownSpectrum() {
        // The second-difference matrix tridiag(−1, 2, −1) has λ_k = 2 − 2 cos(kπ/(n+1)).
        int n = 100;
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            a.set(i, i, 2);
            if (i + 1 < n) {
                a.set(i, i + 1, -1);
                a.set(i + 1, i, -1);
            }
        }
        double[] lambda = new double[n];
        for (int k = 1; k <= n; k++) {
            lambda[k - 1] = 2 - 2 * Math.cos(k * Math.PI / (n + 1));
        }
        assertClose(FastSymmetricEigenvalues.eigenvalues(a), descending(lambda));
    }

    @Test
    void hessianOfAReluNetWithBiasesMatchesEjml() {
        Random rnd = new Random(11);
        Network net = TestNets.net(new int[] {3, 12, 12, 2}, Activation.RELU, true);
        LossFunction loss = new LossFunction(net, LossKind.MSE, TestNets.data(net, LossKind.MSE, 40, rnd, false));
        DMatrixRMaj h = loss.hessian(TestNets.theta(net, rnd));
        assertThat(h.numRows).isEqualTo(230);
        assertClose(FastSymmetricEigenvalues.eigenvalues(h), ejmlEigenvalues(h));
    }

    @Test
    void usesTheSymmetricPartAndLeavesTheInputAlone() {
        int n = 40;
        Random rnd = new Random(12);
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < a.data.length; i++) {
            a.data[i] = rnd.nextGaussian();
        }
        DMatrixRMaj before = a.copy();
        DMatrixRMaj sym = new DMatrixRMaj(n, n);
        CommonOps_DDRM.transpose(a, sym);
        CommonOps_DDRM.addEquals(sym, a);
        CommonOps_DDRM.scale(0.5, sym);
        assertClose(FastSymmetricEigenvalues.eigenvalues(a), ejmlEigenvalues(sym));
        assertThat(a.data).containsExactly(before.data);
    }

    @Test
    void resultIsSortedDescending() {
        double[] lambda = FastSymmetricEigenvalues.eigenvalues(randomSymmetric(90, new Random(13)));
        for (int i = 1; i < lambda.length; i++) {
            assertThat(lambda[i]).isLessThanOrEqualTo(lambda[i - 1]);
        }
    }

    @Test
    void rejectsNonSquareAndNonFiniteMatrices() {
        assertThatThrownBy(() -> FastSymmetricEigenvalues.eigenvalues(new DMatrixRMaj(3, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("square");
        DMatrixRMaj a = new DMatrixRMaj(3, 3);
        a.set(2, 1, Double.NaN);
        assertThatThrownBy(() -> FastSymmetricEigenvalues.eigenvalues(a))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(2, 1)");
        assertThat(FastSymmetricEigenvalues.eigenvalues(new DMatrixRMaj(0, 0))).isEmpty();
    }

    // ---- helpers ----

    static DMatrixRMaj randomSymmetric(int n, Random rnd) {
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = rnd.nextGaussian();
                a.set(i, j, v);
                a.set(j, i, v);
            }
        }
        return a;
    }

    /** Q diag(λ) Qᵀ with Q the orthogonal factor of EJML's QR of a Gaussian matrix. */
    private static DMatrixRMaj withSpectrum(double[] lambda, Random rnd) {
        int n = lambda.length;
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        for (int i = 0; i < g.data.length; i++) {
            g.data[i] = rnd.nextGaussian();
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
        assertThat(qr.decompose(g)).isTrue();
        DMatrixRMaj q = qr.getQ(null, false);
        DMatrixRMaj ql = q.copy();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                ql.set(i, j, q.get(i, j) * lambda[j]);
            }
        }
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(ql, q, a);
        return a;
    }

    private static double[] ejmlEigenvalues(DMatrixRMaj a) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(a.numRows, false, true);
        assertThat(eig.decompose(a.copy())).isTrue();
        double[] lambda = new double[a.numRows];
        for (int i = 0; i < lambda.length; i++) {
            lambda[i] = eig.getEigenvalue(i).real;
        }
        return descending(lambda);
    }

    private static double[] descending(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        for (int i = 0, j = s.length - 1; i < j; i++, j--) {
            double t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return s;
    }

    /** Same length and every eigenvalue within TOL·max|λ| of the reference, in sorted order. */
    private static void assertClose(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        double norm = 0;
        for (double v : expected) {
            norm = Math.max(norm, Math.abs(v));
        }
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
        }
        assertThat(worst).as("max |Δλ| with ‖A‖₂ = %g", norm).isLessThanOrEqualTo(TOL * Math.max(norm, Double.MIN_NORMAL));
    }
}
