package lab.sharpminima.engine.train;

/**
 * What a training run does.
 *
 * @param optimizer    the update rule ({@code gd} always uses the full batch)
 * @param learningRate η &gt; 0
 * @param batchSize    samples per step; 0, or at least the training set's size, means the full batch
 * @param epochs       passes over the training data (0: only evaluate the starting point)
 * @param seed         seeds the minibatch shuffles (one {@link java.util.Random} for the whole run)
 */
public record TrainingConfig(OptimizerKind optimizer, double learningRate, int batchSize, int epochs, long seed) {

    public TrainingConfig {
        if (optimizer == null) {
            throw new IllegalArgumentException("an optimizer is required (" + OptimizerKind.ids() + ")");
        }
        Optimizer.checkLearningRate(learningRate);
        if (batchSize < 0) {
            throw new IllegalArgumentException("the batch size must be ≥ 0 (0 = full batch), got " + batchSize);
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("the number of epochs must be ≥ 0, got " + epochs);
        }
    }

    /** The number of samples per step on a training set of {@code n} samples. */
    public int effectiveBatch(int n) {
        return optimizer.isFullBatch() || batchSize == 0 || batchSize >= n ? n : batchSize;
    }
}
