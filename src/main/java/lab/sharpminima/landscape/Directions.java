package lab.sharpminima.landscape;

import java.util.Random;

import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.Network;
import lab.sharpminima.linalg.Lanczos;

/**
 * Directions in parameter space for loss-landscape slices: seeded random, filter-normalised
 * (Li et al. 2018, "Visualizing the Loss Landscape of Neural Nets", Section 4) and the top
 * eigenvectors of ∇²L(θ).
 *
 * <p>Filter normalisation makes a slice comparable across the T_α orbit of Definition 5: each block
 * of a random Gaussian direction is rescaled to the norm of the same block of θ, so scaling a layer
 * by α scales its blocks of the direction by α too. For a fully connected layer the "filter" is the
 * set of weights feeding one unit: in the flat layout θ_k is row-major (in × out), so unit j of
 * layer k owns column j of θ_k, the entries offset(k) + r·out + j for r = 0 … in−1. Bias entries
 * are set to zero (Li et al. do the same for biases and batch-norm parameters).
 */
public final class Directions {

    private Directions() {
    }

    /** Which kind of direction a slice uses; ids as in the {@code slice} command's {@code --dirs}. */
    public enum Kind {
        RANDOM("random"), FILTER("filter"), EIGEN("eigen");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** @throws IllegalArgumentException naming the accepted ids */
        public static Kind fromId(String s) {
            for (Kind k : values()) {
                if (k.id.equals(s)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("--dirs = " + s + " is not random, filter or eigen");
        }
    }

    /** Two directions and, for {@link Kind#EIGEN}, their eigenvalues (NaN otherwise). */
    public record Pair(Kind kind, double[] d1, double[] d2, double lambda1, double lambda2) {
    }

    /**
     * The two directions of a slice through θ: for RANDOM and FILTER drawn from one
     * {@code new Random(seed)} (d1 first); for EIGEN the two top eigenvectors, Lanczos seeded by
     * {@code seed}.
     */
    public static Pair pair(Kind kind, LossFunction f, double[] theta, long seed) {
        switch (kind) {
            case RANDOM -> {
                Random rnd = new Random(seed);
                return new Pair(kind, random(theta.length, rnd), random(theta.length, rnd), Double.NaN, Double.NaN);
            }
            case FILTER -> {
                Random rnd = new Random(seed);
                Network net = f.network();
                return new Pair(kind, filterNormalized(net, theta, rnd), filterNormalized(net, theta, rnd),
                        Double.NaN, Double.NaN);
            }
            default -> {
                Lanczos.Result r = topEigenvectors(f, theta, 2, seed);
                return new Pair(kind, r.vectors()[0], r.vectors()[1], r.eigenvalues()[0], r.eigenvalues()[1]);
            }
        }
    }

    /** A random direction of unit Euclidean norm: i.i.d. N(0, 1) entries, normalised. */
    public static double[] random(int n, Random rnd) {
        double[] d = gaussian(n, rnd);
        double norm = norm(d);
        for (int i = 0; i < n; i++) {
            d[i] /= norm;
        }
        return d;
    }

    /**
     * Li et al.'s filter-normalised direction: d ~ N(0, I), then for every layer k and unit j
     * d_{k,·j} ← d_{k,·j} · ‖θ_{k,·j}‖ / ‖d_{k,·j}‖ (column j of the in × out block θ_k), and every
     * bias entry set to 0. A unit whose incoming weights in θ are all zero gets a zero block.
     */
    public static double[] filterNormalized(Network net, double[] theta, Random rnd) {
        if (theta.length != net.parameterCount()) {
            throw new IllegalArgumentException("θ has " + theta.length + " entries, the network needs "
                    + net.parameterCount());
        }
        double[] d = gaussian(theta.length, rnd);
        for (int k = 0; k < net.depth(); k++) {
            Layer l = net.layer(k);
            int off = net.offset(k);
            for (int j = 0; j < l.out(); j++) {
                double dn = 0;
                double tn = 0;
                for (int r = 0; r < l.in(); r++) {
                    int i = off + r * l.out() + j;
                    dn += d[i] * d[i];
                    tn += theta[i] * theta[i];
                }
                double s = dn == 0 ? 0 : Math.sqrt(tn) / Math.sqrt(dn);
                for (int r = 0; r < l.in(); r++) {
                    d[off + r * l.out() + j] *= s;
                }
            }
            if (l.bias()) {
                java.util.Arrays.fill(d, net.biasOffset(k), net.end(k), 0.0);
            }
        }
        return d;
    }

    /**
     * The k eigenpairs of ∇²L(θ) with the largest eigenvalues (Lanczos on the exact Hessian-vector
     * products, tolerance 1e-10, at most 300 steps), eigenvectors of
     * unit norm with their largest-magnitude entry made positive so that the sign is reproducible.
     */
    public static Lanczos.Result topEigenvectors(LossFunction f, double[] theta, int k, long seed) {
        int n = theta.length;
        if (n < k) {
            throw new IllegalArgumentException("the model has " + n + " parameters, fewer than the " + k
                    + " eigenvectors asked for");
        }
        Lanczos.Result r = Lanczos.of(k, Lanczos.Which.LARGEST_ALGEBRAIC).withTolerance(1e-10)
                .withSeed(seed).withVectors(true)
                .solve(f.hessianOperator(theta));
        for (double[] v : r.vectors()) {
            fixSign(v);
        }
        return r;
    }

    private static void fixSign(double[] v) {
        int arg = 0;
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(v[i]) > Math.abs(v[arg])) {
                arg = i;
            }
        }
        if (v[arg] < 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = -v[i];
            }
        }
    }

    private static double[] gaussian(int n, Random rnd) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = rnd.nextGaussian();
        }
        return d;
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
