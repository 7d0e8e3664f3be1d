package lab.sharpminima.landscape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Level curves of a {@link LossGrid} by marching squares with linear interpolation (saddles
 * resolved by the cell-centre average; see {@link MarchingSquares}), joined into polylines, and
 * the boundary of a {@link SublevelRegion} (Definition 1's C(L, θ, ε) seen in a plane).
 */
public final class Contours {

    private Contours() {
    }

    /** The curves {f = level}: closed loops, and open polylines whose ends lie on the window's edge. */
    public static List<Polyline> levelCurves(LossGrid grid, double level) {
        return chain(MarchingSquares.of(grid, level).segments(), grid.steps());
    }

    /** {@link #levelCurves(LossGrid, double)} at each level, in the order given. */
    public static List<List<Polyline>> levelCurves(LossGrid grid, double[] levels) {
        List<List<Polyline>> out = new ArrayList<>(levels.length);
        for (double level : levels) {
            out.add(levelCurves(grid, level));
        }
        return out;
    }

    /**
     * The contour of the region's component alone (other components of the sublevel set are left
     * out): closed loops when it is bounded within the window, open pieces ending on the window's
     * edge otherwise. The inside is on each curve's left.
     */
    public static List<Polyline> boundary(SublevelRegion region) {
        return chain(region.componentSquares().segments(), region.grid().steps());
    }

    /**
     * Joins oriented segments into polylines: each crossing ends at most one segment and starts at
     * most one, so the chains are simple. Chains starting at a crossing that ends no segment (on the
     * window's edge) are open; the rest are closed loops.
     */
    static List<Polyline> chain(MarchingSquares.Segments s, int steps) {
        int edges = 2 * steps * steps;
        int[] startsAt = new int[edges];
        Arrays.fill(startsAt, -1);
        boolean[] ends = new boolean[edges];
        for (int k = 0; k < s.count; k++) {
            startsAt[s.startEdge[k]] = k;
            ends[s.endEdge[k]] = true;
        }
        boolean[] used = new boolean[s.count];
        List<Polyline> out = new ArrayList<>();
        for (int k = 0; k < s.count; k++) {
            if (!ends[s.startEdge[k]]) {
                out.add(walk(s, k, startsAt, used, false));
            }
        }
        for (int k = 0; k < s.count; k++) {
            if (!used[k]) {
                out.add(walk(s, k, startsAt, used, true));
            }
        }
        return out;
    }

    private static Polyline walk(MarchingSquares.Segments s, int first, int[] startsAt, boolean[] used,
                                 boolean closed) {
        double[] xa = new double[16];
        double[] xb = new double[16];
        int m = 0;
        xa[m] = s.x0[first];
        xb[m++] = s.y0[first];
        int k = first;
        while (k >= 0 && !used[k]) {
            used[k] = true;
            if (m == xa.length) {
                xa = Arrays.copyOf(xa, 2 * m);
                xb = Arrays.copyOf(xb, 2 * m);
            }
            xa[m] = s.x1[k];
            xb[m++] = s.y1[k];
            k = startsAt[s.endEdge[k]];
        }
        // A loop returns to its first crossing, which is not repeated.
        int size = closed ? m - 1 : m;
        return new Polyline(Arrays.copyOf(xa, size), Arrays.copyOf(xb, size), closed);
    }
}
