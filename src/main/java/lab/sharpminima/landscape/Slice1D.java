package lab.sharpminima.landscape;

import lab.sharpminima.engine.LossFunction;

/**
 * A 1-D slice of the loss through θ: L(θ + a·d) at {@code steps} equally spaced a in [lo, hi], both
 * ends included (Goodfellow et al. 2015; Li et al. 2018, Section 3).
 *
 * @param a    the nodes
 * @param loss L(θ + a_j·d)
 * @param d    the direction
 */
public record Slice1D(double[] a, double[] loss, double[] d) {

    /** Evaluated through {@link PlaneLoss} with d2 = 0 (a line costs far less than a grid: one thread). */
    public static Slice1D compute(LossFunction f, double[] theta, double[] d, double lo, double hi, int steps) {
        double[] a = Slice2D.nodes(lo, hi, steps);
        PlaneLoss plane = new PlaneLoss(f.network(), f.kind(), f.data(), theta, d, new double[theta.length]);
        return new Slice1D(a, plane.grid(a, new double[] {0.0}, 1)[0], d.clone());
    }
}
