package lab.sharpminima.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import lab.sharpminima.engine.LossFunction;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * The random-subspace ε-sharpness of Keskar et al. (2017), Metric 2.1 with a random n × p matrix A:
 * the sharpness maximisation restricted to θ' = θ + A y. Here A has orthonormal columns (the Q of
 * EJML's QR of a seeded Gaussian matrix), so A⁺ = Aᵀ and ‖A y‖₂ = ‖y‖₂. Two constraint sets on y:
 * <ul>
 *   <li>{@link Constraint#BALL}: ‖y‖₂ ≤ ε, i.e. θ' ∈ B₂(ε, θ) ∩ (θ + range A); the value is
 *       (max L(θ') − L(θ))/(1 + L(θ)), Definition 2's units, and never exceeds the full-space
 *       {@link EpsilonSharpness};</li>
 *   <li>{@link Constraint#BOX}: |y_i| ≤ ε(|(Aᵀθ)_i| + 1), Keskar et al.'s C_ε; the value is
 *       multiplied by 100 as in {@link KeskarSharpness}.</li>
 * </ul>
 *
 * <p>Dinh et al. (2017, end of Section 4.3): "We have not been able to show a similar problem with
 * random subspace ε-sharpness" — their T_α construction needs the direction towards (0, α⁻¹θ₂),
 * which a random subspace almost surely misses, so no observationally equivalent minimum with high
 * random-subspace sharpness is known. The measure is still not invariant: T_α (and, Section 5.1,
 * weight normalisation's T'_α) can make it arbitrarily low, so all three declarations are MOVED.
 */
public final class RandomSubspaceSharpness implements ScalarMeasure {

    public static final int DEFAULT_DIMENSION = 100;

    /** The constraint set on the subspace coordinates y. */
    public enum Constraint { BALL, BOX }

    /**
     * @param value          c·(L(argmax) − L(θ))/(1 + L(θ)), evaluated in that order, c = 100 for BOX, 1 for BALL
     * @param argmax         θ' = θ + A y (flat)
     * @param y              the subspace coordinates of argmax
     * @param epsilon        ε
     * @param constraint     BALL or BOX
     * @param dimension      p, the number of columns of A
     * @param loss           L(θ)
     * @param winningStart   the label of the start that won ("center" if none rose)
     * @param evaluations    loss-and-gradient passes of the ascents
     */
    public record Result(double value, double[] argmax, double[] y, double epsilon, Constraint constraint,
                         int dimension, double loss, String winningStart, int evaluations) {
    }

    private final double epsilon;
    private final int dimension;
    private final Constraint constraint;
    private final int restarts;
    private final ProjectedAscent ascent;
    private final long seed;

    /**
     * @param dimension p ≥ 1, capped at n when measured
     * @param seed      seed of A and of the random starts
     */
    public RandomSubspaceSharpness(double epsilon, int dimension, Constraint constraint, int restarts,
                                   int maxIterations, long seed) {
        this.epsilon = EpsilonSharpness.requireEpsilon(epsilon);
        if (dimension < 1) {
            throw new IllegalArgumentException("subspace dimension must be at least 1, got " + dimension);
        }
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be at least 1, got " + restarts);
        }
        this.dimension = dimension;
        this.constraint = constraint;
        this.restarts = restarts;
        this.ascent = new ProjectedAscent(maxIterations);
        this.seed = seed;
    }

    /** p = 100, the ball, 10 restarts of 200 steps, seed 1. */
    public static RandomSubspaceSharpness of(double epsilon) {
        return new RandomSubspaceSharpness(epsilon, DEFAULT_DIMENSION, Constraint.BALL,
                EpsilonSharpness.DEFAULT_RESTARTS, EpsilonSharpness.DEFAULT_MAX_ITERATIONS, 1);
    }

    @Override
    public String key() {
        return "subspaceSharpness";
    }

    @Override
    public String source() {
        return "Keskar et al. 2017, Metric 2.1 with a random matrix A (random-subspace epsilon-sharpness); "
                + "Dinh et al. 2017 Section 4.3 could not make it high by T_alpha";
    }

    /** Not invariant; T_α can lower it arbitrarily (Section 5.1's list, for T'_α likewise). */
    @Override
    public Invariance underAlphaScale() {
        return Invariance.MOVED;
    }

    @Override
    public Invariance underNeuronScaling() {
        return Invariance.MOVED;
    }

    /** Section 5.1: "arbitrarily low full-space and random subspace ε-sharpness". */
    @Override
    public Invariance underWeightNormalization() {
        return Invariance.MOVED;
    }

    @Override
    public double value(LossFunction loss, double[] theta) {
        return measure(loss, theta).value();
    }

    /** A: n × p with orthonormal columns, the Q factor of a seeded Gaussian matrix. */
    static DMatrixRMaj orthonormalBasis(int n, int p, long seed) {
        Random rnd = new Random(seed);
        DMatrixRMaj g = new DMatrixRMaj(n, p);
        for (int i = 0; i < g.data.length; i++) {
            g.data[i] = rnd.nextGaussian();
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, p);
        if (!qr.decompose(g)) {
            throw new IllegalStateException("QR of a Gaussian " + n + " x " + p + " matrix failed");
        }
        return qr.getQ(null, true);
    }

    public Result measure(LossFunction f, double[] theta) {
        int n = theta.length;
        int p = Math.min(dimension, n);
        DMatrixRMaj a = orthonormalBasis(n, p, seed);
        SubspaceObjective objective = new SubspaceObjective(f, theta, a);
        double[] yGrad = new double[p];
        double l0 = objective.valueAndGradient(new double[p], yGrad);
        Region region = region(a, theta, p);
        List<ProjectedAscent.Start> starts = region instanceof Region.Box box
                ? Starts.box(box, yGrad, null, restarts, seed + 1)
                : ballStarts(yGrad, p);
        ProjectedAscent.Best best = ascent.maximise(objective, region, starts, l0);
        double[] argmax = objective.point(best.point());
        double percent = constraint == Constraint.BOX ? 100 : 1;
        double value = percent * (f.value(argmax) - l0) / (1 + l0);
        if (!(value >= 0)) {
            return new Result(0, theta.clone(), new double[p], epsilon, constraint, p, l0, "center",
                    best.evaluations());
        }
        return new Result(value, argmax, best.point(), epsilon, constraint, p, l0, best.label(),
                best.evaluations());
    }

    private Region region(DMatrixRMaj a, double[] theta, int p) {
        if (constraint == Constraint.BALL) {
            return new Region.Ball(new double[p], epsilon);
        }
        DMatrixRMaj coords = new DMatrixRMaj(p, 1);
        CommonOps_DDRM.multTransA(a, DMatrixRMaj.wrap(theta.length, 1, theta), coords);
        double[] widths = new double[p];
        for (int i = 0; i < p; i++) {
            widths[i] = epsilon * (Math.abs(coords.data[i]) + 1);
        }
        return new Region.Box(new double[p], widths);
    }

    private List<ProjectedAscent.Start> ballStarts(double[] yGrad, int p) {
        double[] origin = new double[p];
        List<ProjectedAscent.Start> starts = new ArrayList<>();
        EpsilonSharpness.addIfDefined(starts, "gradient", Starts.along(origin, yGrad, epsilon));
        Random rnd = new Random(seed + 1);
        for (int r = starts.size(); r < restarts; r++) {
            starts.add(new ProjectedAscent.Start("random " + r,
                    Starts.along(origin, Starts.unitGaussian(rnd, p), epsilon)));
        }
        return starts;
    }
}
