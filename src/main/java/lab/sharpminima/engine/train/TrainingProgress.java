package lab.sharpminima.engine.train;

import java.util.OptionalDouble;

/**
 * Where a training run stands after an epoch.
 *
 * @param epoch        epochs completed (0 for the report before the first step)
 * @param epochs       epochs asked for
 * @param trainLoss    L(θ) on the whole training set at the current θ
 * @param testLoss     L(θ) on the test set, when there is one
 * @param elapsedNanos time since the run started
 * @param theta        a copy of the current θ, the listener's to keep
 */
public record TrainingProgress(int epoch, int epochs, double trainLoss, OptionalDouble testLoss,
                               long elapsedNanos, double[] theta) {
}
