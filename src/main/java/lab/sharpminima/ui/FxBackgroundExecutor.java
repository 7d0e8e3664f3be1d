package lab.sharpminima.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Runs work on a small pool of daemon threads and delivers the result on the JavaFX application
 * thread through {@link Platform#runLater(Runnable)}, so callbacks may touch properties and nodes.
 *
 * <p>Out-of-memory is reported like an exception (a dense Hessian of a large model can run out);
 * other {@link VirtualMachineError}s are left to crash the worker, as they are bugs or fatal.
 */
public final class FxBackgroundExecutor implements BackgroundExecutor {

    private final ExecutorService pool;

    public FxBackgroundExecutor() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sml-background-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        pool.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception | OutOfMemoryError e) {
                Platform.runLater(() -> onFailure.accept(e));
                return;
            }
            Platform.runLater(() -> onSuccess.accept(result));
        });
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
    }
}
