package lab.sharpminima.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import lab.sharpminima.compute.Backend;
import lab.sharpminima.compute.CpuBackend;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.Model;
import lab.sharpminima.linalg.SpectralDensity;
import lab.sharpminima.measure.EpsilonSharpness;
import lab.sharpminima.measure.HessianSpectrum;
import lab.sharpminima.measure.KeskarSharpness;
import lab.sharpminima.measure.RandomSubspaceSharpness;
import lab.sharpminima.measure.InvariantMeasures;
import lab.sharpminima.measure.ScalarMeasure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code measure}: the loss, gradient and Hessian measures of a model file, as one JSON object. */
@Command(name = "measure", mixinStandardHelpOptions = true,
        description = "Measure a model: loss, test loss, gradient norm, Hessian spectrum, trace and spectral density.")
final class MeasureCommand implements Callable<Integer> {

    /** Measures this build computes; "all" means these. */
    static final List<String> AVAILABLE = List.of("hessian", "trace", "density", "eps-sharpness",
            "keskar-sharpness", "subspace-sharpness", "invariant");

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--model", required = true, description = "Model file (with data).")
    Path model;

    @Option(names = "--measures", defaultValue = "all", split = ",",
            description = "Comma-separated: hessian, trace, density, eps-sharpness, keskar-sharpness, "
                    + "subspace-sharpness, invariant (default: all).")
    List<String> measures;

    @Option(names = "--epsilon", defaultValue = "1e-3", description = "ε of the sharpness measures (default ${DEFAULT-VALUE}).")
    double epsilon;

