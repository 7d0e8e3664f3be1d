package lab.sharpminima.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work away from the caller and reports back on the caller's (UI) thread.
 *
 * <p>ViewModels take one of these instead of starting threads, so that tests can swap in
 * {@link SameThreadExecutor} and run every command to completion synchronously, without a stage.
 */
public interface BackgroundExecutor {

    /**
     * Runs {@code work}; then calls exactly one of {@code onSuccess} (with its result) or
     * {@code onFailure} (with what it threw), on the thread that owns the UI state.
     */
    <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Stops accepting work; running work may finish. */
    default void shutdown() {
    }
}
