package lab.sharpminima.engine.train;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The optimizers by their command-line ids: {@code gd}, {@code sgd}, {@code momentum}, {@code adam}. */
public enum OptimizerKind {
    /** Full-batch gradient descent: the trainer ignores the batch size. */
    GD("gd"),
    /** Plain steps on shuffled minibatches. */
    SGD("sgd"),
    /** Heavy ball, β = 0.9, on shuffled minibatches. */
    MOMENTUM("momentum"),
    /** Adam with PyTorch's defaults, on shuffled minibatches. */
    ADAM("adam");

    private final String id;

    OptimizerKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Whether the trainer always uses the whole training set as one batch. */
    public boolean isFullBatch() {
        return this == GD;
    }

    /** A fresh optimizer of this kind with its default hyper-parameters. */
    public Optimizer create(double learningRate) {
        switch (this) {
            case GD:
            case SGD:
                return new GradientDescent(learningRate);
            case MOMENTUM:
                return new Momentum(learningRate);
            default:
                return new Adam(learningRate);
        }
    }

    /** The kind with this id (case-insensitive), or {@code null} for an unknown id. */
    public static OptimizerKind fromId(String name) {
        if (name == null) {
            return null;
        }
        String n = name.toLowerCase(Locale.ROOT);
        for (OptimizerKind k : values()) {
            if (k.id.equals(n)) {
                return k;
            }
        }
        return null;
    }

    /** All ids, comma-separated. */
    public static String ids() {
        return Arrays.stream(values()).map(OptimizerKind::id).collect(Collectors.joining(", "));
    }
}
