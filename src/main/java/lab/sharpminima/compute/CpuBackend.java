package lab.sharpminima.compute;

import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;

/**
 * The reference backend: the parameter vectors spread over a fixed pool of threads. Losses come from
 * {@link FastForward} (blocked, vectorised forward pass, one workspace per thread), which gives the
 * same double as {@link LossFunction#value}; where a layer's product is large enough for the engine's
 * concurrent kernels ({@link FastForward#matchesEngine} false) they come from {@code LossFunction}
 * itself. Gradients come from {@link LossFunction#gradient}. Results do not depend on the number of
 * threads: each vector is evaluated exactly as {@code LossFunction} would.
 */
public final class CpuBackend implements Backend {

    private final int threads;
    private final ForkJoinPool pool;

    /** @param threads worker threads, at least 1 */
    public CpuBackend(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads);
    }

    /** One thread per available processor. */
    public static CpuBackend defaults() {
        return new CpuBackend(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    @Override
    public String name() {
        return "cpu (" + threads + (threads == 1 ? " thread)" : " threads)");
    }

    @Override
    public Precision precision() {
        return Precision.DOUBLE;
    }

    @Override
    public double[] losses(Network net, LossKind loss, Dataset data, double[] thetas, int count) {
        Backend.checkPacked(net, thetas, count, "thetas");
        FastForward fast = new FastForward(net, loss, data);
        int n = net.parameterCount();
        double[] out = new double[count];
        if (!fast.matchesEngine()) {
            LossFunction f = new LossFunction(net, loss, data);
            run(count, r -> out[r] = f.value(Arrays.copyOfRange(thetas, r * n, r * n + n)));
            return out;
        }
        ThreadLocal<FastForward.Workspace> local = ThreadLocal.withInitial(fast::workspace);
        run(count, r -> out[r] = local.get().value(thetas, r * n));
        return out;
    }

    @Override
    public double[] lossesAndGradients(Network net, LossKind loss, Dataset data, double[] thetas, int count,
                                       double[] gradients) {
        Backend.checkPacked(net, thetas, count, "thetas");
        Backend.checkPacked(net, gradients, count, "gradients");
        LossFunction f = new LossFunction(net, loss, data);
        int n = net.parameterCount();
        double[] out = new double[count];
        run(count, r -> {
            double[] g = new double[n];
            out[r] = f.gradient(Arrays.copyOfRange(thetas, r * n, r * n + n), g);
            System.arraycopy(g, 0, gradients, r * n, n);
        });
        return out;
    }

    private void run(int count, IntConsumer task) {
        if (pool == null || count < 2) {
            for (int r = 0; r < count; r++) {
                task.accept(r);
            }
            return;
        }
        try {
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(task)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a batched loss evaluation", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("a batched loss evaluation failed", e.getCause());
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
