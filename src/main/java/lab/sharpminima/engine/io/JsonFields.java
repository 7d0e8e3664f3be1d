package lab.sharpminima.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of JSON tree nodes that fail with a {@link ModelFormatException} naming the field.
 *
 * <p>Nothing is coerced: a number written as a string, {@code 2.0} where an integer is needed, or a
 * non-finite number (the reader lets Jackson parse {@code NaN} and {@code Infinity} tokens, and a
 * literal such as {@code 1e400} overflows to infinity) is an error, never a guess.
 */
final class JsonFields {

    private JsonFields() {
    }

    static ModelFormatException fail(String message) {
        return new ModelFormatException(message);
    }

    /** A short description of what a node holds, for "got …" in messages. */
    static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            String t = n.textValue();
            return "the string \"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
        }
        if (n.isArray()) {
            return "an array of " + n.size();
        }
        if (n.isObject()) {
            return "an object";
        }
        return n.asText();
    }

    /**
     * Fails unless {@code ok}: "{@code field} is missing ({@code what})" when the node is absent,
     * "{@code field} must be {@code what}, got …" otherwise.
     */
    static void expect(JsonNode n, boolean ok, String field, String what) throws ModelFormatException {
        if (n == null || n.isMissingNode()) {
            throw fail(field + " is missing (" + what + ")");
        }
        if (!ok) {
            throw fail(field + " must be " + what + ", got " + describe(n));
        }
    }

    /** A finite number. */
    static double finite(JsonNode n, String field) throws ModelFormatException {
        expect(n, n != null && n.isNumber(), field, "a number");
        double v = n.doubleValue();
        if (!Double.isFinite(v)) {
            throw fail(field + " is not finite (" + n.asText() + "); model files hold finite numbers only");
        }
        return v;
    }

    /** A positive integer that fits an {@code int}. */
    static int positiveInt(JsonNode n, String field) throws ModelFormatException {
        expect(n, n != null && n.isIntegralNumber() && n.canConvertToInt() && n.intValue() > 0, field,
                "a positive integer");
        return n.intValue();
    }

    /** {@code true} or {@code false}. */
    static boolean bool(JsonNode n, String field) throws ModelFormatException {
        expect(n, n != null && n.isBoolean(), field, "true or false");
        return n.booleanValue();
    }

    /** An array; {@code what} says what it should hold. */
    static JsonNode array(JsonNode n, String field, String what) throws ModelFormatException {
        expect(n, n != null && n.isArray(), field, "an array of " + what);
        return n;
    }

    /** Rejects any field of an object other than {@code known}. */
    static void onlyKnownFields(JsonNode obj, String field, String... known) throws ModelFormatException {
        Iterator<String> names = obj.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!List.of(known).contains(name)) {
                throw fail(field + "." + name + " is not a known field (expected " + String.join(", ", known) + ")");
            }
        }
    }

    /** Rejects non-finite numbers anywhere inside a free-form value (the extra top-level fields). */
    static void requireFiniteEverywhere(JsonNode n, String field) throws ModelFormatException {
        if (n.isNumber()) {
            finite(n, field);
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                requireFiniteEverywhere(n.get(i), field + "[" + i + "]");
            }
        } else if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                requireFiniteEverywhere(e.getValue(), field + "." + e.getKey());
            }
        }
    }
}
