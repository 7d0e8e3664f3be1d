package lab.sharpminima.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import lab.sharpminima.engine.LossFunction;

/**
 * ε-sharpness, Definition 2 of Dinh et al. (2017), the Euclidean-ball form of Keskar et al.'s (2017)
 * measure:
 * <pre>
 *   s_ε(θ) = max_{θ' ∈ B₂(ε, θ)} (L(θ') − L(θ)) / (1 + L(θ)).
 * </pre>
 * The maximum is found by projected gradient ascent ({@link ProjectedAscent}) from several starts on
 * the sphere ‖θ' − θ‖ = ε: along ∇L(θ), along ± the top Hessian eigenvector (the maximiser of the
 * second-order model at a minimum), and along seeded random directions; the best end point is kept.
 * Being a local search, the value is a lower bound on the true maximum; {@code
 * bench/sharpness_reference.py} checks it against an independent maximiser.
 *
 * <p>Beside it the second-order estimate ‖∇²L(θ)‖₂ ε² / (2(1 + L(θ))) is reported: the value of the
 * quadratic model at a critical point (the paper, after Definition 2); the two agree as ε → 0 at a
 * minimum.
 *
 * <p>Section 4.3: for a rectified network, T_α with α = ε/‖θ₁‖₂ puts (0, α⁻¹θ₂), a constant
 * function, inside B₂(ε, T_α θ), so every minimum is observationally equivalent to one whose
 * ε-sharpness is at least that of the best constant function: T_α moves the measure.
 */
public final class EpsilonSharpness implements ScalarMeasure {

    public static final int DEFAULT_RESTARTS = 10;
    public static final int DEFAULT_MAX_ITERATIONS = 200;

    /**
     * @param value               s_ε(θ), recomputed from L(argmax)
     * @param argmax              θ' (flat), ‖θ' − θ‖₂ ≤ ε(1 + 1e-12)
     * @param epsilon             ε
     * @param loss                L(θ)
     * @param winningRestart      index of the start whose ascent won (−1 if none rose above L(θ)
     *                            and θ itself is reported)
     * @param winningStart        its label: "gradient", "+top eigenvector", "-top eigenvector",
     *                            "random i" or "center"
     * @param restartValues       (L(θ'_r) − L(θ))/(1 + L(θ)) at the end of each restart
     * @param evaluations         loss-and-gradient passes of the ascents
     * @param topEigenvalue       λ_max(∇²L(θ))
     * @param spectralNorm        ‖∇²L(θ)‖₂
     * @param secondOrderEstimate ‖∇²L(θ)‖₂ ε² / (2(1 + L(θ)))
     */
    public record Result(double value, double[] argmax, double epsilon, double loss, int winningRestart,
                         String winningStart, double[] restartValues, int evaluations, double topEigenvalue,
                         double spectralNorm, double secondOrderEstimate) {
    }

    private final double epsilon;
    private final int restarts;
    private final ProjectedAscent ascent;
    private final int maxIterations;
    private final long seed;

