package lab.sharpminima.ui.lab;

import java.nio.file.Path;
import java.util.Arrays;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.data.BuiltinDataset;
import lab.sharpminima.engine.data.CsvDatasets;
import lab.sharpminima.engine.data.DataFormatException;
import lab.sharpminima.engine.data.Split;
import lab.sharpminima.engine.data.Targets;
import lab.sharpminima.engine.train.Initializer;
import lab.sharpminima.engine.train.Trainer;
import lab.sharpminima.engine.train.TrainingConfig;

/**
 * Everything one training run needs, built from the lab's settings: the data split, the network, the
 * loss, the starting θ (He/Glorot, {@link Initializer#he}) and the training config.
 *
 * @param network the multilayer perceptron: inputs, the hidden widths, one output per target column
 */
public record LabProblem(Split split, Network network, LossKind loss, double[] theta0, TrainingConfig config) {

    /** The fraction of rows held out for the test loss. */
    public static final double TEST_FRACTION = 0.2;

    /**
     * The lab's settings; {@code csv} replaces {@code dataset} when not {@code null}.
     *
     * @param hidden hidden widths as typed, e.g. "16,16" (blank: no hidden layer)
     */
    public record Settings(BuiltinDataset dataset, Path csv, int n, double noise, String hidden, Activation activation,
                           boolean bias, LossKind loss, TrainingConfig config) {
    }

    /**
     * Builds the problem; the data, the split and θ₀ all use {@code config.seed()}.
     *
     * @throws IllegalArgumentException with a one-line message naming the bad setting
     */
    public static LabProblem of(Settings s) {
        Targets targets = s.loss() == LossKind.CROSS_ENTROPY ? Targets.CLASSES : Targets.REGRESSION;
        Dataset data = data(s, targets);
        int[] hidden = parseWidths(s.hidden());
        int[] widths = new int[hidden.length + 2];
        widths[0] = data.inputDimension();
        System.arraycopy(hidden, 0, widths, 1, hidden.length);
        widths[widths.length - 1] = data.outputDimension();
        Network net = Network.mlp(widths, s.activation(), s.bias());
        long seed = s.config().seed();
        Split split = Split.trainTest(data, TEST_FRACTION, seed);
        return new LabProblem(split, net, s.loss(), Initializer.he(net, seed), s.config());
    }

    private static Dataset data(Settings s, Targets targets) {
        if (s.csv() != null) {
            try {
                return CsvDatasets.read(s.csv(), targets);
            } catch (DataFormatException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        if (targets == Targets.CLASSES && !s.dataset().isClassification()) {
            throw new IllegalArgumentException("loss: " + s.dataset().id()
                    + " is a regression data set; choose mse");
        }
        if (s.n() < 2) {
            throw new IllegalArgumentException("n must be at least 2, got " + s.n());
        }
        if (!(s.noise() >= 0) || Double.isInfinite(s.noise())) {
            throw new IllegalArgumentException("noise must be a finite number ≥ 0, got " + s.noise());
        }
        return s.dataset().generate(s.n(), s.noise(), s.config().seed(), targets);
    }

    /** "16, 16" → {16, 16}; blank → {}. */
    public static int[] parseWidths(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return new int[0];
        }
        try {
            int[] w = Arrays.stream(t.split("[,\\s]+")).mapToInt(Integer::parseInt).toArray();
            for (int x : w) {
                if (x < 1 || x > 512) {
                    throw new IllegalArgumentException("layer widths must be between 1 and 512, got " + x);
                }
            }
            return w;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("layer widths: write whole numbers separated by commas, e.g. 16,16; got \""
                    + t + "\"", e);
        }
    }

    /** A trainer for this problem. */
    public Trainer trainer() {
        return new Trainer(network, loss, split.train(), split.test(), config);
    }

    /** SGD steps per epoch: ⌈N_train / batch⌉. */
    public int stepsPerEpoch() {
        int n = split.train().size();
        int b = config.effectiveBatch(n);
        return (n + b - 1) / b;
    }
}
