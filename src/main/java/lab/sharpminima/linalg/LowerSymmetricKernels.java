package lab.sharpminima.linalg;

/**
 * The two O(m²)-per-step kernels of the blocked Householder tridiagonalisation, on a symmetric
 * matrix of which only the lower triangle of a row-major {@code double[]} (leading dimension
 * {@code ld}) is stored and referenced: the symmetric matrix–vector product (BLAS dsymv, lower)
 * and the symmetric rank-2k update (BLAS dsyr2k, lower, no transpose).
 *
 * <p>EJML has neither operation on a triangle of a strided sub-matrix: its general products would
 * update the full square (twice the flops) of a copied-out block, and its dot-product form of
 * {@code multAddTransB} cannot be vectorised by the JIT (measured: 2 GFLOP/s against ≈ 7 for the
 * axpy form below, n = 1120). Both loops here run along contiguous rows so HotSpot's superword
 * pass vectorises the axpy parts; rows are shared among threads by {@link RowSplitExecutor} with
 * equal triangle areas.
 */
final class LowerSymmetricKernels {

    /** Below this size a product is not worth a thread hand-off (≈ 10–50 µs). */
    static final int PARALLEL_MIN_ROWS = 160;

    private final double[][] partial;

    /** Workspace for products of size up to {@code maxN}. */
    LowerSymmetricKernels(int maxN) {
        partial = new double[RowSplitExecutor.parts()][maxN];
    }

    /**
     * y[0:p) ← B x[0:p), B the p×p symmetric matrix whose lower triangle is
     * {@code a[off + r·ld + c]}, c ≤ r. Each stored element is read once and used twice,
     * b_rc·x_c into y_r (a dot product along the row) and b_rc·x_r into y_c (an axpy), which
     * halves the memory traffic of a full-storage product: this kernel is bandwidth-bound.
     */
    void symv(double[] a, int off, int ld, int p, double[] x, double[] y) {
        int parts = p >= PARALLEL_MIN_ROWS ? RowSplitExecutor.parts() : 1;
        if (parts == 1) {
            java.util.Arrays.fill(y, 0, p, 0.0);
            symvRows(a, off, ld, 0, p, x, y);
            return;
        }
        int[] split = RowSplitExecutor.triangleSplit(p, parts);
        RowSplitExecutor.run(parts, t -> {
            double[] out = partial[t];
            java.util.Arrays.fill(out, 0, split[t + 1], 0.0);
            symvRows(a, off, ld, split[t], split[t + 1], x, out);
        });
        // Part t wrote only y[0 : split[t+1]); the rest of its buffer is stale.
        System.arraycopy(partial[0], 0, y, 0, split[1]);
        java.util.Arrays.fill(y, split[1], p, 0.0);
        for (int t = 1; t < parts; t++) {
            double[] out = partial[t];
            int end = split[t + 1];
            for (int j = 0; j < end; j++) {
                y[j] += out[j];
            }
        }
    }

    /** Rows [r0, r1) of {@link #symv}, accumulated into {@code y} (which the caller zeroed). */
    private static void symvRows(double[] a, int off, int ld, int r0, int r1, double[] x, double[] y) {
        for (int r = r0; r < r1; r++) {
            int row = off + r * ld;
            double xr = x[r];
            // Four partial sums break the dependency chain of the dot product (the JIT keeps
            // floating-point reductions in order, so it cannot do this itself).
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int c = 0;
            for (; c + 3 < r; c += 4) {
                double b0 = a[row + c], b1 = a[row + c + 1], b2 = a[row + c + 2], b3 = a[row + c + 3];
                s0 += b0 * x[c];
                s1 += b1 * x[c + 1];
                s2 += b2 * x[c + 2];
                s3 += b3 * x[c + 3];
                y[c] += b0 * xr;
                y[c + 1] += b1 * xr;
                y[c + 2] += b2 * xr;
                y[c + 3] += b3 * xr;
            }
            for (; c < r; c++) {
                double b = a[row + c];
                s0 += b * x[c];
                y[c] += b * xr;
            }
            y[r] += (s0 + s1) + (s2 + s3) + a[row + r] * xr;
        }
    }

    /**
     * B ← B − V Wᵀ − W Vᵀ on the lower triangle of the q×q matrix B whose element (r, c) is
     * {@code a[off + r·ld + c]}, where V and W are q×k and stored transposed: V(r, j) =
     * {@code vt[j·stride + r0 + r]}, likewise W ({@code r0} skips rows of V, W that lie above B).
     * This is the level-3 half of LAPACK dsytrd (its dsyr2k call).
     */
    void rank2kUpdate(double[] a, int off, int ld, int q, double[] vt, double[] wt, int stride, int r0, int k) {
        int parts = q >= PARALLEL_MIN_ROWS ? RowSplitExecutor.parts() : 1;
        int[] split = RowSplitExecutor.triangleSplit(q, parts);
        RowSplitExecutor.run(parts, t -> {
            for (int r = split[t]; r < split[t + 1]; r++) {
                rank2kRow(a, off + r * ld, r, vt, wt, stride, r0, r0 + r, k);
            }
        });
    }

    /**
     * Row r of {@link #rank2kUpdate}: b[c] −= Σ_j V(r,j)·W(c,j) + W(r,j)·V(c,j) for c = 0 … r,
     * two j at a time so that each pass over the row does eight flops per load/store of b.
     */
    private static void rank2kRow(double[] a, int row, int r, double[] vt, double[] wt, int stride, int c0,
            int vr, int k) {
        int j = 0;
        for (; j + 1 < k; j += 2) {
            int p0 = j * stride + c0;
            int p1 = p0 + stride;
            double v0 = vt[j * stride + vr];
            double w0 = wt[j * stride + vr];
            double v1 = vt[(j + 1) * stride + vr];
            double w1 = wt[(j + 1) * stride + vr];
            for (int c = 0; c <= r; c++) {
                a[row + c] -= v0 * wt[p0 + c] + w0 * vt[p0 + c] + v1 * wt[p1 + c] + w1 * vt[p1 + c];
            }
        }
        if (j < k) {
            int p0 = j * stride + c0;
            double v0 = vt[j * stride + vr];
            double w0 = wt[j * stride + vr];
            for (int c = 0; c <= r; c++) {
                a[row + c] -= v0 * wt[p0 + c] + w0 * vt[p0 + c];
            }
        }
    }
}
