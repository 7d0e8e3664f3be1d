package lab.sharpminima.engine.train;

/**
 * A first-order update rule. Instances keep their state (momentum buffers, moments, step count) for
 * one training run; {@link OptimizerKind#create} makes a fresh one.
 */
public interface Optimizer {

    /** One update of {@code theta} in place from the gradient {@code grad}, which is not modified. */
    void step(double[] theta, double[] grad);

    /** η, the learning rate. */
    double learningRate();

    static double checkLearningRate(double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("the learning rate must be a finite number > 0, got " + lr);
        }
        return lr;
    }

    static double checkBeta(String name, double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + beta);
        }
        return beta;
    }
}
