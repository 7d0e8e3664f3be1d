package lab.sharpminima.linalg;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs a task split into a few parts, one part on the calling thread and the others on a small,
 * fixed pool of daemon threads, and waits for all of them. Used by the tridiagonal reduction to
 * share its memory-bound matrix–vector products and its rank-2k updates between cores; the pool
 * is sized to the machine ({@code availableProcessors}, at most {@value #MAX_PARTS}) and created on
 * first use.
 */
final class RowSplitExecutor {

    /** More parts than this rarely pays for a level-2 kernel: the L3 bandwidth is shared. */
    static final int MAX_PARTS = 4;

    private static final int PARTS = Math.max(1, Math.min(MAX_PARTS, Runtime.getRuntime().availableProcessors()));

    private static volatile ExecutorService pool;

    private RowSplitExecutor() {
    }

    /** How many parts {@link #run} splits work into on this machine (1 = everything on the caller). */
    static int parts() {
        return PARTS;
    }

    /**
     * Calls {@code part.accept(t)} for t = 0 … parts−1, t = 0 on the calling thread, and returns
     * when all have finished. An exception thrown by a part is rethrown here.
     */
    static void run(int parts, IntConsumer part) {
        if (parts <= 1) {
            part.accept(0);
            return;
        }
        ExecutorService p = pool();
        @SuppressWarnings("unchecked")
        Future<?>[] others = new Future<?>[parts - 1];
        for (int t = 1; t < parts; t++) {
            final int id = t;
            others[t - 1] = p.submit(() -> part.accept(id));
        }
        part.accept(0);
        for (Future<?> f : others) {
            try {
                f.get();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a worker", ex);
            } catch (ExecutionException ex) {
                Throwable cause = ex.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    /**
     * Split points 0 = s₀ ≤ s₁ ≤ … ≤ s_parts = rows for a lower-triangular sweep in which row r
     * costs about r + 1 operations: s_t = rows·√(t/parts) gives every part the same area.
     */
    static int[] triangleSplit(int rows, int parts) {
        int[] s = new int[parts + 1];
        for (int t = 1; t < parts; t++) {
            s[t] = (int) Math.round(rows * Math.sqrt((double) t / parts));
        }
        s[parts] = rows;
        return s;
    }

    private static ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (RowSplitExecutor.class) {
                p = pool;
                if (p == null) {
                    p = Executors.newFixedThreadPool(PARTS - 1, r -> {
                        Thread th = new Thread(r, "symmetric-eigen-worker");
                        th.setDaemon(true);
                        return th;
                    });
                    pool = p;
                }
            }
        }
        return p;
    }
}
