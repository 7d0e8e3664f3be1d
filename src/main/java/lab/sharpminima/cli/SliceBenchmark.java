package lab.sharpminima.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleSupplier;

import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.data.BuiltinDataset;
import lab.sharpminima.engine.train.Initializer;
import lab.sharpminima.landscape.Directions;
import lab.sharpminima.landscape.LossGrid;
import lab.sharpminima.landscape.Plane;
import lab.sharpminima.landscape.Slice2D;
import lab.sharpminima.landscape.Window;

/**
 * The {@code slice} workload of {@code bench} (issue 5, item 6): a 51 × 51 slice over 1,000 two-moons
 * points through a 2-16-16-1 relu network with biases (one output, so MSE on ±1 class targets),
 * along filter-normalised directions. Timed once cold (the first slice of the process, as a single
 * {@code slice} command pays it), then with {@link Slice2D} on 1
 * thread and on every processor, and, for comparison, with one {@link LossFunction#value} per node
 * ({@link LossGrid#compute}, the path the figures use).
 */
final class SliceBenchmark {

    static final int STEPS = 51;
    static final int SAMPLES = 1000;

    private SliceBenchmark() {
    }

    /** Best seconds of {@code repeats} runs after one warm-up, for each way of computing the slice. */
    static Map<String, Object> run(int repeats) {
        Network net = Network.mlp(new int[] {2, 16, 16, 1}, Activation.RELU, true);
        Dataset moons = BuiltinDataset.MOONS.generate(SAMPLES, 0.1, 1);
        Dataset data = new Dataset(moons.x(), plusMinusOne(moons));
        LossFunction f = new LossFunction(net, LossKind.MSE, data);
        double[] theta = Initializer.he(net, 2);
        Random rnd = new Random(3);
        double[] d1 = Directions.filterNormalized(net, theta, rnd);
        double[] d2 = Directions.filterNormalized(net, theta, rnd);
        Window w = Window.square(-1, 1);
        int cores = Slice2D.defaultThreads();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", net.describe());
        m.put("n", net.parameterCount());
        m.put("samples", SAMPLES);
        m.put("grid", STEPS + "x" + STEPS);
        m.put("threads", cores);
        long cold = System.nanoTime();
        double first = Slice2D.compute(f, theta, d1, d2, w, STEPS, cores).grid().value(0, 0);
        // The first slice of the process, JIT compilation included (cold only when slice runs first).
        m.put("firstSliceSeconds", (System.nanoTime() - cold) / 1e9);
        if (Double.isNaN(first)) {
            throw new IllegalStateException("the benchmark slice has a NaN loss");
        }
        m.put("sliceSeconds", best(repeats, () -> Slice2D.compute(f, theta, d1, d2, w, STEPS, cores).grid().value(0, 0)));
        m.put("slice1ThreadSeconds", best(repeats, () -> Slice2D.compute(f, theta, d1, d2, w, STEPS, 1).grid().value(0, 0)));
        m.put("slice1ThreadCpuSeconds", bestCpu(repeats, () -> Slice2D.compute(f, theta, d1, d2, w, STEPS, 1).grid().value(0, 0)));
        m.put("perNodeLossFunctionSeconds", best(repeats,
                () -> LossGrid.compute(Plane.through(theta, d1, d2), f::value, w, STEPS, cores).value(0, 0)));
        return m;
    }

    /** The class-1 column of the one-hot targets as ±1, one output for MSE. */
    private static org.ejml.data.DMatrixRMaj plusMinusOne(Dataset d) {
        org.ejml.data.DMatrixRMaj y = new org.ejml.data.DMatrixRMaj(d.size(), 1);
        for (int i = 0; i < d.size(); i++) {
            y.data[i] = d.y().get(i, d.y().numCols - 1) > 0.5 ? 1 : -1;
        }
        return y;
    }

    /**
     * Best CPU seconds of the calling thread (ThreadMXBean) for single-threaded work: on a shared,
     * loaded machine this is the cost of the work itself, without the time spent waiting for a core.
     */
    private static double bestCpu(int repeats, DoubleSupplier work) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        double sink = work.getAsDouble();
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats; r++) {
            long t = mx.getCurrentThreadCpuTime();
            sink += work.getAsDouble();
            best = Math.min(best, (mx.getCurrentThreadCpuTime() - t) / 1e9);
        }
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("the benchmark slice has a NaN loss");
        }
        return best;
    }

    private static double best(int repeats, DoubleSupplier work) {
        double sink = work.getAsDouble();
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats; r++) {
            long t = System.nanoTime();
            sink += work.getAsDouble();
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("the benchmark slice has a NaN loss");
        }
        return best;
    }
}
