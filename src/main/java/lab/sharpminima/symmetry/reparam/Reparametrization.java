package lab.sharpminima.symmetry.reparam;

import org.ejml.data.DMatrixRMaj;

/**
 * A smooth map g: η ↦ θ from new parameters to the original ones (Section 5.1, where η = g⁻¹(θ)).
 * It supplies what the chain rule for L_η = L∘g needs:
 * <pre>
 *   ∇L_η(η)  = ∇g(η)ᵀ ∇L(g(η))
 *   ∇²L_η(η) = ∇g(η)ᵀ ∇²L(g(η)) ∇g(η) + Σ_i ∂L/∂θ_i(g(η)) ∇²g_i(η)
 * </pre>
 * The second term is {@link #curvature}; it vanishes at a critical point of L.
 */
public interface Reparametrization {

    /** n_η, the length of η. */
    int etaDimension();

    /** n_θ, the length of θ. */
    int thetaDimension();

    /** θ = g(η). */
    double[] theta(double[] eta);

    /** The Jacobian ∇g(η): n_θ × n_η, entry (i, k) = ∂θ_i/∂η_k. */
    DMatrixRMaj jacobian(double[] eta);

    /**
     * Σ_i γ_i ∇²g_i(η), n_η × n_η and symmetric. With γ = ∇L(g(η)) it is the term of ∇²L_η that the
     * paper drops at a critical point; with γ = e_i it is ∇²g_i(η) itself.
     *
     * @param gamma a vector of length n_θ
     */
    DMatrixRMaj curvature(double[] eta, double[] gamma);
}
