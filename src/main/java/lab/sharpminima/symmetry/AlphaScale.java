package lab.sharpminima.symmetry;

import java.util.Arrays;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.Network;

/**
 * The α-scale transformation T_α of Definition 5, in its multi-layer form of Section 4.2:
 * θ_k ↦ α_k θ_k with every α_k &gt; 0 and ∏_k α_k = 1. A bias b_k is scaled by ∏_{j≤k} α_j, the
 * factor by which the pre-activation z_k is scaled, so that the function is unchanged whenever every
 * hidden activation is non-negatively homogeneous (Definition 4).
 *
 * <p>T_α is linear and diagonal: θ' = s ⊙ θ with {@link #scaling()} = s. The paper's
 * D_α = diag(1/s) gives the identities of Section 4.2, ∇L(T_α θ) = ∇L(θ)·D_α and
 * ∇²L(T_α θ) = D_α ∇²L(θ) D_α.
 */
public final class AlphaScale extends DiagonalSymmetry {

    /** Relative tolerance on ∏ α_k = 1. */
    public static final double PRODUCT_TOLERANCE = 1e-9;

    private final Network net;
    private final double[] alpha;

    /**
     * @throws IllegalArgumentException when the count is wrong, an α is not a positive finite number,
     *                                  or the product differs from 1 by more than 1e-9 (relative)
     */
    public AlphaScale(Network net, double[] alpha) {
        super(buildScaling(net, validated(net, alpha)));
        this.net = net;
        this.alpha = alpha.clone();
    }

    private static double[] validated(Network net, double[] alpha) {
        if (alpha.length != net.depth()) {
            throw new IllegalArgumentException("--alpha needs " + net.depth() + " values (one per layer), got "
                    + alpha.length);
        }
        double logProduct = 0;
        for (int k = 0; k < alpha.length; k++) {
            if (!(alpha[k] > 0) || Double.isInfinite(alpha[k])) {
                throw new IllegalArgumentException("alpha[" + k + "] = " + alpha[k]
                        + " must be a positive finite number");
            }
            logProduct += Math.log(alpha[k]);
        }
        if (Math.abs(Math.expm1(logProduct)) > PRODUCT_TOLERANCE) {
            throw new IllegalArgumentException("the product of the alphas is " + Math.exp(logProduct)
                    + ", it must be 1 (relative tolerance 1e-9)");
        }
        return alpha;
    }

    /** Definition 5: the two-layer T_α = (α, 1/α) for a network of depth 2. */
    public static AlphaScale twoLayer(Network net, double a) {
        return new AlphaScale(net, new double[] {a, 1.0 / a});
    }

    /**
     * The last α is chosen so that the product is exactly 1 up to rounding: α_K = 1/∏_{k&lt;K} α_k.
     */
    public static AlphaScale completing(Network net, double[] firstAlphas) {
        double[] a = Arrays.copyOf(firstAlphas, net.depth());
        double p = 1;
        for (int k = 0; k < net.depth() - 1; k++) {
            p *= a[k];
        }
        a[net.depth() - 1] = 1.0 / p;
        return new AlphaScale(net, a);
    }

    private static double[] buildScaling(Network net, double[] alpha) {
        double[] s = new double[net.parameterCount()];
        double cumulative = 1;
        for (int k = 0; k < net.depth(); k++) {
            Layer l = net.layer(k);
            cumulative *= alpha[k];
            Arrays.fill(s, net.offset(k), net.offset(k) + l.weightCount(), alpha[k]);
            if (l.bias()) {
                Arrays.fill(s, net.biasOffset(k), net.end(k), cumulative);
            }
        }
        return s;
    }

    public double[] alpha() {
        return alpha.clone();
    }

    @Override
    String culprit(int i) {
        int k = net.layerOf(i);
        return "alpha[" + k + "] = " + alpha[k];
    }
}
