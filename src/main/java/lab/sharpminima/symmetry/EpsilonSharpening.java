package lab.sharpminima.symmetry;

import lab.sharpminima.engine.Network;

/**
 * Section 4.3 as a function: with α = ε/‖θ_1‖₂, T_α(θ) = (ε θ_1/‖θ_1‖₂, α⁻¹θ_2, …) computes the same
 * function as θ, yet the point (0, α⁻¹θ_2, …) — a constant function — lies at distance exactly ε, inside
 * the ball B₂(ε, T_α θ) of Definition 2's ε-sharpness: every minimum is observationally equivalent to
 * one whose ε-sharpness is at least that of the best constant function.
 *
 * <p>Here θ_1 is the whole first-layer block (its weights and its bias), the part T_α scales by α_1;
 * for deeper networks α = (α, 1/α, 1, …, 1), so layers 3 … K and their biases are unchanged. The
 * first hidden layer's activation must be non-negatively homogeneous (Definition 4).
 */
public final class EpsilonSharpening {

    /**
     * @param scale          T_α with α = ε/‖θ_1‖₂
     * @param theta          T_α θ, whose first layer has norm ε
     * @param epsilon        ε
     * @param firstLayerNorm ‖θ_1‖₂ before the transformation
     * @param constantPoint  (0, α⁻¹θ_2, …): T_α θ with the first layer zeroed, at distance ε from it
     */
    public record Result(AlphaScale scale, double[] theta, double epsilon, double firstLayerNorm,
                         double[] constantPoint) {
    }

    private EpsilonSharpening() {
    }

    /** ‖θ_1‖₂ over the first layer's weights and bias. */
    public static double firstLayerNorm(Network net, double[] theta) {
        double s = 0;
        for (int i = net.offset(0); i < net.end(0); i++) {
            s = Math.hypot(s, theta[i]);
        }
        return s;
    }

    /**
     * @throws IllegalArgumentException for ε not positive and finite, fewer than two layers, a hidden
     *                                  tanh layer, θ_1 = 0, or a result that overflows or underflows
     */
    public static Result of(Network net, double[] theta, double epsilon) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be a positive finite number, got " + epsilon);
        }
        Homogeneity.requireDepthTwo(net);
        Homogeneity.requireHiddenLayers(net);
        double norm = firstLayerNorm(net, theta);
        if (norm == 0) {
            throw new IllegalArgumentException("the first layer is zero (the network computes a constant),"
                    + " so no alpha = epsilon/||theta_1|| exists");
        }
        double alpha = epsilon / norm;
        double[] a = new double[net.depth()];
        java.util.Arrays.fill(a, 1.0);
        a[0] = alpha;
        a[1] = 1.0 / alpha;
        AlphaScale t = new AlphaScale(net, a);
        double[] moved = t.applyChecked(theta);
        double[] constant = moved.clone();
        java.util.Arrays.fill(constant, net.offset(0), net.end(0), 0.0);
        return new Result(t, moved, epsilon, norm, constant);
    }
}
