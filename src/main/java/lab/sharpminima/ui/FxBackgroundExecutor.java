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
        this("sml-background", Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    }

    /**
     * A pool of {@code threads} daemon threads named {@code name-1}, {@code name-2}, …: a view that
     * draws its charts off the FX thread takes one of its own, so that a drawing never waits behind a
     * computation on the shared pool.
     */
    public FxBackgroundExecutor(String name, int threads) {
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
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
