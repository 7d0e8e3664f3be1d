package lab.sharpminima.landscape;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;

/**
 * L(θ + a·d1 + b·d2) evaluated fast on many (a, b) at once: the loss-only forward pass of
 * {@link lab.sharpminima.engine.LossFunction#value}, arranged for a grid.
 *
 * <p>Each worker thread keeps one set of buffers (W_k, b_k and Z_k per layer) and reuses them for
 * every point of its rows: no derivatives are kept and nothing is allocated per point, where
 * {@code LossFunction.value} allocates and fills φ' for every layer. The products are computed as
 * EJML's {@code mult_reorder} computes them, term by term in the same order, except that terms with
 * a zero activation (half of them after a relu) are skipped, which adds exactly nothing. The point
 * θ + a·d1 + b·d2 is formed in the same order as {@link Plane#point}, and the loss summed as
 * {@code LossFunction} sums it, so for the engine's small products (below its multi-threading
 * threshold) each value is the same double as {@code LossFunction.value} at that point, and the
 * {@code slice} contract (equal to direct evaluation to 1e-12) holds at any loss magnitude.
 * (Expanding the first layer as X·W + a·X·D1 + b·X·D2, affine in (a, b), would save a product per
 * point but regroups the sums and loses that equality on large losses.)
 *
 * <p>Points are independent, so the values do not depend on the thread count. Instances are
 * immutable and thread-safe.
 */
public final class PlaneLoss {

    private final Network net;
    private final LossKind kind;
    private final Dataset data;
    private final double[] theta;
    private final double[] d1;
    private final double[] d2;

    /**
     * @throws IllegalArgumentException when the lengths differ from the network's parameter count or
     *                                  the data does not fit the network
     */
    public PlaneLoss(Network net, LossKind kind, Dataset data, double[] theta, double[] d1, double[] d2) {
        int n = net.parameterCount();
        if (theta.length != n || d1.length != n || d2.length != n) {
            throw new IllegalArgumentException("θ, d1 and d2 need " + n + " entries each, got " + theta.length
                    + ", " + d1.length + " and " + d2.length);
        }
        if (data.inputDimension() != net.inputs() || data.outputDimension() != net.outputs()) {
            throw new IllegalArgumentException("the data (" + data.inputDimension() + " inputs, "
                    + data.outputDimension() + " targets) does not fit the network " + net.describe());
        }
        this.net = net;
        this.kind = kind;
        this.data = data;
        this.theta = theta.clone();
        this.d1 = d1.clone();
        this.d2 = d2.clone();
    }

    /** L(θ + a·d1 + b·d2). */
    public double value(double a, double b) {
        return new Workspace().value(a, b);
    }

    /**
     * The loss on the grid a × b: {@code result[i][j]} = L(θ + a[j]·d1 + b[i]·d2), rows over b and
     * columns over a, computed by {@code threads} workers, one row at a time.
     *
     * @throws IllegalArgumentException when threads &lt; 1
     */
    public double[][] grid(double[] a, double[] b, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        double[][] rows = new double[b.length][];
        int pool = Math.min(threads, b.length);
        if (pool <= 1) {
            Workspace ws = new Workspace();
            for (int i = 0; i < b.length; i++) {
                rows[i] = ws.row(a, b[i]);
            }
            return rows;
        }
        runParallel(a, b, rows, pool);
        return rows;
    }

