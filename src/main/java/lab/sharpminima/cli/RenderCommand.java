package lab.sharpminima.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import lab.sharpminima.export.figures.FigureRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code render}: draws one of the paper's figures (fig1 … fig5, Dinh et al. 2017) without a window,
 * the same drawing as the app, to PNG (× scale), SVG or PDF, written atomically. {@code --preset} is a
 * JSON object of setting overrides, e.g. {"alpha": 10, "epsilon": 0.1, "theta1": 1, "theta2": 1}.
 * Prints {"figure", "out", "format", "width", "height", "scale"} on success.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a figure of the paper (fig1 … fig5) to PNG, SVG or PDF.")
final class RenderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--figure", required = true, paramLabel = "NAME", description = "fig1, fig2, fig3, fig4 or fig5.")
    String figure;

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

    @Override
    public Integer call() throws IOException {
        Map<String, Double> overrides = preset == null ? Map.of() : readPreset(preset);
        try {
            FigureRenderer.write(figure, overrides, out, width, height, scale, presentation);
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
