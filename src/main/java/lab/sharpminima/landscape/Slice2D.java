package lab.sharpminima.landscape;

import lab.sharpminima.engine.LossFunction;

/**
 * A 2-D slice of the loss through θ: L(θ + a·d1 + b·d2) on a {@code steps × steps} grid over a
 * window (Li et al. 2018; the {@code slice} command of spec/cli.md). The grid is a {@link LossGrid}
 * (rows over b, columns over a) on the {@link Plane} through θ, so the contour and sublevel tools of
 * this package apply to it unchanged.
 *
 * @param plane θ + a·d1 + b·d2, θ at (0, 0)
 * @param grid  the loss at the grid's nodes
 */
public record Slice2D(Plane plane, LossGrid grid) {

    /**
     * Evaluated by {@link PlaneLoss} on {@code threads} threads; the values do not depend on the
     * thread count.
     *
     * @throws IllegalArgumentException when steps &lt; 2, threads &lt; 1 or the lengths differ
     */
    public static Slice2D compute(LossFunction f, double[] theta, double[] d1, double[] d2, Window window,
                                  int steps, int threads) {
        if (steps < 2) {
            throw new IllegalArgumentException("--steps must be at least 2, got " + steps);
        }
        Plane plane = Plane.through(theta, d1, d2);
        PlaneLoss loss = new PlaneLoss(f.network(), f.kind(), f.data(), theta, d1, d2);
        double[][] rows = loss.grid(nodes(window.a0(), window.a1(), steps), nodes(window.b0(), window.b1(), steps),
                threads);
        return new Slice2D(plane, LossGrid.of(window, rows));
    }

    /** The threads a slice uses by default: every available processor. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** lo + j·(hi − lo)/(steps − 1), the last node exactly hi — the same nodes as {@link LossGrid}. */
    static double[] nodes(double lo, double hi, int steps) {
        if (steps < 2) {
            throw new IllegalArgumentException("--steps must be at least 2, got " + steps);
        }
        double[] x = new double[steps];
        double h = (hi - lo) / (steps - 1);
        for (int j = 0; j < steps; j++) {
            x[j] = lo + j * h;
        }
        x[steps - 1] = hi;
        return x;
    }
}
