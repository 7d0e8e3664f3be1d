package lab.sharpminima.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import lab.sharpminima.compute.Backend;
import lab.sharpminima.compute.CpuBackend;
import lab.sharpminima.compute.Precision;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.data.Permutations;
import lab.sharpminima.engine.train.Optimizer;
import lab.sharpminima.engine.train.OptimizerKind;
import lab.sharpminima.gpu.Backends;
import lab.sharpminima.gpu.OpenClBackend;
import lab.sharpminima.gpu.OpenClDevice;
import lab.sharpminima.landscape.LossGrid;
import lab.sharpminima.landscape.Plane;
import lab.sharpminima.landscape.Window;
import lab.sharpminima.measure.EpsilonSharpness;
import lab.sharpminima.measure.VolumeFlatnessMonteCarlo;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench gpu}: the batched workloads of issue 6 on the Java CPU backend and on every OpenCL
 * device, with seconds, achieved GFLOP/s, the ratio to the CPU and, for devices, the fraction of
 * {@link OpenClDevice#nominalPeakGflops}. A 2-32-32-1 relu network with biases, mse, over 1,000 seeded
 * points: (1) the loss on a 256×256 grid of a random plane; (2) ε-sharpness with 1,000 restarts;
 * (3) a Monte-Carlo volume (star test) with 10⁶ points; (4) 1,000 Hessian-vector products at θ
 * ({@link Backend#hessianVectorProducts}, one call); (5) training steps with minibatches of 128 rows
 * ({@link Backend#lossAndGradient} and an Adam update per step, the rows reshuffled each epoch). FLOPs
 * are counted as 2·in·out + out (bias) per layer and sample for a forward pass, 3× that for forward
 * plus backward, 6× per Hessian-vector product (R-forward, R-backward and the two weight products, two
 * matrix products per layer each; the shared pass at θ not counted); activations and the loss are not
 * counted. Each figure is one timed run after a small warm-up (kernel builds and JIT
 * outside the timer). Runs from the jar alone: {@code java -jar sharp-minima-lab.jar bench gpu}.
 */
@Command(name = "gpu", mixinStandardHelpOptions = true,
        description = "Benchmark the batched work (loss grid, eps-sharpness restarts, Monte-Carlo volume, Hessian-vector"
                + " products, minibatch training steps) on the Java CPU and on every OpenCL device.")
final class GpuBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--steps", defaultValue = "256", description = "Grid nodes per side (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--restarts", defaultValue = "1000", description = "eps-sharpness restarts (default ${DEFAULT-VALUE}).")
    int restarts;

    @Option(names = "--max-iterations", defaultValue = "10",
            description = "Ascent steps per restart (default ${DEFAULT-VALUE}).")
    int maxIterations;

    @Option(names = "--mc-samples", defaultValue = "1000000",
            description = "Monte-Carlo points (default ${DEFAULT-VALUE}).")
    int mcSamples;

    @Option(names = "--points", defaultValue = "1000", description = "Data points (default ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--hvps", defaultValue = "1000",
            description = "Hessian-vector products in the batched-HVP row (default ${DEFAULT-VALUE}).")
    int hvps;

    @Option(names = "--train-steps", defaultValue = "1000",
            description = "Training steps in the training row (default ${DEFAULT-VALUE}).")
    int trainSteps;

    @Option(names = "--minibatch", defaultValue = "128", description = "Rows per training step (default ${DEFAULT-VALUE}).")
    int minibatch;

    @Option(names = "--fp32", description = "Also run every device in single precision.")
    boolean fp32;

    @Option(names = "--skip-cpu", description = "Do not time the Java CPU backend (ratios are then omitted).")
    boolean skipCpu;

    private static final long SEED = 20170315;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Network net = new Network(List.of(Layer.of(2, 32, Activation.RELU, true),
                Layer.of(32, 32, Activation.RELU, true), Layer.of(32, 1, Activation.LINEAR, true)));
        LossFunction f = new LossFunction(net, LossKind.MSE, data(points));
        double[] theta = theta(net);
        double fwd = forwardFlops(net) * points;
        out.printf(Locale.ROOT, "bench gpu: %s, mse, %d points, n = %d; %.0f FLOP per forward pass over the data%n",
                net.describe(), points, net.parameterCount(), fwd);
        out.printf(Locale.ROOT, "java %s, %d processors%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        List<Backend> backends = backends(out);
        double[] cpuSeconds = new double[5];
        for (Backend b : backends) {
            boolean cpu = b instanceof CpuBackend;
            double peak = b instanceof OpenClBackend o
                    ? o.device().nominalPeakGflops(b.precision() == Precision.DOUBLE) : Double.NaN;
            out.println();
            out.println(b.name() + (Double.isNaN(peak) ? "" : String.format(Locale.ROOT, "  (nominal peak %.1f GFLOP/s)", peak)));
            warmUp(b, f, theta);
            double[] secs = {grid(b, f, theta), restarts(b, f, theta), volume(b, f, theta), hvps(b, f, theta),
                training(b, f, theta)};
            String[] names = {steps + "x" + steps + " loss grid", restarts + " eps-sharpness restarts",
                "MC volume, " + mcSamples + " points", hvps + " Hessian-vector products",
                trainSteps + " training steps, batch " + minibatch};
            double[] flops = {fwd * steps * steps, lastRestartFlops, lastVolumeFlops, 6.0 * fwd * hvps,
                3.0 * forwardFlops(net) * minibatch * trainSteps};
            double[] perSecond = {Double.NaN, Double.NaN, Double.NaN, hvps, trainSteps};
            String[] unit = {"", "", "", "HVP/s", "steps/s"};
            for (int k = 0; k < secs.length; k++) {
                if (cpu) {
                    cpuSeconds[k] = secs[k];
                }
                double gflops = flops[k] / secs[k] / 1e9;
                String rate = Double.isNaN(perSecond[k]) ? ""
                        : String.format(Locale.ROOT, "  %9.1f %s", perSecond[k] / secs[k], unit[k]);
                out.printf(Locale.ROOT, "  %-34s %9.3f s  %8.2f GFLOP/s%s%s%s%n", names[k], secs[k], gflops,
                        cpu || cpuSeconds[k] == 0 ? "" : String.format(Locale.ROOT, "  %6.2fx the CPU", cpuSeconds[k] / secs[k]),
                        Double.isNaN(peak) ? "" : String.format(Locale.ROOT, "  %5.1f%% of peak", 100 * gflops / peak),
                        rate);
            }
            out.println("  " + lastAgreement);
            out.println("  " + secondOrderAgreement);
            b.close();
        }
        out.flush();
        return Cli.OK;
    }

    private double[] referenceGrid;
    private double lastRestartFlops;
    private double lastVolumeFlops;
    private String lastAgreement = "";

    private List<Backend> backends(PrintWriter out) {
        List<Backend> list = new ArrayList<>();
        if (!skipCpu) {
            list.add(CpuBackend.defaults());
        }
        List<OpenClDevice> devices;
        try {
            devices = Backends.devices();
        } catch (Throwable e) {
            out.println("note: no OpenCL driver (" + e.getMessage() + "); only the CPU is timed");
            return list;
        }
        if (OpenClDevice.skippedNote() != null) {
            out.println("note: " + OpenClDevice.skippedNote());
        }
        if (devices.isEmpty()) {
            out.println("note: no OpenCL platform; only the CPU is timed");
        }
        for (int i = 0; i < devices.size(); i++) {
            OpenClDevice d = devices.get(i);
            out.println("device " + i + ": " + d.describe());
            if (d.fp64()) {
                list.add(new OpenClBackend(d, Precision.DOUBLE));
            }
            if (fp32 || !d.fp64()) {
                list.add(new OpenClBackend(d, Precision.SINGLE));
            }
        }
        return list;
    }

    private void warmUp(Backend b, LossFunction f, double[] theta) {
        Plane plane = plane(theta);
        LossGrid.compute(plane, f, Window.square(-1, 1), 4, b);
        new EpsilonSharpness(0.05, 2, 2, SEED).measure(f, theta, b);
        int n = theta.length;
        b.hessianVectorProducts(f.network(), f.kind(), f.data(), theta, new double[2 * n], 2, new double[2 * n]);
        b.lossAndGradient(f.network(), f.kind(), f.data(), theta, new int[] {0, 1, 2}, 0, 3, new double[n]);
    }

    private double[] referenceProducts;
    private double referenceTrainedLoss = Double.NaN;
    private String secondOrderAgreement = "";

    /** {@code hvps} seeded Gaussian directions, one batched call. */
    private double hvps(Backend b, LossFunction f, double[] theta) {
        int n = theta.length;
        Random rnd = new Random(SEED + 3);
        double[] vs = new double[hvps * n];
        for (int i = 0; i < vs.length; i++) {
            vs[i] = rnd.nextGaussian();
        }
        double[] out = new double[hvps * n];
        long t0 = System.nanoTime();
        b.hessianVectorProducts(f.network(), f.kind(), f.data(), theta, vs, hvps, out);
        double s = (System.nanoTime() - t0) / 1e9;
        if (referenceProducts == null) {
            referenceProducts = out;
        } else {
            secondOrderAgreement = String.format(Locale.ROOT, "HVPs: max |difference| / max |Hv| = %.2e; ",
                    relativeDifference(out, referenceProducts));
        }
        return s;
    }

    /**
     * {@code trainSteps} Adam steps (η = 1e-3) from θ, each on a full minibatch of {@code minibatch} rows
     * taken in a seeded shuffled order, reshuffled when fewer than a minibatch remain.
     */
    private double training(Backend b, LossFunction f, double[] theta) {
        int rows = f.data().size();
        int[] order = new int[rows];
        java.util.Arrays.setAll(order, i -> i);
        Random rnd = new Random(SEED + 4);
        Optimizer adam = OptimizerKind.ADAM.create(1e-3);
        double[] t = theta.clone();
        double[] g = new double[t.length];
        int batch = Math.min(minibatch, rows);
        long t0 = System.nanoTime();
        for (int step = 0, from = rows; step < trainSteps; step++, from += batch) {
            if (from + batch > rows) {
                Permutations.shuffle(order, rnd);
                from = 0;
            }
            b.lossAndGradient(f.network(), f.kind(), f.data(), t, order, from, from + batch, g);
            adam.step(t, g);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        double loss = f.value(t);
        if (Double.isNaN(referenceTrainedLoss)) {
            referenceTrainedLoss = loss;
            secondOrderAgreement = String.format(Locale.ROOT, "training: loss %.6g -> %.6g", f.value(theta), loss);
        } else {
            secondOrderAgreement += String.format(Locale.ROOT, "trained loss %.10g vs %.10g (relative %.2e)", loss,
                    referenceTrainedLoss, Math.abs(loss - referenceTrainedLoss) / Math.abs(referenceTrainedLoss));
        }
        return s;
    }

    private static double relativeDifference(double[] a, double[] reference) {
        double scale = 0;
        double err = 0;
        for (int i = 0; i < a.length; i++) {
            scale = Math.max(scale, Math.abs(reference[i]));
            err = Math.max(err, Math.abs(a[i] - reference[i]));
        }
        return err / scale;
    }

    private double grid(Backend b, LossFunction f, double[] theta) {
        long t0 = System.nanoTime();
        LossGrid g = LossGrid.compute(plane(theta), f, Window.square(-1, 1), steps, b);
        double s = (System.nanoTime() - t0) / 1e9;
        double[] flat = new double[steps * steps];
        for (int i = 0; i < steps; i++) {
            for (int j = 0; j < steps; j++) {
                flat[i * steps + j] = g.value(i, j);
            }
        }
        if (referenceGrid == null) {
            referenceGrid = flat;
            lastAgreement = "reference backend";
        } else {
            double scale = 0;
            double err = 0;
            for (int i = 0; i < flat.length; i++) {
                scale = Math.max(scale, Math.abs(referenceGrid[i]));
                err = Math.max(err, Math.abs(flat[i] - referenceGrid[i]));
            }
            lastAgreement = String.format(Locale.ROOT, "grid: max |difference| / max |L| against the first backend = %.2e",
                    err / scale);
        }
        return s;
    }

    private double restarts(Backend b, LossFunction f, double[] theta) {
        long t0 = System.nanoTime();
        EpsilonSharpness.Result r = new EpsilonSharpness(0.05, restarts, maxIterations, SEED).measure(f, theta, b);
        double s = (System.nanoTime() - t0) / 1e9;
        // Every objective pass is a forward and backward pass over the data.
        lastRestartFlops = 3.0 * forwardFlops(f.network()) * f.data().size() * r.evaluations();
        return s;
    }

    private double volume(Backend b, LossFunction f, double[] theta) {
        VolumeFlatnessMonteCarlo mc = new VolumeFlatnessMonteCarlo(mcSamples, 4, SEED, 1,
                VolumeFlatnessMonteCarlo.Connectivity.STAR, 8);
        VolumeFlatnessMonteCarlo.Box box = VolumeFlatnessMonteCarlo.Box.cube(theta, 0.02);
        double level = f.value(theta) + 0.05;
        long t0 = System.nanoTime();
        VolumeFlatnessMonteCarlo.Estimate e = mc.estimate(f, b, theta, level, box);
        double s = (System.nanoTime() - t0) / 1e9;
        lastVolumeFlops = forwardFlops(f.network()) * f.data().size() * ((double) mcSamples + 3.0 * e.inSublevel());
        return s;
    }

    private static Plane plane(double[] theta) {
        Random rnd = new Random(SEED + 1);
        double[] d1 = new double[theta.length];
        double[] d2 = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            d1[i] = rnd.nextGaussian() * 0.05;
            d2[i] = rnd.nextGaussian() * 0.05;
        }
        return Plane.through(theta, d1, d2);
    }

    /** Σ_k (2·in·out + out·[bias]) per sample. */
    static double forwardFlops(Network net) {
        double s = 0;
        for (Layer l : net.layers()) {
            s += 2.0 * l.in() * l.out() + (l.bias() ? l.out() : 0);
        }
        return s;
    }

    private static Dataset data(int n) {
        Random rnd = new Random(SEED);
        DMatrixRMaj x = new DMatrixRMaj(n, 2);
        DMatrixRMaj y = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            double a = rnd.nextGaussian();
            double b = rnd.nextGaussian();
            x.set(i, 0, a);
            x.set(i, 1, b);
            y.set(i, 0, Math.sin(2 * a) * Math.cos(b) + 0.1 * rnd.nextGaussian());
        }
        return new Dataset(x, y);
    }

    /** He-scaled Gaussian weights, zero biases. */
    private static double[] theta(Network net) {
        Random rnd = new Random(SEED + 2);
        double[] t = new double[net.parameterCount()];
        for (int k = 0; k < net.depth(); k++) {
            Layer l = net.layer(k);
            double sd = Math.sqrt(2.0 / l.in());
            for (int i = 0; i < l.weightCount(); i++) {
                t[net.offset(k) + i] = sd * rnd.nextGaussian();
            }
        }
        return t;
    }
}
