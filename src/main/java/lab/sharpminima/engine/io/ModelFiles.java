package lab.sharpminima.engine.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import lab.sharpminima.engine.Model;

/**
 * Opens and saves model files ({@code sharp-minima-lab/model}, version 1).
 *
 * <p>Reading is strict: every problem is a {@link ModelFormatException} whose one-line message starts
 * with the file name and names the field. Writing is atomic: the text goes to a temporary file in
 * the target's directory, is forced to disk, and is moved over the target in one step, so a crash
 * or a full disk never leaves a half-written model behind. Instances are not needed: all methods
 * are static and thread-safe.
 */
public final class ModelFiles {

    /**
     * Jackson parses {@code NaN} and {@code Infinity} tokens so that the reader can reject them by
     * field name instead of reporting a bare syntax error; duplicate keys and trailing content are
     * syntax errors, since either would mean silently ignoring part of the file.
     */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();


    private ModelFiles() {
    }

    /**
     * Reads a model file (UTF-8 JSON).
     *
     * @throws ModelFormatException "{@code name}: …" when the file cannot be read, is not JSON, or
     *     breaks the format; {@code name} is the file's name without its directory
     */
    public static Model read(Path file) throws ModelFormatException {
        String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(source + ": no such file (" + file.toAbsolutePath() + ")", e);
        } catch (AccessDeniedException e) {
            throw new ModelFormatException(source + ": permission denied; check the file's permissions", e);
        } catch (IOException e) {
            throw new ModelFormatException(source + ": cannot be read (" + firstLine(e.getMessage()) + ")", e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ModelFormatException(source + ": is not UTF-8 text; model files are UTF-8 JSON", e);
        }
        return parse(text, source);
    }

    /**
     * Parses model-file JSON text.
     *
     * @param sourceName put in front of messages ("{@code sourceName}: …"); {@code null} for none
     * @throws ModelFormatException when the text is not JSON (with line and column) or breaks the format
     */
    public static Model parse(String json, String sourceName) throws ModelFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ModelFormatException("invalid JSON" + where + ": " + syntaxProblem(e), e).from(sourceName);
        }
        if (root == null || root.isMissingNode()) {
            throw new ModelFormatException("the file is empty; a model file holds one JSON object").from(sourceName);
        }
        try {
            return new ModelReader(MAPPER).read(root);
        } catch (ModelFormatException e) {
            throw e.from(sourceName);
        }
    }

    /**
     * The model as model-file JSON text (UTF-8 when saved), ending with a newline; the same model
     * always gives the same text.
     *
     * @throws IllegalArgumentException when the model holds a non-finite number (the message names
     *     the field) or an extra field that is not valid JSON
     */
    public static String toJson(Model model) {
        return new ModelWriter(MAPPER).write(model);
    }

    /**
     * Saves the model atomically: a temporary file beside {@code file} is written, forced to disk and
     * moved over {@code file} (an atomic move where the file system has one). On any failure the
     * temporary file is deleted and {@code file} is left as it was.
     *
     * @throws IOException when the directory does not exist or cannot be written
     * @throws IllegalArgumentException as {@link #toJson(Model)}
     */
    public static void write(Model model, Path file) throws IOException {
        byte[] bytes = toJson(model).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** Jackson's description of a syntax error, on one line and without its internal wording. */
    private static String syntaxProblem(JsonProcessingException e) {
        String m = firstLine(e.getOriginalMessage());
        if (m.startsWith("Trailing token")) {
            return "more content after the end of the model's JSON object";
        }
        return m.replaceAll("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