    /**
     * @param epsilon       ε &gt; 0, the radius of the ball
     * @param restarts      number of starting points (at least 1): gradient, ± top eigenvector, then
     *                      random directions
     * @param maxIterations accepted ascent steps per start
     * @param seed          seed of the random directions and of Lanczos
     */
    public EpsilonSharpness(double epsilon, int restarts, int maxIterations, long seed) {
        this.epsilon = requireEpsilon(epsilon);
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be at least 1, got " + restarts);
        }
        this.restarts = restarts;
        this.ascent = new ProjectedAscent(maxIterations);
        this.maxIterations = maxIterations;
        this.seed = seed;
    }

    /** ε with 10 restarts, 200 steps each, seed 1. */
    public static EpsilonSharpness of(double epsilon) {
        return new EpsilonSharpness(epsilon, DEFAULT_RESTARTS, DEFAULT_MAX_ITERATIONS, 1);
    }

    static double requireEpsilon(double epsilon) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("--epsilon must be a positive finite number, got " + epsilon);
        }
        return epsilon;
    }

    @Override
    public String key() {
        return "epsSharpness";
    }

    @Override
    public String source() {
        return "Dinh et al. 2017, Definition 2 (Euclidean-ball epsilon-sharpness after Keskar et al. 2017); "
                + "moved by T_alpha, Section 4.3";
    }

    /** Section 4.3: T_α with α = ε/‖θ₁‖ makes it at least the constant function's excess loss. */
    @Override
    public Invariance underAlphaScale() {
        return Invariance.MOVED;
    }

    /** Per-neuron rescaling contains T_α, and it changes the ball's shape in function space too. */
    @Override
    public Invariance underNeuronScaling() {
        return Invariance.MOVED;
    }

    /**
     * Section 5.1: in weight-normalised coordinates v, T'_α: v ↦ αv leaves w = s·v/‖v‖ unchanged but
     * scales the loss's sensitivity to v by 1/α, so a fixed ε-ball covers arbitrarily much or little
     * of function space: arbitrarily low ε-sharpness as α → ∞.
     */
    @Override
    public Invariance underWeightNormalization() {
        return Invariance.MOVED;
    }

    @Override
    public double value(LossFunction loss, double[] theta) {
        return measure(loss, theta).value();
    }

    public Result measure(LossFunction f, double[] theta) {
        return measure(f, theta, null);
    }

    /**
     * The measure with the restarts' ascents advancing together, each round's trial points evaluated in
     * one batch by {@code backend} ({@link BatchedAscent}); {@code null} runs them one at a time on the CPU.
     */
    public Result measure(LossFunction f, double[] theta, lab.sharpminima.compute.Backend backend) {
        double[] grad = new double[theta.length];
        double l0 = f.gradient(theta, grad);
        TopCurvature curvature = TopCurvature.of(f, theta, seed);
        List<ProjectedAscent.Start> starts = starts(theta, grad, curvature.topVector());
        Region.Ball ball = new Region.Ball(theta.clone(), epsilon);
        ProjectedAscent.Best best = backend == null ? ascent.maximise(AscentObjective.of(f), ball, starts, l0)
                : new BatchedAscent(maxIterations).maximise(f, backend, ball, starts, l0);
        double scale = 1 + l0;
        double[] restartValues = new double[best.restartValues().length];
        for (int r = 0; r < restartValues.length; r++) {
            restartValues[r] = (best.restartValues()[r] - l0) / scale;
        }
        double[] argmax = best.point();
        int winner = best.restart();
        String label = best.label();
        double value = (f.value(argmax) - l0) / scale;
        if (!(value >= 0)) { // θ itself is in the ball: the maximum is at least 0
            argmax = theta.clone();
            winner = -1;
            label = "center";
            value = 0;
        }
        double estimate = curvature.spectralNorm() * epsilon * epsilon / (2 * scale);
        return new Result(value, argmax, epsilon, l0, winner, label, restartValues, best.evaluations(),
                curvature.top(), curvature.spectralNorm(), estimate);
    }

    /** Starts on the sphere of radius ε: ∇L, ± top eigenvector, then seeded random directions. */
    private List<ProjectedAscent.Start> starts(double[] theta, double[] grad, double[] top) {
        List<ProjectedAscent.Start> starts = new ArrayList<>();
        addIfDefined(starts, "gradient", Starts.along(theta, grad, epsilon));
        addIfDefined(starts, "+top eigenvector", Starts.along(theta, top, epsilon));
        addIfDefined(starts, "-top eigenvector", Starts.along(theta, Starts.negated(top), epsilon));
        while (starts.size() > restarts) {
            starts.remove(starts.size() - 1);
        }
        Random rnd = new Random(seed);
        for (int r = starts.size(); r < restarts; r++) {
            starts.add(new ProjectedAscent.Start("random " + r,
                    Starts.along(theta, Starts.unitGaussian(rnd, theta.length), epsilon)));
        }
        return starts;
    }

    static void addIfDefined(List<ProjectedAscent.Start> starts, String label, double[] point) {
        if (point != null) {
            starts.add(new ProjectedAscent.Start(label, point));
        }
    }
}
