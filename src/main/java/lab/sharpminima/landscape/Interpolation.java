package lab.sharpminima.landscape;

import lab.sharpminima.engine.LossFunction;

/**
 * The loss along the line through two minima, L((1 − t)·θ_A + t·θ_B), on the training and (when
 * given) the test data: the figure of Keskar et al. 2017 (Figure 3, "On Large-Batch Training …"),
 * there for t in [−1, 2], here by default [−0.5, 1.5], between a small-batch and a large-batch
 * minimum. t = 0 gives exactly θ_A and t = 1 exactly θ_B (1·x + 0·y = x in floating point).
 *
 * @param t     the nodes, equally spaced, ends included
 * @param train L on the training data at each node
 * @param test  L on the test data at each node, or {@code null}
 */
public record Interpolation(double[] t, double[] train, double[] test) {

    /** Keskar et al.'s range, trimmed: t from −0.5 to 1.5. */
    public static final double DEFAULT_FROM = -0.5;
    public static final double DEFAULT_TO = 1.5;

    /**
     * @param testLoss the loss on held-out data, or {@code null}
     * @throws IllegalArgumentException when the lengths differ or steps &lt; 2
     */
    public static Interpolation between(LossFunction trainLoss, LossFunction testLoss, double[] thetaA,
                                        double[] thetaB, double from, double to, int steps) {
        if (thetaA.length != trainLoss.dimension() || thetaB.length != trainLoss.dimension()) {
            throw new IllegalArgumentException("θ_A and θ_B need " + trainLoss.dimension() + " entries, got "
                    + thetaA.length + " and " + thetaB.length);
        }
        double[] t = Slice2D.nodes(from, to, steps);
        double[] train = new double[steps];
        double[] test = testLoss == null ? null : new double[steps];
        double[] p = new double[thetaA.length];
        for (int j = 0; j < steps; j++) {
            point(thetaA, thetaB, t[j], p);
            train[j] = trainLoss.value(p);
            if (test != null) {
                test[j] = testLoss.value(p);
            }
        }
        return new Interpolation(t, train, test);
    }

    /** {@code out} ← (1 − t)·θ_A + t·θ_B. */
    public static double[] point(double[] thetaA, double[] thetaB, double t, double[] out) {
        double s = 1 - t;
        for (int i = 0; i < out.length; i++) {
            out[i] = s * thetaA[i] + t * thetaB[i];
        }
        return out;
    }
}
