package lab.sharpminima.landscape;

import java.util.Arrays;

/**
 * The segments of the level curve {f = level} of a grid, by marching squares with linear
 * interpolation along cell edges (Lorensen &amp; Cline 1987, in its 2-D form).
 *
 * <p>A node is inside when f &lt; level (strictly, as the set of Definition 1); NaN is outside.
 * Every segment is oriented with the inside on its left, so that the cell's inside polygon is
 * traversed counter-clockwise. Walking a cell's edges counter-clockwise, the crossings alternate
 * between leaving the inside and entering it; a segment runs from a leaving crossing to an entering
 * one. In the two saddle cases (diagonal corners inside) the cell centre's value is taken as the
 * average of the four corners: when it is inside, the inside corners are joined through the centre
 * (each leaving crossing goes to the next entering one), otherwise they are cut off separately.
 *
 * <p>Crossings are identified by their grid edge, H(i, j) = 2(i·steps + j) for the edge from node
 * (i, j) to (i, j + 1) and V(i, j) = 2(i·steps + j) + 1 for the edge from (i, j) to (i + 1, j), so
 * that segments of neighbouring cells meet exactly. A crossing on an edge with a non-finite end
 * value lies at the edge's midpoint.
 */
final class MarchingSquares {

    /** Segments as parallel arrays; segment s runs from (x0[s], y0[s]) to (x1[s], y1[s]). */
    static final class Segments {
        double[] x0 = new double[16];
        double[] y0 = new double[16];
        double[] x1 = new double[16];
        double[] y1 = new double[16];
        int[] startEdge = new int[16];
        int[] endEdge = new int[16];
        int count;

        void add(double[] from, int fromEdge, double[] to, int toEdge) {
            if (count == x0.length) {
                int n = 2 * count;
                x0 = Arrays.copyOf(x0, n);
                y0 = Arrays.copyOf(y0, n);
                x1 = Arrays.copyOf(x1, n);
                y1 = Arrays.copyOf(y1, n);
                startEdge = Arrays.copyOf(startEdge, n);
                endEdge = Arrays.copyOf(endEdge, n);
            }
            x0[count] = from[0];
            y0[count] = from[1];
            x1[count] = to[0];
            y1[count] = to[1];
            startEdge[count] = fromEdge;
            endEdge[count] = toEdge;
            count++;
        }
    }

    private final double[] v;
    private final double[] a;
    private final double[] b;
    private final int steps;
    private final double level;

    /** @param values row-major steps × steps, rows over b; not modified */
    MarchingSquares(double[] values, double[] a, double[] b, double level) {
        this.v = values;
        this.a = a;
        this.b = b;
        this.steps = a.length;
        this.level = level;
    }

    static MarchingSquares of(LossGrid grid, double level) {
        return new MarchingSquares(grid.raw(), grid.a(), grid.b(), level);
    }

    boolean inside(int i, int j) {
        return v[i * steps + j] < level;
    }

    /** All segments, cell by cell. */
    Segments segments() {
        Segments out = new Segments();
        int[] ci = new int[4];
        int[] cj = new int[4];
        int[] edge = new int[4];
        boolean[] in = new boolean[4];
        for (int i = 0; i < steps - 1; i++) {
            for (int j = 0; j < steps - 1; j++) {
                corners(i, j, ci, cj, edge);
                int mask = 0;
                for (int k = 0; k < 4; k++) {
                    in[k] = inside(ci[k], cj[k]);
                    mask |= in[k] ? 1 << k : 0;
                }
                if (mask != 0 && mask != 15) {
                    cell(i, j, in, edge, out);
                }
            }
        }
        return out;
    }

    /** Corners of cell (i, j) counter-clockwise from bottom-left, and edge k from corner k to k + 1. */
    private void corners(int i, int j, int[] ci, int[] cj, int[] edge) {
        ci[0] = i;     cj[0] = j;
        ci[1] = i;     cj[1] = j + 1;
        ci[2] = i + 1; cj[2] = j + 1;
        ci[3] = i + 1; cj[3] = j;
        edge[0] = horizontal(i, j);
        edge[1] = vertical(i, j + 1);
        edge[2] = horizontal(i + 1, j);
        edge[3] = vertical(i, j);
    }

