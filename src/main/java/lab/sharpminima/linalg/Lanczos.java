package lab.sharpminima.linalg;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;

/**
 * The k extreme eigenvalues (and optionally eigenvectors) of a symmetric operator by the Lanczos
 * method with full reorthogonalisation (Golub &amp; Van Loan, <i>Matrix Computations</i>, §10.1–10.3),
 * for Hessians too large for {@link SymmetricEigen} — the matrix-free approach of PyHessian (Yao et
 * al. 2020, "PyHessian: Neural Networks Through the Lens of the Hessian") and hessian-eigenthings
 * (Golmant et al. 2018), which call {@code scipy.sparse.linalg.eigsh} (ARPACK) on Hessian-vector
 * products.
 *
 * <p>From a seeded Gaussian start vector q₁, m steps give A Q_m = Q_m T_m + β_m q_{m+1} e_mᵀ (see
 * {@link LanczosProcess}). Every few steps T_m = S Θ Sᵀ is decomposed by EJML; the Ritz pair
 * (θ_i, Q_m s_i) has residual ‖A Q_m s_i − θ_i Q_m s_i‖ = |β_m s_{m,i}|, the last component of s_i
 * times β_m. The iteration stops when each of the k wanted Ritz pairs has
 * |β_m s_{m,i}| ≤ tol · max(|θ_i|, ε^{2/3}‖T_m‖) — a relative test, with ARPACK's ε^{2/3} floor made
 * scale-free so that eigenvalues at 0 can converge too — or when m reaches the iteration limit or n.
 * When β_m ≈ 0 the Krylov space is invariant and its Ritz values are exact eigenvalues: the
 * iteration stops there, or, if fewer than k Ritz values are known, continues from a new random
 * vector orthogonal to the basis (as ARPACK's {@code dgetv0} does).
 *
 * <p>A single-vector Krylov method sees each distinct eigenvalue once: in exact arithmetic the start
 * vector's projection onto an eigenspace is one vector, so an eigenvalue of multiplicity p (say the
 * exact zeros of a Hessian with dead units) is reported once, and the next distinct eigenvalues
 * fill the k slots. Only a restart (when fewer than k values are known), rounding (which may split a
 * many-fold eigenvalue into a few nearby Ritz values) or m = n reveals further copies. The basis costs
 * m·n doubles. Instances are immutable; configure with the {@code with…} methods.
 */
public final class Lanczos {

    /** Which end of the spectrum is wanted. */
    public enum Which {
        /** The k largest λ, reported descending. */
        LARGEST_ALGEBRAIC,
        /** The k largest |λ|, reported by descending |λ|. */
        LARGEST_MAGNITUDE,
        /** The k smallest (most negative) λ, reported ascending. */
        SMALLEST_ALGEBRAIC
    }

    /**
     * The outcome of {@link #solve}.
     *
     * @param which the end of the spectrum asked for
     * @param eigenvalues the k Ritz values θ_i, ordered as {@link Which} says
     * @param vectors the unit Ritz vectors Q_m s_i (k arrays of length n) in the same order, or
     *     {@code null} when not asked for
     * @param residuals the residual norms |β_m s_{m,i}| = ‖A y_i − θ_i y_i‖ (exact in exact arithmetic)
     * @param iterations m, the Lanczos steps taken (the size of T_m)
     * @param applications the number of products A x evaluated (m here; kept for comparison with
     *     other solvers)
     * @param converged whether every wanted pair met the tolerance, or the Krylov space was exhausted
     *     (invariant subspace or m = n), which makes the Ritz values exact
     */
    public record Result(Which which, double[] eigenvalues, double[][] vectors, double[] residuals,
            int iterations, int applications, boolean converged) {
    }

    /** ε^{2/3}, ARPACK's floor under |θ| in the relative convergence test. */
    private static final double EPS23 = Math.pow(Math.ulp(1.0), 2.0 / 3.0);

    private final int k;
    private final Which which;
    private final double tolerance;
    private final int maxIterations;
    private final long seed;
    private final boolean vectors;
    private final int checkEvery;

    private Lanczos(int k, Which which, double tolerance, int maxIterations, long seed, boolean vectors,
            int checkEvery) {
        if (k < 1) {
            throw new IllegalArgumentException("number of eigenvalues k = " + k + " must be at least 1");
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("Lanczos tolerance " + tolerance + " must be positive");
        }
        if (maxIterations < 1 || checkEvery < 1) {
            throw new IllegalArgumentException("Lanczos maxIterations and checkEvery must be at least 1");
        }
        this.k = k;
        this.which = which;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.seed = seed;
        this.vectors = vectors;
        this.checkEvery = checkEvery;
    }

    /**
     * The k eigenvalues at the {@code which} end, with defaults tol = 1e-6, at most 300 iterations,
     * seed 0, no vectors, Ritz values checked every 5 steps.
     */
    public static Lanczos of(int k, Which which) {
        return new Lanczos(k, which, 1e-6, 300, 0L, false, 5);
    }

