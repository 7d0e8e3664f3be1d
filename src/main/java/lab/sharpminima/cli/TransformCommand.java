package lab.sharpminima.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.Model;
import lab.sharpminima.engine.Network;
import lab.sharpminima.symmetry.AlphaScale;
import lab.sharpminima.symmetry.EpsilonSharpening;
import lab.sharpminima.symmetry.ManyDirections;
import lab.sharpminima.symmetry.NeuronScale;
import lab.sharpminima.symmetry.SharpestDirection;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code transform}: writes an observationally equivalent model — T_α (Definition 5, Section 4.2),
 * the α of Theorem 4 or 5 or of Section 4.3, or a per-neuron rescaling — and how far the outputs moved.
 */
@Command(name = "transform", mixinStandardHelpOptions = true,
        description = {"Write an observationally equivalent model: apply the alpha-scale transformation "
                + "T_alpha: theta_k -> alpha_k theta_k (product of the alpha_k = 1), one found by the paper's "
                + "constructions (Theorems 4, 5, Section 4.3), or per-neuron rescalings.",
            "Exactly one of --alpha, --target-spectral-norm, --target-eigs, --sharpen-eps, --neuron-scale."})
final class TransformCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--model", required = true, description = "Model file to transform.")
    Path model;

    @Option(names = "--alpha", split = ",", paramLabel = "A1,...,AK",
            description = "One alpha per layer, all > 0, product 1.")
    double[] alpha;

    @Option(names = "--target-spectral-norm", paramLabel = "M",
            description = "Theorem 4: the alpha of smallest |log alpha| with ||Hessian(T_alpha theta)||_2 >= M "
                    + "(alpha scales layer 1, 1/alpha the last layer). Needs data and relu/leaky_relu/linear hidden layers.")
    Double targetSpectralNorm;

    @Option(names = "--target-eigs", paramLabel = "M",
            description = "Theorem 5: beta^(K-1) on the layer with the fewest parameters, 1/beta on the others, the "
                    + "smallest beta found with at least r - min_k n_k eigenvalues above M (r = rank of the Hessian; "
                    + "away from a minimum p - q - min_k n_k, p and q the positive and negative eigenvalues).")
    Double targetEigs;

    @Option(names = "--sharpen-eps", paramLabel = "E",
            description = "Section 4.3: alpha = E/||theta_1||_2 on layer 1 (weights and bias), 1/alpha on layer 2.")
    Double sharpenEps;

    @Option(names = "--neuron-scale", paramLabel = "LAYER:UNIT:C",
            description = "Multiply the incoming weights and bias of a hidden unit by C > 0 and its outgoing weights "
                    + "by 1/C. LAYER and UNIT are counted from 1 (layer 1 is the paper's theta_1; hidden layers are "
                    + "1 to K-1). Repeatable; scales of the same unit multiply.")
    List<String> neuronScales;

    @Option(names = "--dense-threshold", defaultValue = "2000",
            description = "Largest n for which the Hessian is dense and exact (default ${DEFAULT-VALUE}); "
                    + "above it --target-spectral-norm uses Lanczos and --target-eigs is refused.")
    int denseThreshold;

    @Option(names = "--out", required = true, description = "Where to write the transformed model.")
    Path out;

    /** The transformed parameters and the mode's own keys for the printed JSON object. */
    private record Outcome(double[] theta, Map<String, Object> keys) {
    }

    @Override
    public Integer call() {
        String mode = mode();
        Model m = mode.equals("--target-spectral-norm") || mode.equals("--target-eigs")
                ? Models.loadWithData(model) : Models.load(model);
        Outcome o;
        try {
            o = switch (mode) {
                case "--alpha" -> alphaScale(m);
                case "--target-spectral-norm" -> sharpestDirection(m);
                case "--target-eigs" -> manyDirections(m);
                case "--sharpen-eps" -> epsilonSharpening(m);
                default -> neuronScale(m);
            };
        } catch (IllegalArgumentException e) {
            throw new BadInputException(mode + ": " + e.getMessage());
        }
        Network net = m.network();
        double change = Math.max(maxOutputChange(net, m.theta(), o.theta(), m.data()),
                maxOutputChange(net, m.theta(), o.theta(), m.test()));
        Models.save(m.withTheta(o.theta()), out);
        Map<String, Object> result = new LinkedHashMap<>(o.keys());
        result.put("maxOutputChange", change);
        Json.print(spec.commandLine().getOut(), result);
        return Cli.OK;
    }

    /** The one mode given, or bad input naming the options that conflict (or all of them when none). */
    private String mode() {
        List<String> given = new ArrayList<>();
        if (alpha != null) {
            given.add("--alpha");
        }
        if (targetSpectralNorm != null) {
            given.add("--target-spectral-norm");
        }
        if (targetEigs != null) {
            given.add("--target-eigs");
        }
        if (sharpenEps != null) {
            given.add("--sharpen-eps");
        }
        if (neuronScales != null && !neuronScales.isEmpty()) {
            given.add("--neuron-scale");
        }
        if (given.isEmpty()) {
            throw new BadInputException("one of --alpha, --target-spectral-norm, --target-eigs, --sharpen-eps or"
                    + " --neuron-scale is required");
        }
        if (given.size() > 1) {
            throw new BadInputException(String.join(" and ", given) + " cannot be combined: give exactly one of them");
        }
        return given.get(0);
    }

    private Outcome alphaScale(Model m) {
        AlphaScale t = new AlphaScale(m.network(), alpha);
        double[] moved = t.applyChecked(m.theta());
        if (!m.network().isNonNegativeHomogeneous()) {
            note("T_alpha changes its function");
        }
        return new Outcome(moved, keys(t));
    }

    private Outcome sharpestDirection(Model m) {
        requirePositive(targetSpectralNorm);
        SharpestDirection.Result r = SharpestDirection.find(m.lossFunction(), m.theta(), targetSpectralNorm,
                denseThreshold);
        Map<String, Object> k = keys(r.scale());
        k.put("target", r.target());
        k.put("spectralNormBefore", r.normBefore());
        k.put("spectralNormAfter", r.normAfter());
        k.put("proofBound", finiteOrNull(r.proofBound()));
        k.put("method", r.dense() ? "dense" : "lanczos");
        return new Outcome(r.theta(), k);
    }

    private Outcome manyDirections(Model m) {
        requirePositive(targetEigs);
        ManyDirections.Result r = ManyDirections.find(m.lossFunction(), m.theta(), targetEigs, denseThreshold);
        Map<String, Object> k = keys(r.scale());
        k.put("target", r.target());
        k.put("beta", r.beta());
        k.put("eigenvaluesAboveMBefore", r.countBefore());
        k.put("eigenvaluesAboveM", r.countAfter());
        k.put("rank", r.rank());
        k.put("negativeEigenvalues", r.negative());
        k.put("layerWithFewest", r.layerWithFewest() + 1);
        k.put("minLayerParameters", r.minLayerParameters());
        k.put("guaranteed", r.guaranteed());
        k.put("proofBound", finiteOrNull(r.proofBound()));
        return new Outcome(r.theta(), k);
    }

    private Outcome epsilonSharpening(Model m) {
        requirePositive(sharpenEps);
        EpsilonSharpening.Result r = EpsilonSharpening.of(m.network(), m.theta(), sharpenEps);
        Map<String, Object> k = keys(r.scale());
        k.put("epsilon", r.epsilon());
        k.put("firstLayerNormBefore", r.firstLayerNorm());
        k.put("firstLayerNormAfter", EpsilonSharpening.firstLayerNorm(m.network(), r.theta()));
        k.put("distanceToConstant", distance(r.theta(), r.constantPoint()));
        return new Outcome(r.theta(), k);
    }

    private Outcome neuronScale(Model m) {
        Network net = m.network();
        NeuronScale s = NeuronScale.identity(net);
        List<Map<String, Object>> echo = new ArrayList<>();
        for (String given : neuronScales) {
            String[] parts = given.split(":", -1);
            int layer;
            int unit;
            double c;
            try {
                if (parts.length != 3) {
                    throw new NumberFormatException();
                }
                layer = Integer.parseInt(parts[0].strip());
                unit = Integer.parseInt(parts[1].strip());
                c = Double.parseDouble(parts[2].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + given + "' is not LAYER:UNIT:C, e.g. 1:3:2.5"
                        + " (layer and unit counted from 1)");
            }
            s = s.times(layer - 1, unit - 1, c);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("layer", layer);
            e.put("unit", unit);
            e.put("c", c);
            echo.add(e);
        }
        double[] moved = s.applyChecked(m.theta());
        if (!net.isNonNegativeHomogeneous()) {
            note("rescaling a tanh unit changes its function");
        }
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("scales", echo);
        return new Outcome(moved, k);
    }

    private static Map<String, Object> keys(AlphaScale t) {
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("alpha", t.alpha());
        return k;
    }

    private static void requirePositive(double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("must be a positive finite number, got " + v);
        }
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private void note(String what) {
        spec.commandLine().getErr().println("note: " + model
                + " has an activation that is not non-negatively homogeneous (tanh): " + what);
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s = Math.hypot(s, a[i] - b[i]);
        }
        return s;
    }

    /** max |f_θ(x) − f_θ'(x)| over the rows of the data set (0 when there is none). */
    static double maxOutputChange(Network net, double[] a, double[] b, Dataset d) {
        if (d == null || d.size() == 0) {
            return 0;
        }
        DMatrixRMaj fa = LossFunction.outputs(net, a, d.x());
        DMatrixRMaj fb = LossFunction.outputs(net, b, d.x());
        double max = 0;
        for (int i = 0; i < fa.data.length; i++) {
            max = Math.max(max, Math.abs(fa.data[i] - fb.data[i]));
        }
        return max;
    }
}
