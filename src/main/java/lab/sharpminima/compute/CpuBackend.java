package lab.sharpminima.compute;

import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.HessianOperator;
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
 *
 * <p>Hessian-vector products share one {@link HessianOperator} (the forward and backward pass at θ)
 * and spread the directions over the threads: each product is that of
 * {@link LossFunction#hessianVectorProduct}, bit for bit. A minibatch's loss and gradient is
 * {@code LossFunction.gradient} on its rows when it holds at most {@link #CHUNK} rows (so a training
 * run through this backend takes the same steps as the engine's); a larger one is cut into chunks of
 * {@link #CHUNK} rows in order, evaluated in parallel and added in chunk order, each chunk weighted by
 * its share of the rows, so the result does not depend on the number of threads either.
 */
public final class CpuBackend implements Backend {

    /** Rows per chunk of a large minibatch. */
    public static final int CHUNK = 512;

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

    @Override
    public void hessianVectorProducts(Network net, LossKind loss, Dataset data, double[] theta, double[] vs, int count,
                                      double[] out) {
        Backend.checkPacked(net, theta, 1, "theta");
        Backend.checkPacked(net, vs, count, "directions");
        Backend.checkPacked(net, out, count, "products");
        int n = net.parameterCount();
        HessianOperator h = new LossFunction(net, loss, data).hessianOperator(Arrays.copyOf(theta, n));
        run(count, r -> {
            double[] hv = new double[n];
            h.apply(Arrays.copyOfRange(vs, r * n, r * n + n), hv);
            System.arraycopy(hv, 0, out, r * n, n);
        });
    }

    @Override
    public double lossAndGradient(Network net, LossKind loss, Dataset data, double[] theta, int[] rows, int from,
                                  int to, double[] gradient) {
        Backend.checkPacked(net, theta, 1, "theta");
        Backend.checkPacked(net, gradient, 1, "gradient");
        Backend.checkRows(data, rows, from, to);
        int n = net.parameterCount();
        double[] t = Arrays.copyOf(theta, n);
        int size = to - from;
        if (size <= CHUNK) {
            return new LossFunction(net, loss, data.rows(Arrays.copyOfRange(rows, from, to))).gradient(t, gradient);
        }
        int chunks = (size + CHUNK - 1) / CHUNK;
        double[][] grads = new double[chunks][n];
        double[] losses = new double[chunks];
        run(chunks, c -> {
            int a = from + c * CHUNK;
            int b = Math.min(to, a + CHUNK);
            LossFunction f = new LossFunction(net, loss, data.rows(Arrays.copyOfRange(rows, a, b)));
            losses[c] = f.gradient(t, grads[c]);
        });
        Arrays.fill(gradient, 0, n, 0.0);
        double sum = 0;
        for (int c = 0; c < chunks; c++) {
            double w = (double) (Math.min(to, from + (c + 1) * CHUNK) - (from + c * CHUNK)) / size;
            sum += w * losses[c];
            for (int i = 0; i < n; i++) {
                gradient[i] += w * grads[c][i];
            }
        }
        return sum;
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
            throw new IllegalStateException("interrupted during a batched evaluation", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("a batched evaluation failed", e.getCause());
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
