package lab.sharpminima;

import lab.sharpminima.cli.Cli;

/**
 * The jar's entry point. With no arguments (or a model or session file, or {@code --no-session}) it
 * opens the desktop app; with a command it runs the headless command line. It is separate from the JavaFX {@code Application}
 * class because such a class cannot be a main class on a plain class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].endsWith(".json") || args[0].equals("--no-session")) {
            if (!displayAvailable()) {
                System.err.println("error: no display to open the window on (DISPLAY is not set); "
                        + "run a command instead, e.g. 'java -jar sharp-minima-lab.jar --help'");
                System.exit(Cli.BAD_INPUT);
            }
            javafx.application.Application.launch(lab.sharpminima.ui.SharpMinimaApp.class, args);
            return;
        }
        System.exit(Cli.run(args, System.out, System.err));
    }

    /** On Linux a window needs an X11 or Wayland display, unless a headless glass platform is chosen. */
    private static boolean displayAvailable() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return true;
        }
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null
                || System.getProperty("glass.platform") != null;
    }
}
