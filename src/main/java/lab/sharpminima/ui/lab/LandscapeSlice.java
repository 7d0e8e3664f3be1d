package lab.sharpminima.ui.lab;

import java.util.List;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.landscape.Directions;
import lab.sharpminima.landscape.Slice1D;
import lab.sharpminima.landscape.Slice2D;
import lab.sharpminima.landscape.TrajectoryPca;
import lab.sharpminima.landscape.Window;

/**
 * One computed landscape of the Lab: a 1-D slice L(θ + a·d₁) and a 2-D slice L(θ + a·d₁ + b·d₂) through
 * θ (Li et al. 2018; Goodfellow et al. 2015), with the training trajectory θ₀ … θ_T given coordinates in
 * the plane. On the chosen plane the coordinates are the least-squares ones, (a, b) = G⁻¹ (D(θ_i − θ))
 * with G the 2 × 2 Gram matrix of d₁, d₂; on the PCA plane of the trajectory (Li et al., Section 7) d₁,
 * d₂ are its principal directions through θ = θ_T and the coordinates those of {@link TrajectoryPca}.
 *
 * @param request    what was asked
 * @param directions the two directions (for PCA: the principal ones, {@code kind} that of the request)
 * @param line       the 1-D slice along d₁ over [−range, range]
 * @param plane      the 2-D slice over the window, θ at (0, 0)
 * @param pathA      the trajectory's a coordinates (empty without a trajectory)
 * @param pathB      its b coordinates
 */
public record LandscapeSlice(Request request, Directions.Pair directions, Slice1D line, Slice2D plane,
                             double[] pathA, double[] pathB) {

    /** Which plane the trajectory is drawn on. */
    public enum Projection { CHOSEN, PCA }

    /**
     * @param theta      the centre θ
     * @param trajectory θ₀ … kept points of the run (may be empty); θ is appended unless it is the last
     * @param kind       random, filter-normalised or top-eigenvector directions
     * @param seed       seeds the random draws and Lanczos
     * @param range      the window is [−range, range]² (for PCA widened to hold the trajectory)
     * @param steps      nodes per axis
     */
    public record Request(LabProblem problem, double[] theta, List<double[]> trajectory, Directions.Kind kind,
                          long seed, double range, int steps, Projection projection) {
    }

    /** Computes both slices and the trajectory's coordinates; runs in the background. */
    public static LandscapeSlice compute(Request r) {
        LossFunction f = new LossFunction(r.problem().network(), r.problem().loss(), r.problem().split().train());
        double[] theta = r.theta();
        Directions.Pair pair;
        double[] pa;
        double[] pb;
        double half = r.range();
        // The path ends at θ: appended unless the last kept snapshot is θ already (a finished run).
        List<double[]> points = new java.util.ArrayList<>(r.trajectory());
        if (points.isEmpty() || !java.util.Arrays.equals(points.get(points.size() - 1), theta)) {
            points.add(theta);
        }
        if (r.projection() == Projection.PCA && points.size() >= 3) {
            TrajectoryPca pca = TrajectoryPca.of(points);
            pair = new Directions.Pair(r.kind(), pca.d1(), pca.d2(), Double.NaN, Double.NaN);
            pa = pca.a();
            pb = pca.b();
            for (int i = 0; i < pa.length; i++) {
                half = Math.max(half, 1.1 * Math.max(Math.abs(pa[i]), Math.abs(pb[i])));
            }
        } else {
            pair = Directions.pair(r.kind(), f, theta, r.seed());
            double[][] ab = project(points, theta, pair.d1(), pair.d2());
            pa = ab[0];
            pb = ab[1];
        }
        Slice1D line = Slice1D.compute(f, theta, pair.d1(), -half, half, r.steps());
        Slice2D plane = Slice2D.compute(f, theta, pair.d1(), pair.d2(), Window.square(-half, half), r.steps(),
                Slice2D.defaultThreads());
        return new LandscapeSlice(r, pair, line, plane, pa, pb);
    }

    /**
     * The same slice at another θ (T_α θ of the bridge): the same kind, seed, window and steps; directions
     * drawn anew at that θ with the same seed (for random directions the very same vectors). PCA planes
     * keep their directions.
     */
    public LandscapeSlice at(double[] other) {
        LossFunction f = new LossFunction(request.problem().network(), request.problem().loss(),
                request.problem().split().train());
        Directions.Pair pair = request.projection() == Projection.PCA && pathA.length > 0 ? directions
                : Directions.pair(request.kind(), f, other, request.seed());
        Window w = plane.grid().window();
        Slice1D l = Slice1D.compute(f, other, pair.d1(), w.a0(), w.a1(), request.steps());
        Slice2D p = Slice2D.compute(f, other, pair.d1(), pair.d2(), w, request.steps(), Slice2D.defaultThreads());
        return new LandscapeSlice(request, pair, l, p, new double[0], new double[0]);
    }

    /** Least-squares coordinates of θ_i − θ in span(d₁, d₂). */
    static double[][] project(List<double[]> trajectory, double[] theta, double[] d1, double[] d2) {
        double g11 = dot(d1, d1);
        double g12 = dot(d1, d2);
        double g22 = dot(d2, d2);
        double det = g11 * g22 - g12 * g12;
        double[] a = new double[trajectory.size()];
        double[] b = new double[trajectory.size()];
        double[] diff = new double[theta.length];
        for (int i = 0; i < a.length; i++) {
            double[] p = trajectory.get(i);
            for (int j = 0; j < diff.length; j++) {
                diff[j] = p[j] - theta[j];
            }
            double r1 = dot(d1, diff);
            double r2 = dot(d2, diff);
            a[i] = (g22 * r1 - g12 * r2) / det;
            b[i] = (g11 * r2 - g12 * r1) / det;
        }
        return new double[][] {a, b};
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
