package lab.sharpminima.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import lab.sharpminima.engine.Model;
import lab.sharpminima.engine.io.ModelFiles;
import lab.sharpminima.engine.io.ModelFormatException;
import lab.sharpminima.session.SessionRanges.Range;

/**
 * Validates a parsed session tree field by field and builds the {@link Session} only when every field
 * is right. Unknown fields are ignored (a later version may add some); missing ones are errors.
 */
final class SessionReader {

    /** How far the last exponent may be from −Σ of the others (they are written with 17 digits). */
    private static final double SUM_TOLERANCE = 1e-9;

    Session read(JsonNode root) throws SessionFormatException {
        if (!root.isObject()) {
            throw error("session", "must be a JSON object");
        }
        String format = text(root, "format");
        if (!Session.FORMAT.equals(format)) {
            throw error("session.format", "must be \"" + Session.FORMAT + "\", got \"" + format + "\"");
        }
        JsonNode version = field(root, "session", "version");
        if (!version.isIntegralNumber()) {
            throw error("session.version", "must be an integer");
        }
        if (version.asLong() != Session.VERSION) {
            throw error("session.version", version.asText() + " is not supported; this app reads version "
                    + Session.VERSION + " (a newer app may have written it)");
        }
        Session.Seeds seeds = seeds(object(root, "session", "seeds"));
        Session.ModelEntry model = model(root);
        double[] transform = transform(object(root, "session", "transform"), model);
        return new Session(model, transform, figure1(object(root, "session", "figure1")),
                figure2(object(root, "session", "figure2")), figure3(object(root, "session", "figure3")),
                figure4(object(root, "session", "figure4")), figure5(object(root, "session", "figure5")),
                tab(root), seeds);
    }

    private static String tab(JsonNode root) throws SessionFormatException {
        String tab = text(root, "tab");
        if (!tab.matches("[a-z0-9-]{1,40}")) {
            throw error("session.tab", "must be a tab name such as \"figure2\" (lower-case letters, digits, -)");
        }
        return tab;
    }

    private static Session.Seeds seeds(JsonNode node) throws SessionFormatException {
        Session.Seeds now = Session.Seeds.CURRENT;
        return new Session.Seeds(seed(node, "toyData", now.toyData()), seed(node, "spectrum", now.spectrum()),
                seed(node, "measures", now.measures()));
    }

