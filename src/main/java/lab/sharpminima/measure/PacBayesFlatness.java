package lab.sharpminima.measure;

import java.util.Random;
import lab.sharpminima.engine.LossFunction;

/**
 * PAC-Bayesian flatness (Neyshabur et al. 2017, "Exploring Generalization in Deep Learning";
 * Jiang et al. 2020, "Fantastic Generalization Measures and Where to Find Them", ICLR, the
 * "pacbayes.flatness" and "pacbayes.mag.flatness" measures): the largest σ with
 *
 * <pre>  E_u[L(θ + u)] − L(θ) ≤ target,</pre>
 *
 * reported as 1/σ² (larger = sharper). Two noise families:
 * <ul>
 *   <li>isotropic: u = σ z, z ~ N(0, I);</li>
 *   <li>magnitude-aware: u_i = σ (|θ_i| + ε) z_i, a noise proportional to each weight's magnitude.
 *       Jiang et al. use the variance σ²θ_i² + ε²; the form here keeps ε inside the scale so that a
 *       small enough σ is always feasible, and coincides with theirs at ε = 0.</li>
 * </ul>
 * The expectation is a Monte-Carlo mean over a fixed set of seeded draws z_1…z_M (common random
 * numbers: the same z at every σ, so the estimate is a smooth function of σ and the search is
 * deterministic). σ is bracketed by factors of 10 from 10⁻³ and then bisected on log σ to a relative
 * width of 1e-8.
 *
 * <p>Invariance. Isotropic noise: T_α, per-neuron scaling and weight normalisation's v ↦ αv
 * (Section 5.1: the loss is flat along v) all move σ, arbitrarily (the argument of Section 4:
 * shrinking one layer makes fixed-size noise on it relatively larger): MOVED. Magnitude-aware with
 * ε = 0: for any positive diagonal symmetry s, s ⊙ θ + σ|s ⊙ θ| ⊙ z = s ⊙ (θ + σ|θ| ⊙ z), so every
 * Monte-Carlo loss, hence the whole search, is the same: INVARIANT under all three (biases included).
 * With ε &gt; 0 the noise on weights below ε in magnitude is not scaled: APPROXIMATE.
 */
public final class PacBayesFlatness implements ScalarMeasure {

    public static final double DEFAULT_TARGET = 0.1;
    public static final int DEFAULT_SAMPLES = 16;
    /** Jiang et al.'s ε. */
    public static final double JIANG_EPSILON = 1e-3;

    static final double SIGMA_MIN = 1e-12;
    static final double SIGMA_MAX = 1e6;
    static final int BISECTIONS = 60;
    /** Relative width of the final bracket: far below the Monte-Carlo error, so σ is not the bottleneck. */
    static final double SIGMA_PRECISION = 1e-8;

    /**
     * @param sigma       the largest feasible σ found (SIGMA_MIN or SIGMA_MAX when not bracketed)
     * @param flatness    1/σ²
     * @param increase    the Monte-Carlo E[L(θ+u)] − L(θ) at σ
     * @param bracketed   whether σ lies strictly inside [SIGMA_MIN, SIGMA_MAX]
     * @param evaluations loss evaluations used
     */
    public record Result(double sigma, double flatness, double increase, boolean bracketed, int evaluations) {
    }

    private final boolean magnitude;
    private final double epsilon;
    private final double target;
    private final int samples;
    private final long seed;

