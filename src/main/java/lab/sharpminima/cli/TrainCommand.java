package lab.sharpminima.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import lab.sharpminima.compute.Backend;
import lab.sharpminima.compute.CpuBackend;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Model;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.data.BuiltinDataset;
import lab.sharpminima.engine.data.CsvDatasets;
import lab.sharpminima.engine.data.DataFormatException;
import lab.sharpminima.engine.data.Split;
import lab.sharpminima.engine.data.Targets;
import lab.sharpminima.engine.train.Accuracy;
import lab.sharpminima.engine.train.Initializer;
import lab.sharpminima.engine.train.OptimizerKind;
import lab.sharpminima.engine.train.Trainer;
import lab.sharpminima.engine.train.TrainingConfig;
import lab.sharpminima.engine.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code train}: trains a network on a built-in data set or a CSV file and writes the model with its
 * data, its test split and its settings under {@code meta}. The same seed and settings write the
 * same bytes. With {@code --backend opencl} each step's loss and gradient come from the device
 * ({@code compute.Backend#lossAndGradient}, the data kept on it); the reported losses stay the CPU's.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a network on a built-in data set or a CSV file and write the model.")
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--data", required = true, paramLabel = "NAME|FILE.csv",
            description = "A built-in data set (toy1d, sine, moons, circles, xor, spirals, blobs) or a CSV file.")
    String data;

    @Option(names = "--n", description = "Samples to generate (built-ins; default: the data set's own).")
    Integer samples;

    @Option(names = "--noise", description = "Noise standard deviation (built-ins; default: the data set's own).")
    Double noise;

    @Option(names = "--test-fraction", defaultValue = "0.2", description = "Share of samples held out (default ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of data, split, initialisation and batches (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--layers", required = true, split = ",", paramLabel = "W0,W1,...,WK",
            description = "Layer widths, input first, e.g. 2,16,16,1.")
    int[] layers;

    @Option(names = "--activation", defaultValue = "relu", description = "Hidden activation: relu, leaky_relu, linear, tanh.")
    String activation;

    @Option(names = "--bias", description = "Give every layer a bias.")
    boolean bias;

    @Option(names = "--loss", description = "mse or cross_entropy (default: cross_entropy for classes, mse otherwise).")
    String loss;

    @Option(names = "--optimizer", defaultValue = "adam", description = "gd, sgd, momentum or adam (default ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", defaultValue = "0.01", description = "Learning rate (default ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--batch", defaultValue = "32", description = "Minibatch size; 0 means the full batch (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--epochs", defaultValue = "100", description = "Epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--out", required = true, description = "Where to write the trained model.")
    Path out;

    @Option(names = "--backend", defaultValue = "cpu",
            description = "Each step's loss and gradient on: cpu, opencl, opencl:K or auto (-fp32 for single precision);"
                    + " without a working OpenCL device, one note and the CPU (default ${DEFAULT-VALUE}).")
    String backend;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        BuiltinDataset builtin = BuiltinDataset.fromId(data);
        LossKind lossKind = lossKind(builtin);
        Dataset all = loadData(builtin, lossKind);
        Network net = network(all, lossKind);
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new BadInputException("--test-fraction = " + testFraction + " must be in [0, 1)");
        }
        Split split = Split.trainTest(all, testFraction, seed + 1);
        TrainingConfig config = config();
        TrainingResult result;
        String onDevice = null;
        try (Backend steps = BackendOption.open(backend, err)) {
            // The CPU backend's steps are the engine's own (Trainer's default), bit for bit.
            onDevice = steps instanceof CpuBackend ? null : steps.name();
            Trainer trainer = new Trainer(net, lossKind, split.train(), split.test(), config,
                    onDevice == null ? null : steps.minibatchGradient(net, lossKind, split.train()));
            result = trainer.train(Initializer.he(net, seed + 2), p -> {
                if (p.epoch() == p.epochs() || p.epoch() % Math.max(1, p.epochs() / 10) == 0) {
                    err.printf("epoch %d/%d  loss %.6g%s%n", p.epoch(), p.epochs(), p.trainLoss(),
                            p.testLoss().isPresent() ? String.format("  test loss %.6g", p.testLoss().getAsDouble()) : "");
                }
            });
            BackendOption.reportFallback(steps, err);
        }
        if (result.diverged()) {
            err.println("note: " + result.message());
        }
        Map<String, String> extras = new LinkedHashMap<>();
        extras.put("meta", meta(builtin, all.size(), lossKind, result, onDevice));
        Model model = new Model(net, result.theta(), lossKind, split.train(), split.test(), extras);
        Models.save(model, out);

        Map<String, Object> printed = new LinkedHashMap<>();
        printed.put("epochs", result.epochsCompleted());
        printed.put("loss", result.trainLoss());
        if (result.testLoss().isPresent()) {
            printed.put("testLoss", result.testLoss().getAsDouble());
        }
        if (net.outputs() > 1 && lossKind == LossKind.CROSS_ENTROPY) {
            printed.put("accuracy", Accuracy.of(net, result.theta(), split.train()));
            if (split.test() != null) {
                printed.put("testAccuracy", Accuracy.of(net, result.theta(), split.test()));
            }
        }
        if (result.diverged()) {
            printed.put("stopped", result.message());
        }
        Json.print(spec.commandLine().getOut(), printed);
        return Cli.OK;
    }

    private LossKind lossKind(BuiltinDataset builtin) {
        if (loss == null) {
            return builtin != null ? builtin.defaultLoss() : LossKind.MSE;
        }
        LossKind k = LossKind.fromId(loss);
        if (k == null) {
            throw new BadInputException("--loss = " + loss + " is not a loss: use mse or cross_entropy");
        }
        return k;
    }

    private Dataset loadData(BuiltinDataset builtin, LossKind lossKind) {
        Targets targets = lossKind == LossKind.CROSS_ENTROPY ? Targets.CLASSES : Targets.REGRESSION;
        if (builtin == null) {
            if (!data.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
                throw new BadInputException("--data = " + data + " is neither a built-in data set ("
                        + BuiltinDataset.ids() + ") nor a .csv file");
            }
            try {
                return CsvDatasets.read(Path.of(data), targets, layers[0]);
            } catch (DataFormatException e) {
                throw new BadInputException(e.getMessage());
            }
        }
        if (lossKind == LossKind.CROSS_ENTROPY && !builtin.isClassification()) {
            throw new BadInputException("--loss cross_entropy needs classes, but " + builtin.id() + " is a regression data set");
        }
        int n = samples != null ? samples : builtin.defaultSize();
        double s = noise != null ? noise : builtin.defaultNoise();
        if (n < 2) {
            throw new BadInputException("--n = " + n + " must be at least 2");
        }
        if (!(s >= 0) || Double.isInfinite(s)) {
            throw new BadInputException("--noise = " + s + " must be a finite number ≥ 0");
        }
        try {
            return builtin.isClassification() ? builtin.generate(n, s, seed, targets) : builtin.generate(n, s, seed);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    private Network network(Dataset all, LossKind lossKind) {
        if (layers.length < 2) {
            throw new BadInputException("--layers needs at least an input and an output width, e.g. 2,16,1");
        }
        for (int w : layers) {
            if (w <= 0) {
                throw new BadInputException("--layers widths must be positive, got " + w);
            }
        }
        if (layers[0] != all.inputDimension()) {
            throw new BadInputException("--layers starts with " + layers[0] + " inputs but the data has "
                    + all.inputDimension());
        }
        if (layers[layers.length - 1] != all.outputDimension()) {
            throw new BadInputException("--layers ends with " + layers[layers.length - 1]
                    + " outputs but the data has " + all.outputDimension() + " target columns"
                    + (lossKind == LossKind.CROSS_ENTROPY ? " (one per class)" : ""));
        }
        Activation act = Activation.fromId(activation);
        if (act == null) {
            throw new BadInputException("--activation = " + activation + " is not one of relu, leaky_relu, linear, tanh");
        }
        List<Layer> ls = new ArrayList<>();
        for (int k = 0; k + 1 < layers.length; k++) {
            Activation a = k + 2 == layers.length ? Activation.LINEAR : act;
            ls.add(Layer.of(layers[k], layers[k + 1], a, bias));
        }
        return new Network(ls);
    }

    private TrainingConfig config() {
        OptimizerKind kind = OptimizerKind.fromId(optimizer);
        if (kind == null) {
            throw new BadInputException("--optimizer = " + optimizer + " is not one of " + OptimizerKind.ids());
        }
        try {
            return new TrainingConfig(kind, lr, batch, epochs, seed + 3);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** The settings that reproduce this run, as the model file's {@code meta} field (JSON text). */
    private String meta(BuiltinDataset builtin, int n, LossKind lossKind, TrainingResult result, String onDevice) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode meta = mapper.createObjectNode();
        meta.put("seed", seed);
        ObjectNode with = meta.putObject("trainedWith");
        with.put("data", data);
        if (builtin != null) {
            with.put("n", n);
            with.put("noise", noise != null ? noise : builtin.defaultNoise());
        }
        with.put("testFraction", testFraction);
        ArrayNode ws = with.putArray("layers");
        for (int w : layers) {
            ws.add(w);
        }
        with.put("activation", activation);
        with.put("bias", bias);
        with.put("loss", lossKind.id());
        with.put("optimizer", optimizer);
        with.put("lr", lr);
        with.put("batch", batch);
        with.put("epochs", epochs);
        with.put("epochsCompleted", result.epochsCompleted());
        if (onDevice != null) {
            with.put("backend", onDevice);
        }
        if (result.diverged()) {
            with.put("stopped", result.message());
        }
        return meta.toString();
    }
}