    private static long seed(JsonNode node, String name, long expected) throws SessionFormatException {
        JsonNode v = field(node, "session.seeds", name);
        String path = "session.seeds." + name;
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw error(path, "must be an integer");
        }
        if (v.asLong() != expected) {
            throw error(path, "is " + v.asLong() + ", but this app draws with seed " + expected
                    + ", so the picture would differ; set it to " + expected);
        }
        return v.asLong();
    }

    private static Session.ModelEntry model(JsonNode root) throws SessionFormatException {
        JsonNode node = field(root, "session", "model");
        if (node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw error("session.model", "must be an object with \"source\" and \"content\", or null");
        }
        JsonNode source = field(node, "session.model", "source");
        Path path = null;
        if (!source.isNull()) {
            if (!source.isTextual()) {
                throw error("session.model.source", "must be a path (text) or null");
            }
            try {
                path = Path.of(source.asText());
            } catch (InvalidPathException e) {
                throw error("session.model.source", "is not a valid path: " + e.getReason());
            }
        }
        JsonNode content = field(node, "session.model", "content");
        if (!content.isObject()) {
            throw error("session.model.content", "must be a model object (the model-file format)");
        }
        try {
            Model m = ModelFiles.parse(content.toString(), "session.model.content");
            return new Session.ModelEntry(path, m);
        } catch (ModelFormatException e) {
            throw new SessionFormatException(e.getMessage(), e);
        }
    }

    private static double[] transform(JsonNode node, Session.ModelEntry model) throws SessionFormatException {
        JsonNode array = field(node, "session.transform", "alphaExponents");
        String path = "session.transform.alphaExponents";
        if (!array.isArray()) {
            throw error(path, "must be an array of numbers, one log₁₀ α per layer");
        }
        int depth = model == null ? 0 : model.model().network().depth();
        if (array.size() != depth) {
            throw error(path, "has " + array.size() + " entries, but the model has " + depth + " layers");
        }
        double[] x = new double[depth];
        for (int k = 0; k < depth; k++) {
            x[k] = number(array.get(k), path + "[" + k + "]", SessionRanges.TRANSFORM_EXPONENT);
        }
        double sum = 0;
        for (double e : x) {
            sum += e;
        }
        if (Math.abs(sum) > SUM_TOLERANCE * Math.max(1, depth)) {
            throw error(path, "must sum to 0 (∏ α_k = 1: the last layer's α follows the others), sums to " + sum);
        }
        return x;
    }

    private static Session.Figure1 figure1(JsonNode n) throws SessionFormatException {
        return new Session.Figure1(number(n, "figure1", "theta", SessionRanges.FIGURE1_THETA),
                number(n, "figure1", "epsilon", SessionRanges.FIGURE1_EPSILON));
    }

    private static Session.Figure2 figure2(JsonNode n) throws SessionFormatException {
        return new Session.Figure2(number(n, "figure2", "theta1", SessionRanges.FIGURE2_THETA1),
                number(n, "figure2", "theta2", SessionRanges.FIGURE2_THETA2),
                number(n, "figure2", "alphaExponent", SessionRanges.FIGURE2_ALPHA_EXPONENT),
                number(n, "figure2", "epsilon", SessionRanges.FIGURE2_EPSILON));
    }

    private static Session.Figure3 figure3(JsonNode n) throws SessionFormatException {
        double alphaExponent = number(n, "figure3", "alphaExponent", SessionRanges.FIGURE3_ALPHA_EXPONENT);
        double radius = number(n, "figure3", "radius", SessionRanges.FIGURE3_RADIUS);
        JsonNode count = field(n, "session.figure3", "count");
        Range r = SessionRanges.FIGURE3_COUNT;
        if (!count.isIntegralNumber() || !r.contains(count.asDouble())) {
            throw error("session.figure3.count", "must be an integer in " + r);
        }
        return new Session.Figure3(alphaExponent, radius, count.asInt());
    }

    private static Session.Figure4 figure4(JsonNode n) throws SessionFormatException {
        return new Session.Figure4(number(n, "figure4", "theta1", SessionRanges.FIGURE4_THETA1),
                number(n, "figure4", "theta2", SessionRanges.FIGURE4_THETA2),
                number(n, "figure4", "epsilon", SessionRanges.FIGURE4_EPSILON));
    }

    private static Session.Figure5 figure5(JsonNode n) throws SessionFormatException {
        return new Session.Figure5(radial(object(n, "session.figure5", "first"), "figure5.first"),
                radial(object(n, "session.figure5", "second"), "figure5.second"));
    }

    private static Session.Radial radial(JsonNode n, String where) throws SessionFormatException {
        return new Session.Radial(number(n, where, "a", SessionRanges.FIGURE5_A),
                number(n, where, "logB", SessionRanges.FIGURE5_LOG_B),
                number(n, where, "centre", SessionRanges.FIGURE5_CENTRE));
    }

    private static double number(JsonNode parent, String where, String name, Range range)
            throws SessionFormatException {
        return number(field(parent, "session." + where, name), "session." + where + "." + name, range);
    }

    private static double number(JsonNode v, String path, Range range) throws SessionFormatException {
        if (v == null || !v.isNumber() || !range.contains(v.asDouble())) {
            throw error(path, "must be a number in " + range);
        }
        return v.asDouble();
    }

    private static String text(JsonNode root, String name) throws SessionFormatException {
        JsonNode v = field(root, "session", name);
        if (!v.isTextual()) {
            throw error("session." + name, "must be text");
        }
        return v.asText();
    }

    private static JsonNode object(JsonNode parent, String where, String name) throws SessionFormatException {
        JsonNode v = field(parent, where, name);
        if (!v.isObject()) {
            throw error(where + "." + name, "must be a JSON object");
        }
        return v;
    }

    private static JsonNode field(JsonNode parent, String where, String name) throws SessionFormatException {
        JsonNode v = parent.get(name);
        if (v == null) {
            throw error(where + "." + name, "is missing");
        }
        return v;
    }

    private static SessionFormatException error(String path, String what) {
        return new SessionFormatException(path + ": " + what);
    }
}
