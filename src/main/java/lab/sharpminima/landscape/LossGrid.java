package lab.sharpminima.landscape;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;
import lab.sharpminima.compute.Backend;
import lab.sharpminima.engine.LossFunction;

/**
 * A function sampled on a {@code steps × steps} grid of nodes over a {@link Window} of a
 * {@link Plane}: value(i, j) = f(p(a_j, b_i)) with a_j = a0 + j·(a1 − a0)/(steps − 1) and
 * b_i = b0 + i·(b1 − b0)/(steps − 1), both ends included. Rows run over b and columns over a, the
 * layout of the {@code slice} command's {@code loss} (spec/cli.md).
 *
 * <p>Each node costs one full forward pass over the data, so rows are computed in parallel on a
 * small executor (at most {@link #MAX_THREADS} threads, each with its own point buffer). Instances
 * are immutable.
 */
public final class LossGrid {

    /** Threads beyond this rarely pay off for the paper's tiny models on a desktop. */
    public static final int MAX_THREADS = 4;

    private final Window window;
    private final int steps;
    private final double[] a;
    private final double[] b;
    private final double[] values;

    private LossGrid(Window window, int steps, double[] values) {
        this.window = window;
        this.steps = steps;
        this.a = nodes(window.a0(), window.a1(), steps);
        this.b = nodes(window.b0(), window.b1(), steps);
        this.values = values;
    }

    /** L on the grid, with {@link #defaultThreads()} threads; {@link LossFunction} is thread-safe. */
    public static LossGrid compute(Plane plane, LossFunction loss, Window window, int steps) {
        if (plane.dimension() != loss.dimension()) {
            throw new IllegalArgumentException("the plane has dimension " + plane.dimension() + ", the model has "
                    + loss.dimension() + " parameters");
        }
        return compute(plane, loss::value, window, steps, defaultThreads());
    }

    /**
     * f on the grid. With {@code threads > 1}, f is called from several threads at once and must be
     * thread-safe; the point it receives is a buffer owned by the calling thread that it must not keep.
     *
     * @throws IllegalArgumentException when steps &lt; 2 or threads &lt; 1
     */
    public static LossGrid compute(Plane plane, ToDoubleFunction<double[]> f, Window window, int steps,
                                   int threads) {
        checkSteps(steps);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        double[] values = new double[steps * steps];
        LossGrid grid = new LossGrid(window, steps, values);
        int pool = Math.min(threads, steps);
        if (pool == 1) {
            double[] p = new double[plane.dimension()];
            for (int i = 0; i < steps; i++) {
                grid.fillRow(plane, f, i, p);
            }
            return grid;
        }
        runRows(grid, plane, f, pool);
        return grid;
    }

    /** Nodes sent to a {@link Backend} per batch: a block of whole rows, about this many points. */
    static final int BATCH_POINTS = 4096;

