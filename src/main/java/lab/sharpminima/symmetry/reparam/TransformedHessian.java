package lab.sharpminima.symmetry.reparam;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * ∇²L_η(η) split into its two terms (Section 5.1).
 *
 * @param gaussNewton ∇g(η)ᵀ ∇²L(θ) ∇g(η), the whole Hessian at a critical point of L
 * @param curvature   Σ_i ∂L/∂θ_i ∇²g_i(η), zero at a critical point of L
 */
public record TransformedHessian(DMatrixRMaj gaussNewton, DMatrixRMaj curvature) {

    /** ∇²L_η(η) = gaussNewton + curvature, a new matrix. */
    public DMatrixRMaj total() {
        DMatrixRMaj t = new DMatrixRMaj(gaussNewton.numRows, gaussNewton.numCols);
        CommonOps_DDRM.add(gaussNewton, curvature, t);
        return t;
    }
}
