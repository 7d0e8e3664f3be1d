package lab.sharpminima.cli;

/** Bad input from the user: exit code 2, the message printed as one line after "error: ". */
public final class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }
}