    /**
     * L on the grid through a batched {@link Backend}: blocks of whole rows are packed into parameter
     * vectors and evaluated in one call each (on an OpenCL device, one work-group per node). The node
     * coordinates, and so the points, are exactly those of {@link #compute(Plane, LossFunction, Window, int)}.
     */
    public static LossGrid compute(Plane plane, LossFunction loss, Window window, int steps, Backend backend) {
        if (plane.dimension() != loss.dimension()) {
            throw new IllegalArgumentException("the plane has dimension " + plane.dimension() + ", the model has "
                    + loss.dimension() + " parameters");
        }
        checkSteps(steps);
        double[] values = new double[steps * steps];
        LossGrid grid = new LossGrid(window, steps, values);
        int n = plane.dimension();
        int rowsPerBatch = Math.max(1, BATCH_POINTS / steps);
        double[] p = new double[n];
        for (int i0 = 0; i0 < steps; i0 += rowsPerBatch) {
            int rows = Math.min(rowsPerBatch, steps - i0);
            double[] thetas = new double[rows * steps * n];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < steps; j++) {
                    plane.point(grid.a[j], grid.b[i0 + i], p);
                    System.arraycopy(p, 0, thetas, (i * steps + j) * n, n);
                }
            }
            double[] l = backend.losses(loss.network(), loss.kind(), loss.data(), thetas, rows * steps);
            System.arraycopy(l, 0, values, i0 * steps, rows * steps);
        }
        return grid;
    }

    /**
     * A grid of given values, rows over b and columns over a ({@code rows[i][j]} at (a_j, b_i)),
     * e.g. one read back from a {@code slice} file.
     */
    public static LossGrid of(Window window, double[][] rows) {
        int steps = rows.length;
        checkSteps(steps);
        double[] values = new double[steps * steps];
        for (int i = 0; i < steps; i++) {
            if (rows[i].length != steps) {
                throw new IllegalArgumentException("loss row " + i + " has " + rows[i].length + " values, expected "
                        + steps);
            }
            System.arraycopy(rows[i], 0, values, i * steps, steps);
        }
        return new LossGrid(window, steps, values);
    }

    /** min(available processors, {@link #MAX_THREADS}). */
    public static int defaultThreads() {
        return Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    }

    private void fillRow(Plane plane, ToDoubleFunction<double[]> f, int i, double[] p) {
        for (int j = 0; j < steps; j++) {
            values[i * steps + j] = f.applyAsDouble(plane.point(a[j], b[i], p));
        }
    }

    private static void runRows(LossGrid grid, Plane plane, ToDoubleFunction<double[]> f, int pool) {
        ExecutorService exec = Executors.newFixedThreadPool(pool, r -> {
            Thread t = new Thread(r, "loss-grid");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> rows = new ArrayList<>(grid.steps);
            ThreadLocal<double[]> buffer = ThreadLocal.withInitial(() -> new double[plane.dimension()]);
            for (int i = 0; i < grid.steps; i++) {
                int row = i;
                rows.add(exec.submit(() -> grid.fillRow(plane, f, row, buffer.get())));
            }
            for (Future<?> row : rows) {
                row.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing the loss grid", e);
        } catch (ExecutionException e) {
            // The function's own exception (e.g. a bad model) is the one worth reporting.
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("computing the loss grid failed", e.getCause());
        } finally {
            exec.shutdownNow();
        }
    }

    private static void checkSteps(int steps) {
        if (steps < 2) {
            throw new IllegalArgumentException("--steps must be at least 2, got " + steps);
        }
    }

    private static double[] nodes(double lo, double hi, int steps) {
        double[] x = new double[steps];
        double h = (hi - lo) / (steps - 1);
        for (int j = 0; j < steps; j++) {
            x[j] = lo + j * h;
        }
        x[steps - 1] = hi;
        return x;
    }

    public Window window() {
        return window;
    }

    /** Nodes per side. */
    public int steps() {
        return steps;
    }

    /** The value at row i (b_i) and column j (a_j). */
    public double value(int i, int j) {
        return values[i * steps + j];
    }

    /** a_j, the column coordinates. */
    public double a(int j) {
        return a[j];
    }

    /** b_i, the row coordinates. */
    public double b(int i) {
        return b[i];
    }

    public double[] a() {
        return a.clone();
    }

    public double[] b() {
        return b.clone();
    }

    /** Spacing of the columns, (a1 − a0)/(steps − 1). */
    public double da() {
        return window.width() / (steps - 1);
    }

    /** Spacing of the rows, (b1 − b0)/(steps − 1). */
    public double db() {
        return window.height() / (steps - 1);
    }

    /** The values as rows over b (a copy): {@code rows()[i][j]} = value(i, j). */
    public double[][] rows() {
        double[][] r = new double[steps][steps];
        for (int i = 0; i < steps; i++) {
            System.arraycopy(values, i * steps, r[i], 0, steps);
        }
        return r;
    }

    /** The row-major values, not copied: package code only. */
    double[] raw() {
        return values;
    }

    /** The column of the node nearest to a (clamped to the window). */
    public int nearestColumn(double aa) {
        return nearest(aa, window.a0(), da());
    }

    /** The row of the node nearest to b (clamped to the window). */
    public int nearestRow(double bb) {
        return nearest(bb, window.b0(), db());
    }

    private int nearest(double x, double lo, double h) {
        long k = Math.round((x - lo) / h);
        return (int) Math.max(0, Math.min(steps - 1, k));
    }
}
