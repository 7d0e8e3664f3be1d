package lab.sharpminima.engine.io;

import static lab.sharpminima.engine.io.JsonFields.array;
import static lab.sharpminima.engine.io.JsonFields.bool;
import static lab.sharpminima.engine.io.JsonFields.describe;
import static lab.sharpminima.engine.io.JsonFields.expect;
import static lab.sharpminima.engine.io.JsonFields.fail;
import static lab.sharpminima.engine.io.JsonFields.finite;
import static lab.sharpminima.engine.io.JsonFields.onlyKnownFields;
import static lab.sharpminima.engine.io.JsonFields.positiveInt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Model;
import lab.sharpminima.engine.Network;
import org.ejml.data.DMatrixRMaj;

/**
 * Turns the JSON tree of a model file into a {@link Model}, checking everything the format's
 * "What a reader must reject" lists: format and version, layers that chain, weight and bias shapes,
 * finite numbers everywhere, known activations and losses, data widths and lengths, non-empty data,
 * and probability rows for cross-entropy targets.
 */
final class ModelReader {

    static final String FORMAT = "sharp-minima-lab/model";
    static final int VERSION = 1;
    static final List<String> KNOWN_FIELDS =
            List.of("format", "version", "layers", "weights", "biases", "loss", "data", "test");

    /** How far a cross-entropy target row's sum may be from 1. */
    static final double SUM_TOLERANCE = 1e-9;

    private final ObjectMapper mapper;

    ModelReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Model read(JsonNode root) throws ModelFormatException {
        if (!root.isObject()) {
            throw fail("a model file must hold one JSON object, got " + describe(root));
        }
        checkFormat(root);
        List<Layer> layers = layers(root.get("layers"));
        List<DMatrixRMaj> weights = weights(root.get("weights"), layers);
        List<double[]> biases = biases(root.get("biases"), layers);
        Network net = new Network(layers);
        double[] theta = new double[net.parameterCount()];
        for (int k = 0; k < layers.size(); k++) {
            net.setWeights(theta, k, weights.get(k));
            if (biases.get(k) != null) {
                net.setBias(theta, k, biases.get(k));
            }
        }
        LossKind loss = loss(root.get("loss"));
        Dataset data = dataset(root, "data", net, loss);
        Dataset test = dataset(root, "test", net, loss);
        return new Model(net, theta, loss, data, test, extras(root));
    }

    private static void checkFormat(JsonNode root) throws ModelFormatException {
        JsonNode f = root.get("format");
        if (f == null) {
            throw fail("format is missing; a model file has \"format\": \"" + FORMAT + "\"");
        }
        if (!f.isTextual() || !FORMAT.equals(f.textValue())) {
            throw fail("format must be \"" + FORMAT + "\", got " + describe(f));
        }
        JsonNode v = root.get("version");
        expect(v, v != null && v.isIntegralNumber(), "version", "the integer " + VERSION);
        if (!v.canConvertToInt() || v.intValue() != VERSION) {
            throw fail("version " + v.asText() + " is not supported (this reader knows version " + VERSION + ")");
        }
    }

    // --- layers ----------------------------------------------------------------------------------

    private static List<Layer> layers(JsonNode n) throws ModelFormatException {
        array(n, "layers", "{\"in\", \"out\", \"activation\", \"bias\"} objects");
        if (n.isEmpty()) {
            throw fail("layers is empty; a network needs at least one layer");
        }
        List<Layer> layers = new ArrayList<>();
        for (int k = 0; k < n.size(); k++) {
            Layer l = layer(n.get(k), "layers[" + k + "]");
            if (k > 0 && l.in() != layers.get(k - 1).out()) {
                throw fail("layers[" + k + "].in = " + l.in() + " does not match layers[" + (k - 1) + "].out = "
                        + layers.get(k - 1).out());
            }
            layers.add(l);
        }
        return layers;
    }

