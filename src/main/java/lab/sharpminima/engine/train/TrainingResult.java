package lab.sharpminima.engine.train;

import java.util.OptionalDouble;

/**
 * The outcome of a training run.
 *
 * @param theta            the final parameters (after divergence, the last ones whose loss and
 *                         gradient were finite)
 * @param epochsCompleted  epochs that ran to the end
 * @param trainLoss        L(θ) on the whole training set at {@code theta}
 * @param testLoss         L(θ) on the test set at {@code theta}, when there is one
 * @param stop             why the run ended
 * @param message          one line for the user: "completed 100 epochs", or what went wrong and what to do
 * @param trainLossHistory training loss before the first step and after each completed epoch
 *                         ({@code epochsCompleted + 1} entries)
 * @param testLossHistory  the same for the test set, or an empty array without one
 */
public record TrainingResult(double[] theta, int epochsCompleted, double trainLoss, OptionalDouble testLoss,
                             StopReason stop, String message, double[] trainLossHistory,
                             double[] testLossHistory) {

    public boolean cancelled() {
        return stop == StopReason.CANCELLED;
    }

    public boolean diverged() {
        return stop == StopReason.DIVERGED;
    }
}
