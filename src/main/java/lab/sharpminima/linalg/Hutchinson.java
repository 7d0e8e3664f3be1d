package lab.sharpminima.linalg;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Hutchinson's stochastic trace estimator (Hutchinson 1990; Avron &amp; Toledo 2011):
 * tr(A) ≈ (1/m) Σ_{j=1}^m z_jᵀ A z_j with z_j independent Rademacher vectors (entries ±1 with
 * probability ½), which is unbiased since E[z zᵀ] = I, with variance 2 Σ_{i≠l} a_{il}² per sample —
 * zero for a diagonal matrix. PyHessian's {@code hessian.trace(maxIter=100, tol=1e-3)} (Yao et al.
 * 2020) uses it for the Hessian trace.
 *
 * <p>The standard error is the sample standard deviation (with m − 1) over √m. Sampling stops at
 * maxSamples, or once at least minSamples are drawn and SE ≤ relTol·|estimate| (PyHessian instead
 * stops when the running mean changes by less than tol relatively; a standard-error rule does not
 * stop on one lucky sample).
 */
public final class Hutchinson {

    /**
     * The outcome of {@link #estimate}.
     *
     * @param estimate the sample mean of zᵀAz
     * @param standardError the sample standard deviation over √samples
     * @param samples the number of samples drawn (= products A z)
     * @param values the samples z_jᵀ A z_j in the order drawn (for running-mean plots)
     */
    public record Result(double estimate, double standardError, int samples, double[] values) {
    }

    private final int maxSamples;
    private final int minSamples;
    private final double relTol;
    private final long seed;

    private Hutchinson(int maxSamples, int minSamples, double relTol, long seed) {
        if (minSamples < 2 || maxSamples < minSamples) {
            throw new IllegalArgumentException("Hutchinson needs 2 ≤ minSamples ≤ maxSamples, got "
                    + minSamples + " and " + maxSamples);
        }
        if (!(relTol >= 0)) {
            throw new IllegalArgumentException("Hutchinson relTol " + relTol + " must be ≥ 0");
        }
        this.maxSamples = maxSamples;
        this.minSamples = minSamples;
        this.relTol = relTol;
        this.seed = seed;
    }

    /** PyHessian's defaults: at most 100 samples, relTol 1e-3; at least 10 samples; seed 0. */
    public static Hutchinson defaults() {
        return new Hutchinson(100, 10, 1e-3, 0L);
    }

    public Hutchinson withMaxSamples(int max) {
        return new Hutchinson(max, Math.min(minSamples, max), relTol, seed);
    }

    public Hutchinson withMinSamples(int min) {
        return new Hutchinson(maxSamples, min, relTol, seed);
    }

    /** Stop once SE ≤ relTol·|estimate| (0: always draw maxSamples). */
    public Hutchinson withRelativeTolerance(double tol) {
        return new Hutchinson(maxSamples, minSamples, tol, seed);
    }

    public Hutchinson withSeed(long s) {
        return new Hutchinson(maxSamples, minSamples, relTol, s);
    }

    /** Estimates tr(a). */
    public Result estimate(SymmetricOperator a) {
        int n = a.dimension();
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] z = new double[n];
        double[] az = new double[n];
        double[] values = new double[maxSamples];
        // Welford's running mean and sum of squared deviations: no cancellation when SE ≪ |mean|.
        double mean = 0;
        double m2 = 0;
        int m = 0;
        double se = Double.NaN;
        while (m < maxSamples) {
            Vectors.rademacher(rnd, z);
            a.apply(z, az);
            double x = Vectors.dot(z, az);
            values[m] = x;
            m++;
            double d = x - mean;
            mean += d / m;
            m2 += d * (x - mean);
            if (m >= 2) {
                se = Math.sqrt(m2 / (m - 1) / m);
            }
            if (m >= minSamples && se <= relTol * Math.abs(mean)) {
                break;
            }
        }
        return new Result(mean, se, m, Arrays.copyOf(values, m));
    }
}
