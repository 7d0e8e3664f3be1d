package lab.sharpminima.engine.data;

import java.util.Random;
import lab.sharpminima.engine.Dataset;
import org.ejml.data.DMatrixRMaj;

/**
 * The seeded generators behind {@link BuiltinDataset}, with every parameter exposed.
 *
 * <p>Common rules. {@code n} is the number of samples (≥ 1). {@code noise} (finite, ≥ 0) is the
 * standard deviation of Gaussian noise: added to the target for the regression sets ({@code toy1d},
 * {@code sine}) and to each input coordinate for the classification sets, whose labels come from the
 * noiseless point. {@code seed} seeds one {@link java.util.Random}, whose algorithm Java specifies, and
 * all trigonometry uses {@link StrictMath}: the same arguments give the same bits on every JVM.
 * The points are drawn first and the noise after them, so for a given seed the noiseless positions do
 * not depend on {@code noise}. Classification sets come out in a seeded random row order (as
 * scikit-learn's {@code shuffle=True}); class {@code j} has the documented number of rows.
 */
public final class BuiltinDatasets {

    private BuiltinDatasets() {
    }

    /**
     * The 1-D toy of the paper's Figure 2 (a one-hidden-unit rectifier net fitting a line through
     * the origin on positive inputs): x uniform in [0.1, 2], y = c·x + noise·g with g ~ N(0, 1).
     * One input, one output.
     */
    public static Dataset toy1d(int n, double noise, long seed, double c) {
        check(n, noise);
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("the toy1d slope c must be finite, got " + c);
        }
        Random rnd = new Random(seed);
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            x.data[i] = 0.1 + 1.9 * rnd.nextDouble();
        }
        DMatrixRMaj y = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            y.data[i] = c * x.data[i] + noise * rnd.nextGaussian();
        }
        return new Dataset(x, y);
    }

    /** Regression y = sin(x) + noise·g, x uniform in [−π, π], g ~ N(0, 1). One input, one output. */
    public static Dataset sine(int n, double noise, long seed) {
        check(n, noise);
        Random rnd = new Random(seed);
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            x.data[i] = -Math.PI + 2 * Math.PI * rnd.nextDouble();
        }
        DMatrixRMaj y = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            y.data[i] = StrictMath.sin(x.data[i]) + noise * rnd.nextGaussian();
        }
        return new Dataset(x, y);
    }

    /**
     * Two interleaving half circles, as scikit-learn's {@code make_moons}: class 0 (⌊n/2⌋ points) at
     * (cos t, sin t), class 1 (the rest) at (1 − cos t, 0.5 − sin t), t evenly spaced over [0, π]
     * with both ends included.
     */
    public static Dataset moons(int n, double noise, long seed, Targets targets) {
        check(n, noise);
        int[] counts = {n / 2, n - n / 2};
        double[] p = new double[2 * n];
        int[] labels = new int[n];
        int row = 0;
        for (int c = 0; c < 2; c++) {
            int m = counts[c];
            for (int i = 0; i < m; i++, row++) {
                double t = m == 1 ? 0 : Math.PI * i / (m - 1);
                p[2 * row] = c == 0 ? StrictMath.cos(t) : 1 - StrictMath.cos(t);
                p[2 * row + 1] = c == 0 ? StrictMath.sin(t) : 0.5 - StrictMath.sin(t);
                labels[row] = c;
            }
        }
        return classification(p, labels, 2, noise, new Random(seed), targets);
    }

    /**
     * Two concentric circles, as scikit-learn's {@code make_circles} with factor 0.5: class 0
     * (⌊n/2⌋ points) on the unit circle, class 1 (the rest) on radius 0.5, angles 2πi/m (m points,
     * 2π excluded).
     */
    public static Dataset circles(int n, double noise, long seed, Targets targets) {
        check(n, noise);
        int[] counts = {n / 2, n - n / 2};
        double[] p = new double[2 * n];
        int[] labels = new int[n];
        int row = 0;
        for (int c = 0; c < 2; c++) {
            int m = counts[c];
            double r = c == 0 ? 1.0 : 0.5;
            for (int i = 0; i < m; i++, row++) {
                double t = 2 * Math.PI * i / m;
                p[2 * row] = r * StrictMath.cos(t);
                p[2 * row + 1] = r * StrictMath.sin(t);
                labels[row] = c;
            }
        }
        return classification(p, labels, 2, noise, new Random(seed), targets);
    }

    /**
     * XOR: points uniform in [−1, 1]², class 1 where x1·x2 &gt; 0 and class 0 where x1·x2 &lt; 0. Drawn
     * per class (class 0: ⌊n/2⌋ points, class 1: the rest), uniform over that class's two quadrants,
     * so the classes are exactly balanced and no point lies on an axis before the noise.
     */
    public static Dataset xor(int n, double noise, long seed, Targets targets) {
        check(n, noise);
        Random rnd = new Random(seed);
        double[] p = new double[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i < n / 2 ? 0 : 1;
            double a = 1 - rnd.nextDouble();  // (0, 1]
            double b = 1 - rnd.nextDouble();
            double s = rnd.nextBoolean() ? 1 : -1;
            p[2 * i] = s * a;
            p[2 * i + 1] = (c == 1 ? s : -s) * b;
            labels[i] = c;
        }
        return classification(p, labels, 2, noise, rnd, targets);
    }

    /**
     * Two interleaved spirals as in TensorFlow Playground, scaled to radius 1: class c's i-th of m
     * points has r = i/m, t = 1.75·2π·i/m + c·π, at (r sin t, r cos t). Class 0 has ⌊n/2⌋ points.
     */
    public static Dataset spirals(int n, double noise, long seed, Targets targets) {
        check(n, noise);
        int[] counts = {n / 2, n - n / 2};
        double[] p = new double[2 * n];
        int[] labels = new int[n];
        int row = 0;
        for (int c = 0; c < 2; c++) {
            int m = counts[c];
            for (int i = 0; i < m; i++, row++) {
                double r = (double) i / m;
                double t = 1.75 * 2 * Math.PI * i / m + c * Math.PI;
                p[2 * row] = r * StrictMath.sin(t);
                p[2 * row + 1] = r * StrictMath.cos(t);
                labels[row] = c;
            }
        }
        return classification(p, labels, 2, noise, new Random(seed), targets);
    }

    /**
     * k Gaussian blobs with standard deviation {@code noise}, centred on the unit circle at
     * (cos 2πj/k, sin 2πj/k). Class j has ⌊n/k⌋ points, one more for j &lt; n mod k (as scikit-learn).
     */
    public static Dataset blobs(int n, double noise, long seed, int k, Targets targets) {
        check(n, noise);
        if (k < 2) {
            throw new IllegalArgumentException("blobs needs at least 2 classes, got " + k);
        }
        double[] p = new double[2 * n];
        int[] labels = new int[n];
        int row = 0;
        for (int c = 0; c < k; c++) {
            int m = n / k + (c < n % k ? 1 : 0);
            double t = 2 * Math.PI * c / k;
            for (int i = 0; i < m; i++, row++) {
                p[2 * row] = StrictMath.cos(t);
                p[2 * row + 1] = StrictMath.sin(t);
                labels[row] = c;
            }
        }
        return classification(p, labels, k, noise, new Random(seed), targets);
    }

    // ---------------------------------------------------------------------------------------------

    private static void check(int n, double noise) {
        if (n < 1) {
            throw new IllegalArgumentException("the number of samples n must be at least 1, got " + n);
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("noise must be a finite number ≥ 0, got " + noise);
        }
    }

    /** Adds the input noise, shuffles the rows (Fisher–Yates) and encodes the labels. */
    private static Dataset classification(double[] p, int[] labels, int k, double noise, Random rnd,
                                          Targets targets) {
        for (int i = 0; i < p.length; i++) {
            p[i] += noise * rnd.nextGaussian();
        }
        int n = labels.length;
        int[] order = Permutations.shuffled(n, rnd);
        DMatrixRMaj x = new DMatrixRMaj(n, 2);
        int[] shuffledLabels = new int[n];
        for (int i = 0; i < n; i++) {
            x.data[2 * i] = p[2 * order[i]];
            x.data[2 * i + 1] = p[2 * order[i] + 1];
            shuffledLabels[i] = labels[order[i]];
        }
        return new Dataset(x, Labels.encode(shuffledLabels, k, targets));
    }
}