    /** The relative residual tolerance tol (see the class comment). */
    public Lanczos withTolerance(double tol) {
        return new Lanczos(k, which, tol, maxIterations, seed, vectors, checkEvery);
    }

    /** At most this many steps (raised to k if smaller, capped at n); the basis holds that many n-vectors. */
    public Lanczos withMaxIterations(int max) {
        return new Lanczos(k, which, tolerance, max, seed, vectors, checkEvery);
    }

    public Lanczos withSeed(long s) {
        return new Lanczos(k, which, tolerance, maxIterations, s, vectors, checkEvery);
    }

    /** Whether to return the Ritz vectors (k·n doubles). */
    public Lanczos withVectors(boolean v) {
        return new Lanczos(k, which, tolerance, maxIterations, seed, v, checkEvery);
    }

    /** Decompose T_m every this many steps (each costs O(m³), negligible against m operator products). */
    public Lanczos withCheckEvery(int steps) {
        return new Lanczos(k, which, tolerance, maxIterations, seed, vectors, steps);
    }

    /**
     * Runs Lanczos on {@code a}.
     *
     * @throws IllegalArgumentException if k exceeds the dimension of {@code a}
     */
    public Result solve(SymmetricOperator a) {
        int n = a.dimension();
        if (k > n) {
            throw new IllegalArgumentException("asked for " + k + " eigenvalues of an operator of dimension " + n);
        }
        int cap = Math.min(n, Math.max(maxIterations, k));
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] start = new double[n];
        Vectors.gaussian(rnd, start);
        LanczosProcess p = new LanczosProcess(a, cap);
        p.begin(start);
        while (true) {
            LanczosProcess.Status s = p.step();
            int m = p.size();
            if (m >= k && (s != LanczosProcess.Status.CONTINUE || (m - k) % checkEvery == 0)) {
                Ritz r = new Ritz(p);
                // after a breakdown, or with m = n, T_m's eigenvalues are A's to rounding
                boolean exact = s == LanczosProcess.Status.BREAKDOWN || m == n;
                if (exact || r.converged() || s == LanczosProcess.Status.FULL) {
                    return r.result(p, exact || r.converged());
                }
            }
            if (s == LanczosProcess.Status.BREAKDOWN) {
                restart(p, rnd, n);
            }
        }
    }

    /** Continues from a fresh random direction orthogonal to the basis (only called with m &lt; k ≤ n). */
    private static void restart(LanczosProcess p, SplittableRandom rnd, int n) {
        double[] v = new double[n];
        for (int attempt = 0; attempt < 3; attempt++) {
            Vectors.gaussian(rnd, v);
            if (p.begin(v)) {
                return;
            }
        }
        throw new IllegalStateException("Lanczos restart failed: three random vectors lay in the span of "
                + p.size() + " basis vectors in dimension " + n);
    }

    /** The Ritz values of T_m, the k wanted ones and their residual bounds. */
    private final class Ritz {
        final SymmetricEigen eig;
        final DMatrixRMaj s;
        final int[] wanted;
        final double[] residuals;
        final double normT;

        Ritz(LanczosProcess p) {
            int m = p.size();
            eig = p.ritz();
            normT = eig.spectralNorm();
            wanted = select(eig.values(), k, which);
            residuals = new double[k];
            double betaM = p.beta(m - 1);
            s = eig.vectors();
            for (int i = 0; i < k; i++) {
                residuals[i] = Math.abs(betaM * s.unsafe_get(m - 1, wanted[i]));
            }
        }

        boolean converged() {
            for (int i = 0; i < k; i++) {
                double theta = eig.value(wanted[i]);
                if (!(residuals[i] <= tolerance * Math.max(Math.abs(theta), EPS23 * normT))) {
                    return false;
                }
            }
            return true;
        }

        Result result(LanczosProcess p, boolean converged) {
            double[] values = new double[k];
            double[][] vecs = vectors ? new double[k][] : null;
            for (int i = 0; i < k; i++) {
                values[i] = eig.value(wanted[i]);
                if (vectors) {
                    vecs[i] = new double[p.dimension()];
                    p.combine(s, wanted[i], vecs[i]);
                }
            }
            return new Result(which, values, vecs, residuals.clone(), p.size(), p.applications(), converged);
        }
    }

    /** Indices into the descending Ritz values {@code theta} of the k wanted ones, in reporting order. */
    static int[] select(double[] theta, int k, Which which) {
        int m = theta.length;
        switch (which) {
            case LARGEST_ALGEBRAIC:
                return IntStream.range(0, k).toArray();
            case SMALLEST_ALGEBRAIC:
                return IntStream.range(0, k).map(i -> m - 1 - i).toArray();
            case LARGEST_MAGNITUDE:
            default:
                Integer[] idx = IntStream.range(0, m).boxed().toArray(Integer[]::new);
                Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> -Math.abs(theta[i])));
                return Arrays.stream(idx, 0, k).mapToInt(Integer::intValue).toArray();
        }
    }
}
