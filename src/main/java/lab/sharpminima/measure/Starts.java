package lab.sharpminima.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded directions for the sharpness ascents' starting points. */
final class Starts {
    private Starts() {
    }

    /** A unit vector of the given dimension, uniform on the sphere (a normalised Gaussian). */
    static double[] unitGaussian(Random rnd, int n) {
        double[] u = new double[n];
        double s;
        do {
            s = 0;
            for (int i = 0; i < n; i++) {
                u[i] = rnd.nextGaussian();
                s += u[i] * u[i];
            }
        } while (s == 0);
        double inv = 1 / Math.sqrt(s);
        for (int i = 0; i < n; i++) {
            u[i] *= inv;
        }
        return u;
    }

    /** c + r·u/‖u‖, or null when u is zero or not finite. */
    static double[] along(double[] c, double[] u, double r) {
        double s = 0;
        for (double v : u) {
            s += v * v;
        }
        double norm = Math.sqrt(s);
        if (!(norm > 0) || Double.isInfinite(norm)) {
            return null;
        }
        double[] x = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            x[i] = c[i] + r * u[i] / norm;
        }
        return x;
    }

    static double[] negated(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }

    /**
     * Starts in a box: the corner along sign(∇F) (the maximiser of the linear model), the corners
     * along ± sign(v) for the top curvature direction v when given, then seeded random corners and
     * uniform interior points in turn; {@code restarts} in all.
     */
    static List<ProjectedAscent.Start> box(Region.Box box, double[] grad, double[] top, int restarts, long seed) {
        List<ProjectedAscent.Start> starts = new ArrayList<>();
        starts.add(new ProjectedAscent.Start("gradient corner", box.corner(grad)));
        if (top != null) {
            starts.add(new ProjectedAscent.Start("+top eigenvector corner", box.corner(top)));
            starts.add(new ProjectedAscent.Start("-top eigenvector corner", box.corner(negated(top))));
        }
        while (starts.size() > restarts) {
            starts.remove(starts.size() - 1);
        }
        Random rnd = new Random(seed);
        int n = box.dimension();
        for (int r = starts.size(); r < restarts; r++) {
            double[] u = new double[n];
            boolean corner = r % 2 == 1;
            for (int i = 0; i < n; i++) {
                u[i] = corner ? (rnd.nextBoolean() ? 1 : -1) : 2 * rnd.nextDouble() - 1;
            }
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = box.center()[i] + u[i] * box.width(i);
            }
            starts.add(new ProjectedAscent.Start((corner ? "random corner " : "random interior ") + r, x));
        }
        return starts;
    }
}
