package lab.sharpminima.measure;

import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.linalg.SymmetricEigen;

/**
 * The numerical rank of ∇²L(θ): the number of eigenvalues with |λ| &gt; tol, tol = n·ε·max|λ| by
 * default (as {@code numpy.linalg.matrix_rank}), from the exact dense Hessian.
 *
 * <p>Invariance. ∇²L(T_α θ) = D_α ∇²L(θ) D_α (Section 4.2) with D_α invertible, and per-neuron
 * scaling and weight normalisation's v ↦ αv are invertible diagonal maps too: by Sylvester's law of
 * inertia the exact rank (indeed the counts of positive, negative and zero eigenvalues) is
 * unchanged. INVARIANT under all three — in exact arithmetic; numerically an eigenvalue within a few
 * orders of magnitude of the tolerance can cross it when the scaling is extreme.
 */
public final class HessianRank implements ScalarMeasure {

    /** Largest n for which the dense Hessian is assembled. */
    public static final int MAX_DIMENSION = 4000;

    @Override
    public String key() {
        return "hessianRank";
    }

    @Override
    public String source() {
        return "Dinh et al. 2017, Section 4.2 (∇²L(T_α θ) = D_α ∇²L(θ) D_α keeps the rank; Sylvester's law of inertia)";
    }

    @Override
    public Invariance underAlphaScale() {
        return Invariance.INVARIANT;
    }

    @Override
    public Invariance underNeuronScaling() {
        return Invariance.INVARIANT;
    }

    @Override
    public Invariance underWeightNormalization() {
        return Invariance.INVARIANT;
    }

    @Override
    public double value(LossFunction loss, double[] theta) {
        return spectrum(loss, theta).rank();
    }

    /** The full spectrum of the dense Hessian, refusing n above {@link #MAX_DIMENSION}. */
    static SymmetricEigen spectrum(LossFunction loss, double[] theta) {
        int n = loss.dimension();
        if (n > MAX_DIMENSION) {
            throw new IllegalArgumentException("the Hessian rank and eigenvalue count need the dense Hessian: the model "
                    + "has " + n + " parameters, at most " + MAX_DIMENSION + " are supported");
        }
        return SymmetricEigen.decompose(loss.hessian(theta), false);
    }
}
