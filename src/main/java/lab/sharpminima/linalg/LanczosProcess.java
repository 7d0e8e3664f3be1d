package lab.sharpminima.linalg;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;

/**
 * The symmetric Lanczos recurrence A Q_m = Q_m T_m + β_m q_{m+1} e_mᵀ with full
 * reorthogonalisation, shared by {@link Lanczos} and {@link SpectralDensity}.
 *
 * <p>Each step forms w = A q_j and orthogonalises it against every basis vector q_0 … q_j by
 * classical Gram–Schmidt applied twice ("twice is enough", Giraud, Langou &amp; Rozložník 2005), with
 * a third pass only when the second still removes more than 1 − 1/√2 of the norm (the DGKS criterion,
 * Daniel, Gragg, Kaufman &amp; Stewart 1976). As in ARPACK's {@code dsaitr}, α_j is the accumulated
 * coefficient of q_j over the passes, and β_j = ‖w‖ afterwards. The basis is kept in full:
 * m·n doubles (≈ 260 MB for n = 109k, m = 300).
 *
 * <p>The Gram–Schmidt kernels walk w in chunks of {@value #CHUNK} entries, four basis vectors at a
 * time, so a chunk of w stays in cache while the basis streams past; for n ≥ {@value #PARALLEL_MIN}
 * the chunks run in parallel. Partial sums are reduced in chunk order, so the result is the same
 * bit for bit whether or not the chunks ran in parallel.
 */
final class LanczosProcess {

    /** What a step left behind. */
    enum Status {
        /** The next basis vector is ready. */
        CONTINUE,
        /** β ≈ 0: span(q_0 … q_{m-1}) is invariant under A, so T_m's eigenvalues are eigenvalues of A. */
        BREAKDOWN,
        /** The basis holds its capacity (at most n) vectors. */
        FULL
    }

    static final int CHUNK = 2048;
    static final int PARALLEL_MIN = 1 << 16;
    /** Another Gram–Schmidt pass is made while a pass keeps no more than this fraction of ‖w‖. */
    private static final double DGKS = 1.0 / Math.sqrt(2.0);
    private static final int MAX_PASSES = 3;

    private final SymmetricOperator op;
    private final int n;
    private final int capacity;
    private final double[][] basis;
    private final double[] alpha;
    private final double[] beta;
    private final double[] coef;
    private final double[] total;
    private final int chunks;
    private final boolean parallel;
    private double[][] partial;
    private double[] next;
    private int m;
    private int applications;
    private double normEstimate;

    /** A process that will hold at most {@code capacity} (≤ n) basis vectors. */
    LanczosProcess(SymmetricOperator op, int capacity) {
        this.op = op;
        this.n = op.dimension();
        if (capacity < 1 || capacity > n) {
            throw new IllegalArgumentException("Lanczos capacity " + capacity + " must lie in 1.." + n);
        }
        this.capacity = capacity;
        this.basis = new double[capacity][];
        this.alpha = new double[capacity];
        this.beta = new double[capacity];
        this.coef = new double[capacity];
        this.total = new double[capacity];
        this.chunks = (n + CHUNK - 1) / CHUNK;
        this.parallel = n >= PARALLEL_MIN && chunks > 1;
    }

    /**
     * Sets the next basis vector to {@code v} (copied) orthogonalised against the current basis and
     * normalised; after the first vector this is a restart, and T gets a zero coupling β_{m-1} = 0.
     * Returns false, leaving nothing set, when {@code v} lies in the span of the basis.
     */
    boolean begin(double[] v) {
        if (m >= capacity) {
            return false;
        }
        double[] w = v.clone();
        double before = Vectors.norm(w);
        double after = m == 0 ? before : orthogonalize(w, m);
        if (!(after > 1e3 * Math.ulp(1.0) * before)) {
            return false;
        }
        Vectors.scale(1.0 / after, w);
        next = w;
        if (m > 0) {
            beta[m - 1] = 0;
        }
        return true;
    }

    /** One Lanczos step: q_m ← next, w = A q_m, α_m, β_m, and next ← w / β_m when there is room. */
    Status step() {
        if (next == null) {
            throw new IllegalStateException("no next Lanczos vector: call begin first");
        }
        double[] q = next;
        next = null;
        basis[m] = q;
        double[] w = new double[n];
        op.apply(q, w);
        applications++;
        normEstimate = Math.max(normEstimate, Vectors.norm(w));
        double b = orthogonalize(w, m + 1);
        alpha[m] = total[m];
        beta[m] = b;
        m++;
        if (m == capacity) {
            return Status.FULL;
        }
        if (b <= breakdownTolerance()) {
            return Status.BREAKDOWN;
        }
        Vectors.scale(1.0 / b, w);
        next = w;
        return Status.CONTINUE;
    }

    /** β at or below n·ε·‖A‖ (‖A‖ estimated by max ‖A q_j‖) is rounding noise: the subspace is invariant. */
    double breakdownTolerance() {
        return n * Math.ulp(1.0) * normEstimate;
    }

