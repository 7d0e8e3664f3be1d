package lab.sharpminima.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import lab.sharpminima.engine.Model;
import lab.sharpminima.engine.Network;
import lab.sharpminima.export.figures.FigureRenderer;
import lab.sharpminima.export.figures.ModelFigureRenderer;
import lab.sharpminima.symmetry.AlphaScale;
import lab.sharpminima.symmetry.NeuronScale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code render}: draws one of the paper's figures (fig1 … fig5, Dinh et al. 2017) or a model view
 * (spectrum, measures) without a window, the same drawing as the app, to PNG (× scale), SVG or PDF,
 * written atomically. {@code --preset} is a JSON object of setting overrides for fig1 … fig5, e.g.
 * {"alpha": 10, "epsilon": 0.1, "theta1": 1, "theta2": 1}; spectrum and measures take {@code --model}
 * and T_α ({@code --alpha}, Definition 5) or per-neuron rescalings ({@code --neuron-scale}).
 * Prints {"figure", "out", "format", "width", "height", "scale"} on success.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Render a figure of the paper (fig1 … fig5) or a model view (spectrum: Hessian eigenvalues "
                + "and SLQ density before and after a transformation, with the identity D H D; measures: the "
                + "measures table before and after) to PNG, SVG or PDF."})
final class RenderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--figure", required = true, paramLabel = "NAME",
            description = "fig1, fig2, fig3, fig4, fig5, spectrum or measures.")
    String figure;

    @Option(names = "--model", defaultValue = DEFAULT_MODEL, paramLabel = "FILE",
            description = "spectrum, measures: the model file (default ${DEFAULT-VALUE}).")
    Path model;

    @Option(names = "--alpha", split = ",", paramLabel = "A1,...",
            description = "spectrum, measures: T_alpha, plain alpha > 0 per layer as the Spectrum tab's sliders set "
                    + "them (10^slider): K-1 values (the last layer's alpha follows, 1/product) or K values with "
                    + "product 1. Default: the identity.")
    double[] alpha;

    @Option(names = "--neuron-scale", paramLabel = "LAYER:UNIT:C",
            description = "spectrum, measures: rescale a hidden unit (incoming weights and bias x C, outgoing x 1/C); "
                    + "LAYER and UNIT counted from 1. Repeatable; not with --alpha.")
    List<String> neuronScales;

    @Option(names = "--log-eigenvalues", description = "spectrum: eigenvalue bars on a log10 |lambda| scale.")
    boolean logEigenvalues;

    @Option(names = "--preset", paramLabel = "FILE",
            description = "JSON object of setting overrides, e.g. {\"alpha\": 10, \"epsilon\": 0.1}.")
    Path preset;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file: .png, .svg or .pdf.")
    Path out;

    @Option(names = "--width", defaultValue = "900", description = "Width in points (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "675", description = "Height in points (default ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--scale", defaultValue = "1", description = "PNG pixels per point, 1 … 8 (default ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--presentation", description = "Large fonts and thick lines, for a projector.")
    boolean presentation;

    /** The model the spectrum and measures figures use when --model is not given. */
    static final String DEFAULT_MODEL = "assets/models/xor-2-4-1.json";

    @Override
    public Integer call() throws IOException {
        boolean modelFigure = ModelFigureRenderer.NAMES.contains(figure);
        if (!modelFigure && !FigureRenderer.NAMES.contains(figure)) {
            List<String> all = new ArrayList<>(FigureRenderer.NAMES);
            all.addAll(ModelFigureRenderer.NAMES);
            throw new BadInputException("unknown figure '" + figure + "'; use one of " + all);
        }
        try {
            if (modelFigure) {
                if (preset != null) {
                    throw new BadInputException("--preset is for fig1 … fig5; " + figure
                            + " takes --model, --alpha or --neuron-scale");
                }
                Model m = Models.load(model);
                ModelFigureRenderer.write(figure, m, transform(m), logEigenvalues, out, width, height, scale,
                        presentation);
            } else {
                Map<String, Double> overrides = preset == null ? Map.of() : readPreset(preset);
                FigureRenderer.write(figure, overrides, out, width, height, scale, presentation);
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        } catch (IOException e) {
            throw new BadInputException("cannot write --out " + out + ": " + e.getMessage());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("figure", figure);
        result.put("out", out.toString());
        String name = out.getFileName().toString();
        result.put("format", name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        result.put("width", width);
        result.put("height", height);
        result.put("scale", scale);
        Json.print(spec.commandLine().getOut(), result);
        return Cli.OK;
    }

    /** --alpha, --neuron-scale, or the identity. */
    private ModelFigureRenderer.Transform transform(Model m) {
        Network net = m.network();
        if (alpha != null && neuronScales != null && !neuronScales.isEmpty()) {
            throw new BadInputException("give --alpha or --neuron-scale, not both");
        }
        if (alpha != null) {
            if (alpha.length != net.depth() - 1 && alpha.length != net.depth()) {
                throw new BadInputException("--alpha needs " + (net.depth() - 1) + " or " + net.depth()
                        + " values for a model of " + net.depth() + " layers, got " + alpha.length);
            }
            AlphaScale t = alpha.length == net.depth() ? new AlphaScale(net, alpha) : AlphaScale.completing(net, alpha);
            return ModelFigureRenderer.Transform.alpha(t);
        }
        if (neuronScales == null || neuronScales.isEmpty()) {
            return ModelFigureRenderer.Transform.alpha(new AlphaScale(net, ones(net.depth())));
        }
        NeuronScale s = NeuronScale.identity(net);
        List<String> said = new ArrayList<>();
        for (String given : neuronScales) {
            String[] parts = given.split(":", -1);
            try {
                if (parts.length != 3) {
                    throw new NumberFormatException();
                }
                int layer = Integer.parseInt(parts[0].strip());
                int unit = Integer.parseInt(parts[1].strip());
                double c = Double.parseDouble(parts[2].strip());
                s = s.times(layer - 1, unit - 1, c);
                said.add(ModelFigureRenderer.Transform.neuronDescription(layer, unit, c));
            } catch (NumberFormatException e) {
                throw new BadInputException("--neuron-scale '" + given + "' is not LAYER:UNIT:C, e.g. 1:3:2.5"
                        + " (layer and unit counted from 1)");
            }
        }
        return ModelFigureRenderer.Transform.neuron(s, String.join("; ", said));
    }

    private static double[] ones(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, 1);
        return a;
    }

    /** The preset file as key → number; anything but a flat object of numbers is a named error. */
    static Map<String, Double> readPreset(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new BadInputException("cannot read --preset " + file + ": " + Cli.oneLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException("--preset " + file + " must hold a JSON object such as {\"alpha\": 10}");
        }
        Map<String, Double> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNumber()) {
                throw new BadInputException("--preset " + file + ": key '" + e.getKey() + "' must be a number");
            }
            map.put(e.getKey(), e.getValue().asDouble());
        }
        return map;
    }
}
