package lab.sharpminima.engine.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.Model;
import lab.sharpminima.engine.Network;
import org.ejml.data.DMatrixRMaj;

/**
 * Writes a {@link Model} as model-file JSON in the spec's field order: format, version, layers,
 * weights, biases, loss, data, test, then the extra fields in the order they came.
 *
 * <p>Numbers are written with {@link Double#toString(double)}, which gives enough digits to read
 * back the same double bit for bit (Java SE {@code Double} spec; checked by a property test), so
 * a file survives any number of open/save cycles unchanged. One matrix row per line; two-space
 * indent; the output is a function of the model alone.
 */
final class ModelWriter {

    private final ObjectMapper mapper;
    private final StringBuilder sb = new StringBuilder();

    ModelWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The JSON text, ending with a newline.
     *
     * @throws IllegalArgumentException for a number that is not finite (naming its field), an extra
     *     field that is not valid JSON, or an extra field that shadows a format field
     */
    String write(Model m) {
        Network net = m.network();
        sb.setLength(0);
        sb.append("{\n");
        sb.append("  \"format\": \"").append(ModelReader.FORMAT).append("\",\n");
        sb.append("  \"version\": ").append(ModelReader.VERSION).append(",\n");
        layers(net);
        weights(net, m.theta());
        biases(net, m.theta());
        sb.append("  \"loss\": \"").append(m.loss().id()).append('"');
        dataset("data", m.data());
        dataset("test", m.test());
        for (Map.Entry<String, String> e : m.extras().entrySet()) {
            sb.append(",\n  ").append(quote(e.getKey())).append(": ").append(checkedExtra(e.getKey(), e.getValue()));
        }
        sb.append("\n}\n");
        return sb.toString();
    }

    private void layers(Network net) {
        sb.append("  \"layers\": [\n");
        for (int k = 0; k < net.depth(); k++) {
            Layer l = net.layer(k);
            sb.append("    {\"in\": ").append(l.in()).append(", \"out\": ").append(l.out())
                    .append(", \"activation\": \"").append(l.activation().id()).append('"');
            if (l.activation() == Activation.LEAKY_RELU) {
                sb.append(", \"slope\": ");
                number(l.slope(), "layers[" + k + "].slope");
            }
            sb.append(", \"bias\": ").append(l.bias()).append('}').append(k + 1 < net.depth() ? ",\n" : "\n");
        }
        sb.append("  ],\n");
    }

    private void weights(Network net, double[] theta) {
        sb.append("  \"weights\": [\n");
        for (int k = 0; k < net.depth(); k++) {
            sb.append("    ");
            matrix(net.weights(theta, k), "weights[" + k + "]", "    ");
            sb.append(k + 1 < net.depth() ? ",\n" : "\n");
        }
        sb.append("  ],\n");
    }

    private void biases(Network net, double[] theta) {
        sb.append("  \"biases\": [\n");
        for (int k = 0; k < net.depth(); k++) {
            double[] b = net.bias(theta, k);
            sb.append("    ");
            if (b == null) {
                sb.append("null");
            } else {
                row(b, 0, b.length, "biases[" + k + "]");
            }
            sb.append(k + 1 < net.depth() ? ",\n" : "\n");
        }
        sb.append("  ],\n");
    }

    private void dataset(String name, Dataset d) {
        if (d == null) {
            return;
        }
        sb.append(",\n  \"").append(name).append("\": {\n    \"x\": ");
        matrix(d.x(), name + ".x", "    ");
        sb.append(",\n    \"y\": ");
        matrix(d.y(), name + ".y", "    ");
        sb.append("\n  }");
    }

    /** A matrix as an array of rows, one row per line, closing bracket at {@code indent}. */
    private void matrix(DMatrixRMaj m, String field, String indent) {
        if (m.numRows == 0) {
            sb.append("[]");
            return;
        }
        sb.append("[\n");
        for (int i = 0; i < m.numRows; i++) {
            sb.append(indent).append("  ");
            row(m.data, i * m.numCols, m.numCols, field + "[" + i + "]");
            sb.append(i + 1 < m.numRows ? ",\n" : "\n");
        }
        sb.append(indent).append(']');
    }

    private void row(double[] data, int from, int len, String field) {
        sb.append('[');
        for (int j = 0; j < len; j++) {
            if (j > 0) {
                sb.append(", ");
            }
            double v = data[from + j];
            if (!Double.isFinite(v)) {
                throw nonFinite(v, field + "[" + j + "]");
            }
            sb.append(v);
        }
        sb.append(']');
    }

    private void number(double v, String field) {
        if (!Double.isFinite(v)) {
            throw nonFinite(v, field);
        }
        sb.append(v);
    }

    private static IllegalArgumentException nonFinite(double v, String field) {
        return new IllegalArgumentException(field + " is " + v + "; a model file holds finite numbers only");
    }

    private String checkedExtra(String name, String json) {
        if (ModelReader.KNOWN_FIELDS.contains(name)) {
            throw new IllegalArgumentException("extra field \"" + name + "\" would shadow the format's own field");
        }
        JsonNode n;
        try {
            n = json == null ? null : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            n = null;
        }
        if (n == null || n.isMissingNode()) {
            throw new IllegalArgumentException("extra field \"" + name + "\" is not valid JSON text");
        }
        try {
            JsonFields.requireFiniteEverywhere(n, name);
        } catch (ModelFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return json.strip();
    }

    private String quote(String s) {
        try {
            return mapper.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string could not be written as JSON", e);
        }
    }
}
