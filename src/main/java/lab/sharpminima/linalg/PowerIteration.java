package lab.sharpminima.linalg;

import java.util.SplittableRandom;

/**
 * The top k eigenvalues by power iteration with deflation, step for step as PyHessian's
 * {@code hessian.eigenvalues(maxIter=100, tol=1e-3, top_n)} (Yao et al. 2020), so that its results
 * and operator counts can be compared with PyTorch running the same algorithm.
 *
 * <p>For the j-th pair: v ← a normalised Gaussian vector; then repeatedly v ← v − Σ_{i&lt;j}(vᵀu_i)u_i
 * normalised (one modified Gram–Schmidt pass against the pairs already found), w = A v,
 * λ_new = vᵀw, v ← w/‖w‖, until |λ_new − λ_old| / (|λ_old| + 10⁻⁶) &lt; tol or maxIter products. As in
 * PyHessian, the value kept on convergence is λ_old and the vector is the last normalised Av. Power
 * iteration converges to the eigenvalue of largest |λ| in the deflated space (at the rate
 * |λ_{j+1}/λ_j|), so the results are the dominant eigenvalues, found in order of magnitude, with
 * their signs. It needs many more products than {@link Lanczos} for the same accuracy.
 */
public final class PowerIteration {

    /**
     * The outcome of {@link #solve}.
     *
     * @param eigenvalues the k Rayleigh quotients, in the order found
     * @param vectors the k unit vectors (length n), same order
     * @param iterations the products spent on each pair
     * @param converged whether each pair met the tolerance before maxIter
     * @param applications the total number of products A x
     */
    public record Result(double[] eigenvalues, double[][] vectors, int[] iterations, boolean[] converged,
            int applications) {
    }

    /** PyHessian's guard in the relative change |λ_new − λ_old| / (|λ_old| + 10⁻⁶). */
    private static final double GUARD = 1e-6;

    private final int k;
    private final double tolerance;
    private final int maxIterations;
    private final long seed;

    private PowerIteration(int k, double tolerance, int maxIterations, long seed) {
        if (k < 1) {
            throw new IllegalArgumentException("number of eigenvalues k = " + k + " must be at least 1");
        }
        if (!(tolerance > 0) || maxIterations < 1) {
            throw new IllegalArgumentException("power iteration needs tol > 0 and maxIter ≥ 1");
        }
        this.k = k;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.seed = seed;
    }

    /** The top k with PyHessian's defaults: tol = 1e-3, maxIter = 100; seed 0. */
    public static PowerIteration of(int k) {
        return new PowerIteration(k, 1e-3, 100, 0L);
    }

    public PowerIteration withTolerance(double tol) {
        return new PowerIteration(k, tol, maxIterations, seed);
    }

    /** At most this many products per eigenpair. */
    public PowerIteration withMaxIterations(int max) {
        return new PowerIteration(k, tolerance, max, seed);
    }

    public PowerIteration withSeed(long s) {
        return new PowerIteration(k, tolerance, maxIterations, s);
    }

    /**
     * Runs deflated power iteration on {@code a}.
     *
     * @throws IllegalArgumentException if k exceeds the dimension of {@code a}
     */
    public Result solve(SymmetricOperator a) {
        int n = a.dimension();
        if (k > n) {
            throw new IllegalArgumentException("asked for " + k + " eigenvalues of an operator of dimension " + n);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] values = new double[k];
        double[][] found = new double[k][];
        int[] iterations = new int[k];
        boolean[] converged = new boolean[k];
        int applications = 0;
        double[] w = new double[n];
        for (int j = 0; j < k; j++) {
            double[] v = new double[n];
            Vectors.gaussian(rnd, v);
            Vectors.normalize(v);
            double lambda = Double.NaN;
            int it = 0;
            while (it < maxIterations) {
                deflate(v, found, j);
                a.apply(v, w);
                it++;
                double next = Vectors.dot(w, v);
                System.arraycopy(w, 0, v, 0, n);
                Vectors.normalize(v);
                if (it > 1 && Math.abs(lambda - next) / (Math.abs(lambda) + GUARD) < tolerance) {
                    converged[j] = true;
                    break;
                }
                lambda = next;
            }
            values[j] = lambda;
            found[j] = v;
            iterations[j] = it;
            applications += it;
        }
        return new Result(values, found, iterations, converged, applications);
    }

    /** v ← normalise(v − Σ_{i&lt;count}(vᵀu_i)u_i), one modified Gram–Schmidt pass as PyHessian's {@code orthnormal}. */
    private static void deflate(double[] v, double[][] found, int count) {
        for (int i = 0; i < count; i++) {
            Vectors.axpy(-Vectors.dot(v, found[i]), found[i], v);
        }
        Vectors.normalize(v);
    }
}
