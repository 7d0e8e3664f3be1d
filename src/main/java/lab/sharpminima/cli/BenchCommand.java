package lab.sharpminima.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.HessianOperator;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.train.OptimizerKind;
import lab.sharpminima.engine.train.Trainer;
import lab.sharpminima.engine.train.TrainingConfig;
import lab.sharpminima.engine.train.TrainingListener;
import lab.sharpminima.linalg.Lanczos;
import lab.sharpminima.linalg.PowerIteration;
import lab.sharpminima.linalg.SymmetricEigen;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: times the engine on the workloads of {@code bench/README.md} and, with
 * {@code --torch}, runs the same work in PyTorch in the same run and prints the ratios
 * (PyTorch seconds ÷ our seconds: above 1 means we are faster). Compute only: data generation and
 * start-up are outside the timers; each figure is the best of {@code --repeats} after a warm-up.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = GpuBenchCommand.class,
        description = "Benchmark the engine (and PyTorch with --torch) on the workloads of bench/README.md.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--repeats", defaultValue = "3", description = "Timed runs per figure, after one warm-up (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--only", split = ",", description = "Subset of: dense, top5, rates, training, slice.")
    List<String> only;

    @Option(names = "--torch", paramLabel = "PYTHON",
            description = "Python with PyTorch (e.g. /usr/bin/python3): also run bench/torch_bench.py and print ratios.")
    String python;

    @Option(names = "--torch-script", defaultValue = "bench/torch_bench.py", description = "The PyTorch side (default ${DEFAULT-VALUE}).")
    Path torchScript;

    @Override
    public Integer call() throws Exception {
        if (repeats < 1) {
            throw new BadInputException("--repeats must be at least 1");
        }
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("machine", machine());
        Map<String, Map<String, Object>> java = new LinkedHashMap<>();
        if (wants("dense")) {
            err.println("bench: dense Hessian + spectrum, 2-32-32-1, n = 1,120 …");
            java.put("denseHessian", denseHessian());
        }
        if (wants("top5")) {
            err.println("bench: top-5 eigenvalues, 784-128-64-10, n = 109,386 …");
            java.put("top5", top5());
        }
        if (wants("rates")) {
            err.println("bench: HVP rate and forward/backward throughput …");
            java.put("rates", rates());
        }
        if (wants("training")) {
            err.println("bench: training epochs per second, 2-16-16-1 …");
            java.put("training", training());
        }
        if (wants("slice")) {
            err.println("bench: 51×51 loss slice over 1,000 points, 2-16-16-1 …");
            java.put("slice", SliceBenchmark.run(repeats));
        }
        out.put("java", java);
        if (python != null) {
            err.println("bench: PyTorch (" + python + " " + torchScript + ") …");
            JsonNode torch = runTorch();
            out.put("torch", torch);
            out.put("ratios", ratios(java, torch));
        }
        Json.print(spec.commandLine().getOut(), out);
        return Cli.OK;
    }

    private boolean wants(String name) {
        return only == null || only.contains(name);
    }

    /** Best wall time in seconds of {@code repeats} runs after one untimed warm-up. */
    private double best(Runnable work) {
        work.run();
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats; r++) {
            long t = System.nanoTime();
            work.run();
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        return best;
    }

    private static <T> T timed(Supplier<T> s, double[] seconds) {
        long t = System.nanoTime();
        T v = s.get();
        seconds[0] = (System.nanoTime() - t) / 1e9;
        return v;
    }

    // ----------------------------------------------------------------- workloads (bench/README.md)

    /** (a) 2-32-32-1 relu, no biases, 512 samples, mse; θ_k ~ N(0, 2/in). */
    private Map<String, Object> denseHessian() {
        Random rnd = new Random(1);
        Network net = Network.mlp(new int[] {2, 32, 32, 1}, Activation.RELU, false);
        LossFunction f = new LossFunction(net, LossKind.MSE, gaussianData(512, 2, 1, rnd));
        double[] theta = heNormal(net, rnd);
        double hessian = best(() -> f.hessian(theta));
        DMatrixRMaj h = f.hessian(theta);
        double eig = best(() -> SymmetricEigen.decompose(h, false));
        double total = best(() -> SymmetricEigen.decompose(f.hessian(theta), false));
        SymmetricEigen e = SymmetricEigen.decompose(h, false);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", net.parameterCount());
        m.put("samples", 512);
        m.put("hessianSeconds", hessian);
        m.put("eigenvaluesSeconds", eig);
        m.put("totalSeconds", total);
        m.put("spectralNorm", e.spectralNorm());
        m.put("trace", e.trace());
        return m;
    }

    /** The 784-128-64-10 relu network with biases on 1,000 samples, cross-entropy (workloads b, c). */
    private record BigNet(Network net, LossFunction f, double[] theta) {
    }

    private static BigNet bigNet() {
        Random rnd = new Random(2);
        Network net = Network.mlp(new int[] {784, 128, 64, 10}, Activation.RELU, true);
        DMatrixRMaj x = new DMatrixRMaj(1000, 784);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rnd.nextGaussian();
        }
        DMatrixRMaj y = new DMatrixRMaj(1000, 10);
        for (int i = 0; i < 1000; i++) {
            y.set(i, rnd.nextInt(10), 1.0);
        }
        double[] theta = new double[net.parameterCount()];
        for (int k = 0; k < net.depth(); k++) {
            double bound = 1 / Math.sqrt(net.layer(k).in());
            for (int i = net.offset(k); i < net.end(k); i++) {
                theta[i] = bound * (2 * rnd.nextDouble() - 1);
            }
        }
        return new BigNet(net, new LossFunction(net, LossKind.CROSS_ENTROPY, new Dataset(x, y)), theta);
    }

    /** (b) top-5 eigenvalues to relative tolerance 1e-3: Lanczos (ours) and PyHessian's power iteration. */
    private Map<String, Object> top5() {
        BigNet b = bigNet();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", b.net().parameterCount());
        m.put("samples", 1000);
        double[] sec = new double[1];
        List<Lanczos.Result> lanczos = new ArrayList<>();
        double lanczosSeconds = best(() -> lanczos.add(Lanczos.of(5, Lanczos.Which.LARGEST_ALGEBRAIC)
                .withTolerance(1e-3).withSeed(3).solve(b.f().hessianOperator(b.theta()))));
        Lanczos.Result l = lanczos.get(lanczos.size() - 1);
        m.put("lanczosSeconds", lanczosSeconds);
        m.put("lanczosHvpCount", l.applications());
        m.put("lanczosConverged", l.converged());
        m.put("lanczosEigenvalues", l.eigenvalues());
        PowerIteration.Result p = timed(() -> PowerIteration.of(5).withSeed(4)
                .solve(b.f().hessianOperator(b.theta())), sec);
        m.put("powerIterationSeconds", sec[0]);
        m.put("powerIterationHvpCount", p.applications());
        m.put("powerIterationSecondsPerHvp", sec[0] / p.applications());
        m.put("powerIterationEigenvalues", p.eigenvalues());
        return m;
    }

    /** (c) HVPs per second at a fixed θ, and forward+loss+backward GFLOP/s, beside the machine's peak. */
    private Map<String, Object> rates() {
        BigNet b = bigNet();
        int n = b.net().parameterCount();
        double[] v = new double[n];
        Random rnd = new Random(5);
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextGaussian();
        }
        double[] hv = new double[n];
        HessianOperator h = b.f().hessianOperator(b.theta());
        double hvp = best(() -> h.apply(v, hv));
        double fromScratch = best(() -> b.f().hessianVectorProduct(b.theta(), v, hv));
        double[] g = new double[n];
        double fb = best(() -> b.f().gradient(b.theta(), g));
        double flops = 3.0 * 2 * 1000 * (784 * 128 + 128 * 64 + 64 * 10);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("samples", 1000);
        m.put("hvpPerSecondRetainedGraph", 1 / hvp);
        m.put("hvpPerSecondFromScratch", 1 / fromScratch);
        m.put("forwardBackwardSeconds", fb);
        m.put("forwardBackwardFlops", flops);
        m.put("forwardBackwardGflops", flops / fb / 1e9);
        m.put("peakGflops", peakGflops());
        return m;
    }

    /** (d) 2-16-16-1 relu with biases, 1,000 points, y = sin(x₁) + 0.1·N(0,1), plain SGD lr 0.01. */
    private Map<String, Object> training() {
        Random rnd = new Random(6);
        Network net = Network.mlp(new int[] {2, 16, 16, 1}, Activation.RELU, true);
        DMatrixRMaj x = new DMatrixRMaj(1000, 2);
        DMatrixRMaj y = new DMatrixRMaj(1000, 1);
        for (int i = 0; i < 1000; i++) {
            x.set(i, 0, rnd.nextGaussian());
            x.set(i, 1, rnd.nextGaussian());
            y.set(i, 0, Math.sin(x.get(i, 0)) + 0.1 * rnd.nextGaussian());
        }
        Dataset d = new Dataset(x, y);
        double[] theta0 = heNormal(net, rnd);
        double gd = best(() -> new Trainer(net, LossKind.MSE, d, null,
                new TrainingConfig(OptimizerKind.GD, 0.01, 0, 200, 1)).train(theta0, TrainingListener.NONE));
        double sgd = best(() -> new Trainer(net, LossKind.MSE, d, null,
                new TrainingConfig(OptimizerKind.SGD, 0.01, 32, 20, 1)).train(theta0, TrainingListener.NONE));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", net.parameterCount());
        m.put("samples", 1000);
        m.put("gdEpochsPerSecond", 200 / gd);
        m.put("sgdEpochsPerSecond", 20 / sgd);
        m.put("sgdStepsPerEpoch", 32);
        m.put("note", "sgd epochs also evaluate the full training loss once for the progress report; gd reuses the forward pass of its step");
        return m;
    }

    private static Dataset gaussianData(int rows, int in, int out, Random rnd) {
        DMatrixRMaj x = new DMatrixRMaj(rows, in);
        DMatrixRMaj y = new DMatrixRMaj(rows, out);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rnd.nextGaussian();
        }
        for (int i = 0; i < y.data.length; i++) {
            y.data[i] = rnd.nextGaussian();
        }
        return new Dataset(x, y);
    }

    private static double[] heNormal(Network net, Random rnd) {
        double[] theta = new double[net.parameterCount()];
        for (int k = 0; k < net.depth(); k++) {
            double sd = Math.sqrt(2.0 / net.layer(k).in());
            for (int i = net.offset(k); i < net.offset(k) + net.layer(k).weightCount(); i++) {
                theta[i] = sd * rnd.nextGaussian();
            }
        }
        return theta;
    }

    // ----------------------------------------------------------------- machine, PyTorch, ratios

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpu", cpuInfo("model name"));
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("mhz", cpuMhz());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("peakGflops", peakGflops());
        return m;
    }

    /** cores × GHz × 16: two 256-bit FMA units, 4 doubles each, 2 flops per FMA (AVX2). */
    private static double peakGflops() {
        double mhz = cpuMhz();
        return Double.isNaN(mhz) ? Double.NaN : Runtime.getRuntime().availableProcessors() * mhz / 1000 * 16;
    }

    private static double cpuMhz() {
        String s = cpuInfo("cpu MHz");
        try {
            return s == null ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String cpuInfo(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private JsonNode runTorch() throws IOException, InterruptedException {
        if (!Files.isRegularFile(torchScript)) {
            throw new BadInputException("--torch-script " + torchScript + " does not exist (run from the project folder)");
        }
        List<String> cmd = new ArrayList<>(List.of(python, torchScript.toString(), "--repeats", String.valueOf(repeats)));
        if (only != null) {
            cmd.add("--only");
            cmd.add(String.join(",", only.stream().map(BenchCommand::torchName).toList()));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        // Let OpenBLAS pick its own kernel (some machines pin an older one through these variables).
        pb.environment().remove("OPENBLAS_CORETYPE");
        pb.environment().remove("OPENBLAS_L2_SIZE");
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new BadInputException("--torch " + python + " cannot be started: " + e.getMessage());
        }
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new BadInputException("the PyTorch side failed (exit " + p.exitValue() + "); see its messages above");
        }
        return new ObjectMapper().readTree(text);
    }

    private static String torchName(String javaName) {
        return switch (javaName) {
            case "dense" -> "dense";
            case "top5" -> "power";
            default -> javaName;
        };
    }

    /** PyTorch seconds ÷ ours (or our rate ÷ PyTorch's): above 1 means we are faster. */
    private static Map<String, Object> ratios(Map<String, Map<String, Object>> java, JsonNode torch) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (String dtype : new String[] {"float32", "float64"}) {
            Map<String, Object> x = new LinkedHashMap<>();
            JsonNode dense = torch.get("denseHessian." + dtype);
            if (dense != null && java.containsKey("denseHessian")) {
                x.put("denseHessianTotal", dense.get("totalSeconds").asDouble()
                        / (double) java.get("denseHessian").get("totalSeconds"));
            }
            JsonNode power = torch.get("powerIteration." + dtype);
            if (power != null && java.containsKey("top5")) {
                x.put("top5LanczosVsTorchPowerIteration", power.get("totalSeconds").asDouble()
                        / (double) java.get("top5").get("lanczosSeconds"));
                x.put("top5PowerIterationPerHvp", power.get("secondsPerHvp").asDouble()
                        / (double) java.get("top5").get("powerIterationSecondsPerHvp"));
            }
            JsonNode rates = torch.get("rates." + dtype);
            if (rates != null && java.containsKey("rates")) {
                x.put("hvpPerSecondRetainedGraph", (double) java.get("rates").get("hvpPerSecondRetainedGraph")
                        / rates.get("hvpPerSecondRetainedGraph").asDouble());
                x.put("hvpPerSecondFromScratch", (double) java.get("rates").get("hvpPerSecondFromScratch")
                        / rates.get("hvpPerSecondFromScratch").asDouble());
                x.put("forwardBackwardGflops", (double) java.get("rates").get("forwardBackwardGflops")
                        / rates.get("forwardBackwardGflops").asDouble());
            }
            JsonNode train = torch.get("training." + dtype);
            if (train != null && java.containsKey("training")) {
                x.put("gdEpochsPerSecond", (double) java.get("training").get("gdEpochsPerSecond")
                        / train.get("gdEpochsPerSecond").asDouble());
                x.put("sgdEpochsPerSecond", (double) java.get("training").get("sgdEpochsPerSecond")
                        / train.get("sgdEpochsPerSecond").asDouble());
            }
            r.put("torch " + dtype, x);
        }
        return r;
    }
}
