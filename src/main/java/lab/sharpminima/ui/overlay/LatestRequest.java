package lab.sharpminima.ui.overlay;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import java.util.function.Consumer;
import java.util.function.Function;
import lab.sharpminima.ui.BackgroundExecutor;

/**
 * Runs a computation of settings S in the background, latest request wins: each request takes a new
 * generation number; while one runs, only the newest pending request is kept; a result whose
 * generation is no longer the newest is dropped, never delivered. Confined to the UI thread (or the
 * test's thread with a same-thread executor), as the ViewModels that own it.
 *
 * @param <S> the settings of one request
 * @param <R> its result
 */
public final class LatestRequest<S, R> {

    private record Request<S>(long generation, S settings, long requestedNanos) {
    }

    private final BackgroundExecutor executor;
    private final Function<S, R> work;
    private final Consumer<R> onResult;
    private final Consumer<Throwable> onFailure;
    private long generation;
    private boolean inFlight;
    private Request<S> pending;
    private final ReadOnlyLongWrapper dropped = new ReadOnlyLongWrapper(this, "dropped");
    private long latencyNanos;

    public LatestRequest(BackgroundExecutor executor, Function<S, R> work, Consumer<R> onResult,
                         Consumer<Throwable> onFailure) {
        this.executor = executor;
        this.work = work;
        this.onResult = onResult;
        this.onFailure = onFailure;
    }

    /** Requests {@code settings}; supersedes any request not yet delivered. */
    public void submit(S settings) {
        Request<S> r = new Request<>(++generation, settings, System.nanoTime());
        if (inFlight) {
            if (pending != null) {
                dropped.set(dropped.get() + 1);
            }
            pending = r;
            return;
        }
        launch(r);
    }

    private void launch(Request<S> r) {
        inFlight = true;
        executor.execute(() -> work.apply(r.settings()), result -> finished(r, result, null),
                failure -> finished(r, null, failure));
    }

    private void finished(Request<S> r, R result, Throwable failure) {
        inFlight = false;
        if (r.generation() != generation) {
            dropped.set(dropped.get() + 1);
        } else if (failure == null) {
            latencyNanos = System.nanoTime() - r.requestedNanos();
            onResult.accept(result);
        } else {
            onFailure.accept(failure);
        }
        Request<S> next = pending;
        pending = null;
        if (next != null) {
            launch(next);
        }
    }

    /** How many requests were dropped as stale. */
    public long dropped() {
        return dropped.get();
    }

    /** {@link #dropped()} as a property, for views and tests that watch it. */
    public ReadOnlyLongProperty droppedProperty() {
        return dropped.getReadOnlyProperty();
    }

    /** Nanoseconds from the request of the last delivered result to its delivery. */
    public long latencyNanos() {
        return latencyNanos;
    }
}
