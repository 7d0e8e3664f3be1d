package lab.sharpminima.engine;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;

/**
 * Assembles the dense Hessian from per-unit R-operator passes (see {@link LossFunction#hessian}).
 *
 * <p>For unit s of layer l the seed R{z_l} = 1·e_sᵀ is propagated; each sample i then holds its own
 * derivative of the per-sample gradient of every later layer m:
 * P_i[(p,q)] = R{ã_m}[i,p]·δ_m[i,q] + ã_m[i,p]·R{δ_m}[i,q]. The Hessian columns of parameters (r, s),
 * r over the augmented inputs of layer l, are then Σ_i P_i·ã_l[i,r] = Pᵀ·Ã_l: one matrix product.
 */
final class HessianAssembly {

    private HessianAssembly() {
    }

    /** h += the Hessian contribution of the samples in {@code p} (rows ≥ layer l for columns in layer l). */
    static void accumulate(Pass p, DMatrixRMaj h) {
        Network net = p.net;
        int depth = net.depth();
        int samples = p.a[0].numRows;
        DMatrixRMaj[] at = new DMatrixRMaj[depth];
        DMatrixRMaj[] dt = new DMatrixRMaj[depth];
        for (int m = 0; m < depth; m++) {
            at[m] = CommonOps_DDRM.transpose(p.a[m], null);
            dt[m] = CommonOps_DDRM.transpose(p.delta[m], null);
        }
        for (int l = 0; l < depth; l++) {
            Layer layer = net.layer(l);
            DMatrixRMaj aug = augmented(p.a[l], layer.bias());
            boolean gaussNewton = gaussNewtonDiagonal(p, l);
            if (gaussNewton) {
                addGaussNewtonDiagonalBlock(p, l, aug, h);
            }
            // With the diagonal block done, the R-passes only fill the rows of later layers.
            int firstRow = gaussNewton ? net.end(l) : net.offset(l);
            int firstLayer = gaussNewton ? l + 1 : l;
            int rows = net.parameterCount() - firstRow;
            if (rows == 0) {
                continue;
            }
            DMatrixRMaj pt = new DMatrixRMaj(rows, samples);
            DMatrixRMaj c = new DMatrixRMaj(rows, aug.numCols);
            int out = layer.out();
            int n = h.numCols;
            int offL = net.offset(l);
            for (int s = 0; s < out; s++) {
                DMatrixRMaj seed = new DMatrixRMaj(samples, out);
                for (int i = 0; i < samples; i++) {
                    seed.data[i * out + s] = 1.0;
                }
                RPass r = RPass.run(p, l, seed, null, null);
                fillPerSampleRows(p, r, l, firstLayer, at, dt, pt);
                Products.mult(pt, aug, c);
                for (int j = 0; j < rows; j++) {
                    int rowBase = (firstRow + j) * n + offL + s;
                    int cBase = j * c.numCols;
                    for (int rr = 0; rr < c.numCols; rr++) {
                        h.data[rowBase + rr * out] += c.data[cBase + rr];
                    }
                }
            }
        }
    }