    private PacBayesFlatness(boolean magnitude, double epsilon, double target, int samples, long seed) {
        if (!(target > 0) || Double.isInfinite(target)) {
            throw new IllegalArgumentException("PAC-Bayes target loss increase must be a positive number, got "
                    + target);
        }
        if (samples < 1) {
            throw new IllegalArgumentException("PAC-Bayes needs at least one Monte-Carlo sample, got " + samples);
        }
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("PAC-Bayes epsilon must be a non-negative number, got " + epsilon);
        }
        this.magnitude = magnitude;
        this.epsilon = epsilon;
        this.target = target;
        this.samples = samples;
        this.seed = seed;
    }

    /** u ~ N(0, σ²I). */
    public static PacBayesFlatness isotropic(double target, int samples, long seed) {
        return new PacBayesFlatness(false, 0, target, samples, seed);
    }

    /** u_i ~ N(0, σ²(|θ_i| + ε)²). */
    public static PacBayesFlatness magnitudeAware(double target, double epsilon, int samples, long seed) {
        return new PacBayesFlatness(true, epsilon, target, samples, seed);
    }

    @Override
    public String key() {
        if (!magnitude) {
            return "pacBayes";
        }
        return epsilon == 0 ? "pacBayesMag" : "pacBayesMagEps";
    }

    @Override
    public String source() {
        String noise = magnitude ? "magnitude-aware, epsilon = " + epsilon : "isotropic";
        return "Jiang et al. 2020, Fantastic generalization measures (PAC-Bayes flatness 1/sigma^2, " + noise
                + ", target " + target + ", " + samples + " samples)";
    }

    @Override
    public Invariance underAlphaScale() {
        return declared();
    }

    @Override
    public Invariance underNeuronScaling() {
        return declared();
    }

    @Override
    public Invariance underWeightNormalization() {
        return declared();
    }

    private Invariance declared() {
        if (!magnitude) {
            return Invariance.MOVED;
        }
        return epsilon == 0 ? Invariance.INVARIANT : Invariance.APPROXIMATE;
    }

    /** 1/σ². */
    @Override
    public double value(LossFunction loss, double[] theta) {
        return measure(loss, theta).flatness();
    }

    public Result measure(LossFunction loss, double[] theta) {
        return measure(loss, theta, null);
    }

    /**
     * The measure with each σ's M noise samples evaluated in one batch by {@code backend} (summed in
     * the same order, so the CPU backend gives the one-at-a-time answer); {@code null}: one at a time.
     */
    public Result measure(LossFunction loss, double[] theta, lab.sharpminima.compute.Backend backend) {
        Search s = new Search(loss, theta, backend);
        double lo;
        double hi;
        double start = 1e-3;
        if (s.increase(start) <= target) {
            lo = start;
            hi = start * 10;
            while (s.increase(hi) <= target) {
                lo = hi;
                if (hi >= SIGMA_MAX) {
                    return result(s, SIGMA_MAX, false);
                }
                hi *= 10;
            }
        } else {
            hi = start;
            lo = start / 10;
            while (s.increase(lo) > target) {
                hi = lo;
                if (lo <= SIGMA_MIN) {
                    return result(s, SIGMA_MIN, false);
                }
                lo /= 10;
            }
        }
        for (int i = 0; i < BISECTIONS && hi > lo * (1 + SIGMA_PRECISION); i++) {
            double mid = Math.sqrt(lo * hi);
            if (s.increase(mid) <= target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return result(s, lo, true);
    }

    private Result result(Search s, double sigma, boolean bracketed) {
        double inc = s.increase(sigma);
        return new Result(sigma, 1 / (sigma * sigma), inc, bracketed, s.evaluations);
    }

    /** The Monte-Carlo increase as a function of σ, with its fixed draws. */
    private final class Search {
        private final LossFunction loss;
        private final double[] theta;
        private final double[][] noise;
        private final double base;
        private final double[] point;
        private final lab.sharpminima.compute.Backend backend;
        int evaluations;

        Search(LossFunction loss, double[] theta, lab.sharpminima.compute.Backend backend) {
            this.loss = loss;
            this.backend = backend;
            this.theta = theta;
            this.point = new double[theta.length];
            this.noise = new double[samples][theta.length];
            Random rnd = new Random(seed);
            for (double[] z : noise) {
                for (int i = 0; i < z.length; i++) {
                    double scale = magnitude ? Math.abs(theta[i]) + epsilon : 1.0;
                    z[i] = scale * rnd.nextGaussian();
                }
            }
            this.base = loss.value(theta);
            evaluations = 1;
        }

        /** (1/M) Σ_m L(θ + σ u_m) − L(θ). */
        double increase(double sigma) {
            if (backend != null) {
                return batchedIncrease(sigma);
            }
            double sum = 0;
            for (double[] z : noise) {
                for (int i = 0; i < point.length; i++) {
                    point[i] = theta[i] + sigma * z[i];
                }
                sum += loss.value(point);
                evaluations++;
            }
            return sum / samples - base;
        }

        private double batchedIncrease(double sigma) {
            int n = theta.length;
            double[] points = new double[samples * n];
            for (int m = 0; m < samples; m++) {
                for (int i = 0; i < n; i++) {
                    points[m * n + i] = theta[i] + sigma * noise[m][i];
                }
            }
            double[] l = backend.losses(loss.network(), loss.kind(), loss.data(), points, samples);
            double sum = 0;
            for (double v : l) {
                sum += v;
            }
            evaluations += samples;
            return sum / samples - base;
        }
    }
}
