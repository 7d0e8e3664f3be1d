package lab.sharpminima.engine.io;

/**
 * A model file that cannot be read: unreadable, not JSON, or JSON that breaks the model format.
 *
 * <p>The message is one line that names the file (when there is one) and the offending field, e.g.
 * {@code model.json: layers[1].in = 7 does not match layers[0].out = 8}, so that it can be shown to
 * a user as it is.
 */
public class ModelFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The same problem with {@code source: } in front, or this exception when there is no source. */
    ModelFormatException from(String source) {
        if (source == null || source.isEmpty()) {
            return this;
        }
        return new ModelFormatException(source + ": " + getMessage(), getCause());
    }
}
