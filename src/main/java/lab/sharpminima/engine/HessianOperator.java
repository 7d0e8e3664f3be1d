package lab.sharpminima.engine;

import lab.sharpminima.linalg.SymmetricOperator;
import org.ejml.data.DMatrixRMaj;

/**
 * v ↦ ∇²L(θ)v at a fixed θ by Pearlmutter's R-operator (forward-over-reverse): exact, with the
 * forward and backward passes at θ computed once and shared by every product.
 */
public final class HessianOperator implements SymmetricOperator {

    private final Pass pass;

    HessianOperator(Pass pass) {
        this.pass = pass;
    }

    @Override
    public int dimension() {
        return pass.net.parameterCount();
    }

    /** L(θ) at the point this operator is taken. */
    public double loss() {
        return pass.loss;
    }

    @Override
    public void apply(double[] v, double[] out) {
        Network net = pass.net;
        int depth = net.depth();
        DMatrixRMaj[] vw = new DMatrixRMaj[depth];
        double[][] vb = new double[depth][];
        for (int k = 0; k < depth; k++) {
            vw[k] = net.weights(v, k);
            vb[k] = net.bias(v, k);
        }
        RPass r = RPass.run(pass, 0, null, vw, vb);
        for (int k = 0; k < depth; k++) {
            DMatrixRMaj g = new DMatrixRMaj(pass.w[k].numRows, pass.w[k].numCols);
            Products.multTransA(pass.a[k], r.rdelta[k], g);
            if (k > 0) {
                Products.multAddTransA(r.ra[k], pass.delta[k], g);
            }
            System.arraycopy(g.data, 0, out, net.offset(k), g.data.length);
            if (pass.b[k] != null) {
                LossFunction.columnSums(r.rdelta[k], out, net.biasOffset(k));
            }
        }
    }
}