    private void runParallel(double[] a, double[] b, double[][] rows, int pool) {
        ExecutorService exec = Executors.newFixedThreadPool(pool, r -> {
            Thread t = new Thread(r, "plane-loss");
            t.setDaemon(true);
            return t;
        });
        try {
            ThreadLocal<Workspace> local = ThreadLocal.withInitial(Workspace::new);
            List<Future<?>> futures = new ArrayList<>(b.length);
            for (int i = 0; i < b.length; i++) {
                int row = i;
                futures.add(exec.submit(() -> {
                    rows[row] = local.get().row(a, b[row]);
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing the slice", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("computing the slice failed", e.getCause());
        } finally {
            exec.shutdownNow();
        }
    }

    /** One worker's buffers: per layer W_k, b_k at the current point, and Z_k (then A_k in place). */
    private final class Workspace {
        private final DMatrixRMaj[] w;
        private final double[][] bias;
        private final DMatrixRMaj[] z;

        Workspace() {
            int rows = data.size();
            int depth = net.depth();
            w = new DMatrixRMaj[depth];
            bias = new double[depth][];
            z = new DMatrixRMaj[depth];
            for (int k = 0; k < depth; k++) {
                Layer l = net.layer(k);
                w[k] = new DMatrixRMaj(l.in(), l.out());
                bias[k] = l.bias() ? new double[l.out()] : null;
                z[k] = new DMatrixRMaj(rows, l.out());
            }
        }

        double[] row(double[] a, double b) {
            double[] out = new double[a.length];
            for (int j = 0; j < a.length; j++) {
                out[j] = value(a[j], b);
            }
            return out;
        }

        /** The loss at (a, b). */
        double value(double a, double b) {
            for (int k = 0; k < net.depth(); k++) {
                layerParameters(k, a, b);
                multSkippingZeros(k == 0 ? data.x() : z[k - 1], w[k], z[k]);
                if (bias[k] != null) {
                    addRow(z[k], bias[k]);
                }
                activate(z[k], net.layer(k));
            }
            return loss(z[net.depth() - 1]);
        }

        /** W_k and b_k of θ + a·d1 + b·d2, the same sum as {@link Plane#point}. */
        private void layerParameters(int k, double a, double b) {
            int from = net.offset(k);
            double[] wk = w[k].data;
            for (int i = 0; i < wk.length; i++) {
                wk[i] = theta[from + i] + a * d1[from + i] + b * d2[from + i];
            }
            if (bias[k] != null) {
                int bo = net.biasOffset(k);
                for (int i = 0; i < bias[k].length; i++) {
                    bias[k][i] = theta[bo + i] + a * d1[bo + i] + b * d2[bo + i];
                }
            }
        }
    }

    /**
     * C = A·B, row by row as EJML's {@code mult_reorder} (C_i = Σ_r A_ir·B_r, r in order), but skipping
     * the terms with A_ir = 0. After a relu layer about half of A is exactly zero, so this halves the
     * dominant cost of a slice; EJML's dense kernels have no such variant and converting to its
     * sparse format costs more than it saves at these sizes. Skipping adds nothing but 0·B_r, which
     * is exactly zero for finite B.
     */
    static void multSkippingZeros(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int inner = a.numCols;
        int cols = b.numCols;
        double[] ad = a.data;
        double[] bd = b.data;
        double[] cd = c.data;
        if (cols == 1) {
            // A matrix-vector product: a running sum per row in r order, the same sum as above.
            for (int i = 0; i < a.numRows; i++) {
                int ai = i * inner;
                double total = 0;
                for (int r = 0; r < inner; r++) {
                    total += ad[ai + r] * bd[r];
                }
                cd[i] = total;
            }
            return;
        }
        java.util.Arrays.fill(cd, 0, a.numRows * cols, 0.0);
        for (int i = 0; i < a.numRows; i++) {
            int ci = i * cols;
            int ai = i * inner;
            for (int r = 0; r < inner; r++) {
                double v = ad[ai + r];
                if (v == 0) {
                    continue;
                }
                int bi = r * cols;
                for (int j = 0; j < cols; j++) {
                    cd[ci + j] += v * bd[bi + j];
                }
            }
        }
    }

    /** In place: Z ← φ(Z). */
    private static void activate(DMatrixRMaj m, Layer l) {
        Activation act = l.activation();
        if (act == Activation.LINEAR) {
            return;
        }
        double slope = l.slope();
        double[] d = m.data;
        int len = m.getNumElements();
        for (int i = 0; i < len; i++) {
            d[i] = act.apply(d[i], slope);
        }
    }

    /** The loss of the outputs, the same formulas (and order of summation) as LossFunction. */
    private double loss(DMatrixRMaj f) {
        DMatrixRMaj y = data.y();
        double scale = 1.0 / data.size();
        double sum = 0;
        if (kind == LossKind.MSE) {
            for (int i = 0; i < f.getNumElements(); i++) {
                double r = f.data[i] - y.data[i];
                sum += r * r;
            }
            return scale * sum;
        }
        int cols = f.numCols;
        for (int i = 0; i < f.numRows; i++) {
            int o = i * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, f.data[o + j]);
            }
            double se = 0;
            for (int j = 0; j < cols; j++) {
                se += Math.exp(f.data[o + j] - max);
            }
            double lse = max + Math.log(se);
            for (int j = 0; j < cols; j++) {
                double yv = y.data[o + j];
                if (yv != 0) {
                    sum -= yv * (f.data[o + j] - lse);
                }
            }
        }
        return scale * sum;
    }

    private static void addRow(DMatrixRMaj m, double[] v) {
        int cols = m.numCols;
        for (int i = 0; i < m.numRows; i++) {
            int o = i * cols;
            for (int j = 0; j < cols; j++) {
                m.data[o + j] += v[j];
            }
        }
    }
}
