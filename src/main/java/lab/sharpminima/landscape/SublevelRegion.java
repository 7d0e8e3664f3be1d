package lab.sharpminima.landscape;

/**
 * The connected component, containing θ's grid node, of the sublevel set {f &lt; level} of a
 * {@link LossGrid}: Definition 1's C(L, θ, ε) with level = L(θ) + ε, seen in one plane and within
 * one window. Nodes are joined to their four neighbours (4-connectivity) by an iterative flood fill.
 *
 * <p>Two areas are given: {@link #countedArea()}, the node count times the cell area, and
 * {@link #area()}, the polygon area enclosed by the component's marching-squares contour (closed
 * along the window's edge where the component reaches it), which is exact for a function linear on
 * each cell edge. A component that reaches the window's edge is unbounded within the window: its
 * measured area is only a lower bound of the plane section's area (Theorem 2).
 */
public final class SublevelRegion {

    private final LossGrid grid;
    private final double level;
    private final int seedRow;
    private final int seedColumn;
    private final boolean[] member;
    private final int count;
    private final boolean touchesEdge;
    private final double area;

    private SublevelRegion(LossGrid grid, double level, int seedRow, int seedColumn) {
        this.grid = grid;
        this.level = level;
        this.seedRow = seedRow;
        this.seedColumn = seedColumn;
        this.member = new boolean[grid.steps() * grid.steps()];
        this.count = fill();
        this.touchesEdge = reachesEdge();
        this.area = count == 0 ? 0 : componentSquares().enclosedArea();
    }

    /**
     * The component of {f &lt; level} containing the grid node nearest to (a, b); empty when that
     * node is not below the level (e.g. the grid is too coarse for ε).
     */
    public static SublevelRegion containing(LossGrid grid, double a, double b, double level) {
        if (Double.isNaN(level)) {
            throw new IllegalArgumentException("the level of a sublevel region must be a number");
        }
        return new SublevelRegion(grid, level, grid.nearestRow(b), grid.nearestColumn(a));
    }

    /** Iterative 4-connected flood fill from the seed; returns the node count. */
    private int fill() {
        int steps = grid.steps();
        double[] v = grid.raw();
        int seed = seedRow * steps + seedColumn;
        if (!(v[seed] < level)) {
            return 0;
        }
        int[] stack = new int[steps * steps];
        int top = 0;
        stack[top++] = seed;
        member[seed] = true;
        int n = 0;
        while (top > 0) {
            int node = stack[--top];
            n++;
            int i = node / steps;
            int j = node % steps;
            // Mark on push so that each node enters the stack at most once.
            if (i > 0 && visit(node - steps, v)) {
                stack[top++] = node - steps;
            }
            if (i < steps - 1 && visit(node + steps, v)) {
                stack[top++] = node + steps;
            }
            if (j > 0 && visit(node - 1, v)) {
                stack[top++] = node - 1;
            }
            if (j < steps - 1 && visit(node + 1, v)) {
                stack[top++] = node + 1;
            }
        }
        return n;
    }

    private boolean visit(int node, double[] v) {
        if (member[node] || !(v[node] < level)) {
            return false;
        }
        member[node] = true;
        return true;
    }

    private boolean reachesEdge() {
        int last = grid.steps() - 1;
        for (int k = 0; k <= last; k++) {
            if (contains(0, k) || contains(last, k) || contains(k, 0) || contains(k, last)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Marching squares on the grid with every node below the level but outside the component lifted
     * to +∞. Such nodes are never 4-neighbours of the component, so no crossing of the component's
     * contour moves; the lifting only removes the other components.
     */
    MarchingSquares componentSquares() {
        double[] v = grid.raw();
        double[] masked = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            masked[k] = member[k] || !(v[k] < level) ? v[k] : Double.POSITIVE_INFINITY;
        }
        return new MarchingSquares(masked, grid.a(), grid.b(), level);
    }

    public LossGrid grid() {
        return grid;
    }

    /** The level: L(θ) + ε for Definition 1. */
    public double level() {
        return level;
    }

    public int seedRow() {
        return seedRow;
    }

    public int seedColumn() {
        return seedColumn;
    }

    /** Whether node (i, j) (row over b, column over a) belongs to the component. */
    public boolean contains(int i, int j) {
        return member[i * grid.steps() + j];
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** Number of grid nodes in the component. */
    public int cellCount() {
        return count;
    }

    /** da · db. */
    public double cellArea() {
        return grid.da() * grid.db();
    }

    /** cellCount · da · db: the area counting each node as a whole cell. */
    public double countedArea() {
        return count * cellArea();
    }

    /** The polygon area enclosed by the component's contour within the window (sub-cell accurate). */
    public double area() {
        return area;
    }

    /** Whether the component reaches the window's edge (unbounded within the window). */
    public boolean touchesEdge() {
        return touchesEdge;
    }

    /** Non-empty and clear of the window's edge: the whole plane section lies in the window. */
    public boolean isBoundedInWindow() {
        return count > 0 && !touchesEdge;
    }

    /** The component's contour; see {@link Contours#boundary(SublevelRegion)}. */
    public java.util.List<Polyline> boundary() {
        return Contours.boundary(this);
    }
}
