package lab.sharpminima.linalg;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a task cut into chunks on the calling thread and a small, fixed set of daemon worker
 * threads that claim chunks from a shared counter. The tridiagonal reduction hands out one
 * matrix–vector product per column (≈ n jobs of 50–500 µs each), so:
 * <ul>
 *   <li>hand-off must cost far less than a {@code Future}'s park/unpark round trip: idle workers
 *       spin for {@value #SPIN_NANOS} ns before parking;</li>
 *   <li>on a busy machine a worker may not get a core for a whole time slice: the caller then
 *       simply takes every chunk itself and never waits for a worker that has not started one,
 *       so the parallel path is never much slower than the serial one.</li>
 * </ul>
 * One caller at a time uses the workers; a concurrent caller runs its chunks itself.
 */
final class RowSplitExecutor {

    /** More threads than this rarely pays for a level-2 kernel: the L3 bandwidth is shared. */
    static final int MAX_PARTS = 4;

    /** How long an idle worker spins before parking (covers the gap between two columns). */
    static final long SPIN_NANOS = 100_000;

    private static final int PARTS = Math.max(1, Math.min(MAX_PARTS, Runtime.getRuntime().availableProcessors()));

    private static final ReentrantLock IN_USE = new ReentrantLock();

    private static Worker[] workers;

    /** A chunked task: {@code participant} is 0 for the caller, 1 … threads−1 for workers. */
    @FunctionalInterface
    interface Chunks {
        void run(int participant, int chunk);
    }

    private RowSplitExecutor() {
    }

    /** How many threads {@link #run} can use on this machine (1 = everything on the caller). */
    static int parts() {
        return PARTS;
    }

    /**
     * Calls {@code task.run(participant, c)} once for every chunk c = 0 … chunks−1, on the calling
     * thread and up to {@code threads − 1} workers, and returns when all chunks are done. A
     * participant runs its chunks one after another. An exception thrown by a chunk is rethrown.
     */
    static void run(int threads, int chunks, Chunks task) {
        if (threads <= 1 || !IN_USE.tryLock()) {
            for (int c = 0; c < chunks; c++) {
                task.run(0, c);
            }
            return;
        }
        try {
            Job job = new Job(task, chunks, Math.min(threads, PARTS));
            Worker[] ws = workers();
            for (int i = 0; i + 1 < job.threads; i++) {
                ws[i].offer(job);
            }
            job.work(0);
            job.awaitDone();
            if (job.failure instanceof RuntimeException re) {
                throw re;
            } else if (job.failure instanceof Error er) {
                throw er;
            }
        } finally {
            IN_USE.unlock();
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

    private static Worker[] workers() {
        // Called only while holding IN_USE, so no further synchronisation is needed.
        if (workers == null) {
            Worker[] ws = new Worker[PARTS - 1];
            for (int i = 0; i < ws.length; i++) {
                ws[i] = new Worker(i + 1);
                ws[i].start();
            }
            workers = ws;
        }
        return workers;
    }

    /** One call of {@link #run}: chunks are claimed from {@code next}; {@code done} counts finished ones. */
    private static final class Job {
        final Chunks task;
        final int chunks;
        final int threads;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Job(Chunks task, int chunks, int threads) {
            this.task = task;
            this.chunks = chunks;
            this.threads = threads;
        }

        /** Claims and runs chunks until none is left; a late worker finds none and touches nothing. */
        void work(int participant) {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                try {
                    task.run(participant, c);
                } catch (RuntimeException | Error ex) {
                    failure = ex;
                }
                done.incrementAndGet();
            }
        }

        /** Spins (yielding now and then) until every chunk has finished. */
        void awaitDone() {
            int spins = 0;
            while (done.get() < chunks) {
                if (++spins % 1024 == 0) {
                    Thread.yield();
                } else {
                    Thread.onSpinWait();
                }
            }
        }
    }

    /** A daemon thread that works on each job it is offered; {@code job} is its doorbell. */
    private static final class Worker extends Thread {
        private final int participant;
        private volatile Job job;

        Worker(int participant) {
            super("symmetric-eigen-worker-" + participant);
            this.participant = participant;
            setDaemon(true);
        }

        void offer(Job j) {
            job = j;
            LockSupport.unpark(this);
        }

        @Override
        public void run() {
            Job seen = null;
            while (true) {
                long idleSince = System.nanoTime();
                int spins = 0;
                Job j;
                while ((j = job) == seen) {
                    if (++spins % 64 != 0) {
                        Thread.onSpinWait();
                    } else if (System.nanoTime() - idleSince > SPIN_NANOS) {
                        LockSupport.park(this);
                    }
                }
                seen = j;
                j.work(participant);
            }
        }
    }
}