    /** n, the dimension of the operator. */
    int dimension() {
        return n;
    }

    /** m, the basis vectors so far (the size of T_m). */
    int size() {
        return m;
    }

    int applications() {
        return applications;
    }

    double alpha(int j) {
        return alpha[j];
    }

    /** β_j, the coupling between q_j and q_{j+1}; β_{m-1} is the norm of the last residual. */
    double beta(int j) {
        return beta[j];
    }

    /** The eigen-decomposition of T_m = tridiag(β, α, β), the m × m projection of A on the basis. */
    SymmetricEigen ritz() {
        return SymmetricEigen.ofTridiagonal(Arrays.copyOf(alpha, m), Arrays.copyOf(beta, Math.max(0, m - 1)));
    }

    /** out ← Q_m s, with s column {@code col} of {@code s} (an m-row matrix): a Ritz vector. */
    void combine(DMatrixRMaj s, int col, double[] out) {
        Arrays.fill(out, 0);
        for (int j = 0; j < m; j++) {
            Vectors.axpy(s.unsafe_get(j, col), basis[j], out);
        }
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * w ← (I − Q Qᵀ) w against q_0 … q_{count-1}; the coefficients of all passes are summed into
     * {@code total}. Returns ‖w‖ afterwards.
     */
    private double orthogonalize(double[] w, int count) {
        Arrays.fill(total, 0, count, 0);
        double before = Vectors.norm(w);
        double after = before;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            dots(w, count);
            subtract(w, count);
            for (int i = 0; i < count; i++) {
                total[i] += coef[i];
            }
            after = Vectors.norm(w);
            if (pass >= 1 && after > DGKS * before) {
                break;
            }
            before = after;
        }
        return after;
    }

    /** coef[i] ← q_iᵀ w for i < count. */
    private void dots(double[] w, int count) {
        if (!parallel) {
            Arrays.fill(coef, 0, count, 0);
            for (int c = 0; c < chunks; c++) {
                chunkDots(w, count, c, coef);
            }
            return;
        }
        if (partial == null) {
            partial = new double[chunks][capacity];
        }
        IntStream.range(0, chunks).parallel().forEach(c -> {
            Arrays.fill(partial[c], 0, count, 0);
            chunkDots(w, count, c, partial[c]);
        });
        Arrays.fill(coef, 0, count, 0);
        for (int c = 0; c < chunks; c++) {
            double[] p = partial[c];
            for (int i = 0; i < count; i++) {
                coef[i] += p[i];
            }
        }
    }

    /** w ← w − Σ_i coef[i] q_i for i < count. */
    private void subtract(double[] w, int count) {
        if (parallel) {
            IntStream.range(0, chunks).parallel().forEach(c -> chunkSubtract(w, count, c));
        } else {
            for (int c = 0; c < chunks; c++) {
                chunkSubtract(w, count, c);
            }
        }
    }

    /** out[i] += q_i[lo:hi]ᵀ w[lo:hi], four basis vectors per sweep of the chunk. */
    private void chunkDots(double[] w, int count, int chunk, double[] out) {
        int lo = chunk * CHUNK;
        int hi = Math.min(n, lo + CHUNK);
        int i = 0;
        for (; i + 3 < count; i += 4) {
            double[] q0 = basis[i];
            double[] q1 = basis[i + 1];
            double[] q2 = basis[i + 2];
            double[] q3 = basis[i + 3];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int t = lo; t < hi; t++) {
                double wt = w[t];
                s0 += q0[t] * wt;
                s1 += q1[t] * wt;
                s2 += q2[t] * wt;
                s3 += q3[t] * wt;
            }
            out[i] += s0;
            out[i + 1] += s1;
            out[i + 2] += s2;
            out[i + 3] += s3;
        }
        for (; i < count; i++) {
            double[] q = basis[i];
            double s = 0;
            for (int t = lo; t < hi; t++) {
                s += q[t] * w[t];
            }
            out[i] += s;
        }
    }

    /** w[lo:hi] −= Σ_i coef[i] q_i[lo:hi], four basis vectors per sweep of the chunk. */
    private void chunkSubtract(double[] w, int count, int chunk) {
        int lo = chunk * CHUNK;
        int hi = Math.min(n, lo + CHUNK);
        int i = 0;
        for (; i + 3 < count; i += 4) {
            double[] q0 = basis[i];
            double[] q1 = basis[i + 1];
            double[] q2 = basis[i + 2];
            double[] q3 = basis[i + 3];
            double h0 = coef[i];
            double h1 = coef[i + 1];
            double h2 = coef[i + 2];
            double h3 = coef[i + 3];
            for (int t = lo; t < hi; t++) {
                w[t] -= (h0 * q0[t] + h1 * q1[t]) + (h2 * q2[t] + h3 * q3[t]);
            }
        }
        for (; i < count; i++) {
            double[] q = basis[i];
            double h = coef[i];
            for (int t = lo; t < hi; t++) {
                w[t] -= h * q[t];
            }
        }
    }
}
