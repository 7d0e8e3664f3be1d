package lab.sharpminima.about;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The app's version and the licences of its libraries, read from resources built with the jar:
 * {@code version.properties} (Maven-filtered from the project version) and {@code licences.txt}.
 */
public final class AppInfo {

    /** Shown when the jar was built without resource filtering (e.g. classes run straight from an IDE). */
    public static final String UNKNOWN_VERSION = "unknown";

    private AppInfo() {
    }

    /** The project version, e.g. "0.1.0-SNAPSHOT", or {@link #UNKNOWN_VERSION}. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = AppInfo.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return UNKNOWN_VERSION;
            }
            p.load(in);
        } catch (IOException e) {
            return UNKNOWN_VERSION;
        }
        String v = p.getProperty("version", UNKNOWN_VERSION);
        // unfiltered resource: the placeholder is still there
        return v.startsWith("${") ? UNKNOWN_VERSION : v;
    }

    /** The one-line version banner: "Sharp Minima Lab 0.1.0 (Java 17.0.15)". */
    public static String banner() {
        return "Sharp Minima Lab " + version() + " (Java " + System.getProperty("java.version") + ")";
    }

    /** The text of the bundled libraries and their licences (the same file as the image's THIRD-PARTY.txt). */
    public static String licences() {
        try (InputStream in = AppInfo.class.getResourceAsStream("licences.txt")) {
            if (in == null) {
                throw new IllegalStateException("licences.txt is missing from the jar; rebuild with mvn package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
