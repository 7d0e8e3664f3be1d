package lab.sharpminima.linalg;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.eig.symm.SymmetricQREigenHelper_DDRM;
import org.ejml.dense.row.decomposition.eig.symm.SymmetricQrAlgorithm_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The eigen-decomposition A = V diag(λ) Vᵀ of a dense symmetric matrix, by EJML's symmetric QR
 * algorithm ({@code DecompositionFactory_DDRM.eig(n, vectors, true)}), with the eigenvalues sorted
 * descending, λ₁ ≥ λ₂ ≥ … ≥ λₙ, and the eigenvectors (when asked for) as the columns of V in the
 * same order.
 *
 * <p>This is the exact path for small problems (n up to a few thousand); {@link Lanczos},
 * {@link PowerIteration}, {@link Hutchinson} and {@link SpectralDensity} are the matrix-free ones.
 * Only symmetric input is meaningful: EJML reduces A to tridiagonal form assuming symmetry and does
 * not check it. The input matrix is never modified.
 */
public final class SymmetricEigen {

    private final double[] values;
    private final DMatrixRMaj vectors;

    private SymmetricEigen(double[] values, DMatrixRMaj vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * Decomposes the symmetric matrix {@code a} (not modified); eigenvectors are computed only when
     * {@code withVectors}.
     *
     * @throws IllegalArgumentException if {@code a} is not square
     * @throws IllegalStateException if EJML's QR iteration fails to converge (it does not for finite
     *     symmetric input; NaN or infinite entries make it fail)
     */
    public static SymmetricEigen decompose(DMatrixRMaj a, boolean withVectors) {
        if (a.numRows != a.numCols) {
            throw new IllegalArgumentException("matrix is " + a.numRows + " × " + a.numCols + ", it must be square");
        }
        int n = a.numRows;
        if (!withVectors) {
            // Values only: the blocked, multi-threaded tridiagonalisation is 2–3× faster than EJML's.
            return new SymmetricEigen(FastSymmetricEigenvalues.eigenvalues(a), null);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        DMatrixRMaj input = eig.inputModified() ? a.copy() : a;
        if (!eig.decompose(input)) {
            throw new IllegalStateException("symmetric eigen-decomposition of a " + n + " × " + n
                    + " matrix did not converge (non-finite entries?)");
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -eig.getEigenvalue(i).real));
        double[] values = new double[n];
        DMatrixRMaj vectors = withVectors ? new DMatrixRMaj(n, n) : null;
        for (int c = 0; c < n; c++) {
            values[c] = eig.getEigenvalue(order[c]).real;
            if (withVectors) {
                DMatrixRMaj v = eig.getEigenVector(order[c]);
                for (int r = 0; r < n; r++) {
                    vectors.unsafe_set(r, c, v.data[r]);
                }
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /**
     * The eigenvalues and eigenvectors of the symmetric tridiagonal matrix with diagonal {@code diag}
     * (length m) and off-diagonal {@code off} (length ≥ m − 1; neither is modified), by EJML's implicit
     * symmetric QR algorithm run on T directly ({@code SymmetricQrAlgorithm_DDRM}, the second half of
     * {@link #decompose}): it skips the O(m³) Householder reduction of a matrix that is already
     * tridiagonal, some 20 times faster at m = 300. Falls back to {@link #decompose} on the dense T if
     * the QR iteration does not converge.
     */
    public static SymmetricEigen ofTridiagonal(double[] diag, double[] off) {
        int m = diag.length;
        if (off.length < m - 1) {
            throw new IllegalArgumentException("off-diagonal has " + off.length + " entries, needs " + (m - 1));
        }
        if (m == 0) {
            return new SymmetricEigen(new double[0], new DMatrixRMaj(0, 0));
        }
        // the sequence of EJML's SymmetricQRAlgorithmDecomposition_DDRM.extractTogether, with Q₀ = I
        SymmetricQREigenHelper_DDRM helper = new SymmetricQREigenHelper_DDRM();
        SymmetricQrAlgorithm_DDRM qr = new SymmetricQrAlgorithm_DDRM(helper);
        helper.init(diag.clone(), Arrays.copyOf(off, Math.max(1, m - 1)), m);
        DMatrixRMaj rows = CommonOps_DDRM.identity(m);
        helper.setQ(rows);
        qr.setFastEigenvalues(false);
        if (!qr.process(-1, null, null)) {
            return decompose(dense(diag, off), true);
        }
        // the rotations accumulate into rows: row i of Q is the eigenvector of eigenvalue i
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -qr.getEigenvalue(i)));
        double[] values = new double[m];
        DMatrixRMaj vectors = new DMatrixRMaj(m, m);
        for (int c = 0; c < m; c++) {
            values[c] = qr.getEigenvalue(order[c]);
            for (int r = 0; r < m; r++) {
                vectors.unsafe_set(r, c, rows.unsafe_get(order[c], r));
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /** The dense symmetric tridiagonal matrix with the given diagonals. */
    static DMatrixRMaj dense(double[] diag, double[] off) {
        int m = diag.length;
        DMatrixRMaj t = new DMatrixRMaj(m, m);
        for (int j = 0; j < m; j++) {
            t.unsafe_set(j, j, diag[j]);
            if (j + 1 < m) {
                t.unsafe_set(j, j + 1, off[j]);
                t.unsafe_set(j + 1, j, off[j]);
            }
        }
        return t;
    }

    /** The eigenvalues and eigenvectors of {@code a}. */
    public static SymmetricEigen of(DMatrixRMaj a) {
        return decompose(a, true);
    }

    /** n, the size of the matrix. */
    public int size() {
        return values.length;
    }

    /** λ₁ ≥ … ≥ λₙ (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** λ_{i+1}, the i-th largest eigenvalue (0-based). */
    public double value(int i) {
        return values[i];
    }

    public boolean hasVectors() {
        return vectors != null;
    }

    /**
     * V, whose column i is the unit eigenvector of {@link #value(int) value(i)} (a copy).
     *
     * @throws IllegalStateException if the decomposition was made without vectors
     */
    public DMatrixRMaj vectors() {
        return requireVectors().copy();
    }

    /** Column i of V as a new array. */
    public double[] vector(int i) {
        DMatrixRMaj v = requireVectors();
        double[] out = new double[v.numRows];
        for (int r = 0; r < out.length; r++) {
            out[r] = v.unsafe_get(r, i);
        }
        return out;
    }

    /** ‖A‖₂ = max |λ_i| (0 for an empty matrix). */
    public double spectralNorm() {
        return values.length == 0 ? 0 : Math.max(Math.abs(values[0]), Math.abs(values[values.length - 1]));
    }

    /** tr A = Σ λ_i. */
    public double trace() {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    /**
     * The default rank tolerance n·ε·max|λ|, with ε the double machine epsilon (2⁻⁵²), as
     * {@code numpy.linalg.matrix_rank} uses for singular values.
     */
    public double defaultTolerance() {
        return values.length * Math.ulp(1.0) * spectralNorm();
    }

    /** The number of eigenvalues with |λ| > {@link #defaultTolerance()}. */
    public int rank() {
        return rank(defaultTolerance());
    }

    /** The number of eigenvalues with |λ| > {@code tol}. */
    public int rank(double tol) {
        int r = 0;
        for (double v : values) {
            if (Math.abs(v) > tol) {
                r++;
            }
        }
        return r;
    }

    /** The number of eigenvalues with λ > {@code m}, e.g. the count of large eigenvalues above a threshold M. */
    public int countAbove(double m) {
        int c = 0;
        while (c < values.length && values[c] > m) {
            c++;
        }
        return c;
    }

    private DMatrixRMaj requireVectors() {
        if (vectors == null) {
            throw new IllegalStateException("eigenvectors were not computed: decompose with withVectors = true");
        }
        return vectors;
    }
}
