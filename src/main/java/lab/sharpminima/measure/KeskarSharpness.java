package lab.sharpminima.measure;

import java.util.List;
import lab.sharpminima.engine.LossFunction;

/**
 * The full-space ε-sharpness of Keskar et al. (2017), "On large-batch training for deep learning",
 * Metric 2.1 with A = I:
 * <pre>
 *   φ_ε(θ) = 100 · max_{θ' ∈ C_ε} (L(θ') − L(θ)) / (1 + L(θ)),
 *   C_ε = {θ' : |θ'_i − θ_i| ≤ ε(|θ_i| + 1)}.
 * </pre>
 * Keskar et al. solve the box-constrained problem with L-BFGS-B; here projected gradient ascent
 * (clipping to the box, {@link ProjectedAscent}) starts from the corner along sign(∇L), the corners
 * along ± sign of the top Hessian eigenvector, and seeded random corners and interior points.
 *
 * <p>Since |θ'_i − θ_i| ≤ ‖θ' − θ‖₂ ≤ ε ≤ ε(|θ_i| + 1), the box contains B₂(ε, θ), so φ_ε ≥ 100 ·
 * the ε-sharpness of Definition 2; this is how Dinh et al. (2017, end of Section 4.3) carry their
 * T_α argument over to the full-space measure: every minimum of a rectified network is
 * observationally equivalent to one with high full-space ε-sharpness.
 */
public final class KeskarSharpness implements ScalarMeasure {

    /**
     * @param value          φ_ε(θ), already multiplied by 100, recomputed from L(argmax)
     * @param argmax         θ' (flat), inside the box
     * @param epsilon        ε
     * @param loss           L(θ)
     * @param winningRestart index of the start that won (−1: θ itself)
     * @param winningStart   its label
     * @param evaluations    loss-and-gradient passes of the ascents
     */
    public record Result(double value, double[] argmax, double epsilon, double loss, int winningRestart,
                         String winningStart, int evaluations) {
    }

    private final double epsilon;
    private final int restarts;
    private final ProjectedAscent ascent;
    private final long seed;

    public KeskarSharpness(double epsilon, int restarts, int maxIterations, long seed) {
        this.epsilon = EpsilonSharpness.requireEpsilon(epsilon);
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be at least 1, got " + restarts);
        }
        this.restarts = restarts;
        this.ascent = new ProjectedAscent(maxIterations);
        this.seed = seed;
    }

    /** ε with 10 restarts, 200 steps each, seed 1. */
    public static KeskarSharpness of(double epsilon) {
        return new KeskarSharpness(epsilon, EpsilonSharpness.DEFAULT_RESTARTS,
                EpsilonSharpness.DEFAULT_MAX_ITERATIONS, 1);
    }

    @Override
    public String key() {
        return "keskarSharpness";
    }

    @Override
    public String source() {
        return "Keskar et al. 2017, Metric 2.1 (full space, box |theta'_i - theta_i| <= eps(|theta_i|+1), x100); "
                + "moved by T_alpha, Dinh et al. 2017 Section 4.3";
    }

    /**
     * Section 4.3 (last paragraph): the box scales with |θ_i| + 1, yet T_α still makes the measure
     * high, and it is not invariant (the box around T_α θ is not T_α of the box around θ).
     */
    @Override
    public Invariance underAlphaScale() {
        return Invariance.MOVED;
    }

    @Override
    public Invariance underNeuronScaling() {
        return Invariance.MOVED;
    }

    /** Section 5.1: in weight-normalised coordinates, arbitrarily low or high full-space sharpness. */
    @Override
    public Invariance underWeightNormalization() {
        return Invariance.MOVED;
    }

    @Override
    public double value(LossFunction loss, double[] theta) {
        return measure(loss, theta).value();
    }

    public Result measure(LossFunction f, double[] theta) {
        double[] grad = new double[theta.length];
        double l0 = f.gradient(theta, grad);
        double[] widths = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            widths[i] = epsilon * (Math.abs(theta[i]) + 1);
        }
        Region.Box box = new Region.Box(theta.clone(), widths);
        double[] top = restarts > 1 ? TopCurvature.of(f, theta, seed).topVector() : null;
        List<ProjectedAscent.Start> starts = Starts.box(box, grad, top, restarts, seed);
        ProjectedAscent.Best best = ascent.maximise(AscentObjective.of(f), box, starts, l0);
        double[] argmax = best.point();
        double value = 100 * (f.value(argmax) - l0) / (1 + l0);
        if (!(value >= 0)) {
            return new Result(0, theta.clone(), epsilon, l0, -1, "center", best.evaluations());
        }
        return new Result(value, argmax, epsilon, l0, best.restart(), best.label(), best.evaluations());
    }
}
