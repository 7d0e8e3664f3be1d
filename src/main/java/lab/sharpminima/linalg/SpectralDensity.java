package lab.sharpminima.linalg;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * The spectral density ρ(λ) = (1/n) Σ_i δ(λ − λ_i) of a symmetric operator by stochastic Lanczos
 * quadrature (Lin, Saad &amp; Yang 2016, "Approximating spectral densities of large matrices", SIAM
 * Review 58; Ghorbani, Krishnan &amp; Xiao 2019), as PyHessian's {@code hessian.density(iter, n_v)}
 * (Yao et al. 2020).
 *
 * <p>Each of nv runs starts from a seeded random unit vector v (Rademacher or Gaussian, normalised),
 * takes m Lanczos steps with full reorthogonalisation ({@link LanczosProcess}) and decomposes
 * T_m = S Θ Sᵀ: the nodes θ_i and weights w_i = s_{1,i}² are the m-point Gauss quadrature of the
 * measure Σ_i (vᵀu_i)² δ(λ − λ_i), so Σ_i w_i θ_i^p = vᵀA^p v exactly for p ≤ 2m − 1, and
 * E[vᵀA^p v] = tr(A^p)/n. The weights of each run sum to 1; runs are averaged. A run stops early
 * when the Krylov space becomes invariant, and its quadrature is then exact.
 *
 * <p>The smooth density is ρ_σ(t) = (1/nv) Σ_runs Σ_i w_i N(t; θ_i, σ²), sampled on a uniform grid and
 * normalised so that its Riemann sum is 1. PyHessian's {@code density_generate} uses variance
 * σ² = 10⁻⁵·max(1, λ_max − λ_min); {@link #pyHessianSigma()} gives that σ, but σ is a parameter here.
 */
public final class SpectralDensity {

    /** The distribution of the start vectors before normalisation. */
    public enum Start {
        RADEMACHER,
        GAUSSIAN
    }

    /**
     * ρ_σ sampled on a grid.
     *
     * @param grid the uniform abscissae t_j
     * @param density ρ_σ(t_j), with Σ_j ρ_σ(t_j)·Δt = 1
     * @param sigma the Gaussian standard deviation used
     */
    public record Curve(double[] grid, double[] density, double sigma) {
    }

    /** Grid margin beyond the outermost nodes, in units of σ: the Gaussian mass outside is below 10⁻⁶. */
    private static final double MARGIN = 5.0;

    private final double[][] nodes;
    private final double[][] weights;
    private final int applications;

    private SpectralDensity(double[][] nodes, double[][] weights, int applications) {
        this.nodes = nodes;
        this.weights = weights;
        this.applications = applications;
    }

    /** SLQ with Rademacher starts: {@code runs} runs (PyHessian's n_v) of {@code steps} Lanczos steps (its iter). */
    public static SpectralDensity estimate(SymmetricOperator a, int runs, int steps, long seed) {
        return estimate(a, runs, steps, Start.RADEMACHER, seed);
    }

    /**
     * SLQ: {@code runs} runs of {@code steps} Lanczos steps (capped at n) from {@code start} vectors.
     *
     * @throws IllegalArgumentException if runs or steps is below 1
     */
    public static SpectralDensity estimate(SymmetricOperator a, int runs, int steps, Start start, long seed) {
        if (runs < 1 || steps < 1) {
            throw new IllegalArgumentException("spectral density needs runs ≥ 1 and steps ≥ 1, got "
                    + runs + " and " + steps);
        }
        int n = a.dimension();
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] nodes = new double[runs][];
        double[][] weights = new double[runs][];
        double[] v = new double[n];
        int applications = 0;
        for (int r = 0; r < runs; r++) {
            if (start == Start.RADEMACHER) {
                Vectors.rademacher(rnd, v);
            } else {
                Vectors.gaussian(rnd, v);
            }
            LanczosProcess p = new LanczosProcess(a, Math.min(steps, n));
            p.begin(v);
            while (p.step() == LanczosProcess.Status.CONTINUE) {
                // the quadrature is read off T_m once the run ends
            }
            applications += p.applications();
            SymmetricEigen eig = p.ritz();
            DMatrixRMaj s = eig.vectors();
            nodes[r] = eig.values();
            weights[r] = new double[nodes[r].length];
            for (int i = 0; i < nodes[r].length; i++) {
                double s1 = s.unsafe_get(0, i);
                weights[r][i] = s1 * s1;
            }
        }
        return new SpectralDensity(nodes, weights, applications);
    }

    /** nv, the number of runs. */
    public int runs() {
        return nodes.length;
    }

    /** The nodes θ_i of run r, descending (a copy). */
    public double[] nodes(int r) {
        return nodes[r].clone();
    }

    /** The weights w_i of run r, matching {@link #nodes(int)}; they sum to 1 (a copy). */
    public double[] weights(int r) {
        return weights[r].clone();
    }

    /** The number of products A x over all runs. */
    public int applications() {
        return applications;
    }

    /** The smallest node of all runs. */
    public double min() {
        double m = Double.POSITIVE_INFINITY;
        for (double[] t : nodes) {
            m = Math.min(m, t[t.length - 1]);
        }
        return m;
    }

    /** The largest node of all runs. */
    public double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (double[] t : nodes) {
            m = Math.max(m, t[0]);
        }
        return m;
    }

    /**
     * The p-th moment of the discrete estimate, (1/nv) Σ_runs Σ_i w_i θ_i^p, which estimates tr(A^p)/n
     * without bias for p ≤ 2m − 1.
     */
    public double moment(int p) {
        double sum = 0;
        for (int r = 0; r < nodes.length; r++) {
            for (int i = 0; i < nodes[r].length; i++) {
                sum += weights[r][i] * Math.pow(nodes[r][i], p);
            }
        }
        return sum / nodes.length;
    }

    /** PyHessian's width: σ = √(10⁻⁵·max(1, λ_max − λ_min)) over the nodes. */
    public double pyHessianSigma() {
        return Math.sqrt(1e-5 * Math.max(1.0, max() - min()));
    }

    /**
     * ρ_σ on {@code bins} uniform points from min − 5σ to max + 5σ, normalised so that Σ ρ_σ(t_j)Δt = 1.
     * σ should span a few bins, or the normalised curve aliases the Gaussians.
     *
     * @throws IllegalArgumentException if bins &lt; 2 or σ ≤ 0
     */
    public Curve curve(int bins, double sigma) {
        if (bins < 2 || !(sigma > 0)) {
            throw new IllegalArgumentException("density curve needs bins ≥ 2 and sigma > 0, got " + bins + " and " + sigma);
        }
        double lo = min() - MARGIN * sigma;
        double hi = max() + MARGIN * sigma;
        double dt = (hi - lo) / (bins - 1);
        double[] grid = new double[bins];
        double[] rho = new double[bins];
        double norm = 1.0 / (Math.sqrt(2 * Math.PI) * sigma);
        for (int j = 0; j < bins; j++) {
            grid[j] = lo + j * dt;
        }
        for (int r = 0; r < nodes.length; r++) {
            for (int i = 0; i < nodes[r].length; i++) {
                addGaussian(grid, rho, nodes[r][i], weights[r][i] * norm, sigma);
            }
        }
        double total = 0;
        for (double x : rho) {
            total += x;
        }
        total *= dt;
        for (int j = 0; j < bins; j++) {
            rho[j] /= total;
        }
        return new Curve(grid, rho, sigma);
    }

    /** rho += w·exp(−(t − θ)²/2σ²) on the grid points within 10σ of θ (beyond, exp underflows below 2⁻⁷²). */
    private static void addGaussian(double[] grid, double[] rho, double theta, double w, double sigma) {
        double lo = grid[0];
        double dt = grid[1] - grid[0];
        int from = Math.max(0, (int) Math.floor((theta - 10 * sigma - lo) / dt));
        int to = Math.min(grid.length - 1, (int) Math.ceil((theta + 10 * sigma - lo) / dt));
        double inv = 1.0 / (2 * sigma * sigma);
        for (int j = from; j <= to; j++) {
            double d = grid[j] - theta;
            rho[j] += w * Math.exp(-d * d * inv);
        }
    }
}
