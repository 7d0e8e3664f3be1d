package lab.sharpminima.engine.data;

/**
 * A data file that cannot be used, with a one-line message naming the file, and where it applies
 * the line and column, and what is wrong. (Not {@code java.util.zip.DataFormatException}.)
 */
public class DataFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public DataFormatException(String message) {
        super(message);
    }

    public DataFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
