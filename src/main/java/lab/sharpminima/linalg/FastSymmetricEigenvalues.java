package lab.sharpminima.linalg;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.eig.symm.SymmetricQrAlgorithm_DDRM;

/**
 * All eigenvalues of a dense symmetric matrix, several times faster than EJML's dense symmetric
 * eigen-decomposition for n in the hundreds to thousands (e.g. a network's full Hessian).
 *
 * <p>Two steps, as in LAPACK dsyev/dsterf: (1) blocked Householder tridiagonalisation
 * T = Qᵀ A Q (LAPACK dsytrd/dlatrd; Golub &amp; Van Loan, <i>Matrix Computations</i>, 4th ed.,
 * §8.3.1), ≈ 4/3 n³ flops on the lower triangle, see {@link BlockedTridiagonalizer}; (2) the
 * eigenvalues of T by the
 * root-free implicit QL iteration of LAPACK dsterf (Pal–Walker–Kahan; Golub &amp; Van Loan
 * §8.3.3 for the implicit shifted QR/QL step), O(n²), see {@link RootFreeTridiagonalQl}, with
 * EJML's {@link SymmetricQrAlgorithm_DDRM} as a fallback.
 *
 * <p>Accuracy: both steps are backward stable, so the computed eigenvalues are the exact ones of
 * A + E with ‖E‖₂ ≤ c·n·ε·‖A‖₂ (ε = 2⁻⁵², c modest), and by Weyl's theorem each differs from the
 * true one by at most ‖E‖₂, an absolute error (small eigenvalues get no better relative accuracy
 * than that). The matrix used is the symmetric part (A + Aᵀ)/2, so rounding asymmetry in the
 * input (as in an assembled Hessian) is harmless.
 */
public final class FastSymmetricEigenvalues {

    private FastSymmetricEigenvalues() {
    }

    /**
     * The n eigenvalues of the symmetric part of {@code symmetric}, sorted from largest to
     * smallest. The input is not modified.
     *
     * @throws IllegalArgumentException if the matrix is not square or has a NaN or infinite entry
     */
    public static double[] eigenvalues(DMatrixRMaj symmetric) {
        return eigenvalues(symmetric, defaultThreads());
    }

    /**
     * As {@link #eigenvalues(DMatrixRMaj)}, with the reduction's kernels split among at most
     * {@code threads} threads (1 = the calling thread only; more than the machine's cores, or
     * than {@value RowSplitExecutor#MAX_PARTS}, is capped). The result does not depend on it
     * beyond rounding.
     *
     * @throws IllegalArgumentException as {@link #eigenvalues(DMatrixRMaj)}, or if threads &lt; 1
     */
    public static double[] eigenvalues(DMatrixRMaj symmetric, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        int n = symmetric.numRows;
        if (symmetric.numCols != n) {
            throw new IllegalArgumentException("eigenvalues need a square matrix, got " + n + "×"
                    + symmetric.numCols);
        }
        if (n == 0) {
            return new double[0];
        }
        double[] a = lowerSymmetricPart(symmetric);
        double[] d = new double[n];
        double[] e = new double[Math.max(1, n - 1)];
        new BlockedTridiagonalizer(n, BlockedTridiagonalizer.DEFAULT_BLOCK, threads).reduce(a, d, e);
        double[] lambda = tridiagonalEigenvalues(n, d, e);
        Arrays.sort(lambda);
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            double t = lambda[i];
            lambda[i] = lambda[j];
            lambda[j] = t;
        }
        return lambda;
    }

    /** All the cores this JVM may use (the kernels cap it at {@value RowSplitExecutor#MAX_PARTS}). */
    public static int defaultThreads() {
        return RowSplitExecutor.parts();
    }

    /**
     * A row-major copy whose lower triangle holds (A + Aᵀ)/2; tiles of 64×64 keep the transposed
     * reads in cache. Rejects non-finite entries, which would make every eigenvalue NaN.
     */
    private static double[] lowerSymmetricPart(DMatrixRMaj m) {
        int n = m.numRows;
        double[] s = m.data;
        double[] a = new double[n * n];
        final int tile = 64;
        for (int r0 = 0; r0 < n; r0 += tile) {
            for (int c0 = 0; c0 <= r0; c0 += tile) {
                int r1 = Math.min(n, r0 + tile);
                for (int r = r0; r < r1; r++) {
                    int c1 = Math.min(r + 1, c0 + tile);
                    for (int c = c0; c < c1; c++) {
                        double v = 0.5 * (s[r * n + c] + s[c * n + r]);
                        if (!Double.isFinite(v)) {
                            throw new IllegalArgumentException("matrix entry (" + r + ", " + c
                                    + ") is not finite; eigenvalues need finite entries");
                        }
                        a[r * n + c] = v;
                    }
                }
            }
        }
        return a;
    }

    /**
     * Eigenvalues (unsorted) of the symmetric tridiagonal matrix with diagonal d and off-diagonal e:
     * LAPACK's root-free QL ({@link RootFreeTridiagonalQl}); should it not converge, EJML's
     * implicit QR with Wilkinson shifts on the untouched copies.
     */
    private static double[] tridiagonalEigenvalues(int n, double[] d, double[] e) {
        double[] lambda = d.clone();
        if (RootFreeTridiagonalQl.eigenvalues(n, lambda, e.clone())) {
            return lambda;
        }
        SymmetricQrAlgorithm_DDRM qr = new SymmetricQrAlgorithm_DDRM();
        if (!qr.process(n, d, e)) {
            throw new IllegalStateException("tridiagonal eigenvalue iteration did not converge for n = " + n);
        }
        for (int i = 0; i < n; i++) {
            lambda[i] = qr.getEigenvalue(i);
        }
        return lambda;
    }
}
