package lab.sharpminima.linalg;

/**
 * Householder reduction of a dense symmetric matrix to symmetric tridiagonal form T = Qᵀ A Q,
 * blocked as in LAPACK dsytrd/dlatrd (uplo = 'L'; Golub &amp; Van Loan, Matrix Computations,
 * 4th ed., §8.3.1 and the blocking of §5.1.7): a panel of {@code nb} reflectors
 * H_i = I − τ_i v_i v_iᵀ is formed with the trailing matrix updates deferred, as
 * A − V Wᵀ − W Vᵀ, and then applied at once as a rank-2·nb update.
 *
 * <p>For panel column i the deferred form needs w_i = τ_i y − ½ τ_i (τ_i yᵀv_i) v_i with
 * y = (A − V Wᵀ − W Vᵀ) v_i,
 * i.e. one symmetric matrix–vector product with the not-yet-updated trailing matrix (half of the
 * ≈ 4/3 n³ flops, bandwidth-bound) plus O(m·nb) corrections; the other half is the rank-2k update.
 * Only Q's effect on the spectrum is kept: the reflectors are discarded, so Q is not available.
 *
 * <p>Storage: the matrix is a row-major {@code double[]} with leading dimension n whose lower
 * triangle (c ≤ r) holds A; it is overwritten. V and W are kept transposed (nb rows of length m)
 * so that every inner loop runs along contiguous memory.
 */
final class BlockedTridiagonalizer {

    /** Panel width: 32 balances the O(m·nb²) panel corrections against the update's reuse. */
    static final int DEFAULT_BLOCK = 32;

    private final int n;
    private final int nb;
    private final double[] vt;
    private final double[] wt;
    private final double[] panelCols;
    private final double[] col;
    private final double[] x;
    private final double[] y;
    private final double[] dots;
    private final LowerSymmetricKernels kernels;

    /** Workspace for n×n matrices with panels of {@code nb} ≥ 1 columns, using up to {@code threads} threads. */
    BlockedTridiagonalizer(int n, int nb, int threads) {
        if (nb < 1) {
            throw new IllegalArgumentException("block size must be at least 1, got " + nb);
        }
        this.n = n;
        this.nb = nb;
        // The last panel may hold up to 2·nb columns (see reduce); its stride is at most n.
        int panelCells = Math.max(1, Math.min(2 * nb, n) * n);
        this.vt = new double[panelCells];
        this.wt = new double[panelCells];
        this.panelCols = new double[panelCells];
        this.col = new double[Math.max(1, n)];
        this.x = new double[Math.max(1, n)];
        this.y = new double[Math.max(1, n)];
        this.dots = new double[4 * nb];
        this.kernels = new LowerSymmetricKernels(Math.max(1, n), threads);
    }

    /**
     * Reduces A (lower triangle of {@code a}, n×n row-major, destroyed) to tridiagonal form:
     * on return {@code d[0:n)} holds T's diagonal and {@code e[0:n−1)} its off-diagonal.
     */
    void reduce(double[] a, double[] d, double[] e) {
        int i0 = 0;
        while (n - i0 > 0) {
            int m = n - i0;
            if (m <= 2 * nb) {
                // The tail is reduced by one panel of all its columns (LAPACK's unblocked dsytd2
                // would do the same arithmetic with immediate updates).
                panel(a, i0, m, d, e);
                return;
            }
            panel(a, i0, nb, d, e);
            int off = i0 * n + i0;
            kernels.rank2kUpdate(a, off + nb * n + nb, n, m - nb, vt, wt, m, nb, nb);
            i0 += nb;
        }
    }

    /**
     * LAPACK dlatrd (lower): reduces the first {@code cols} columns of the trailing matrix
     * B = A[i0:n, i0:n] (size m), leaving V in {@code vt}, W in {@code wt} (stride m) and
     * B's lower-right part not yet updated.
     */
    private void panel(double[] a, int i0, int cols, double[] d, double[] e) {
        int m = n - i0;
        int off = i0 * n + i0;
        gatherPanel(a, off, m, cols);
        for (int i = 0; i < cols; i++) {
            updatedColumn(m, i);
            d[i0 + i] = col[i];
            if (i == m - 1) {
                return; // the matrix's last column: nothing left to annihilate
            }
            double tau = reflector(m, i, e, i0 + i);
            computeW(a, off, m, i, tau);
        }
    }

    /**
     * Copies the panel's columns B[:, 0:cols) into column-major {@code panelCols} (stride m):
     * one pass reading a short contiguous piece of each row, instead of a strided walk per column.
     * Only the lower triangle is valid, which is all the panel reads.
     */
    private void gatherPanel(double[] a, int off, int m, int cols) {
        for (int r = 0; r < m; r++) {
            int row = off + r * n;
            int end = Math.min(cols, r + 1);
            for (int j = 0; j < end; j++) {
                panelCols[j * m + r] = a[row + j];
            }
        }
    }