    private void cell(int i, int j, boolean[] in, int[] edge, Segments out) {
        int crossings = 0;
        for (int k = 0; k < 4; k++) {
            crossings += in[k] != in[(k + 1) & 3] ? 1 : 0;
        }
        if (crossings == 2) {
            int leave = -1;
            int enter = -1;
            for (int k = 0; k < 4; k++) {
                if (in[k] && !in[(k + 1) & 3]) {
                    leave = k;
                } else if (!in[k] && in[(k + 1) & 3]) {
                    enter = k;
                }
            }
            out.add(crossing(edge[leave]), edge[leave], crossing(edge[enter]), edge[enter]);
            return;
        }
        // Saddle: all four edges cross; the centre value decides which corners are joined.
        double centre = 0.25 * (v[i * steps + j] + v[i * steps + j + 1] + v[(i + 1) * steps + j]
                + v[(i + 1) * steps + j + 1]);
        int step = centre < level ? 1 : 3;
        for (int k = 0; k < 4; k++) {
            if (in[k]) {
                int to = (k + step) & 3;
                out.add(crossing(edge[k]), edge[k], crossing(edge[to]), edge[to]);
            }
        }
    }

    /** The interpolated point where the level is crossed on a grid edge. */
    double[] crossing(int edgeId) {
        int node = edgeId >> 1;
        int i = node / steps;
        int j = node % steps;
        boolean vertical = (edgeId & 1) == 1;
        int other = vertical ? node + steps : node + 1;
        double t = fraction(v[node], v[other]);
        if (vertical) {
            return new double[] {a[j], b[i] + t * (b[i + 1] - b[i])};
        }
        return new double[] {a[j] + t * (a[j + 1] - a[j]), b[i]};
    }

    private double fraction(double from, double to) {
        if (!Double.isFinite(from) || !Double.isFinite(to)) {
            return 0.5;
        }
        return (level - from) / (to - from);
    }

    int horizontal(int i, int j) {
        return 2 * (i * steps + j);
    }

    int vertical(int i, int j) {
        return 2 * (i * steps + j) + 1;
    }

    /**
     * The area of {f &lt; level} within the window, as the polygon area of its boundary: by Green's
     * theorem, ½∮(x dy − y dx) over the contour segments (inside on the left) and the inside parts
     * of the window's edge walked counter-clockwise. Coordinates are taken relative to the window's
     * corner to limit cancellation.
     */
    double enclosedArea() {
        Segments s = segments();
        double x00 = a[0];
        double y00 = b[0];
        double twice = 0;
        for (int k = 0; k < s.count; k++) {
            twice += cross(s.x0[k] - x00, s.y0[k] - y00, s.x1[k] - x00, s.y1[k] - y00);
        }
        return 0.5 * (twice + windowEdge(x00, y00));
    }

    /** Twice the area contribution of the inside parts of the window's edge, walked counter-clockwise. */
    private double windowEdge(double x00, double y00) {
        int last = steps - 1;
        double twice = 0;
        for (int j = 0; j < last; j++) {
            twice += edgePiece(0, j, 0, j + 1, horizontal(0, j), x00, y00);
        }
        for (int i = 0; i < last; i++) {
            twice += edgePiece(i, last, i + 1, last, vertical(i, last), x00, y00);
        }
        for (int j = last; j > 0; j--) {
            twice += edgePiece(last, j, last, j - 1, horizontal(last, j - 1), x00, y00);
        }
        for (int i = last; i > 0; i--) {
            twice += edgePiece(i, 0, i - 1, 0, vertical(i - 1, 0), x00, y00);
        }
        return twice;
    }

    private double edgePiece(int pi, int pj, int qi, int qj, int edgeId, double x00, double y00) {
        boolean pIn = inside(pi, pj);
        boolean qIn = inside(qi, qj);
        if (!pIn && !qIn) {
            return 0;
        }
        double px = a[pj] - x00;
        double py = b[pi] - y00;
        double qx = a[qj] - x00;
        double qy = b[qi] - y00;
        if (pIn && qIn) {
            return cross(px, py, qx, qy);
        }
        double[] c = crossing(edgeId);
        double cx = c[0] - x00;
        double cy = c[1] - y00;
        return pIn ? cross(px, py, cx, cy) : cross(cx, cy, qx, qy);
    }

    private static double cross(double x0, double y0, double x1, double y1) {
        return x0 * y1 - x1 * y0;
    }
}
