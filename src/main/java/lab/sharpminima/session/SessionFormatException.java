package lab.sharpminima.session;

/**
 * A session file that cannot be used: unreadable, not JSON, or JSON that breaks the session format.
 * The message is one line naming the field, e.g. {@code session.figure2.alphaExponent: must be a
 * number in [-3, 3]}, so that it can be shown to a user as it is.
 */
public class SessionFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public SessionFormatException(String message) {
        super(message);
    }

    public SessionFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
