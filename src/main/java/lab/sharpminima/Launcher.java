package lab.sharpminima;

import lab.sharpminima.cli.Cli;

/**
 * The jar's entry point. With no arguments it opens the desktop app; with a command it runs the
 * headless command line. It is separate from the JavaFX {@code Application} class because such a
 * class cannot be a main class on a plain class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].endsWith(".json")) {
            javafx.application.Application.launch(lab.sharpminima.ui.SharpMinimaApp.class, args);
            return;
        }
        System.exit(Cli.run(args, System.out, System.err));
    }
}
