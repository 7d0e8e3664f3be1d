package lab.sharpminima.landscape;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import lab.sharpminima.compute.FastForward;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;

/**
 * L(θ + a·d1 + b·d2) evaluated fast on many (a, b) at once: the loss-only forward pass of
 * {@link lab.sharpminima.engine.LossFunction#value}, arranged for a grid.
 *
 * <p>Each worker thread keeps one point buffer and one {@link FastForward} workspace and reuses them
 * for every point of its rows: nothing is allocated per point. The point θ + a·d1 + b·d2 is formed in
 * the same order as {@link Plane#point}, and {@code FastForward} evaluates the loss there with the
 * operations of {@code LossFunction} in the same order, so for the engine's small products (below
 * its multi-threading threshold) each value is the same double as {@code LossFunction.value} at that
 * point, and the {@code slice} contract (equal to direct evaluation to 1e-12) holds at any loss
 * magnitude.
 * (Expanding the first layer as X·W + a·X·D1 + b·X·D2, affine in (a, b), would save nothing for two
 * inputs and regroups the sums, which loses that equality on large losses.)
 *
 * <p>Points are independent, so the values do not depend on the thread count. Instances are
 * immutable and thread-safe.
 */
public final class PlaneLoss {

    private final FastForward forward;
    private final double[] theta;
    private final double[] d1;
    private final double[] d2;

    /**
     * @throws IllegalArgumentException when the lengths differ from the network's parameter count or
     *                                  the data does not fit the network
     */
    public PlaneLoss(Network net, LossKind kind, Dataset data, double[] theta, double[] d1, double[] d2) {
        int n = net.parameterCount();
        if (theta.length != n || d1.length != n || d2.length != n) {
            throw new IllegalArgumentException("θ, d1 and d2 need " + n + " entries each, got " + theta.length
                    + ", " + d1.length + " and " + d2.length);
        }
        this.forward = new FastForward(net, kind, data);
        this.theta = theta.clone();
        this.d1 = d1.clone();
        this.d2 = d2.clone();
    }

    /** Samples per block of the forward pass ({@link FastForward#BLOCK}). */
    static final int BLOCK = FastForward.BLOCK;

    /** L(θ + a·d1 + b·d2). */
    public double value(double a, double b) {
        return new Workspace().value(a, b);
    }

    /**
     * The loss on the grid a × b: {@code result[i][j]} = L(θ + a[j]·d1 + b[i]·d2), rows over b and
     * columns over a, computed by {@code threads} workers, one row at a time.
     *
     * @throws IllegalArgumentException when threads &lt; 1
     */
    public double[][] grid(double[] a, double[] b, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        double[][] rows = new double[b.length][];
        int pool = Math.min(threads, b.length);
        if (pool <= 1) {
            Workspace ws = new Workspace();
            for (int i = 0; i < b.length; i++) {
                rows[i] = ws.row(a, b[i]);
            }
            return rows;
        }
        runParallel(a, b, rows, pool);
        return rows;
    }

    private void runParallel(double[] a, double[] b, double[][] rows, int pool) {
        ExecutorService exec = Executors.newFixedThreadPool(pool, r -> {
            Thread t = new Thread(r, "plane-loss");
            t.setDaemon(true);
            return t;
        });
        try {
            ThreadLocal<Workspace> local = ThreadLocal.withInitial(Workspace::new);
            List<Future<?>> futures = new ArrayList<>(b.length);
            for (int i = 0; i < b.length; i++) {
                int row = i;
                futures.add(exec.submit(() -> {
                    rows[row] = local.get().row(a, b[row]);
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing the slice", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("computing the slice failed", e.getCause());
        } finally {
            exec.shutdownNow();
        }
    }

    /**
     * One worker's buffers: the point θ + a·d1 + b·d2 and the {@link FastForward} workspace that
     * evaluates the loss there.
     */
    private final class Workspace {
        private final double[] point = new double[theta.length];
        private final FastForward.Workspace eval = forward.workspace();

        double[] row(double[] a, double b) {
            double[] out = new double[a.length];
            for (int j = 0; j < a.length; j++) {
                out[j] = value(a[j], b);
            }
            return out;
        }

        /** The loss at (a, b), the point formed by the same sum as {@link Plane#point}. */
        double value(double a, double b) {
            for (int i = 0; i < point.length; i++) {
                point[i] = theta[i] + a * d1[i] + b * d2[i];
            }
            return eval.value(point, 0);
        }
    }

}
