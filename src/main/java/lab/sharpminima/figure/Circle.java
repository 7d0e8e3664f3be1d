package lab.sharpminima.figure;

import lab.sharpminima.landscape.Polyline;

/** The circle of centre (a, b) and radius r in a plane, the boundary of a 2-D ball B₂(r, centre). */
public record Circle(double a, double b, double radius) {

    public Circle {
        Checks.finite("circle centre a", a);
        Checks.finite("circle centre b", b);
        Checks.positive("circle radius", radius);
    }

    /** Whether (pa, pb) lies in the closed disc, up to a relative tolerance tol on the radius. */
    public boolean contains(double pa, double pb, double tol) {
        return Math.hypot(pa - a, pb - b) <= radius * (1 + tol);
    }

    /** The circle as a closed polyline of n ≥ 3 equally spaced points. */
    public Polyline polyline(int n) {
        if (n < 3) {
            throw new IllegalArgumentException("a circle needs at least 3 points, got " + n);
        }
        double[] xa = new double[n];
        double[] xb = new double[n];
        for (int k = 0; k < n; k++) {
            double t = 2 * Math.PI * k / n;
            xa[k] = a + radius * Math.cos(t);
            xb[k] = b + radius * Math.sin(t);
        }
        return new Polyline(xa, xb, true);
    }
}
