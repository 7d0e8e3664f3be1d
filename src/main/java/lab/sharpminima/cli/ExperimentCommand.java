package lab.sharpminima.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import lab.sharpminima.engine.io.AtomicFiles;
import lab.sharpminima.experiment.BatchSizeExperiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code experiment}: small- versus large-batch training on two moons (Keskar et al. 2017) and the
 * T_α (Dinh et al. 2017, Definition 5) that makes the small-batch minimum the sharper one with the
 * same function ({@link BatchSizeExperiment}). Prints the table as one JSON object and, with
 * {@code --out}, writes the same object there atomically.
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Small- vs large-batch training on two moons, all measures, and the reversing T_alpha.")
final class ExperimentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--seed", defaultValue = "1", description = "Seeds everything (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--samples", description = "Two-moons points before the half/half split (default 400).")
    Integer samples;

    @Option(names = "--layers", split = ",", description = "Layer widths, 2,...,2 (default 2,16,16,2).")
    int[] layers;

    @Option(names = "--epochs", description = "Epochs of both runs (default 200).")
    Integer epochs;

    @Option(names = "--small-batch", description = "The small batch (default 16).")
    Integer smallBatch;

    @Option(names = "--large-batch", description = "The large batch, 0 = full (default 0).")
    Integer largeBatch;

    @Option(names = "--restarts", description = "Starts of the sharpness maximisations (default 5).")
    Integer restarts;

    @Option(names = "--max-iterations", description = "Ascent steps per start (default 100).")
    Integer maxIterations;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Also write the table here.")
    Path out;

    @Override
    public Integer call() {
        BatchSizeExperiment.Settings s = settings();
        BatchSizeExperiment.Result r;
        try {
            r = BatchSizeExperiment.run(s);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new BadInputException("experiment: " + e.getMessage());
        }
        Map<String, Object> json = json(r);
        if (out != null) {
            String text = Json.toString(json) + "\n";
            try {
                AtomicFiles.write(out, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new BadInputException("cannot write --out " + out + ": " + e.getMessage());
            }
        }
        Json.print(spec.commandLine().getOut(), json);
        return Cli.OK;
    }

    private BatchSizeExperiment.Settings settings() {
        BatchSizeExperiment.Settings d = BatchSizeExperiment.Settings.defaults(seed);
        int[] widths = layers == null ? d.widths() : layers;
        if (widths.length < 3 || widths[0] != 2 || widths[widths.length - 1] != 2) {
            throw new BadInputException("--layers must start and end with 2 (two moons, two classes) and have a"
                    + " hidden layer, e.g. 2,16,16,2");
        }
        for (int w : widths) {
            if (w < 1) {
                throw new BadInputException("--layers widths must be at least 1");
            }
        }
        int n = positive("--samples", samples, d.samples());
        if (n < 4) {
            throw new BadInputException("--samples = " + n + " must be at least 4");
        }
        int large = largeBatch == null ? d.largeBatch() : largeBatch;
        if (large < 0) {
            throw new BadInputException("--large-batch = " + large + " must be ≥ 0 (0 = full batch)");
        }
        return new BatchSizeExperiment.Settings(seed, n, d.noise(), d.testFraction(), widths,
                positive("--small-batch", smallBatch, d.smallBatch()), large, d.learningRate(),
                positive("--epochs", epochs, d.epochs()), d.epsilon(), positive("--restarts", restarts, d.restarts()),
                positive("--max-iterations", maxIterations, d.maxIterations()));
    }

    private static int positive(String option, Integer value, int fallback) {
        int v = value == null ? fallback : value;
        if (v < 1) {
            throw new BadInputException(option + " = " + v + " must be at least 1");
        }
        return v;
    }

    private static Map<String, Object> json(BatchSizeExperiment.Result r) {
        BatchSizeExperiment.Settings s = r.settings();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("seed", s.seed());
        settings.put("data", "moons");
        settings.put("samples", s.samples());
        settings.put("noise", s.noise());
        settings.put("testFraction", s.testFraction());
        settings.put("layers", s.widths());
        settings.put("optimizer", "sgd");
        settings.put("learningRate", s.learningRate());
        settings.put("epochs", s.epochs());
        settings.put("smallBatch", s.smallBatch());
        settings.put("largeBatch", s.largeBatch());
        settings.put("epsilon", s.epsilon());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BatchSizeExperiment.Row row : r.rows()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("measure", row.measure());
            o.put("small", row.small());
            o.put("large", row.large());
            o.put("smallAfterTalpha", row.smallAfter());
            o.put("invariant", row.invariant());
            rows.add(o);
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("settings", settings);
        o.put("alpha", r.alpha());
        o.put("rows", rows);
        return o;
    }
}
