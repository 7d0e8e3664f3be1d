package lab.sharpminima.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import lab.sharpminima.compute.Backend;
import lab.sharpminima.compute.CpuBackend;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.Model;
import lab.sharpminima.engine.io.AtomicFiles;
import lab.sharpminima.landscape.Directions;
import lab.sharpminima.landscape.LossGrid;
import lab.sharpminima.landscape.Plane;
import lab.sharpminima.landscape.Slice2D;
import lab.sharpminima.landscape.Window;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slice}: a 2-D loss landscape through θ, L(θ + a·d1 + b·d2) on a steps × steps grid over
 * [lo, hi]², along random, filter-normalised (Li et al. 2018) or top Hessian eigenvector directions
 * (spec/cli.md). Writes {@code a}, {@code b}, {@code loss} (rows over b, columns over a), {@code d1},
 * {@code d2} and the settings to {@code --out} atomically, and prints a short summary on stdout.
 *
 * <p>On the CPU the grid is {@link Slice2D} (the fast {@code PlaneLoss}, each value the same double as
 * {@code LossFunction.value}); on an OpenCL device it is {@link LossGrid#compute(Plane, LossFunction,
 * Window, int, Backend)}, the nodes packed into batches (issue 6). The summary names the backend used.
 */
@Command(name = "slice", mixinStandardHelpOptions = true,
        description = "Write a 2-D loss slice L(θ + a·d1 + b·d2) through a model's θ as JSON.")
final class SliceCommand implements Callable<Integer> {

    /** More nodes per side than this is surely a typo (a 1001² grid is a million forward passes). */
    static final int MAX_STEPS = 1001;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--model", required = true, description = "Model file (with data).")
    Path model;

    @Option(names = "--dirs", required = true, description = "random, filter or eigen.")
    String dirs;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the directions (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--range", defaultValue = "-1:1", paramLabel = "LO:HI",
            description = "The range of a and b (default ${DEFAULT-VALUE}).")
    String range;

    @Option(names = "--steps", defaultValue = "51", description = "Grid nodes per side, ends included (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--backend", defaultValue = "cpu",
            description = "cpu, opencl, opencl:K or auto (-fp32 for single precision); without a working "
                    + "OpenCL device, one note and the CPU (default ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = "--threads", description = "Worker threads (default: every processor).")
    Integer threads;

    @Option(names = "--out", required = true, paramLabel = "FILE.json", description = "Where to write the slice.")
    Path out;

    @Override
    public Integer call() {
        Directions.Kind kind = parseDirs();
        double[] lohi = parseRange(range);
        if (steps < 2 || steps > MAX_STEPS) {
            throw new BadInputException("--steps = " + steps + " must be between 2 and " + MAX_STEPS);
        }
        if (threads != null && threads < 1) {
            throw new BadInputException("--threads = " + threads + " must be at least 1");
        }
        Model m = Models.loadWithData(model);
        LossFunction f = m.lossFunction();
        double[] theta = m.theta();
        if (kind == Directions.Kind.EIGEN && theta.length < 2) {
            throw new BadInputException("--dirs eigen needs a model with at least 2 parameters, " + model
                    + " has " + theta.length);
        }
        Directions.Pair p = Directions.pair(kind, f, theta, seed);
        Window window = new Window(lohi[0], lohi[1], lohi[0], lohi[1]);
        LossGrid grid;
        String used;
        try (Backend batched = BackendOption.open(backend, spec.commandLine().getErr())) {
            if (batched instanceof CpuBackend) {
                grid = Slice2D.compute(f, theta, p.d1(), p.d2(), window, steps,
                        threads == null ? Slice2D.defaultThreads() : threads).grid();
                used = "cpu";
            } else {
                grid = LossGrid.compute(Plane.through(theta, p.d1(), p.d2()), f, window, steps, batched);
                BackendOption.reportFallback(batched, spec.commandLine().getErr());
                used = batched.name();
            }
        }
        Map<String, Object> file = fileJson(kind, p, grid, f.value(theta));
        String text = Json.toString(file);
        try {
            AtomicFiles.write(out, o -> o.write((text + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new BadInputException("cannot write --out " + out + ": " + e.getMessage());
        }
        Map<String, Object> summary = summary(file, grid);
        summary.put("backend", used);
        Json.print(spec.commandLine().getOut(), summary);
        return Cli.OK;
    }

    private Directions.Kind parseDirs() {
        try {
            return Directions.Kind.fromId(dirs);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** "lo:hi" with lo &lt; hi, both finite. */
    static double[] parseRange(String s) {
        String[] parts = s.split(":", -1);
        if (parts.length != 2) {
            throw new BadInputException("--range = " + s + " must be LO:HI, e.g. -1:1");
        }
        double lo;
        double hi;
        try {
            lo = Double.parseDouble(parts[0].trim());
            hi = Double.parseDouble(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new BadInputException("--range = " + s + " must be two numbers LO:HI, e.g. -1:1");
        }
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
            throw new BadInputException("--range = " + s + " needs finite LO < HI");
        }
        return new double[] {lo, hi};
    }

    private Map<String, Object> fileJson(Directions.Kind kind, Directions.Pair p, LossGrid g, double loss0) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("dirs", kind.id());
        o.put("seed", seed);
        o.put("steps", steps);
        o.put("loss0", loss0);
        if (kind == Directions.Kind.EIGEN) {
            o.put("eigenvalues", new double[] {p.lambda1(), p.lambda2()});
        }
        o.put("a", g.a());
        o.put("b", g.b());
        o.put("loss", g.rows());
        o.put("d1", p.d1());
        o.put("d2", p.d2());
        return o;
    }

    private Map<String, Object> summary(Map<String, Object> file, LossGrid g) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : g.rows()) {
            for (double v : row) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("out", out.toString());
        o.put("dirs", file.get("dirs"));
        o.put("steps", steps);
        o.put("loss0", file.get("loss0"));
        o.put("lossMin", min);
        o.put("lossMax", max);
        return o;
    }
}
