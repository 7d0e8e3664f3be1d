package lab.sharpminima.engine;

import java.util.Locale;

/**
 * The losses of the model format, both a mean over the N samples.
 * <ul>
 *   <li>{@code mse}: L = (1/N) Σ_i ‖f(x_i) − y_i‖² (squared error summed over outputs, no ½);</li>
 *   <li>{@code cross_entropy}: L = (1/N) Σ_i −Σ_j y_ij log softmax(f(x_i))_j.</li>
 * </ul>
 */
public enum LossKind {
    MSE("mse"),
    CROSS_ENTROPY("cross_entropy");

    private final String id;

    LossKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Parses a model-file name; returns {@code null} for an unknown name. */
    public static LossKind fromId(String name) {
        if (name == null) {
            return null;
        }
        String n = name.toLowerCase(Locale.ROOT);
        for (LossKind k : values()) {
            if (k.id.equals(n)) {
                return k;
            }
        }
        return null;
    }
}
