package lab.sharpminima.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * Pearlmutter's R-operator over a {@link Pass}: the directional derivative R{·} = d/dr (·)(θ + r v) at
 * r = 0 of every forward and backward quantity, propagated forward and then backward.
 *
 * <pre>
 * forward:  R{z_k} = R{a_k}·W_k + a_k·V_k + 1·vb_kᵀ,     R{a_{k+1}} = φ'(z_k) ⊙ R{z_k}
 * output:   mse: R{g} = (2/N)·R{f};   cross-entropy: R{g}_i = (s_i/N)·(p_i ⊙ (R{f}_i − p_i·R{f}_i))
 * backward: R{δ_k} = φ''(z_k) ⊙ R{z_k} ⊙ ∂L/∂a_{k+1} + φ'(z_k) ⊙ R{∂L/∂a_{k+1}}
 *           R{∂L/∂a_k} = R{δ_k}·W_kᵀ + δ_k·V_kᵀ
 *           R{∇θ_k} = R{a_k}ᵀ δ_k + a_kᵀ R{δ_k},   R{∇b_k} = Σ_i R{δ_k}[i]
 * </pre>
 */
final class RPass {
    final DMatrixRMaj[] rz;
    final DMatrixRMaj[] ra;
    final DMatrixRMaj[] rdelta;

    private RPass(int depth) {
        rz = new DMatrixRMaj[depth];
        ra = new DMatrixRMaj[depth + 1];
        rdelta = new DMatrixRMaj[depth];
    }

    /**
     * Runs the R-pass from layer {@code start} on.
     *
     * @param p      the forward/backward state at θ
     * @param start  first layer whose R{z} is nonzero
     * @param seedZ  R{z_start} when given; otherwise R{z_start} = a_start·V_start + 1·vb_start
     * @param v      direction's weight blocks V_k (null entries, or a null array, mean zero)
     * @param vb     direction's bias blocks (same convention)
     */
    static RPass run(Pass p, int start, DMatrixRMaj seedZ, DMatrixRMaj[] v, double[][] vb) {
        int depth = p.net.depth();
        RPass r = new RPass(depth);
        for (int k = start; k < depth; k++) {
            DMatrixRMaj rz;
            if (k == start && seedZ != null) {
                rz = seedZ;
            } else {
                rz = new DMatrixRMaj(p.z[k].numRows, p.z[k].numCols);
                if (k > start) {
                    Products.mult(r.ra[k], p.w[k], rz);
                }
                if (v != null && v[k] != null) {
                    Products.multAdd(p.a[k], v[k], rz);
                }
                if (vb != null && vb[k] != null) {
                    LossFunction.addRowVector(rz, vb[k]);
                }
            }
            r.rz[k] = rz;
            r.ra[k + 1] = LossFunction.elementMult(p.dphi[k], rz);
        }
        DMatrixRMaj rg = outputR(p, r.ra[depth]);
        for (int k = depth - 1; k >= start; k--) {
            DMatrixRMaj rd = LossFunction.elementMult(p.dphi[k], rg);
            if (p.ddphi[k] != null) {
                double[] dd = p.ddphi[k].data;
                double[] rzk = r.rz[k].data;
                double[] ga = p.gradA[k + 1].data;
                for (int i = 0; i < rd.data.length; i++) {
                    rd.data[i] += dd[i] * rzk[i] * ga[i];
                }
            }
            r.rdelta[k] = rd;
            if (k > start) {
                DMatrixRMaj next = new DMatrixRMaj(rd.numRows, p.w[k].numRows);
                Products.multTransB(rd, p.w[k], next);
                if (v != null && v[k] != null) {
                    Products.multAddTransB(p.delta[k], v[k], next);
                }
                rg = next;
            }
        }
        return r;
    }

    /** R{∂L/∂f} from R{f}. */
    private static DMatrixRMaj outputR(Pass p, DMatrixRMaj rf) {
        DMatrixRMaj rg = new DMatrixRMaj(rf.numRows, rf.numCols);
        if (p.kind == LossKind.MSE) {
            double c = 2.0 * p.scale;
            for (int i = 0; i < rf.data.length; i++) {
                rg.data[i] = c * rf.data[i];
            }
            return rg;
        }
        int cols = rf.numCols;
        for (int i = 0; i < rf.numRows; i++) {
            int o = i * cols;
            double dot = 0;
            for (int j = 0; j < cols; j++) {
                dot += p.prob.data[o + j] * rf.data[o + j];
            }
            double c = p.scale * p.ySum[i];
            for (int j = 0; j < cols; j++) {
                rg.data[o + j] = c * p.prob.data[o + j] * (rf.data[o + j] - dot);
            }
        }
        return rg;
    }
}
