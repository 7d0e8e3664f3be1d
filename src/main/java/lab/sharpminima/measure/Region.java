package lab.sharpminima.measure;

/**
 * The closed convex set over which a sharpness measure maximises the loss: the Euclidean ball
 * B₂(ε, c) of Definition 2 or the box |x_i − c_i| ≤ w_i of Keskar et al. (2017). Each region has
 * per-coordinate widths w (ε for the ball) that scale the ascent's steps, so that one step size rule
 * works for every ε and every |θ_i|.
 */
sealed interface Region permits Region.Ball, Region.Box {

    /** Relative slack of the ball's guarantee ‖x − c‖ ≤ ε(1 + SLACK) after projection. */
    double SLACK = 1e-13;

    int dimension();

    double[] center();

    /** The Euclidean projection onto the region, in place. */
    void project(double[] x);

    /** w_i, the region's extent along coordinate i. */
    double width(int i);

    /**
     * The ascent direction d_i = w_i² g_i / ‖w ⊙ g‖₂ for the gradient g: the steepest ascent in the
     * metric scaled by w, of w-weighted length 1, so a unit step moves across the region once.
     * Writes {@code d}; returns false when w ⊙ g is zero or not finite (no direction).
     */
    default boolean direction(double[] g, double[] d) {
        double s = 0;
        for (int i = 0; i < g.length; i++) {
            double wg = width(i) * g[i];
            s += wg * wg;
        }
        double norm = Math.sqrt(s);
        if (!(norm > 0) || Double.isInfinite(norm)) {
            return false;
        }
        for (int i = 0; i < g.length; i++) {
            double w = width(i);
            d[i] = w * w * g[i] / norm;
        }
        return true;
    }

    /** B₂(ε, c) = {x : ‖x − c‖₂ ≤ ε}. */
    record Ball(double[] center, double radius) implements Region {

        @Override
        public int dimension() {
            return center.length;
        }

        @Override
        public double width(int i) {
            return radius;
        }

        /**
         * x ← c + (x − c)·ε/‖x − c‖ when outside. Rounding c + δ can leave the stored x a few ulps of
         * |c| outside, which matters when ε is tiny next to |c|: the factor is then bisected between
         * 0 (x = c, inside) and ε/‖x − c‖ until ‖x − c‖ ≤ ε(1 + {@link #SLACK}) holds for the
         * stored x.
         */
        @Override
        public void project(double[] x) {
            double[] diff = new double[x.length];
            double norm = distance(x, diff);
            if (norm <= radius) {
                return;
            }
            double hi = radius / norm;
            if (scaledInside(x, diff, hi)) {
                return;
            }
            double lo = 0;
            for (int step = 0; step < 64; step++) {
                double mid = 0.5 * (lo + hi);
                if (scaledInside(x, diff, mid)) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            scaledInside(x, diff, lo);
        }

        /** x ← c + s·diff; whether the stored x is within ε(1 + SLACK) of c. */
        private boolean scaledInside(double[] x, double[] diff, double s) {
            for (int i = 0; i < x.length; i++) {
                x[i] = center[i] + diff[i] * s;
            }
            return distance(x, null) <= radius * (1 + SLACK);
        }

        /** ‖x − c‖₂, with x − c written to {@code diff} when not null. */
        double distance(double[] x, double[] diff) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                double d = x[i] - center[i];
                if (diff != null) {
                    diff[i] = d;
                }
                s += d * d;
            }
            return Math.sqrt(s);
        }
    }

    /** The box {x : |x_i − c_i| ≤ w_i}. */
    record Box(double[] center, double[] widths) implements Region {

        @Override
        public int dimension() {
            return center.length;
        }

        @Override
        public double width(int i) {
            return widths[i];
        }

        /** Clipping coordinate by coordinate is the Euclidean projection onto a box. */
        @Override
        public void project(double[] x) {
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.max(center[i] - widths[i], Math.min(center[i] + widths[i], x[i]));
            }
        }

        /** The corner c + w ⊙ sign(s) (sign 0 counts as +). */
        double[] corner(double[] s) {
            double[] x = new double[center.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = center[i] + (s[i] < 0 ? -widths[i] : widths[i]);
            }
            return x;
        }
    }
}
