package lab.sharpminima.engine.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossKind;

/**
 * The built-in data sets by the ids the command line ({@code train --data NAME}) and the app use.
 * {@code --n} is the number of samples, {@code --noise} the standard deviation of Gaussian noise
 * (on the target for regression sets, on each input coordinate for classification sets) and
 * {@code --seed} the seed; the exact definitions are on the methods of {@link BuiltinDatasets}.
 *
 * <table>
 *   <caption>ids and defaults</caption>
 *   <tr><th>id</th><th>kind</th><th>inputs</th><th>classes</th><th>n</th><th>noise</th></tr>
 *   <tr><td>toy1d</td><td>regression, y = x on [0.1, 2] (Figure 2)</td><td>1</td><td>–</td><td>20</td><td>0</td></tr>
 *   <tr><td>sine</td><td>regression, y = sin x on [−π, π]</td><td>1</td><td>–</td><td>100</td><td>0.1</td></tr>
 *   <tr><td>moons</td><td>classification</td><td>2</td><td>2</td><td>200</td><td>0.1</td></tr>
 *   <tr><td>circles</td><td>classification (factor 0.5)</td><td>2</td><td>2</td><td>200</td><td>0.05</td></tr>
 *   <tr><td>xor</td><td>classification</td><td>2</td><td>2</td><td>200</td><td>0.05</td></tr>
 *   <tr><td>spirals</td><td>classification</td><td>2</td><td>2</td><td>200</td><td>0.05</td></tr>
 *   <tr><td>blobs</td><td>classification</td><td>2</td><td>3</td><td>300</td><td>0.25</td></tr>
 * </table>
 *
 * <p>Classification sets give one-hot targets by default (for {@code cross_entropy}); with
 * {@link Targets#REGRESSION} they give one label column instead.
 */
public enum BuiltinDataset {
    TOY1D("toy1d", 1, 0, 20, 0.0),
    SINE("sine", 1, 0, 100, 0.1),
    MOONS("moons", 2, 2, 200, 0.1),
    CIRCLES("circles", 2, 2, 200, 0.05),
    XOR("xor", 2, 2, 200, 0.05),
    SPIRALS("spirals", 2, 2, 200, 0.05),
    BLOBS("blobs", 2, 3, 300, 0.25);

    private final String id;
    private final int inputs;
    private final int classes;
    private final int defaultSize;
    private final double defaultNoise;

    BuiltinDataset(String id, int inputs, int classes, int defaultSize, double defaultNoise) {
        this.id = id;
        this.inputs = inputs;
        this.classes = classes;
        this.defaultSize = defaultSize;
        this.defaultNoise = defaultNoise;
    }

    /** The name used on the command line. */
    public String id() {
        return id;
    }

    /** Number of input columns. */
    public int inputs() {
        return inputs;
    }

    /** Number of classes; 0 for a regression set. */
    public int classes() {
        return classes;
    }

    public boolean isClassification() {
        return classes > 0;
    }

    public int defaultSize() {
        return defaultSize;
    }

    public double defaultNoise() {
        return defaultNoise;
    }

    /** {@code cross_entropy} for classification sets, {@code mse} for regression sets. */
    public LossKind defaultLoss() {
        return isClassification() ? LossKind.CROSS_ENTROPY : LossKind.MSE;
    }

    /** {@link Targets#CLASSES} (one-hot) for classification sets, {@link Targets#REGRESSION} otherwise. */
    public Targets defaultTargets() {
        return isClassification() ? Targets.CLASSES : Targets.REGRESSION;
    }

    /** The set with its default targets. */
    public Dataset generate(int n, double noise, long seed) {
        return generate(n, noise, seed, defaultTargets());
    }

    /**
     * The set with the given target encoding; {@link Targets#CLASSES} on a regression set is an
     * {@link IllegalArgumentException}.
     */
    public Dataset generate(int n, double noise, long seed, Targets targets) {
        if (!isClassification() && targets == Targets.CLASSES) {
            throw new IllegalArgumentException(id + " is a regression data set; it has no classes");
        }
        switch (this) {
            case TOY1D: return BuiltinDatasets.toy1d(n, noise, seed, 1.0);
            case SINE: return BuiltinDatasets.sine(n, noise, seed);
            case MOONS: return BuiltinDatasets.moons(n, noise, seed, targets);
            case CIRCLES: return BuiltinDatasets.circles(n, noise, seed, targets);
            case XOR: return BuiltinDatasets.xor(n, noise, seed, targets);
            case SPIRALS: return BuiltinDatasets.spirals(n, noise, seed, targets);
            default: return BuiltinDatasets.blobs(n, noise, seed, classes, targets);
        }
    }

    /** The set with this id (case-insensitive), or {@code null} for an unknown id. */
    public static BuiltinDataset fromId(String name) {
        if (name == null) {
            return null;
        }
        String n = name.toLowerCase(Locale.ROOT);
        for (BuiltinDataset d : values()) {
            if (d.id.equals(n)) {
                return d;
            }
        }
        return null;
    }

    /** All ids, comma-separated, for help texts and error messages. */
    public static String ids() {
        return Arrays.stream(values()).map(BuiltinDataset::id).collect(Collectors.joining(", "));
    }
}
