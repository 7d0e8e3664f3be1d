package lab.sharpminima.measure;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import lab.sharpminima.compute.Backend;
import lab.sharpminima.engine.LossFunction;

/**
 * A Monte-Carlo estimate of the volume of Definition 1's C(L, θ, ε) within a box B containing θ.
 *
 * <p>N points p are drawn uniformly in B; those with L(p) &lt; level are in the sublevel set. A point
 * is connected to θ when a polygonal path of checked segments joins it to θ inside the sublevel set;
 * a segment is checked at m equally spaced points. Two tests are offered ({@link Connectivity}):
 * <ul>
 *   <li>{@code STAR}: the straight segment from θ to p. This star-shaped approximation measures the
 *       part of the sublevel set that θ sees in straight lines; it is exact when C ∩ B is star-shaped
 *       about θ (near a non-degenerate minimum) but misses curved valleys, such as the hyperbola
 *       θ1·θ2 = const of Theorem 2's two-parameter model.</li>
 *   <li>{@code GRAPH} (default): the star-visible points, then a breadth-first search over the
 *       symmetrised k-nearest-neighbour graph of the sublevel points (distances in box-relative
 *       units), crossing an edge only when its segment stays below the level. Every counted point
 *       has a polygonal path to θ in the sublevel set, so this too is a lower bound of vol(C ∩ B)
 *       (up to the segments being checked at m points), and a tighter one: it follows valleys.</li>
 * </ul>
 * The estimate is vol(B)·q̂ with q̂ the fraction of connected points, with standard error
 * vol(B)·√(q̂(1 − q̂)/N) (treating the points as independent, which the graph test makes slightly
 * optimistic). vol(B) times the fraction in the sublevel set, connected or not, is an upper bound.
 * Paths stay in B (it is convex), so the estimate is of the component of {L &lt; level} ∩ B.
 *
 * <p>Point k is drawn from its own generator, seeded from (seed, k), so results do not depend on the
 * number of threads.
 */
public final class VolumeFlatnessMonteCarlo {

    /** An axis-aligned box [lower, upper]. */
    public record Box(double[] lower, double[] upper) {

        /**
         * @throws IllegalArgumentException unless lower &lt; upper in every coordinate, all finite
         */
        public Box {
            if (lower.length != upper.length) {
                throw new IllegalArgumentException("the box's corners have lengths " + lower.length + " and "
                        + upper.length);
            }
            for (int i = 0; i < lower.length; i++) {
                if (!(lower[i] < upper[i]) || !Double.isFinite(lower[i]) || !Double.isFinite(upper[i])) {
                    throw new IllegalArgumentException("the box needs finite lower[" + i + "] < upper[" + i
                            + "], got " + lower[i] + " and " + upper[i]);
                }
            }
            lower = lower.clone();
            upper = upper.clone();
        }

        /** The cube [θ − R, θ + R]ⁿ. */
        public static Box cube(double[] centre, double radius) {
            double[] h = new double[centre.length];
            java.util.Arrays.fill(h, radius);
            return around(centre, h);
        }

        /** The box [c − h, c + h], half-width h_i along coordinate i. */
        public static Box around(double[] centre, double[] halfWidths) {
            double[] lo = new double[centre.length];
            double[] hi = new double[centre.length];
            for (int i = 0; i < lo.length; i++) {
                lo[i] = centre[i] - halfWidths[i];
                hi[i] = centre[i] + halfWidths[i];
            }
            return new Box(lo, hi);
        }

        @Override
        public double[] lower() {
            return lower.clone();
        }

        @Override
        public double[] upper() {
            return upper.clone();
        }

        public int dimension() {
            return lower.length;
        }

        /** ln vol(B) = Σ ln(upper_i − lower_i), finite where vol(B) itself would overflow. */
        public double logVolume() {
            double s = 0;
            for (int i = 0; i < lower.length; i++) {
                s += Math.log(upper[i] - lower[i]);
            }
            return s;
        }