    @Option(names = "--top", defaultValue = "10", description = "Eigenvalues Lanczos finds when the Hessian is not dense (default ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--dense-threshold", defaultValue = "2000",
            description = "Largest n for which the Hessian is dense and exact (default ${DEFAULT-VALUE}).")
    int denseThreshold;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the stochastic estimators (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--density-runs", defaultValue = "1", description = "SLQ runs (PyHessian's n_v; default ${DEFAULT-VALUE}).")
    int densityRuns;

    @Option(names = "--density-steps", defaultValue = "100", description = "Lanczos steps per SLQ run (default ${DEFAULT-VALUE}).")
    int densitySteps;

    @Option(names = "--restarts", defaultValue = "10",
            description = "Starting points of the sharpness maximisations (default ${DEFAULT-VALUE}).")
    int restarts;

    @Option(names = "--max-iterations", defaultValue = "200",
            description = "Ascent steps per start of the sharpness maximisations (default ${DEFAULT-VALUE}).")
    int maxIterations;

    @Option(names = "--subspace-dimension", defaultValue = "100",
            description = "p of the random-subspace sharpness (default ${DEFAULT-VALUE}, capped at n).")
    int subspaceDimension;

    @Option(names = "--backend", defaultValue = "cpu",
            description = "Batched work (the eps-sharpness restarts) on: cpu, opencl, opencl:K, auto; -fp32 suffix"
                    + " for single precision (default ${DEFAULT-VALUE}). Without a working OpenCL device: a note"
                    + " and the CPU.")
    String backend;

    @Override
    public Integer call() {
        Set<String> wanted = parseMeasures();
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new BadInputException("--epsilon = " + epsilon + " must be a positive finite number");
        }
        requireAtLeastOne("--top", top);
        requireAtLeastOne("--density-runs", densityRuns);
        requireAtLeastOne("--density-steps", densitySteps);
        requireAtLeastOne("--restarts", restarts);
        requireAtLeastOne("--max-iterations", maxIterations);
        requireAtLeastOne("--subspace-dimension", subspaceDimension);
        Model m = Models.loadWithData(model);
        try (Backend batched = BackendOption.open(backend, spec.commandLine().getErr())) {
            Integer code = measure(wanted, m, batched);
            BackendOption.reportFallback(batched, spec.commandLine().getErr());
            return code;
        }
    }

    private Integer measure(Set<String> wanted, Model m, Backend batched) {
        LossFunction f = m.lossFunction();
        double[] theta = m.theta();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("n", f.dimension());
        double[] grad = new double[f.dimension()];
        out.put("loss", f.gradient(theta, grad));
        if (m.test() != null && m.test().size() > 0) {
            out.put("testLoss", new LossFunction(m.network(), m.loss(), m.test()).value(theta));
        }
        out.put("gradNorm", norm(grad));
        if (wanted.contains("hessian") || wanted.contains("trace")) {
            boolean dense = f.dimension() <= denseThreshold;
            HessianSpectrum spectrum = new HessianSpectrum(denseThreshold, top, 1e-8,
                    wanted.contains("trace"), seed);
            out.put("hessian", hessianJson(spectrum.measure(f, theta), wanted.contains("hessian") || dense));
        }
        if (wanted.contains("density")) {
            out.put("density", densityJson(SpectralDensity.estimate(f.hessianOperator(theta),
                    densityRuns, densitySteps, seed + 10)));
        }
        if (wanted.contains("eps-sharpness")) {
            out.put("epsSharpness", epsSharpnessJson(
                    new EpsilonSharpness(epsilon, restarts, maxIterations, seed).measure(f, theta,
                            batched instanceof CpuBackend ? null : batched)));
        }
        if (wanted.contains("keskar-sharpness")) {
            KeskarSharpness.Result k = new KeskarSharpness(epsilon, restarts, maxIterations, seed).measure(f, theta);
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("value", k.value());
            o.put("epsilon", k.epsilon());
            o.put("argmax", k.argmax());
            o.put("winningStart", k.winningStart());
            o.put("evaluations", k.evaluations());
            out.put("keskarSharpness", o);
        }
        if (wanted.contains("subspace-sharpness")) {
            RandomSubspaceSharpness.Result r = new RandomSubspaceSharpness(epsilon, subspaceDimension,
                    RandomSubspaceSharpness.Constraint.BALL, restarts, maxIterations, seed).measure(f, theta);
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("value", r.value());
            o.put("epsilon", r.epsilon());
            o.put("dimension", r.dimension());
            o.put("argmax", r.argmax());
            out.put("subspaceSharpness", o);
        }
        if (wanted.contains("invariant")) {
            out.put("invariant", invariantJson(m, f, theta));
        }
        Json.print(spec.commandLine().getOut(), out);
        return Cli.OK;
    }

    private static Map<String, Object> epsSharpnessJson(EpsilonSharpness.Result r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("value", r.value());
        o.put("epsilon", r.epsilon());
        o.put("argmax", r.argmax());
        o.put("secondOrderEstimate", r.secondOrderEstimate());
        o.put("spectralNorm", r.spectralNorm());
        o.put("winningStart", r.winningStart());
        o.put("evaluations", r.evaluations());
        return o;
    }

    private static void requireAtLeastOne(String option, int value) {
        if (value < 1) {
            throw new BadInputException(option + " = " + value + " must be at least 1");
        }
    }

    /**
     * Every measure that T_α leaves exactly unchanged, a number each ({@link InvariantMeasures}); on a
     * network with tanh nothing keeps them fixed, which {@code holdsForThisNetwork} says.
     */
    private Map<String, Object> invariantJson(Model m, LossFunction f, double[] theta) {
        Map<String, Object> o = new LinkedHashMap<>();
        for (ScalarMeasure measure : InvariantMeasures.all(seed)) {
            o.put(measure.key(), measure.value(f, theta));
        }
        o.put("holdsForThisNetwork", InvariantMeasures.invarianceHolds(m.network()));
        return o;
    }

    private Set<String> parseMeasures() {
        Set<String> wanted = new LinkedHashSet<>();
        for (String s : measures) {
            String name = s.strip().toLowerCase(Locale.ROOT);
            if (name.equals("all")) {
                wanted.addAll(AVAILABLE);
            } else if (AVAILABLE.contains(name)) {
                wanted.add(name);
            } else {
                throw new BadInputException("--measures: unknown measure '" + s + "'; available: "
                        + String.join(", ", AVAILABLE));
            }
        }
        return wanted;
    }

    private static Map<String, Object> hessianJson(HessianSpectrum.Result r, boolean withEigenvalues) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("method", r.method().name().toLowerCase(Locale.ROOT));
        if (withEigenvalues) {
            h.put("eigenvalues", r.eigenvalues());
            h.put("spectralNorm", r.spectralNorm());
        }
        if (!Double.isNaN(r.trace())) {
            h.put("trace", r.trace());
            if (r.method() == HessianSpectrum.Method.LANCZOS) {
                h.put("traceStandardError", r.traceStandardError());
                h.put("traceSamples", r.traceSamples());
            }
        }
        if (r.method() == HessianSpectrum.Method.DENSE) {
            h.put("rank", r.rank());
            h.put("rankTolerance", r.rankTolerance());
        } else {
            h.put("converged", r.converged());
            h.put("hessianVectorProducts", r.operatorProducts());
        }
        return h;
    }

    private static Map<String, Object> densityJson(SpectralDensity d) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("method", "slq");
        o.put("runs", d.runs());
        double[][] nodes = new double[d.runs()][];
        double[][] weights = new double[d.runs()][];
        for (int r = 0; r < d.runs(); r++) {
            nodes[r] = d.nodes(r);
            weights[r] = d.weights(r);
        }
        o.put("nodes", nodes);
        o.put("weights", weights);
        SpectralDensity.Curve c = d.curve(200, d.pyHessianSigma());
        o.put("sigma", c.sigma());
        o.put("grid", c.grid());
        o.put("density", c.density());
        return o;
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