    /** col[i:m) ← B[i:m, i] − V[i:m, 0:i] W[i, 0:i]ᵀ − W[i:m, 0:i] V[i, 0:i]ᵀ (deferred updates applied). */
    private void updatedColumn(int m, int i) {
        System.arraycopy(panelCols, i * m + i, col, i, m - i);
        for (int k = 0; k < i; k++) {
            int p = k * m;
            double vi = vt[p + i];
            double wi = wt[p + i];
            for (int r = i; r < m; r++) {
                col[r] -= vt[p + r] * wi + wt[p + r] * vi;
            }
        }
    }

    /**
     * LAPACK dlarfg on (α, x) = (col[i+1], col[i+2:m)): H = I − τ v vᵀ with v = (1, x/(α − β)),
     * β = −sign(α)·‖(α, x)‖, τ = (β − α)/β, maps (α, x) to (β, 0). The norm is computed on the
     * vector scaled by its largest entry so that it neither overflows nor underflows.
     * Stores v in row i of V (zeros above), β in {@code e[ei]}; returns τ (0 when x = 0: H = I).
     */
    private double reflector(int m, int i, double[] e, int ei) {
        int p = i * m;
        java.util.Arrays.fill(vt, p, p + i + 1, 0.0);
        vt[p + i + 1] = 1.0;
        double scale = 0;
        for (int r = i + 1; r < m; r++) {
            scale = Math.max(scale, Math.abs(col[r]));
        }
        double alpha = col[i + 1];
        double sumSq = 0;
        if (scale > 0) {
            double inv = 1.0 / scale;
            for (int r = i + 2; r < m; r++) {
                double s = col[r] * inv;
                sumSq += s * s;
            }
        }
        if (sumSq == 0) {
            java.util.Arrays.fill(vt, p + i + 2, p + m, 0.0);
            e[ei] = alpha;
            return 0.0;
        }
        double as = alpha / scale;
        double bs = -Math.copySign(Math.sqrt(as * as + sumSq), as);
        double f = 1.0 / (scale * (as - bs)); // |as − bs| ≥ 1, so only scale·(as − bs) can be tiny
        if (Double.isInfinite(f)) {
            double g = 1.0 / (as - bs);
            for (int r = i + 2; r < m; r++) {
                vt[p + r] = (col[r] / scale) * g;
            }
        } else {
            for (int r = i + 2; r < m; r++) {
                vt[p + r] = col[r] * f;
            }
        }
        e[ei] = bs * scale;
        return (bs - as) / bs;
    }

    /**
     * Row i of W (dlatrd): w = τ (B v − V (Wᵀ v) − W (Vᵀ v)) on rows i+1…m−1, then
     * w ← w − ½ τ (wᵀ v) v, so that B − v wᵀ − w vᵀ = H B H on the trailing part.
     */
    private void computeW(double[] a, int off, int m, int i, double tau) {
        int p = i * m;
        int lo = i + 1;
        int len = m - lo;
        java.util.Arrays.fill(wt, p, p + lo, 0.0);
        if (tau == 0) {
            java.util.Arrays.fill(wt, p + lo, p + m, 0.0);
            return;
        }
        System.arraycopy(vt, p + lo, x, 0, len);
        kernels.symv(a, off + lo * n + lo, n, len, x, y);
        subtractPanelTerms(m, i, lo, len);
        double yv = 0;
        for (int c = 0; c < len; c++) {
            y[c] *= tau;
            yv += y[c] * x[c];
        }
        double beta = -0.5 * tau * yv;
        for (int c = 0; c < len; c++) {
            wt[p + lo + c] = y[c] + beta * x[c];
        }
    }

    /**
     * y ← y − V (Wᵀ x) − W (Vᵀ x) over the panel's first i columns (rows lo … m−1), where x = v_i:
     * first the 2i dot products (two columns at a time, four independent sums), then the
     * corrections as axpys, which the JIT vectorises.
     */
    private void subtractPanelTerms(int m, int i, int lo, int len) {
        for (int k = 0; k < i; k++) {
            int q = k * m + lo;
            double wv = 0;
            double vv = 0;
            for (int c = 0; c < len; c++) {
                wv += wt[q + c] * x[c];
                vv += vt[q + c] * x[c];
            }
            dots[2 * k] = wv;
            dots[2 * k + 1] = vv;
        }
        for (int k = 0; k < i; k++) {
            int q = k * m + lo;
            double wv = dots[2 * k];
            double vv = dots[2 * k + 1];
            for (int c = 0; c < len; c++) {
                y[c] -= vt[q + c] * wv + wt[q + c] * vv;
            }
        }
    }
}
