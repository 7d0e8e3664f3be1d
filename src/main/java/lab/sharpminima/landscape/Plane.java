package lab.sharpminima.landscape;

import java.util.Arrays;

/**
 * An affine plane in parameter space, p(a, b) = origin + a·d1 + b·d2, together with the plane
 * coordinates (thetaA, thetaB) of the parameter θ it is drawn around, so that
 * θ = origin + thetaA·d1 + thetaB·d2.
 *
 * <p>Two cases matter: a plane through θ ({@link #through}, θ at (0, 0)), as in the {@code slice}
 * command, and the absolute coordinates of the paper's two-parameter model y = φ(x·θ1)·θ2
 * ({@link #absolute}: origin 0, d1 = e1, d2 = e2, θ at (θ1, θ2)), the axes of its Figures 1–3.
 * The directions are not required to be orthonormal; areas are measured in (a, b) coordinates.
 */
public final class Plane {

    private final double[] origin;
    private final double[] d1;
    private final double[] d2;
    private final double thetaA;
    private final double thetaB;

    /**
     * @throws IllegalArgumentException when the lengths differ or a value is not finite
     */
    public Plane(double[] origin, double[] d1, double[] d2, double thetaA, double thetaB) {
        if (d1.length != origin.length || d2.length != origin.length) {
            throw new IllegalArgumentException("the plane's origin and directions need the same length, got "
                    + origin.length + ", " + d1.length + " and " + d2.length);
        }
        requireFinite("origin", origin);
        requireFinite("d1", d1);
        requireFinite("d2", d2);
        if (!Double.isFinite(thetaA) || !Double.isFinite(thetaB)) {
            throw new IllegalArgumentException("the plane coordinates of θ must be finite");
        }
        this.origin = origin.clone();
        this.d1 = d1.clone();
        this.d2 = d2.clone();
        this.thetaA = thetaA;
        this.thetaB = thetaB;
    }

    /** θ + a·d1 + b·d2, with θ at (0, 0). */
    public static Plane through(double[] theta, double[] d1, double[] d2) {
        return new Plane(theta, d1, d2, 0, 0);
    }

    /** The plane through θ along the coordinate axes i and j: θ + a·e_i + b·e_j. */
    public static Plane coordinates(double[] theta, int i, int j) {
        if (i == j || i < 0 || j < 0 || i >= theta.length || j >= theta.length) {
            throw new IllegalArgumentException("need two distinct parameter indices in [0, " + theta.length
                    + "), got " + i + " and " + j);
        }
        double[] e1 = new double[theta.length];
        double[] e2 = new double[theta.length];
        e1[i] = 1;
        e2[j] = 1;
        return through(theta, e1, e2);
    }

    /** A two-parameter model in absolute coordinates: p(a, b) = (a, b), θ at (θ1, θ2). */
    public static Plane absolute(double[] theta) {
        if (theta.length != 2) {
            throw new IllegalArgumentException("absolute coordinates need a model with 2 parameters, got "
                    + theta.length);
        }
        return new Plane(new double[2], new double[] {1, 0}, new double[] {0, 1}, theta[0], theta[1]);
    }

    /** n, the dimension of the parameter space. */
    public int dimension() {
        return origin.length;
    }

    /** {@code out} ← origin + a·d1 + b·d2; returns {@code out}. */
    public double[] point(double a, double b, double[] out) {
        for (int i = 0; i < origin.length; i++) {
            out[i] = origin[i] + a * d1[i] + b * d2[i];
        }
        return out;
    }

    /** The plane coordinate a of θ. */
    public double thetaA() {
        return thetaA;
    }

    /** The plane coordinate b of θ. */
    public double thetaB() {
        return thetaB;
    }

    /** θ = origin + thetaA·d1 + thetaB·d2. */
    public double[] theta() {
        return point(thetaA, thetaB, new double[origin.length]);
    }

    public double[] origin() {
        return origin.clone();
    }

    public double[] d1() {
        return d1.clone();
    }

    public double[] d2() {
        return d2.clone();
    }

    private static void requireFinite(String name, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException("the plane's " + name + "[" + i + "] = " + v[i] + " is not finite");
            }
        }
    }

    @Override
    public String toString() {
        return "Plane[origin=" + Arrays.toString(origin) + ", d1=" + Arrays.toString(d1) + ", d2="
                + Arrays.toString(d2) + ", theta at (" + thetaA + ", " + thetaB + ")]";
    }
}