        public boolean contains(double[] p) {
            for (int i = 0; i < lower.length; i++) {
                if (!(p[i] >= lower[i] && p[i] <= upper[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    /** How connectedness to θ is tested. */
    public enum Connectivity { STAR, GRAPH }

    /**
     * @param samples        N
     * @param inSublevel     points with L(p) &lt; level
     * @param starVisible    points whose straight segment from θ stays below the level
     * @param connected      points connected to θ by the chosen test
     * @param logBoxVolume   ln vol(B)
     * @param volume         vol(B)·connected/N (∞ if it overflows; see {@link #logVolume()})
     * @param standardError  vol(B)·√(q̂(1 − q̂)/N); 0 when q̂ is 0 or 1
     * @param sublevelVolume vol(B)·inSublevel/N, an upper bound of the component's volume in B
     */
    public record Estimate(int samples, int inSublevel, int starVisible, int connected, double logBoxVolume,
                           double volume, double standardError, double sublevelVolume) {

        /** q̂ = connected/N. */
        public double fraction() {
            return (double) connected / samples;
        }

        /** ln of the volume estimate (−∞ when no point counts). */
        public double logVolume() {
            return logBoxVolume + Math.log(fraction());
        }
    }

    private final int samples;
    private final int segmentChecks;
    private final long seed;
    private final int threads;
    private final Connectivity connectivity;
    private final int neighbours;

    /**
     * @param samples       N, the points drawn per box
     * @param segmentChecks m, the points checked on each segment (the last is the sample itself)
     * @param seed          seed of the points
     * @param threads       threads evaluating points (L must then be thread-safe; {@code LossFunction} is)
     * @param connectivity  the connectedness test
     * @param neighbours    k of the k-nearest-neighbour graph ({@code GRAPH} only)
     */
    public VolumeFlatnessMonteCarlo(int samples, int segmentChecks, long seed, int threads,
                                    Connectivity connectivity, int neighbours) {
        if (samples < 1 || segmentChecks < 1 || threads < 1 || neighbours < 1) {
            throw new IllegalArgumentException("samples, segment checks, threads and neighbours must be at least 1,"
                    + " got " + samples + ", " + segmentChecks + ", " + threads + " and " + neighbours);
        }
        this.samples = samples;
        this.segmentChecks = segmentChecks;
        this.seed = seed;
        this.threads = threads;
        this.connectivity = connectivity;
        this.neighbours = neighbours;
    }

    /** 4000 points, 16 checks per segment, seed 1, up to 4 threads, GRAPH with 8 neighbours. */
    public static VolumeFlatnessMonteCarlo defaults() {
        return new VolumeFlatnessMonteCarlo(4000, 16, 1, Math.min(4, Runtime.getRuntime().availableProcessors()),
                Connectivity.GRAPH, 8);
    }

    public VolumeFlatnessMonteCarlo withSeed(long newSeed) {
        return new VolumeFlatnessMonteCarlo(samples, segmentChecks, newSeed, threads, connectivity, neighbours);
    }

    public VolumeFlatnessMonteCarlo withSamples(int newSamples) {
        return new VolumeFlatnessMonteCarlo(newSamples, segmentChecks, seed, threads, connectivity, neighbours);
    }

    public VolumeFlatnessMonteCarlo withConnectivity(Connectivity c) {
        return new VolumeFlatnessMonteCarlo(samples, segmentChecks, seed, threads, c, neighbours);
    }

    /**
     * The estimate for the sublevel set {f &lt; level} seen from θ within the box.
     *
     * @throws IllegalArgumentException when θ is outside the box or not below the level
     */
    public Estimate estimate(ToDoubleFunction<double[]> f, double[] theta, double level, Box box) {
        if (theta.length != box.dimension() || !box.contains(theta)) {
            throw new IllegalArgumentException("theta must lie in the sampled box");
        }
        if (!(f.applyAsDouble(theta) < level)) {
            throw new IllegalArgumentException("L(theta) = " + f.applyAsDouble(theta) + " is not below the level "
                    + level + "; epsilon must be positive");
        }
        byte[] outcome = new byte[samples];
        if (threads == 1) {
            for (int k = 0; k < samples; k++) {
                outcome[k] = classify(f, theta, level, box, k);
            }
        } else {
            runParallel(k -> outcome[k] = classify(f, theta, level, box, k));
        }
        int star = count(outcome, 2);
        if (connectivity == Connectivity.GRAPH) {
            new SublevelGraph(f, level, box, neighbours, segmentChecks).connect(outcome, this::point);
        }
        return summarise(outcome, star, box.logVolume());
    }

    /** Points sent to a {@link Backend} per batch. */
    static final int BATCH_POINTS = 4096;

    /**
     * The same estimate with the sample points and the star segments' checks evaluated in batches by
     * {@code backend} (the same points, seeded per index, so the CPU and a device agree up to the
     * rounding of L at points on the level itself). Every check of a segment is evaluated, where the
     * one-at-a-time path stops at the first above the level: same outcome, more work, but batched.
     * The {@code GRAPH} step's segments stay on the CPU through {@code loss}.
     *
     * @throws IllegalArgumentException when θ is outside the box or not below the level
     */
    public Estimate estimate(LossFunction loss, Backend backend, double[] theta, double level, Box box) {
        if (theta.length != box.dimension() || !box.contains(theta)) {
            throw new IllegalArgumentException("theta must lie in the sampled box");
        }
        double l0 = loss.value(theta);
        if (!(l0 < level)) {
            throw new IllegalArgumentException("L(theta) = " + l0 + " is not below the level " + level
                    + "; epsilon must be positive");
        }
        int n = theta.length;
        byte[] outcome = new byte[samples];
        int[] below = new int[samples];
        int candidates = 0;
        for (int from = 0; from < samples; from += BATCH_POINTS) {
            int m = Math.min(BATCH_POINTS, samples - from);
            double[] thetas = new double[m * n];
            for (int r = 0; r < m; r++) {
                System.arraycopy(point(box, from + r), 0, thetas, r * n, n);
            }
            double[] l = backend.losses(loss.network(), loss.kind(), loss.data(), thetas, m);
            for (int r = 0; r < m; r++) {
                if (l[r] < level) {
                    below[candidates++] = from + r;
                }
            }
        }
        checkSegments(loss, backend, theta, level, box, below, candidates, outcome);
        int star = count(outcome, 2);
        if (connectivity == Connectivity.GRAPH) {
            new SublevelGraph(loss::value, level, box, neighbours, segmentChecks).connect(outcome, this::point);
        }
        return summarise(outcome, star, box.logVolume());
    }

    /** outcome[k] = 2 when every check θ + (s/m)(p_k − θ), s = 1 … m − 1, is below the level, else 1. */
    private void checkSegments(LossFunction loss, Backend backend, double[] theta, double level, Box box,
                               int[] below, int candidates, byte[] outcome) {
        int n = theta.length;
        int checks = segmentChecks - 1;
        if (checks == 0) {
            for (int c = 0; c < candidates; c++) {
                outcome[below[c]] = 2;
            }
            return;
        }
        int perBatch = Math.max(1, BATCH_POINTS / checks);
        for (int c0 = 0; c0 < candidates; c0 += perBatch) {
            int m = Math.min(perBatch, candidates - c0);
            double[] thetas = new double[m * checks * n];
            for (int c = 0; c < m; c++) {
                double[] p = point(box, below[c0 + c]);
                for (int s = 1; s <= checks; s++) {
                    double t = (double) s / segmentChecks;
                    int o = (c * checks + s - 1) * n;
                    for (int i = 0; i < n; i++) {
                        thetas[o + i] = theta[i] + t * (p[i] - theta[i]);
                    }
                }
            }
            double[] l = backend.losses(loss.network(), loss.kind(), loss.data(), thetas, m * checks);
            for (int c = 0; c < m; c++) {
                byte o = 2;
                for (int s = 0; s < checks; s++) {
                    if (!(l[c * checks + s] < level)) {
                        o = 1;
                        break;
                    }
                }
                outcome[below[c0 + c]] = o;
            }
        }
    }

    /** Point k of the box: the same for every run with this seed. */
    double[] point(Box box, int k) {
        SplittableRandom rnd = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (k + 1)));
        double[] lo = box.lower;
        double[] hi = box.upper;
        double[] p = new double[lo.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = lo[i] + rnd.nextDouble() * (hi[i] - lo[i]);
        }
        return p;
    }

    private static int count(byte[] outcome, int value) {
        int c = 0;
        for (byte o : outcome) {
            c += o == value ? 1 : 0;
        }
        return c;
    }

    /** 0: above the level; 1: below but not seen from θ; 2: the segment from θ stays below. */
    private byte classify(ToDoubleFunction<double[]> f, double[] theta, double level, Box box, int k) {
        int n = theta.length;
        double[] p = point(box, k);
        if (!(f.applyAsDouble(p) < level)) {
            return 0;
        }
        double[] q = new double[n];
        for (int s = 1; s < segmentChecks; s++) {
            double t = (double) s / segmentChecks;
            for (int i = 0; i < n; i++) {
                q[i] = theta[i] + t * (p[i] - theta[i]);
            }
            if (!(f.applyAsDouble(q) < level)) {
                return 1;
            }
        }
        return 2;
    }

    private void runParallel(java.util.function.IntConsumer task) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, samples).parallel().forEach(task)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sampling the sublevel set", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("sampling the sublevel set failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Estimate summarise(byte[] outcome, int star, double logBox) {
        int seen = count(outcome, 2);
        int below = seen + count(outcome, 1);
        double boxVolume = Math.exp(logBox);
        double q = (double) seen / samples;
        double se = boxVolume * Math.sqrt(q * (1 - q) / samples);
        return new Estimate(samples, below, star, seen, logBox, boxVolume * q, se, boxVolume * below / samples);
    }
}