    private static Layer layer(JsonNode n, String f) throws ModelFormatException {
        expect(n, n.isObject(), f, "an object with in, out, activation and bias");
        onlyKnownFields(n, f, "in", "out", "activation", "slope", "bias");
        int in = positiveInt(n.get("in"), f + ".in");
        int out = positiveInt(n.get("out"), f + ".out");
        JsonNode a = n.get("activation");
        expect(a, a != null && a.isTextual(), f + ".activation", "relu, leaky_relu, linear or tanh");
        String name = a.textValue();
        Activation act = Activation.fromId(name);
        if (act == null) {
            throw fail(f + ".activation \"" + name + "\" is unknown (use relu, leaky_relu, linear or tanh)");
        }
        double slope = Layer.DEFAULT_SLOPE;
        if (n.has("slope")) {
            if (act != Activation.LEAKY_RELU) {
                throw fail(f + ".slope is only allowed for leaky_relu layers, this one is " + act.id());
            }
            slope = finite(n.get("slope"), f + ".slope");
        }
        boolean bias = bool(n.get("bias"), f + ".bias");
        return new Layer(in, out, act, slope, bias);
    }

    // --- parameters ------------------------------------------------------------------------------

    private static List<DMatrixRMaj> weights(JsonNode n, List<Layer> layers) throws ModelFormatException {
        array(n, "weights", "matrices, one in × out matrix per layer");
        if (n.size() != layers.size()) {
            throw fail("weights must hold " + layers.size() + " matrices, one per layer, got " + n.size());
        }
        List<DMatrixRMaj> ws = new ArrayList<>();
        for (int k = 0; k < layers.size(); k++) {
            ws.add(matrix(n.get(k), "weights[" + k + "]", layers.get(k).in(), layers.get(k).out()));
        }
        return ws;
    }

