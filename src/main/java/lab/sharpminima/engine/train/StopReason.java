package lab.sharpminima.engine.train;

/** Why a training run ended. */
public enum StopReason {
    /** All epochs ran. */
    COMPLETED,
    /** {@link Trainer#cancel()} was called or the thread was interrupted. */
    CANCELLED,
    /** A loss, gradient or parameter became NaN or infinite; the last finite θ was kept. */
    DIVERGED
}
