package lab.sharpminima.engine;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * L(θ) of a network on a data set, with its exact gradient (backpropagation), exact Hessian-vector
 * products (Pearlmutter's R-operator, forward-over-reverse) and exact dense Hessian.
 *
 * <p>Every pass runs over the whole data (or, for the dense Hessian, over blocks of samples) as
 * matrix products; nothing loops over samples one at a time. Instances are immutable and may be
 * shared between threads.
 */
public final class LossFunction {

    /** Samples per block when assembling the dense Hessian, which holds per-sample terms. */
    static final int HESSIAN_BLOCK = 1024;

    private final Network net;
    private final LossKind kind;
    private final Dataset data;

    public LossFunction(Network net, LossKind kind, Dataset data) {
        if (data.inputDimension() != net.inputs()) {
            throw new IllegalArgumentException("data has " + data.inputDimension() + " inputs, the network "
                    + net.inputs());
        }
        if (data.outputDimension() != net.outputs()) {
            throw new IllegalArgumentException("data has " + data.outputDimension() + " targets, the network "
                    + net.outputs() + " outputs");
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("the data set is empty");
        }
        this.net = net;
        this.kind = kind;
        this.data = data;
    }

    public Network network() {
        return net;
    }

    public LossKind kind() {
        return kind;
    }

    public Dataset data() {
        return data;
    }

    /** n, the number of parameters. */
    public int dimension() {
        return net.parameterCount();
    }

    /** f_θ(x) for the rows of {@code x}: an N × outputs matrix. */
    public static DMatrixRMaj outputs(Network net, double[] theta, DMatrixRMaj x) {
        Pass p = new Pass(net, theta, LossKind.MSE, 1.0);
        p.a[0] = x;
        forward(p);
        return p.output();
    }

    /** L(θ). */
    public double value(double[] theta) {
        Pass p = evaluate(theta, data.x(), data.y(), 1.0 / data.size(), false);
        return p.loss;
    }

    /**
     * The exact gradient by backpropagation: {@code grad} ← ∇L(θ). Returns L(θ).
     */
    public double gradient(double[] theta, double[] grad) {
        Pass p = evaluate(theta, data.x(), data.y(), 1.0 / data.size(), true);
        flatGradient(p, grad);
        return p.loss;
    }

    /**
     * The Hessian ∇²L(θ) as an operator: the forward and backward passes at θ are computed once and
     * each product v ↦ ∇²L(θ)v is one R-operator pass (Pearlmutter 1994).
     */
    public HessianOperator hessianOperator(double[] theta) {
        Pass p = evaluate(theta, data.x(), data.y(), 1.0 / data.size(), true);
        return new HessianOperator(p);
    }

    /** One exact Hessian-vector product ∇²L(θ)v into {@code out}. */
    public void hessianVectorProduct(double[] theta, double[] v, double[] out) {
        hessianOperator(theta).apply(v, out);
    }

    /**
     * The dense Hessian ∇²L(θ), n × n, exact and symmetric.
     *
     * <p>Columns are produced a unit at a time: for unit s of layer l, the R-operator pass seeded with
     * R{z_l} = e_s for every sample yields each sample's contribution to the derivative of the
     * gradient; since the true seed of parameter (r, s) is ã_{l-1}[r]·e_s, the columns of all inputs r
     * of that unit are one matrix product, Pᵀ·Ã_{l-1}, summed over samples. Blocks below the
     * diagonal of layers are computed, mirrored above, and the diagonal blocks symmetrised.
     */
    public DMatrixRMaj hessian(double[] theta) {
        int n = dimension();
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        double scale = 1.0 / data.size();
        for (int from = 0; from < data.size(); from += HESSIAN_BLOCK) {
            int to = Math.min(data.size(), from + HESSIAN_BLOCK);
            Dataset block = (from == 0 && to == data.size()) ? data : data.slice(from, to);
            Pass p = evaluate(theta, block.x(), block.y(), scale, true);
            HessianAssembly.accumulate(p, h);
        }
        HessianAssembly.symmetrise(net, h);
        return h;
    }

    // ---------------------------------------------------------------------------------------------

    private Pass evaluate(double[] theta, DMatrixRMaj x, DMatrixRMaj y, double scale, boolean backward) {
        Pass p = new Pass(net, theta, kind, scale);
        p.a[0] = x;
        forward(p);
        lossAndOutputGradient(p, y);
        if (backward) {
            backward(p);
        }
        return p;
    }

    /** z[k] = a[k]·W_k + b_k, a[k+1] = φ_k(z[k]), keeping φ' (and φ'' where nonzero). */
    static void forward(Pass p) {
        for (int k = 0; k < p.net.depth(); k++) {
            Layer l = p.net.layer(k);
            DMatrixRMaj z = new DMatrixRMaj(p.a[k].numRows, l.out());
            Products.mult(p.a[k], p.w[k], z);
            if (p.b[k] != null) {
                addRowVector(z, p.b[k]);
            }
            int len = z.getNumElements();
            DMatrixRMaj a = new DMatrixRMaj(z.numRows, z.numCols);
            DMatrixRMaj d = new DMatrixRMaj(z.numRows, z.numCols);
            DMatrixRMaj dd = l.activation().isPiecewiseLinear() ? null : new DMatrixRMaj(z.numRows, z.numCols);
            Activation act = l.activation();
            double slope = l.slope();
            for (int i = 0; i < len; i++) {
                double v = z.data[i];
                a.data[i] = act.apply(v, slope);
                d.data[i] = act.derivative(v, slope);
                if (dd != null) {
                    dd.data[i] = act.secondDerivative(v, slope);
                }
            }
            p.z[k] = z;
            p.a[k + 1] = a;
            p.dphi[k] = d;
            p.ddphi[k] = dd;
        }
    }

    /** The loss of the block and g = ∂L/∂f, stored as gradA[K]. */
    private static void lossAndOutputGradient(Pass p, DMatrixRMaj y) {
        DMatrixRMaj f = p.output();
        DMatrixRMaj g = new DMatrixRMaj(f.numRows, f.numCols);
        double sum = 0;
        if (p.kind == LossKind.MSE) {
            for (int i = 0; i < f.data.length; i++) {
                double r = f.data[i] - y.data[i];
                sum += r * r;
                g.data[i] = 2.0 * p.scale * r;
            }
        } else {
            int rows = f.numRows;
            int cols = f.numCols;
            DMatrixRMaj prob = new DMatrixRMaj(rows, cols);
            double[] ySum = new double[rows];
            for (int i = 0; i < rows; i++) {
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
                double s = 0;
                for (int j = 0; j < cols; j++) {
                    double logp = f.data[o + j] - lse;
                    double yv = y.data[o + j];
                    if (yv != 0) {
                        sum -= yv * logp;
                    }
                    s += yv;
                    prob.data[o + j] = Math.exp(logp);
                }
                ySum[i] = s;
                for (int j = 0; j < cols; j++) {
                    g.data[o + j] = p.scale * (s * prob.data[o + j] - y.data[o + j]);
                }
            }
            p.prob = prob;
            p.ySum = ySum;
        }
        p.loss = p.scale * sum;
        p.gradA[p.net.depth()] = g;
    }

    /** δ_k = φ'(z_k) ⊙ ∂L/∂a_{k+1}; ∂L/∂a_k = δ_k·W_kᵀ. */
    private static void backward(Pass p) {
        for (int k = p.net.depth() - 1; k >= 0; k--) {
            DMatrixRMaj d = elementMult(p.dphi[k], p.gradA[k + 1]);
            p.delta[k] = d;
            if (k > 0) {
                DMatrixRMaj ga = new DMatrixRMaj(d.numRows, p.w[k].numRows);
                Products.multTransB(d, p.w[k], ga);
                p.gradA[k] = ga;
            }
        }
    }

    /** ∇θ_k = a_kᵀ δ_k and ∇b_k = Σ_i δ_k[i], written in flat order. */
    private static void flatGradient(Pass p, double[] grad) {
        for (int k = 0; k < p.net.depth(); k++) {
            DMatrixRMaj gw = new DMatrixRMaj(p.w[k].numRows, p.w[k].numCols);
            Products.multTransA(p.a[k], p.delta[k], gw);
            System.arraycopy(gw.data, 0, grad, p.net.offset(k), gw.data.length);
            if (p.b[k] != null) {
                columnSums(p.delta[k], grad, p.net.biasOffset(k));
            }
        }
    }

    static void addRowVector(DMatrixRMaj m, double[] v) {
        int cols = m.numCols;
        for (int i = 0; i < m.numRows; i++) {
            int o = i * cols;
            for (int j = 0; j < cols; j++) {
                m.data[o + j] += v[j];
            }
        }
    }

    static void columnSums(DMatrixRMaj m, double[] out, int offset) {
        DMatrixRMaj sums = CommonOps_DDRM.sumCols(m, null);
        System.arraycopy(sums.data, 0, out, offset, m.numCols);
    }

    static DMatrixRMaj elementMult(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.elementMult(a, b, c);
        return c;
    }
}
