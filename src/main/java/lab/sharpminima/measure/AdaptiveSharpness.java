package lab.sharpminima.measure;

import java.util.Random;
import lab.sharpminima.engine.LossFunction;

/**
 * Adaptive sharpness (ASAM, Kwon et al. 2021, "ASAM: Adaptive Sharpness-Aware Minimization for
 * Scale-Invariant Learning of Deep Neural Networks", ICML, adaptive sharpness):
 *
 * <pre>  S_ρ(θ) = max_{‖T_θ⁻¹(θ' − θ)‖₂ ≤ ρ} L(θ') − L(θ),   T_θ = diag(|θ_i| + η).</pre>
 *
 * <p>In the scaled coordinates θ' = θ + T_θ δ the constraint is the ball ‖δ‖₂ ≤ ρ, and the objective
 * g(δ) = L(θ + T_θ δ) − L(θ) is maximised by projected, normalised gradient ascent on δ
 * (∇_δ g = T_θ ∇L(θ')), started from the ASAM one-step solution ρ·∇_δ g(0)/‖∇_δ g(0)‖ and from seeded
 * random points of the sphere; the largest value met is returned with its argmax. The ascent is a
 * heuristic: the value is a lower bound on the true maximum.
 *
 * <p>Invariance (η = 0). For any positive diagonal map θ ↦ s ⊙ θ that keeps L — T_α of Definition 5
 * (biases included, scaled by ∏_{j≤k} α_j), per-neuron scaling, and weight normalisation's
 * T'_α: v ↦ αv (α &gt; 0, Section 5.1) in (v, g) coordinates — the scaled perturbation is
 * s ⊙ θ + |s ⊙ θ| ⊙ δ = s ⊙ (θ + |θ| ⊙ δ), so g is the <em>same function</em> of δ at both points.
 * Every step of the ascent is written in δ alone (normalised gradient, step lengths in units of ρ,
 * starts drawn in δ), so the whole trajectory, not only the exact maximum, is the same up to rounding.
 * With the official η = 0.01 the map no longer commutes (|s_iθ_i| + η ≠ s_i(|θ_i| + η)); the value
 * changes by O(η/|θ_i|) only: APPROXIMATE under all three.
 */
public final class AdaptiveSharpness implements ScalarMeasure {

    /** η of Kwon et al.'s experiments. */
    public static final double OFFICIAL_ETA = 0.01;
    public static final double DEFAULT_RHO = 0.5;
    public static final int DEFAULT_STEPS = 20;
    public static final int DEFAULT_RANDOM_STARTS = 4;

    /**
     * @param value    the largest L(θ') − L(θ) found
     * @param argmax   θ' attaining it
     * @param delta    its scaled coordinates δ = T_θ⁻¹(θ' − θ), ‖δ‖ ≤ ρ
     * @param baseLoss L(θ)
     * @param gradientEvaluations loss-and-gradient passes used
     */
    public record Result(double value, double[] argmax, double[] delta, double baseLoss, int gradientEvaluations) {
    }

    private final double rho;
    private final double eta;
    private final int steps;
    private final int randomStarts;
    private final long seed;

