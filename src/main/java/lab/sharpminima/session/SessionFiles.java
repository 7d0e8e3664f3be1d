package lab.sharpminima.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import lab.sharpminima.engine.io.AtomicFiles;
import lab.sharpminima.engine.io.ModelFiles;

/**
 * Session files: one JSON object, {@code "format": "sharp-minima-lab-session", "version": 1}, with the
 * fields of {@link Session} ({@code model} embeds the model in the model-file format of
 * {@code spec/model-format.md}). Written atomically; read by validating every field first, so that a
 * damaged file yields one {@link SessionFormatException} and no partial {@link Session}.
 */
public final class SessionFiles {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SessionFiles() {
    }

    /** Reads and validates a session file (messages name the field, not the file: callers add it). */
    public static Session read(Path file) throws SessionFormatException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new SessionFormatException("session: the file does not exist", e);
        } catch (IOException e) {
            throw new SessionFormatException("session: the file cannot be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
        return parse(text);
    }

    /**
     * Parses and validates session JSON text.
     *
     * @throws SessionFormatException naming the first field that is wrong, e.g.
     *     {@code session.figure2.alphaExponent: must be a number in [-3, 3]}
     */
    public static Session parse(String json) throws SessionFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new SessionFormatException("session: invalid JSON" + where + " (the file is damaged or truncated)",
                    e);
        }
        if (root == null || root.isMissingNode()) {
            throw new SessionFormatException("session: the file is empty; a session file holds one JSON object");
        }
        return new SessionReader().read(root);
    }

    /** The session as JSON text ending with a newline; the same session always gives the same text. */
    public static String toJson(Session s) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", Session.FORMAT);
        root.put("version", Session.VERSION);
        root.put("tab", s.tab());
        ObjectNode seeds = root.putObject("seeds");
        seeds.put("toyData", s.seeds().toyData());
        seeds.put("spectrum", s.seeds().spectrum());
        seeds.put("measures", s.seeds().measures());
        if (s.model() == null) {
            root.putNull("model");
        } else {
            ObjectNode model = root.putObject("model");
            model.put("source", s.model().source() == null ? null : s.model().source().toString());
            try {
                model.set("content", MAPPER.readTree(ModelFiles.toJson(s.model().model())));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the model writer produced invalid JSON", e);
            }
        }
        ArrayNode exponents = root.putObject("transform").putArray("alphaExponents");
        for (double e : s.transform()) {
            exponents.add(e);
        }
        root.putObject("figure1").put("theta", s.figure1().theta()).put("epsilon", s.figure1().epsilon());
        root.putObject("figure2").put("theta1", s.figure2().theta1()).put("theta2", s.figure2().theta2())
                .put("alphaExponent", s.figure2().alphaExponent()).put("epsilon", s.figure2().epsilon());
        root.putObject("figure3").put("alphaExponent", s.figure3().alphaExponent())
                .put("radius", s.figure3().radius()).put("count", s.figure3().count());
        root.putObject("figure4").put("theta1", s.figure4().theta1()).put("theta2", s.figure4().theta2())
                .put("epsilon", s.figure4().epsilon());
        ObjectNode figure5 = root.putObject("figure5");
        radial(figure5.putObject("first"), s.figure5().first());
        radial(figure5.putObject("second"), s.figure5().second());
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a session tree could not be written", e);
        }
    }

    private static void radial(ObjectNode node, Session.Radial r) {
        node.put("a", r.a()).put("logB", r.logB()).put("centre", r.centre());
    }

    /**
     * Saves the session atomically: a temporary file beside {@code file} is written, forced to disk and
     * moved over it; on any failure the temporary file is removed and {@code file} is left as it was.
     *
     * @throws IOException when the folder does not exist or cannot be written
     */
    public static void write(Session s, Path file) throws IOException {
        byte[] bytes = toJson(s).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}
