package lab.sharpminima.landscape;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.ejml.data.DMatrixRMaj;

import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;

/**
 * L(θ + a·d1 + b·d2) evaluated fast on many (a, b) at once: the loss-only forward pass of
 * {@link lab.sharpminima.engine.LossFunction#value}, arranged for a grid.
 *
 * <p>Each worker thread keeps one set of buffers (W_k, b_k, and one block of {@link #BLOCK} samples'
 * activations per layer, feature-major) and reuses them for every point of its rows: nothing is
 * allocated per point. Each unit's pre-activation over a block is a loop over samples, innermost and
 * over arrays that start at index 0, which C2 compiles to SIMD (4 doubles per AVX2 instruction);
 * four inputs are added per pass, written as one left-to-right sum. Per sample, every operation is
 * the one EJML's small products perform (Σ_r h_r·W_rj sequentially over r in order, then + b_j, then
 * φ): only the loop order differs, not the order of any sum. The point θ + a·d1 + b·d2 is formed in
 * the same order as {@link Plane#point}, and the loss summed sample by sample as
 * {@code LossFunction} sums it, so for the engine's small products (below its multi-threading
 * threshold) each value is the same double as {@code LossFunction.value} at that point, and the
 * {@code slice} contract (equal to direct evaluation to 1e-12) holds at any loss magnitude.
 * (Expanding the first layer as X·W + a·X·D1 + b·X·D2, affine in (a, b), would save nothing for two
 * inputs and regroups the sums, which loses that equality on large losses.)
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
     * The inputs in blocks, feature-major: {@code xBlocks[q][r][t]} = x_s[r] for sample s = q·BLOCK + t,
     * so that every array a layer reads starts at index 0 (an offset into the arrays stops the JIT
     * from vectorising the loops).
     */
    private final double[][][] xBlocks;

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
        this.xBlocks = blocks(data.x());
    }

    /**
     * Samples per block: one unit's block is 2 KiB, so the four input rows and the output row of a
     * pass stay in L1 (128 and 512 measured slower on the 2-16-16-1 benchmark).
     */
    static final int BLOCK = 256;

    private static double[][][] blocks(DMatrixRMaj x) {
        int n = x.numRows;
        double[][][] b = new double[(n + BLOCK - 1) / BLOCK][x.numCols][BLOCK];
        for (int s = 0; s < n; s++) {
            for (int r = 0; r < x.numCols; r++) {
                b[s / BLOCK][r][s % BLOCK] = x.unsafe_get(s, r);
            }
        }
        return b;
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

    /**
     * One worker's buffers: per layer W_k and b_k at the current point, and the activations of one
     * block of samples, feature-major ({@code buf[k][j][t]} = unit j of sample s0 + t).
     */
    private final class Workspace {
        private final double[][] w;
        private final double[][] bias;
        private final double[][][] buf;

        Workspace() {
            int depth = net.depth();
            w = new double[depth][];
            bias = new double[depth][];
            buf = new double[depth][][];
            for (int k = 0; k < depth; k++) {
                Layer l = net.layer(k);
                w[k] = new double[l.in() * l.out()];
                bias[k] = l.bias() ? new double[l.out()] : null;
                buf[k] = new double[l.out()][BLOCK];
            }
        }

        double[] row(double[] a, double b) {
            double[] out = new double[a.length];
            for (int j = 0; j < a.length; j++) {
                out[j] = value(a[j], b);
            }
            return out;
        }

        /**
         * The loss at (a, b). A NaN from the fast relu ({@code Math.max}, which keeps a NaN where
         * {@code Activation.apply} gives 0) is recomputed with the exact relu, so that even then the
         * value is that of {@code LossFunction}.
         */
        double value(double a, double b) {
            int depth = net.depth();
            for (int k = 0; k < depth; k++) {
                layerParameters(k, a, b);
            }
            double v = forward(false);
            return Double.isNaN(v) ? forward(true) : v;
        }

        /** Block by block through every layer, the loss summed in sample order. */
        private double forward(boolean exactRelu) {
            int depth = net.depth();
            int n = data.size();
            double sum = 0;
            for (int s0 = 0; s0 < n; s0 += BLOCK) {
                int len = Math.min(BLOCK, n - s0);
                for (int k = 0; k < depth; k++) {
                    Layer l = net.layer(k);
                    double[][] src = k == 0 ? xBlocks[s0 / BLOCK] : buf[k - 1];
                    layer(src, w[k], bias[k], l, buf[k], len, exactRelu);
                }
                sum = lossBlock(buf[depth - 1], s0, len, sum);
            }
            return (1.0 / n) * sum;
        }

        /** W_k and b_k of θ + a·d1 + b·d2, the same sum as {@link Plane#point}. */
        private void layerParameters(int k, double a, double b) {
            int from = net.offset(k);
            double[] wk = w[k];
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
     * One layer on one block of samples, feature-major: for every unit j,
     * z_j = (Σ_r h_r·W_rj) + b_j summed over r in order, then φ(z_j), each a loop over the block's
     * samples. Per sample these are the operations of EJML's small products (a sequential sum over r
     * in order, then the bias, then φ), so each value is the same double; only the loop order differs:
     * samples innermost, which the JIT turns into SIMD over samples, and four inputs per pass over
     * the block, written as one left-to-right sum, so that the sum keeps its order while the
     * accumulator is loaded and stored once per four terms.
     *
     * @param src       the layer's input, {@code src[r][t]} = unit r of the block's sample t
     * @param w         W_k row-major (in × out)
     * @param bias      b_k, or null
     * @param dst       the output, {@code dst[j][t]}
     * @param len       the samples in this block
     * @param exactRelu relu by {@code Activation.apply} instead of {@code Math.max} (see {@link #finishUnit})
     */
    static void layer(double[][] src, double[] w, double[] bias, Layer l, double[][] dst, int len,
                      boolean exactRelu) {
        int in = l.in();
        int out = l.out();
        for (int j = 0; j < out; j++) {
            double[] z = dst[j];
            int r = firstTerms(src, w, out, j, in, z, len);
            for (; r + 3 < in; r += 4) {
                double wa = w[r * out + j];
                double wb = w[(r + 1) * out + j];
                double wc = w[(r + 2) * out + j];
                double wd = w[(r + 3) * out + j];
                double[] ha = src[r];
                double[] hb = src[r + 1];
                double[] hc = src[r + 2];
                double[] hd = src[r + 3];
                for (int t = 0; t < len; t++) {
                    z[t] = z[t] + ha[t] * wa + hb[t] * wb + hc[t] * wc + hd[t] * wd;
                }
            }
            for (; r < in; r++) {
                double wr = w[r * out + j];
                double[] h = src[r];
                for (int t = 0; t < len; t++) {
                    z[t] = z[t] + h[t] * wr;
                }
            }
            finishUnit(z, len, bias == null ? 0.0 : bias[j], bias != null, l, exactRelu);
        }
    }

    /**
     * z ← the sum of the first (up to four) terms h_r·W_rj, left to right; returns how many. Starting
     * from the first product rather than from 0 changes nothing but the sign of an exact zero.
     */
    private static int firstTerms(double[][] src, double[] w, int out, int j, int in, double[] z, int len) {
        double[] h0 = src[0];
        double w0 = w[j];
        if (in >= 4) {
            double[] h1 = src[1];
            double[] h2 = src[2];
            double[] h3 = src[3];
            double w1 = w[out + j];
            double w2 = w[2 * out + j];
            double w3 = w[3 * out + j];
            for (int t = 0; t < len; t++) {
                z[t] = h0[t] * w0 + h1[t] * w1 + h2[t] * w2 + h3[t] * w3;
            }
            return 4;
        }
        if (in >= 2) {
            double[] h1 = src[1];
            double w1 = w[out + j];
            for (int t = 0; t < len; t++) {
                z[t] = h0[t] * w0 + h1[t] * w1;
            }
            return 2;
        }
        for (int t = 0; t < len; t++) {
            z[t] = h0[t] * w0;
        }
        return 1;
    }

    /**
     * z ← φ(z + b) over one unit's block. The relu is {@code Math.max(z, 0)}, which the JIT
     * vectorises (a conditional it does not, and its branch is a coin toss); it equals
     * {@code Activation.apply} for every z but NaN, hence {@code exactRelu} for the recomputation.
     */
    private static void finishUnit(double[] z, int len, double b, boolean hasBias, Layer l, boolean exactRelu) {
        if (hasBias) {
            for (int t = 0; t < len; t++) {
                z[t] = z[t] + b;
            }
        }
        Activation act = l.activation();
        if (act == Activation.LINEAR) {
            return;
        }
        if (act == Activation.RELU && !exactRelu) {
            for (int t = 0; t < len; t++) {
                z[t] = Math.max(z[t], 0.0);
            }
            return;
        }
        double slope = l.slope();
        for (int t = 0; t < len; t++) {
            z[t] = act.apply(z[t], slope);
        }
    }

    /**
     * The running loss sum carried over one block of outputs ({@code f[j][t]}): the same
     * formulas as {@code LossFunction}, summed in the same order (sample by sample, outputs in
     * order), so the sum over all blocks is the same double.
     */
    private double lossBlock(double[][] f, int s0, int len, double sum) {
        double[] y = data.y().data;
        int cols = net.outputs();
        if (kind == LossKind.MSE) {
            for (int t = 0; t < len; t++) {
                int o = (s0 + t) * cols;
                for (int j = 0; j < cols; j++) {
                    double r = f[j][t] - y[o + j];
                    sum += r * r;
                }
            }
            return sum;
        }
        for (int t = 0; t < len; t++) {
            int o = (s0 + t) * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, f[j][t]);
            }
            double se = 0;
            for (int j = 0; j < cols; j++) {
                se += Math.exp(f[j][t] - max);
            }
            double lse = max + Math.log(se);
            for (int j = 0; j < cols; j++) {
                double yv = y[o + j];
                if (yv != 0) {
                    sum -= yv * (f[j][t] - lse);
                }
            }
        }
        return sum;
    }

}
