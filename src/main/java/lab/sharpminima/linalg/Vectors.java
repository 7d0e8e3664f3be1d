package lab.sharpminima.linalg;

import java.util.random.RandomGenerator;

/**
 * The few vector kernels the solvers need, on flat {@code double[]}: no allocation, bounds hoisted,
 * dot products with four independent accumulators so the loop is not one long dependency chain.
 */
final class Vectors {

    private Vectors() {
    }

    /** xᵀy over the first {@code n} entries. */
    static double dot(double[] x, double[] y, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += x[i] * y[i];
            s1 += x[i + 1] * y[i + 1];
            s2 += x[i + 2] * y[i + 2];
            s3 += x[i + 3] * y[i + 3];
        }
        for (; i < n; i++) {
            s0 += x[i] * y[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    static double dot(double[] x, double[] y) {
        return dot(x, y, x.length);
    }

    /** ‖x‖₂. */
    static double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }

    /** y ← y + a·x. */
    static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    /** x ← a·x. */
    static void scale(double a, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= a;
        }
    }

    /** x ← x / ‖x‖; returns ‖x‖ (x is left unchanged when it is zero). */
    static double normalize(double[] x) {
        double nrm = norm(x);
        if (nrm > 0) {
            scale(1.0 / nrm, x);
        }
        return nrm;
    }

    /** Independent ±1 entries, each with probability ½ (Rademacher). */
    static void rademacher(RandomGenerator rnd, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextBoolean() ? 1.0 : -1.0;
        }
    }

    /** Independent standard normal entries. */
    static void gaussian(RandomGenerator rnd, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian();
        }
    }
}
