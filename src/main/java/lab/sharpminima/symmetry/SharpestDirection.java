package lab.sharpminima.symmetry;

import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.Network;
import org.ejml.data.DMatrixRMaj;

/**
 * Theorem 4 ("sharpest direction") as a function: for a model with ∇²L(θ) ≠ 0 and any M &gt; 0, an
 * α-scale T_α with ‖∇²L(T_α θ)‖₂ ≥ M, while f_{T_α θ} = f_θ.
 *
 * <p>The orbit is α ↦ T_α with α = (α, 1/α) for two layers (Definition 5) and (α, 1, …, 1, 1/α) for
 * deeper ones: the first and last layers are the two ends the proof of Theorem 4 scales, and every
 * hidden pre-activation moves by the same α, so a single number α reaches both regimes (α → 0 blows
 * up the θ_1 block by α⁻², α → ∞ the θ_K block by α²). Along it ∇²L(T_α θ) = D_α ∇²L(θ) D_α
 * (Section 4.2). Rather than the proof's sufficient α &lt; sqrt(rγ/M), the search finds the smallest
 * change |log α| that reaches M: bracketing by doubling and bisection on log α in both directions
 * ({@link OrbitSearch}), keeping the side with the smaller |log α|. At a minimum (∇²L(θ) ⪰ 0)
 * ‖D_α H D_α‖₂ = max_{‖y‖=1} Σ_i d_i² (H^{1/2}y)_i² is log-convex in log α, so the set where it
 * stays below M is an interval and the result is the minimal change to within 1e-9 in log α.
 */
public final class SharpestDirection {

    /** The orbit is searched for α in [e^{−MAX_LOG_ALPHA}, e^{MAX_LOG_ALPHA}] = [1e-150, 1e150]. */
    public static final double MAX_LOG_ALPHA = Math.log(1e150);
    /**
     * The search asks for M·(1 + PAD) through D_α H D_α, so that the Hessian recomputed at T_α θ —
     * equal up to rounding — reaches M too.
     */
    static final double PAD = 1e-8;
    private static final int NUDGES = 10;

    /**
     * @param scale      the T_α found (α = 1 when ‖∇²L(θ)‖₂ ≥ M already)
     * @param theta      T_α θ
     * @param target     M
     * @param normBefore ‖∇²L(θ)‖₂
     * @param normAfter  ‖∇²L(T_α θ)‖₂, from the Hessian recomputed at T_α θ
     * @param proofBound the α of Theorem 4's proof, sqrt(rγ/M) with r = 1/√n and γ the largest positive
     *                   diagonal entry of ∇²L(θ) among the parameters scaled by α (or sqrt(M/(rγ)) with
     *                   γ among those scaled by 1/α when there is none); NaN when not dense or no such γ
     * @param dense      whether the spectral norms are exact (dense) or by Lanczos
     */
    public record Result(AlphaScale scale, double[] theta, double target, double normBefore, double normAfter,
                         double proofBound, boolean dense) {
        /** The scalar α of the orbit: the first layer's factor. */
        public double alpha() {
            return scale.alpha()[0];
        }
    }

    private SharpestDirection() {
    }

    /** T_α on the orbit: (α, 1/α) for two layers, (α, 1, …, 1, 1/α) for more. */
    public static AlphaScale orbit(Network net, double alpha) {
        double[] a = new double[net.depth()];
        java.util.Arrays.fill(a, 1.0);
        a[0] = alpha;
        a[a.length - 1] = 1.0 / alpha;
        return new AlphaScale(net, a);
    }

    /**
     * @throws IllegalArgumentException for M not positive and finite, fewer than two layers, a hidden
     *                                  tanh layer, a zero Hessian, or M out of reach for α in
     *                                  [1e-150, 1e150]
     */
    public static Result find(LossFunction f, double[] theta, double m, int denseThreshold) {
        if (!(m > 0) || Double.isInfinite(m)) {
            throw new IllegalArgumentException("the target spectral norm must be a positive finite number, got " + m);
        }
        Network net = f.network();
        Homogeneity.requireDepthTwo(net);
        Homogeneity.requireHiddenLayers(net);
        ScaledHessian h = ScaledHessian.at(f, theta, denseThreshold);
        double before = h.spectralNorm(ones(net.parameterCount()));
        if (before == 0) {
            throw new IllegalArgumentException("the Hessian at theta is zero, so no T_alpha changes it"
                    + " (Theorem 4 needs a nonzero Hessian)");
        }
        double bound = h.isDense() ? proofBound(net, h.matrix(), m) : Double.NaN;
        double t = before >= m ? 0 : smallestLogAlpha(net, h, m * (1 + PAD));
        for (int nudge = 0; ; nudge++) {
            AlphaScale scale = orbit(net, Math.exp(t));
            double[] moved = scale.applyChecked(theta);
            double after = ScaledHessian.spectralNormAt(f, moved, denseThreshold);
            // D_α H D_α and the Hessian recomputed at T_α θ agree to rounding; PAD covers that, and
            // a few outward steps of 1e-7 in log α cover a Lanczos estimate that falls short.
            if (after >= m || nudge == NUDGES) {
                return new Result(scale, moved, m, before, after, bound, h.isDense());
            }
            t += Math.signum(t) * 1e-7 * Math.max(1, Math.abs(t));
        }
    }

    /** The t = log α of smallest |t| with ‖D_α H D_α‖₂ ≥ goal, searching α &lt; 1 and α &gt; 1. */
    private static double smallestLogAlpha(Network net, ScaledHessian h, double goal) {
        double up = OrbitSearch.first(t -> h.spectralNorm(orbit(net, Math.exp(t)).paperD()) >= goal, MAX_LOG_ALPHA);
        // The other side needs searching only up to the change already found.
        double limit = Double.isNaN(up) ? MAX_LOG_ALPHA : up;
        double down = OrbitSearch.first(t -> h.spectralNorm(orbit(net, Math.exp(-t)).paperD()) >= goal, limit);
        if (Double.isNaN(up) && Double.isNaN(down)) {
            throw new IllegalArgumentException("the spectral norm " + goal / (1 + PAD)
                    + " is out of reach for alpha in [1e-150, 1e150] (the Hessian's norm there stays below it)");
        }
        return Double.isNaN(down) || (!Double.isNaN(up) && up <= down) ? up : -down;
    }

    /**
     * The proof's α: ‖A‖₂ ≥ r‖A‖_F with r = 1/√n, and ‖D_α H D_α‖_F ≥ α⁻²γ for a diagonal entry γ &gt; 0 of
     * a coordinate scaled by α, so α = sqrt(rγ/M) reaches M (α = sqrt(M/(rγ)) for one scaled by 1/α).
     */
    static double proofBound(Network net, DMatrixRMaj h, double m) {
        double[] s = orbit(net, 2.0).scaling();
        double r = 1 / Math.sqrt(h.numRows);
        double gammaUp = 0;
        double gammaDown = 0;
        for (int i = 0; i < s.length; i++) {
            double g = h.get(i, i);
            if (s[i] == 2.0) {
                gammaUp = Math.max(gammaUp, g);
            } else if (s[i] == 0.5) {
                gammaDown = Math.max(gammaDown, g);
            }
        }
        if (gammaUp > 0) {
            return Math.sqrt(r * gammaUp / m);
        }
        return gammaDown > 0 ? Math.sqrt(m / (r * gammaDown)) : Double.NaN;
    }

    static double[] ones(int n) {
        double[] d = new double[n];
        java.util.Arrays.fill(d, 1.0);
        return d;
    }
}