    /** θ_k as {@code rows} rows of {@code cols} numbers. */
    private static DMatrixRMaj matrix(JsonNode n, String f, int rows, int cols) throws ModelFormatException {
        String shape = f + " must have " + count(rows, "row") + " of " + count(cols, "number");
        if (!n.isArray()) {
            throw fail(shape + ", got " + describe(n));
        }
        if (n.size() != rows) {
            throw fail(shape + ", got " + count(n.size(), "row"));
        }
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows; i++) {
            JsonNode r = n.get(i);
            if (!r.isArray()) {
                throw fail(shape + ", row " + i + " is " + describe(r));
            }
            if (r.size() != cols) {
                throw fail(shape + ", row " + i + " has " + r.size());
            }
            for (int j = 0; j < cols; j++) {
                m.data[i * cols + j] = finite(r.get(j), f + "[" + i + "][" + j + "]");
            }
        }
        return m;
    }

    private static List<double[]> biases(JsonNode n, List<Layer> layers) throws ModelFormatException {
        List<double[]> bs = new ArrayList<>();
        if (n == null) {
            for (int k = 0; k < layers.size(); k++) {
                if (layers.get(k).bias()) {
                    throw fail("biases is missing but layers[" + k + "].bias is true (give null or "
                            + "the layer's out numbers for each layer)");
                }
                bs.add(null);
            }
            return bs;
        }
        array(n, "biases", "null or numbers, one entry per layer");
        if (n.size() != layers.size()) {
            throw fail("biases must hold " + layers.size() + " entries (null or numbers), one per layer, got "
                    + n.size());
        }
        for (int k = 0; k < layers.size(); k++) {
            bs.add(bias(n.get(k), k, layers.get(k)));
        }
        return bs;
    }

    private static double[] bias(JsonNode b, int k, Layer l) throws ModelFormatException {
        String f = "biases[" + k + "]";
        if (b.isNull()) {
            if (l.bias()) {
                throw fail(f + " is null but layers[" + k + "].bias is true (give " + count(l.out(), "number") + ")");
            }
            return null;
        }
        if (!l.bias()) {
            throw fail(f + " must be null because layers[" + k + "].bias is false, got " + describe(b));
        }
        if (!b.isArray() || b.size() != l.out()) {
            throw fail(f + " must have " + count(l.out(), "number") + " (layers[" + k + "].out), got "
                    + (b.isArray() ? b.size() : describe(b)));
        }
        double[] v = new double[l.out()];
        for (int j = 0; j < v.length; j++) {
            v[j] = finite(b.get(j), f + "[" + j + "]");
        }
        return v;
    }

    // --- loss and data ---------------------------------------------------------------------------

    private static LossKind loss(JsonNode n) throws ModelFormatException {
        expect(n, n != null && n.isTextual(), "loss", "\"mse\" or \"cross_entropy\"");
        String name = n.textValue();
        LossKind kind = LossKind.fromId(name);
        if (kind == null) {
            throw fail("loss \"" + name + "\" is unknown (use mse or cross_entropy)");
        }
        return kind;
    }

    /** {@code data} or {@code test}: absent (or null) gives {@code null}; present must be usable for a loss. */
    private static Dataset dataset(JsonNode root, String name, Network net, LossKind loss)
            throws ModelFormatException {
        JsonNode n = root.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        expect(n, n.isObject(), name, "an object with x and y");
        onlyKnownFields(n, name, "x", "y");
        JsonNode x = n.get("x");
        JsonNode y = n.get("y");
        array(x, name + ".x", "rows, one per sample");
        array(y, name + ".y", "rows, one per sample");
        if (x.size() != y.size()) {
            throw fail(name + ".x has " + count(x.size(), "row") + " but " + name + ".y has " + y.size());
        }
        if (x.isEmpty()) {
            throw fail(name + " has no samples (" + name + ".x and " + name + ".y are empty); a loss needs data");
        }
        int last = net.depth() - 1;
        DMatrixRMaj mx = rows(x, name + ".x", net.inputs(), "layers[0].in");
        DMatrixRMaj my = rows(y, name + ".y", net.outputs(), "layers[" + last + "].out");
        if (loss == LossKind.CROSS_ENTROPY) {
            checkDistributions(my, name + ".y");
        }
        return new Dataset(mx, my);
    }

    private static DMatrixRMaj rows(JsonNode n, String f, int width, String widthField)
            throws ModelFormatException {
        DMatrixRMaj m = new DMatrixRMaj(n.size(), width);
        for (int i = 0; i < n.size(); i++) {
            JsonNode r = n.get(i);
            String fi = f + "[" + i + "]";
            if (!r.isArray() || r.size() != width) {
                throw fail(fi + " has " + (r.isArray() ? count(r.size(), "number") : describe(r)) + ", expected "
                        + width + " (" + widthField + ")");
            }
            for (int j = 0; j < width; j++) {
                m.data[i * width + j] = finite(r.get(j), fi + "[" + j + "]");
            }
        }
        return m;
    }

    /** Cross-entropy targets are distributions: y_ij ≥ 0 and Σ_j y_ij = 1 (within {@link #SUM_TOLERANCE}). */
    private static void checkDistributions(DMatrixRMaj y, String f) throws ModelFormatException {
        for (int i = 0; i < y.numRows; i++) {
            double sum = 0;
            for (int j = 0; j < y.numCols; j++) {
                double v = y.get(i, j);
                if (v < 0) {
                    throw fail(f + "[" + i + "] must be non-negative and sum to 1 for cross_entropy ("
                            + f + "[" + i + "][" + j + "] = " + v + ")");
                }
                sum += v;
            }
            if (Math.abs(sum - 1.0) > SUM_TOLERANCE) {
                throw fail(f + "[" + i + "] must be non-negative and sum to 1 for cross_entropy (sums to " + sum + ")");
            }
        }
    }

    // --- extras ----------------------------------------------------------------------------------

    /** Unknown top-level fields, in file order, as compact JSON text. */
    private Map<String, String> extras(JsonNode root) throws ModelFormatException {
        Map<String, String> extras = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!KNOWN_FIELDS.contains(e.getKey())) {
                JsonFields.requireFiniteEverywhere(e.getValue(), e.getKey());
                extras.put(e.getKey(), compact(e.getValue()));
            }
        }
        return extras;
    }

    private String compact(JsonNode n) {
        try {
            return mapper.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree could not be written back", e);
        }
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
