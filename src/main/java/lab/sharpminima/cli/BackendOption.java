package lab.sharpminima.cli;

import java.io.PrintWriter;
import lab.sharpminima.compute.Backend;
import lab.sharpminima.gpu.Backends;

/**
 * The {@code --backend} option's value turned into a {@link Backend}, for every command that does
 * batched work ({@code measure}, {@code slice}, {@code bench gpu}): an unknown word is bad input; a
 * missing or failing OpenCL device is one note on stderr and the CPU backend.
 */
final class BackendOption {

    private BackendOption() {
    }

    /** The backend for {@code word}; the caller closes it. */
    static Backend open(String word, PrintWriter err) {
        Backends.Selection s;
        try {
            s = Backends.select(word);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        if (s.note() != null) {
            err.println(s.note());
        }
        return s.backend();
    }

    /** Prints the note of a device that handed calls to the CPU during the command, if any. */
    static void reportFallback(Backend b, PrintWriter err) {
        if (b instanceof lab.sharpminima.gpu.DeviceWithFallback d && d.fallbackNote() != null) {
            err.println(d.fallbackNote());
        }
    }
}