    /**
     * Whether layer l's diagonal block is exactly its Gauss–Newton part J̃ᵀJ̃ and cheaper that way:
     * one output (so J̃ has one row per sample, and J̃ᵀJ̃ costs half of the R-pass route, being
     * symmetric) and φ'' = 0 from layer l on (no residual term inside the block).
     */
    private static boolean gaussNewtonDiagonal(Pass p, int l) {
        if (p.net.outputs() != 1) {
            return false;
        }
        for (int k = l; k < p.net.depth(); k++) {
            if (p.ddphi[k] != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds Σ_i c_i² (ã_i ⊗ γ_i)(ã_i ⊗ γ_i)ᵀ to the diagonal block of layer l, where γ_i = ∂f/∂z_l of
     * sample i (one backward pass from ∂f/∂f = 1) and c_i² = ∂²ℓ/∂f² (2/N for mse; for a
     * one-output cross-entropy the softmax is constant and the block is zero).
     */
    private static void addGaussNewtonDiagonalBlock(Pass p, int l, DMatrixRMaj aug, DMatrixRMaj h) {
        if (p.kind != LossKind.MSE) {
            return;
        }
        int samples = aug.numRows;
        DMatrixRMaj gamma = new DMatrixRMaj(samples, 1);
        java.util.Arrays.fill(gamma.data, 1.0);
        for (int k = p.net.depth() - 1; k >= l; k--) {
            DMatrixRMaj d = LossFunction.elementMult(p.dphi[k], gamma);
            if (k == l) {
                gamma = d;
            } else {
                gamma = new DMatrixRMaj(samples, p.w[k].numRows);
                Products.multTransB(d, p.w[k], gamma);
            }
        }
        int in = aug.numCols;
        int out = gamma.numCols;
        double c = Math.sqrt(2.0 * p.scale);
        DMatrixRMaj j = new DMatrixRMaj(samples, in * out);
        for (int i = 0; i < samples; i++) {
            int row = i * in * out;
            for (int r = 0; r < in; r++) {
                double a = c * aug.data[i * in + r];
                for (int q = 0; q < out; q++) {
                    j.data[row + r * out + q] = a * gamma.data[i * out + q];
                }
            }
        }
        DMatrixRMaj block = new DMatrixRMaj(in * out, in * out);
        if ((long) samples * in * out * in * out >= 1L << 21) {
            CommonOps_MT_DDRM.multInner(j, block);
        } else {
            CommonOps_DDRM.multInner(j, block);
        }
        int off = p.net.offset(l);
        int n = h.numCols;
        for (int r = 0; r < block.numRows; r++) {
            for (int q = 0; q < block.numCols; q++) {
                h.data[(off + r) * n + off + q] += block.data[r * block.numCols + q];
            }
        }
    }

    /** Rows of Pᵀ for layers m ≥ firstLayer (≥ l): R{ã_m}ᵀ[p] ⊙ δ_mᵀ[q] + ã_mᵀ[p] ⊙ R{δ_m}ᵀ[q]. */
    private static void fillPerSampleRows(Pass p, RPass r, int l, int firstLayer, DMatrixRMaj[] at,
                                          DMatrixRMaj[] dt, DMatrixRMaj pt) {
        Network net = p.net;
        int samples = pt.numCols;
        int offL = net.offset(firstLayer);
        double[] out = pt.data;
        for (int m = firstLayer; m < net.depth(); m++) {
            Layer layer = net.layer(m);
            DMatrixRMaj rdt = CommonOps_DDRM.transpose(r.rdelta[m], null);
            DMatrixRMaj rat = m > l ? CommonOps_DDRM.transpose(r.ra[m], null) : null;
            int units = layer.out();
            int base = net.offset(m) - offL;
            for (int pIn = 0; pIn < layer.in(); pIn++) {
                int aRow = pIn * samples;
                for (int q = 0; q < units; q++) {
                    int row = (base + pIn * units + q) * samples;
                    int dRow = q * samples;
                    for (int i = 0; i < samples; i++) {
                        out[row + i] = at[m].data[aRow + i] * rdt.data[dRow + i];
                    }
                    if (rat != null) {
                        for (int i = 0; i < samples; i++) {
                            out[row + i] += rat.data[aRow + i] * dt[m].data[dRow + i];
                        }
                    }
                }
            }
            if (layer.bias()) {
                int row = (base + layer.in() * units) * samples;
                System.arraycopy(rdt.data, 0, out, row, units * samples);
            }
        }
    }

    /** [a, 1] when the layer has a bias, else a itself. */
    private static DMatrixRMaj augmented(DMatrixRMaj a, boolean bias) {
        if (!bias) {
            return a;
        }
        DMatrixRMaj aug = new DMatrixRMaj(a.numRows, a.numCols + 1);
        CommonOps_DDRM.insert(a, aug, 0, 0);
        for (int i = 0; i < a.numRows; i++) {
            aug.data[i * aug.numCols + a.numCols] = 1.0;
        }
        return aug;
    }

    /**
     * Completes the Hessian: blocks above the layer diagonal are copied from below, and the diagonal
     * blocks (computed in full) are replaced by (H + Hᵀ)/2.
     */
    static void symmetrise(Network net, DMatrixRMaj h) {
        int n = h.numRows;
        int[] layerOf = new int[n];
        for (int i = 0; i < n; i++) {
            layerOf[i] = net.layerOf(i);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (layerOf[i] == layerOf[j]) {
                    double v = 0.5 * (h.data[i * n + j] + h.data[j * n + i]);
                    h.data[i * n + j] = v;
                    h.data[j * n + i] = v;
                } else {
                    h.data[i * n + j] = h.data[j * n + i];
                }
            }
        }
    }
}
