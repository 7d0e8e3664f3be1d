package lab.sharpminima.measure;

import lab.sharpminima.engine.LossFunction;

/**
 * The number of eigenvalues of ∇²L(θ) above a threshold M, from the exact dense Hessian: a count of
 * "sharp directions" in the spirit of the large eigenvalues discussed in Section 4.2.
 *
 * <p>Invariance. ∇²L(T_α θ) = D_α ∇²L(θ) D_α: shrinking one layer's weights (large D_α entries there)
 * inflates its block of the Hessian, and with it eigenvalues past any fixed M (Theorem 4's argument
 * for the spectral norm applies to each of them). Per-neuron scaling and weight normalisation's v ↦ αv
 * act the same way. MOVED under all three.
 */
public final class EigenvaluesAbove implements ScalarMeasure {

    private final double threshold;

    /** @param threshold M: eigenvalues λ &gt; M are counted */
    public EigenvaluesAbove(double threshold) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("the eigenvalue threshold M must be a number");
        }
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    @Override
    public String key() {
        return "eigenvaluesAbove";
    }

    @Override
    public String source() {
        return "Dinh et al. 2017, Section 4.2 (count of Hessian eigenvalues above M = " + threshold + ")";
    }

    @Override
    public Invariance underAlphaScale() {
        return Invariance.MOVED;
    }

    @Override
    public Invariance underNeuronScaling() {
        return Invariance.MOVED;
    }

    @Override
    public Invariance underWeightNormalization() {
        return Invariance.MOVED;
    }

    @Override
    public double value(LossFunction loss, double[] theta) {
        return HessianRank.spectrum(loss, theta).countAbove(threshold);
    }
}
