package lab.sharpminima.compute;

import org.ejml.data.DMatrixRMaj;

import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;

/**
 * L(θ) = (1/N) Σ_s ℓ(f_θ(x_s), y_s) evaluated fast at many θ: the loss-only forward pass of
 * {@link lab.sharpminima.engine.LossFunction#value}, arranged so that the JIT vectorises it and
 * nothing is allocated per θ.
 *
 * <p>Each {@link Workspace} (one per worker thread) keeps the activations of one block of
 * {@link #BLOCK} samples per layer, feature-major, and reuses them for every θ. Each unit's
 * pre-activation over a block is a loop over samples, innermost and over arrays that start at index
 * 0, which C2 compiles to SIMD (4 doubles per AVX2 instruction); four inputs are added per pass,
 * written as one left-to-right sum. Per sample, every operation is the one EJML's single-threaded
 * products perform (Σ_r h_r·W_rj sequentially over r in order, then + b_j, then φ): only the loop
 * order differs, not the order of any sum. The loss is summed sample by sample as
 * {@code LossFunction} sums it, so while every layer's product is below the engine's
 * multi-threading threshold ({@link #matchesEngine}) each value is the same double as
 * {@code LossFunction.value(θ)}.
 *
 * <p>Instances are immutable and thread-safe; workspaces are not.
 */
public final class FastForward {

    /**
     * Samples per block: one unit's block is 2 KiB, so the four input rows and the output row of a
     * pass stay in L1 (128 and 512 measured slower on the 2-16-16-1 benchmark).
     */
    public static final int BLOCK = 256;

    /**
     * Multiply-adds per product from which the engine switches to EJML's concurrent kernels (the
     * engine's {@code Products.CONCURRENT_WORK}); below it, the equality with
     * {@code LossFunction.value} is the one stated above.
     */
    static final long ENGINE_CONCURRENT_WORK = 1L << 20;

    private final Network net;
    private final LossKind kind;
    private final Dataset data;
    /**
     * The inputs in blocks, feature-major: {@code xBlocks[q][r][t]} = x_s[r] for sample s = q·BLOCK + t,
     * so that every array a layer reads starts at index 0 (an offset into the arrays stops the JIT
     * from vectorising the loops).
     */
    private final double[][][] xBlocks;

    /** @throws IllegalArgumentException when the data does not fit the network */
    public FastForward(Network net, LossKind kind, Dataset data) {
        if (data.inputDimension() != net.inputs() || data.outputDimension() != net.outputs()) {
            throw new IllegalArgumentException("the data (" + data.inputDimension() + " inputs, "
                    + data.outputDimension() + " targets) does not fit the network " + net.describe());
        }
        this.net = net;
        this.kind = kind;
        this.data = data;
        this.xBlocks = blocks(data.x());
    }

    /**
     * Whether every layer's product N·in·out is below the engine's multi-threading threshold, so that
     * {@link Workspace#value} is bit-identical to {@code LossFunction.value} (above it the engine uses
     * EJML's concurrent kernels, whose sums this class does not claim to reproduce).
     */
    public boolean matchesEngine() {
        for (int k = 0; k < net.depth(); k++) {
            Layer l = net.layer(k);
            if ((long) data.size() * l.in() * l.out() >= ENGINE_CONCURRENT_WORK) {
                return false;
            }
        }
        return true;
    }

    /** A new set of buffers for one thread. */
    public Workspace workspace() {
        return new Workspace();
    }

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

    /**
     * One worker's buffers: the activations of one block of samples per layer, feature-major
     * ({@code buf[k][j][t]} = unit j of sample s0 + t). Not thread-safe.
     */
    public final class Workspace {
        private final double[][][] buf;

        private Workspace() {
            int depth = net.depth();
            buf = new double[depth][][];
            for (int k = 0; k < depth; k++) {
                buf[k] = new double[net.layer(k).out()][BLOCK];
            }
        }

