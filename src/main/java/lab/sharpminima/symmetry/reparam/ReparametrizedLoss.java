package lab.sharpminima.symmetry.reparam;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * L_η = L∘g, the loss in the new coordinates η of Section 5.1, with its exact gradient
 * ∇L_η = ∇gᵀ∇L(θ) and Hessian ∇²L_η = ∇gᵀ∇²L(θ)∇g + Σ_i ∂L/∂θ_i ∇²g_i (θ = g(η)).
 */
public final class ReparametrizedLoss implements Objective {

    private final Objective loss;
    private final Reparametrization g;

    public ReparametrizedLoss(Objective loss, Reparametrization g) {
        if (loss.dimension() != g.thetaDimension()) {
            throw new IllegalArgumentException("the loss has " + loss.dimension() + " parameters, the reparametrization "
                    + g.thetaDimension());
        }
        this.loss = loss;
        this.g = g;
    }

    public Reparametrization reparametrization() {
        return g;
    }

    @Override
    public int dimension() {
        return g.etaDimension();
    }

    /** L_η(η) = L(g(η)). */
    @Override
    public double value(double[] eta) {
        return loss.value(g.theta(eta));
    }

    /** {@code grad} ← ∇g(η)ᵀ ∇L(g(η)); returns L_η(η). */
    @Override
    public double gradient(double[] eta, double[] grad) {
        double[] gradTheta = new double[g.thetaDimension()];
        double value = loss.gradient(g.theta(eta), gradTheta);
        CommonOps_DDRM.multTransA(g.jacobian(eta), column(gradTheta), DMatrixRMaj.wrap(grad.length, 1, grad));
        return value;
    }

    /** ∇²L_η(η), both terms summed. */
    @Override
    public DMatrixRMaj hessian(double[] eta) {
        return hessianTerms(eta).total();
    }

    /** ∇²L_η(η) as its two terms: ∇gᵀ∇²L∇g and Σ_i ∂L/∂θ_i ∇²g_i. */
    public TransformedHessian hessianTerms(double[] eta) {
        double[] theta = g.theta(eta);
        double[] gradTheta = new double[theta.length];
        loss.gradient(theta, gradTheta);
        DMatrixRMaj j = g.jacobian(eta);
        DMatrixRMaj hj = new DMatrixRMaj(theta.length, j.numCols);
        CommonOps_DDRM.mult(loss.hessian(theta), j, hj);
        DMatrixRMaj gaussNewton = new DMatrixRMaj(j.numCols, j.numCols);
        CommonOps_DDRM.multTransA(j, hj, gaussNewton);
        symmetrise(gaussNewton);
        return new TransformedHessian(gaussNewton, g.curvature(eta, gradTheta));
    }

    /**
     * {@code out} ← ∇²L_η(η)v = ∇gᵀ(∇²L(θ)(∇g v)) + (Σ_i ∂L/∂θ_i ∇²g_i)v, with one Hessian-vector
     * product of L (the R-operator for a network loss).
     */
    @Override
    public void hessianVectorProduct(double[] eta, double[] v, double[] out) {
        double[] theta = g.theta(eta);
        double[] gradTheta = new double[theta.length];
        loss.gradient(theta, gradTheta);
        DMatrixRMaj j = g.jacobian(eta);
        double[] jv = new double[theta.length];
        CommonOps_DDRM.mult(j, column(v), column(jv));
        double[] hjv = new double[theta.length];
        loss.hessianVectorProduct(theta, jv, hjv);
        DMatrixRMaj result = column(out);
        CommonOps_DDRM.multTransA(j, column(hjv), result);
        CommonOps_DDRM.multAdd(g.curvature(eta, gradTheta), column(v), result);
    }

    private static DMatrixRMaj column(double[] v) {
        return DMatrixRMaj.wrap(v.length, 1, v);
    }

    /** Rounding makes Jᵀ(HJ) asymmetric in the last bits; the exact matrix is symmetric. */
    static void symmetrise(DMatrixRMaj m) {
        for (int i = 0; i < m.numRows; i++) {
            for (int k = 0; k < i; k++) {
                double s = 0.5 * (m.unsafe_get(i, k) + m.unsafe_get(k, i));
                m.unsafe_set(i, k, s);
                m.unsafe_set(k, i, s);
            }
        }
    }
}
