package lab.sharpminima.measure;

import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Outputs f_θ(x_i) and their directional derivatives J_θ f(x_i)·v for every sample at once (forward
 * mode): ż_k = ȧ_k θ_k + a_k v_k + v_{b_k}, ȧ_{k+1} = φ'(z_k) ⊙ ż_k, with ȧ_0 = 0. Also the
 * per-sample output gradients ∂ℓ_i/∂f of the model format's losses.
 */
final class TangentPass {

    /** f (N × outputs) and ḟ = J f · v (N × outputs). */
    record Outputs(DMatrixRMaj f, DMatrixRMaj fDot) {
    }

    private TangentPass() {
    }

    static Outputs run(Network net, double[] theta, double[] v, DMatrixRMaj x) {
        DMatrixRMaj a = x;
        DMatrixRMaj aDot = new DMatrixRMaj(x.numRows, x.numCols);
        for (int k = 0; k < net.depth(); k++) {
            Layer l = net.layer(k);
            DMatrixRMaj z = new DMatrixRMaj(a.numRows, l.out());
            DMatrixRMaj zDot = new DMatrixRMaj(a.numRows, l.out());
            CommonOps_DDRM.mult(a, net.weights(theta, k), z);
            CommonOps_DDRM.mult(aDot, net.weights(theta, k), zDot);
            CommonOps_DDRM.multAdd(a, net.weights(v, k), zDot);
            if (l.bias()) {
                addRow(z, net.bias(theta, k));
                addRow(zDot, net.bias(v, k));
            }
            for (int i = 0; i < z.data.length; i++) {
                double d = l.activation().derivative(z.data[i], l.slope());
                z.data[i] = l.activation().apply(z.data[i], l.slope());
                zDot.data[i] *= d;
            }
            a = z;
            aDot = zDot;
        }
        return new Outputs(a, aDot);
    }

    /**
     * ∂ℓ_i/∂f for each sample (rows): 2(f − y) for mse, (Σ_j y_j)·softmax(f) − y for cross-entropy,
     * the per-sample losses of {@link LossKind} (not divided by N).
     */
    static DMatrixRMaj outputGradient(LossKind kind, DMatrixRMaj f, DMatrixRMaj y) {
        DMatrixRMaj g = new DMatrixRMaj(f.numRows, f.numCols);
        if (kind == LossKind.MSE) {
            for (int i = 0; i < f.data.length; i++) {
                g.data[i] = 2.0 * (f.data[i] - y.data[i]);
            }
            return g;
        }
        int cols = f.numCols;
        for (int i = 0; i < f.numRows; i++) {
            int o = i * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, f.data[o + j]);
            }
            double se = 0;
            double ys = 0;
            for (int j = 0; j < cols; j++) {
                se += Math.exp(f.data[o + j] - max);
                ys += y.data[o + j];
            }
            for (int j = 0; j < cols; j++) {
                g.data[o + j] = ys * Math.exp(f.data[o + j] - max) / se - y.data[o + j];
            }
        }
        return g;
    }

    private static void addRow(DMatrixRMaj m, double[] b) {
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                m.data[i * m.numCols + j] += b[j];
            }
        }
    }
}
