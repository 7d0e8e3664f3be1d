package lab.sharpminima.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A network with its parameters, loss and data: everything a model file holds.
 *
 * @param network architecture
 * @param theta   flat parameter vector in the model format's order (owned by this record: copy before mutating)
 * @param loss    the loss on {@code data}
 * @param data    training data (may be {@code null} when the file carries none)
 * @param test    held-out data or {@code null}
 * @param extras  unknown top-level fields of the file, kept verbatim for re-saving (JSON text by field)
 */
public record Model(Network network, double[] theta, LossKind loss, Dataset data, Dataset test,
                    Map<String, String> extras) {

    public Model {
        if (theta.length != network.parameterCount()) {
            throw new IllegalArgumentException("θ has " + theta.length + " entries, the network needs "
                    + network.parameterCount());
        }
        extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /** The same model with other parameters. */
    public Model withTheta(double[] newTheta) {
        return new Model(network, newTheta, loss, data, test, extras);
    }

    /** The same model with other extra fields. */
    public Model withExtras(Map<String, String> newExtras) {
        return new Model(network, theta, loss, data, test, newExtras);
    }

    /** The loss function on the training data. */
    public LossFunction lossFunction() {
        if (data == null || data.size() == 0) {
            throw new IllegalStateException("the model has no data to measure a loss on");
        }
        return new LossFunction(network, loss, data);
    }
}