        /**
         * L(θ) for θ = {@code thetas[from .. from + n)}, n the parameter count (flat θ order). A NaN
         * from the fast relu ({@code Math.max}, which keeps a NaN where {@code Activation.apply}
         * gives 0) is recomputed with the exact relu, so that even then the value is that of
         * {@code LossFunction}.
         *
         * @throws IllegalArgumentException when fewer than n entries follow {@code from}
         */
        public double value(double[] thetas, int from) {
            if (from < 0 || thetas.length - from < net.parameterCount()) {
                throw new IllegalArgumentException("θ needs " + net.parameterCount() + " entries from index "
                        + from + ", the array has " + thetas.length);
            }
            double v = forward(thetas, from, false);
            return Double.isNaN(v) ? forward(thetas, from, true) : v;
        }

        /** Block by block through every layer, the loss summed in sample order. */
        private double forward(double[] theta, int from, boolean exactRelu) {
            int depth = net.depth();
            int n = data.size();
            double sum = 0;
            for (int s0 = 0; s0 < n; s0 += BLOCK) {
                int len = Math.min(BLOCK, n - s0);
                for (int k = 0; k < depth; k++) {
                    Layer l = net.layer(k);
                    double[][] src = k == 0 ? xBlocks[s0 / BLOCK] : buf[k - 1];
                    int bias = l.bias() ? from + net.biasOffset(k) : -1;
                    layer(src, theta, from + net.offset(k), bias, l, buf[k], len, exactRelu);
                }
                sum = lossBlock(buf[depth - 1], s0, len, sum);
            }
            return (1.0 / n) * sum;
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
     * @param theta     holds W_k row-major (in × out) from {@code wo}
     * @param bo        where b_k starts in {@code theta}, or -1 without a bias
     * @param dst       the output, {@code dst[j][t]}
     * @param len       the samples in this block
     * @param exactRelu relu by {@code Activation.apply} instead of {@code Math.max} (see {@link #finishUnit})
     */
    private static void layer(double[][] src, double[] theta, int wo, int bo, Layer l, double[][] dst, int len,
                              boolean exactRelu) {
        int in = l.in();
        int out = l.out();
        for (int j = 0; j < out; j++) {
            double[] z = dst[j];
            int r = firstTerms(src, theta, wo, out, j, in, z, len);
            for (; r + 3 < in; r += 4) {
                double wa = theta[wo + r * out + j];
                double wb = theta[wo + (r + 1) * out + j];
                double wc = theta[wo + (r + 2) * out + j];
                double wd = theta[wo + (r + 3) * out + j];
                double[] ha = src[r];
                double[] hb = src[r + 1];
                double[] hc = src[r + 2];
                double[] hd = src[r + 3];
                for (int t = 0; t < len; t++) {
                    z[t] = z[t] + ha[t] * wa + hb[t] * wb + hc[t] * wc + hd[t] * wd;
                }
            }
            for (; r < in; r++) {
                double wr = theta[wo + r * out + j];
                double[] h = src[r];
                for (int t = 0; t < len; t++) {
                    z[t] = z[t] + h[t] * wr;
                }
            }
            finishUnit(z, len, bo < 0 ? 0.0 : theta[bo + j], bo >= 0, l, exactRelu);
        }
    }

    /**
     * z ← the sum of the first (up to four) terms h_r·W_rj, left to right; returns how many. Starting
     * from the first product rather than from 0 changes nothing but the sign of an exact zero.
     */
    private static int firstTerms(double[][] src, double[] theta, int wo, int out, int j, int in, double[] z,
                                  int len) {
        double[] h0 = src[0];
        double w0 = theta[wo + j];
        if (in >= 4) {
            double[] h1 = src[1];
            double[] h2 = src[2];
            double[] h3 = src[3];
            double w1 = theta[wo + out + j];
            double w2 = theta[wo + 2 * out + j];
            double w3 = theta[wo + 3 * out + j];
            for (int t = 0; t < len; t++) {
                z[t] = h0[t] * w0 + h1[t] * w1 + h2[t] * w2 + h3[t] * w3;
            }
            return 4;
        }
        if (in >= 2) {
            double[] h1 = src[1];
            double w1 = theta[wo + out + j];
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