    /**
     * @param rho          radius ρ &gt; 0 of the ball in scaled coordinates
     * @param eta          η ≥ 0 added to |θ_i|
     * @param steps        ascent steps from each start
     * @param randomStarts random starts besides the gradient start
     * @param seed         seed of the random starts
     */
    public AdaptiveSharpness(double rho, double eta, int steps, int randomStarts, long seed) {
        if (!(rho > 0) || Double.isInfinite(rho)) {
            throw new IllegalArgumentException("ASAM radius rho must be a positive number, got " + rho);
        }
        if (!(eta >= 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("ASAM eta must be a non-negative number, got " + eta);
        }
        if (steps < 0 || randomStarts < 0) {
            throw new IllegalArgumentException("ASAM steps and random starts must be non-negative");
        }
        this.rho = rho;
        this.eta = eta;
        this.steps = steps;
        this.randomStarts = randomStarts;
        this.seed = seed;
    }

    /** η = 0: exactly scale-invariant. */
    public static AdaptiveSharpness exact() {
        return new AdaptiveSharpness(DEFAULT_RHO, 0, DEFAULT_STEPS, DEFAULT_RANDOM_STARTS, 1);
    }

    /** η = 0.01, as in Kwon et al.'s experiments. */
    public static AdaptiveSharpness official() {
        return new AdaptiveSharpness(DEFAULT_RHO, OFFICIAL_ETA, DEFAULT_STEPS, DEFAULT_RANDOM_STARTS, 1);
    }

    public double eta() {
        return eta;
    }

    public double rho() {
        return rho;
    }

    @Override
    public String key() {
        return eta == 0 ? "asam" : "asamEta";
    }

    @Override
    public String source() {
        return "Kwon et al. 2021, ASAM (adaptive sharpness, rho = " + rho + ", eta = " + eta + ")";
    }

    @Override
    public Invariance underAlphaScale() {
        return eta == 0 ? Invariance.INVARIANT : Invariance.APPROXIMATE;
    }

    @Override
    public Invariance underNeuronScaling() {
        return eta == 0 ? Invariance.INVARIANT : Invariance.APPROXIMATE;
    }

    /** v ↦ αv is a positive diagonal symmetry in (v, g) coordinates: the same argument as for T_α. */
    @Override
    public Invariance underWeightNormalization() {
        return eta == 0 ? Invariance.INVARIANT : Invariance.APPROXIMATE;
    }

    @Override
    public double value(LossFunction loss, double[] theta) {
        return maximise(loss, theta).value();
    }

    /** The ascent of the class comment; θ is not modified. */
    public Result maximise(LossFunction loss, double[] theta) {
        int n = theta.length;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = Math.abs(theta[i]) + eta;
        }
        Ascent a = new Ascent(loss, theta, t);
        double[] g0 = new double[n];
        double base = a.valueAndGradient(new double[n], g0);
        a.base = base;
        double[] start = new double[n];
        if (scaleTo(g0, rho, start)) {
            a.climb(start);
        }
        Random rnd = new Random(seed);
        for (int r = 0; r < randomStarts; r++) {
            for (int i = 0; i < n; i++) {
                start[i] = rnd.nextGaussian();
            }
            if (scaleTo(start, rho, start)) {
                a.climb(start);
            }
        }
        if (a.bestDelta == null) {
            return new Result(0, theta.clone(), new double[n], base, a.evaluations);
        }
        double[] arg = new double[n];
        for (int i = 0; i < n; i++) {
            arg[i] = theta[i] + t[i] * a.bestDelta[i];
        }
        return new Result(a.bestValue, arg, a.bestDelta, base, a.evaluations);
    }

    /** out ← r·v/‖v‖; false when v = 0. */
    private static boolean scaleTo(double[] v, double r, double[] out) {
        double norm = norm(v);
        if (!(norm > 0) || Double.isInfinite(norm)) {
            return false;
        }
        for (int i = 0; i < v.length; i++) {
            out[i] = r * v[i] / norm;
        }
        return true;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** Projected normalised gradient ascent on g(δ), remembering the best point met. */
    private final class Ascent {
        private final LossFunction loss;
        private final double[] theta;
        private final double[] t;
        private final double[] point;
        private final double[] grad;
        double base;
        int evaluations;
        double bestValue = Double.NEGATIVE_INFINITY;
        double[] bestDelta;

        Ascent(LossFunction loss, double[] theta, double[] t) {
            this.loss = loss;
            this.theta = theta;
            this.t = t;
            this.point = new double[theta.length];
            this.grad = new double[theta.length];
        }

        /** L(θ + T δ), with gδ ← ∇_δ = T ∇L(θ + T δ). */
        double valueAndGradient(double[] delta, double[] gDelta) {
            for (int i = 0; i < theta.length; i++) {
                point[i] = theta[i] + t[i] * delta[i];
            }
            double l = loss.gradient(point, grad);
            evaluations++;
            for (int i = 0; i < theta.length; i++) {
                gDelta[i] = t[i] * grad[i];
            }
            return l;
        }

        /**
         * δ ← P_ρ(δ + (ρ/2)/√(j+1) · ĝ): the step length is in units of ρ and the direction is
         * normalised in δ, so nothing depends on the scale of θ (the class comment's equivariance).
         */
        void climb(double[] start) {
            double[] delta = start.clone();
            double[] g = new double[delta.length];
            for (int j = 0; ; j++) {
                double v = valueAndGradient(delta, g) - base;
                if (v > bestValue) {
                    bestValue = v;
                    bestDelta = delta.clone();
                }
                if (j == steps || !scaleTo(g, 0.5 * rho / Math.sqrt(j + 1.0), g)) {
                    return;
                }
                for (int i = 0; i < delta.length; i++) {
                    delta[i] += g[i];
                }
                double norm = norm(delta);
                if (norm > rho) {
                    for (int i = 0; i < delta.length; i++) {
                        delta[i] *= rho / norm;
                    }
                }
            }
        }
    }
}
