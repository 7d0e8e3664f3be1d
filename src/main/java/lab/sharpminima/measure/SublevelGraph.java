package lab.sharpminima.measure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;

/**
 * The graph step of {@link VolumeFlatnessMonteCarlo}'s {@code GRAPH} connectivity: a breadth-first
 * search from the points already connected to θ over the symmetrised k-nearest-neighbour graph of
 * the sublevel points, crossing an edge only when the segment between its ends stays below the
 * level at m − 1 interior checks. Distances are measured in box-relative units (coordinate i divided
 * by the box's width along i), so that thin boxes are not searched along one axis only.
 */
final class SublevelGraph {

    private final ToDoubleFunction<double[]> f;
    private final double level;
    private final VolumeFlatnessMonteCarlo.Box box;
    private final int k;
    private final int checks;

    SublevelGraph(ToDoubleFunction<double[]> f, double level, VolumeFlatnessMonteCarlo.Box box, int k, int checks) {
        this.f = f;
        this.level = level;
        this.box = box;
        this.k = k;
        this.checks = checks;
    }

    /**
     * Marks as connected (2) every sublevel point (1) reachable from a connected one.
     *
     * @param outcome per point: 0 above the level, 1 below, 2 connected; modified
     * @param points  regenerates point j of the box
     */
    void connect(byte[] outcome, BiFunction<VolumeFlatnessMonteCarlo.Box, Integer, double[]> points) {
        int[] idx = new int[outcome.length];
        int s = 0;
        for (int j = 0; j < outcome.length; j++) {
            if (outcome[j] > 0) {
                idx[s++] = j;
            }
        }
        double[][] p = new double[s][];
        double[][] u = new double[s][];
        for (int a = 0; a < s; a++) {
            p[a] = points.apply(box, idx[a]);
            u[a] = relative(p[a]);
        }
        List<List<Integer>> adj = neighbourGraph(u);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int a = 0; a < s; a++) {
            if (outcome[idx[a]] == 2) {
                queue.add(a);
            }
        }
        while (!queue.isEmpty()) {
            int c = queue.poll();
            for (int b : adj.get(c)) {
                if (outcome[idx[b]] == 1 && segmentBelow(p[c], p[b])) {
                    outcome[idx[b]] = 2;
                    queue.add(b);
                }
            }
        }
    }

    private double[] relative(double[] x) {
        double[] lo = box.lower();
        double[] hi = box.upper();
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (x[i] - lo[i]) / (hi[i] - lo[i]);
        }
        return r;
    }

    /** The k nearest neighbours of each point, made symmetric (brute force: O(s²·(n + k))). */
    private List<List<Integer>> neighbourGraph(double[][] u) {
        int s = u.length;
        int kk = Math.min(k, s - 1);
        List<List<Integer>> adj = new ArrayList<>(s);
        for (int a = 0; a < s; a++) {
            adj.add(new ArrayList<>());
        }
        double[] bestD = new double[kk];
        int[] bestI = new int[kk];
        for (int a = 0; a < s; a++) {
            int found = 0;
            for (int b = 0; b < s; b++) {
                if (b != a) {
                    found = insert(squaredDistance(u[a], u[b]), b, bestD, bestI, found);
                }
            }
            for (int r = 0; r < found; r++) {
                adj.get(a).add(bestI[r]);
                adj.get(bestI[r]).add(a);
            }
        }
        return adj;
    }

    /** Keeps the smallest distances sorted in the first {@code found} slots; returns the new count. */
    private static int insert(double d, int b, double[] bestD, int[] bestI, int found) {
        int cap = bestD.length;
        if (found == cap && d >= bestD[cap - 1]) {
            return found;
        }
        int pos = found == cap ? cap - 1 : found;
        while (pos > 0 && bestD[pos - 1] > d) {
            bestD[pos] = bestD[pos - 1];
            bestI[pos] = bestI[pos - 1];
            pos--;
        }
        bestD[pos] = d;
        bestI[pos] = b;
        return Math.min(found + 1, cap);
    }

    private static double squaredDistance(double[] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double t = x[i] - y[i];
            sum += t * t;
        }
        return sum;
    }

    /** Whether f &lt; level at the interior checks of the segment from x to y (both ends are below). */
    private boolean segmentBelow(double[] x, double[] y) {
        double[] q = new double[x.length];
        for (int c = 1; c < checks; c++) {
            double t = (double) c / checks;
            for (int i = 0; i < q.length; i++) {
                q[i] = x[i] + t * (y[i] - x[i]);
            }
            if (!(f.applyAsDouble(q) < level)) {
                return false;
            }
        }
        return true;
    }
}
