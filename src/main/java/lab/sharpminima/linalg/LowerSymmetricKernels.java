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

    /** Chunks per thread: small enough that an idle thread can take over a descheduled one's share. */
    static final int CHUNKS_PER_THREAD = 4;

    private final int threads;
    private final double[][] partial;
    private final boolean[] used;

    /** Workspace for products of size up to {@code maxN}, split among at most {@code threads} threads. */
    LowerSymmetricKernels(int maxN, int threads) {
        this.threads = Math.max(1, Math.min(threads, RowSplitExecutor.parts()));
        this.partial = new double[this.threads][maxN];
        this.used = new boolean[this.threads];
    }

    /**
     * y[0:p) ← B x[0:p), B the p×p symmetric matrix whose lower triangle is
     * {@code a[off + r·ld + c]}, c ≤ r. Each stored element is read once and used twice,
     * b_rc·x_c into y_r (a dot product along the row) and b_rc·x_r into y_c (an axpy), which
     * halves the memory traffic of a full-storage product: this kernel is bandwidth-bound.
     */
    void symv(double[] a, int off, int ld, int p, double[] x, double[] y) {
        if (p < PARALLEL_MIN_ROWS || threads == 1) {
            java.util.Arrays.fill(y, 0, p, 0.0);
            symvRows(a, off, ld, 0, p, x, y);
            return;
        }
        int chunks = CHUNKS_PER_THREAD * threads;
        int[] split = RowSplitExecutor.triangleSplit(p, chunks);
        java.util.Arrays.fill(used, false);
        RowSplitExecutor.run(threads, chunks, (t, c) -> {
            double[] out = partial[t];
            if (!used[t]) {
                used[t] = true;
                java.util.Arrays.fill(out, 0, p, 0.0);
            }
            symvRows(a, off, ld, split[c], split[c + 1], x, out);
        });
        // Each participant accumulated its rows' contributions into its own buffer.
        java.util.Arrays.fill(y, 0, p, 0.0);
        for (int t = 0; t < threads; t++) {
            if (used[t]) {
                double[] out = partial[t];
                for (int j = 0; j < p; j++) {
                    y[j] += out[j];
                }
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
        int chunks = q >= PARALLEL_MIN_ROWS && threads > 1 ? CHUNKS_PER_THREAD * threads : 1;
        int[] split = RowSplitExecutor.triangleSplit(q, chunks);
        RowSplitExecutor.run(threads, chunks, (t, ch) -> {
            int r = split[ch];
            for (; r + 3 < split[ch + 1]; r += 4) {
                rank2kFourRows(a, off, ld, r, vt, wt, stride, r0, k);
            }
            for (; r < split[ch + 1]; r++) {
                rank2kRow(a, off + r * ld, 0, r, vt, wt, stride, r0, r, k);
            }
        });
    }

    /**
     * Rows r … r+3 of {@link #rank2kUpdate}: their common columns c ≤ r in one sweep that loads
     * each V(c, j), W(c, j) once for four rows (a 4×2 register block: 16 flops per element of
     * B loaded and stored, 32 per four loads of V and W), then the small triangle c ∈ (r, r+3].
     */
    private static void rank2kFourRows(double[] a, int off, int ld, int r, double[] vt, double[] wt, int stride,
            int r0, int k) {
        int ra = off + r * ld;
        int rb = ra + ld;
        int rc = rb + ld;
        int rd = rc + ld;
        int vr = r0 + r;
        int j = 0;
        for (; j + 1 < k; j += 2) {
            int p0 = j * stride;
            int p1 = p0 + stride;
            double va0 = vt[p0 + vr], wa0 = wt[p0 + vr], va1 = vt[p1 + vr], wa1 = wt[p1 + vr];
            double vb0 = vt[p0 + vr + 1], wb0 = wt[p0 + vr + 1], vb1 = vt[p1 + vr + 1], wb1 = wt[p1 + vr + 1];
            double vc0 = vt[p0 + vr + 2], wc0 = wt[p0 + vr + 2], vc1 = vt[p1 + vr + 2], wc1 = wt[p1 + vr + 2];
            double vd0 = vt[p0 + vr + 3], wd0 = wt[p0 + vr + 3], vd1 = vt[p1 + vr + 3], wd1 = wt[p1 + vr + 3];
            int q0 = p0 + r0;
            int q1 = p1 + r0;
            for (int c = 0; c <= r; c++) {
                double x0 = wt[q0 + c], y0 = vt[q0 + c], x1 = wt[q1 + c], y1 = vt[q1 + c];
                a[ra + c] -= va0 * x0 + wa0 * y0 + va1 * x1 + wa1 * y1;
                a[rb + c] -= vb0 * x0 + wb0 * y0 + vb1 * x1 + wb1 * y1;
                a[rc + c] -= vc0 * x0 + wc0 * y0 + vc1 * x1 + wc1 * y1;
                a[rd + c] -= vd0 * x0 + wd0 * y0 + vd1 * x1 + wd1 * y1;
            }
        }
        for (; j < k; j++) {
            for (int i = 0; i < 4; i++) {
                rank2kRowTerm(a, off + (r + i) * ld, 0, r, vt, wt, j * stride, r0, r + i);
            }
        }
        for (int i = 1; i < 4; i++) {
            rank2kRow(a, off + (r + i) * ld, r + 1, r + i, vt, wt, stride, r0, r + i, k);
        }
    }

    /** Row r of {@link #rank2kUpdate} on columns c0 ≤ c ≤ c1: b[c] −= Σ_j V(r,j)·W(c,j) + W(r,j)·V(c,j). */
    private static void rank2kRow(double[] a, int row, int c0, int c1, double[] vt, double[] wt, int stride, int r0,
            int r, int k) {
        for (int j = 0; j < k; j++) {
            rank2kRowTerm(a, row, c0, c1, vt, wt, j * stride, r0, r);
        }
    }

    /** One term j of {@link #rank2kRow}, V and W's column j starting at {@code p}. */
    private static void rank2kRowTerm(double[] a, int row, int c0, int c1, double[] vt, double[] wt, int p, int r0,
            int r) {
        double v = vt[p + r0 + r];
        double w = wt[p + r0 + r];
        int q = p + r0;
        for (int c = c0; c <= c1; c++) {
            a[row + c] -= v * wt[q + c] + w * vt[q + c];
        }
    }
}
