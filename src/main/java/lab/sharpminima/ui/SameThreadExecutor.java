package lab.sharpminima.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work and its callback at once on the calling thread: for tests and scripted use. */
public final class SameThreadExecutor implements BackgroundExecutor {

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception | OutOfMemoryError e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }
}
