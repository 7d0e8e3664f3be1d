package lab.sharpminima.engine.train;

/**
 * Told of a training run's progress: once before the first step (epoch 0) and once after every
 * completed epoch, on the thread that runs {@link Trainer#train}. A UI hands the report on to its
 * own thread; the listener must not block for long, since training waits for it.
 */
@FunctionalInterface
public interface TrainingListener {

    /** A listener that ignores every report. */
    TrainingListener NONE = p -> { };

    void onProgress(TrainingProgress progress);
}
