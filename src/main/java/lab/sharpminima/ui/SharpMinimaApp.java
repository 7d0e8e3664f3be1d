package lab.sharpminima.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The desktop application: one main window. An optional first parameter is a model file to open at
 * start ({@code sharp-minima-lab models/toy.json}), or a session file ({@code *.session.json}), which
 * also makes screenshots scriptable. Without one, the last session (remembered in the user's
 * preferences) is reopened in the background; {@code --no-session} or {@code -Dsml.session=none} skips
 * that, and {@code -Dsml.session=FILE} opens that session instead.
 */
public class SharpMinimaApp extends Application {

    public static final String TITLE = "Sharp Minima Lab";

    /** The system property that picks the session to start with: {@code none}, or a session file. */
    public static final String SESSION_PROPERTY = "sml.session";
    /** The command-line flag that starts fresh, without reopening the last session. */
    public static final String NO_SESSION_FLAG = "--no-session";

    private BackgroundExecutor executor;
    private MainView view;

    @Override
    public void start(Stage stage) {
        executor = new FxBackgroundExecutor();
        MainViewModel vm = new MainViewModel(executor);
        view = new MainView(vm, stage, lab.sharpminima.session.LastSessionStore.preferences());
        Scene scene = new Scene(view.root(), 1180, 760);
        scene.getStylesheets().add(stylesheet());
        stage.setTitle(TITLE);
        stage.setMinWidth(640);
        stage.setMinHeight(420);
        stage.setScene(scene);
        stage.getIcons().addAll(icons());
        StartupProbe.attach(scene);
        stage.show();
        List<String> raw = getParameters().getRaw();
        Optional<Path> argument = modelArgument(raw);
        if (argument.isPresent() && argument.get().toString().endsWith(".session.json")) {
            view.sessions().open(argument.get());
        } else if (argument.isPresent()) {
            vm.openModel(argument.get());
        } else {
            startingSession(raw, System.getProperty(SESSION_PROPERTY));
        }
    }

    /** No file given: reopen the last session unless told not to, or open the one named by the property. */
    private void startingSession(List<String> raw, String property) {
        if (raw.contains(NO_SESSION_FLAG) || "none".equals(property)) {
            return;
        }
        if (property != null && !property.isBlank()) {
            view.sessions().open(Path.of(property));
        } else {
            view.sessions().reopenLast();
        }
    }

    @Override
    public void stop() {
        if (view != null) {
            view.sessions().rememberCurrent();
        }
        if (executor != null) {
            executor.shutdown();
        }
    }

    /** The app's style sheet, applied over Modena. */
    public static String stylesheet() {
        return SharpMinimaApp.class.getResource("app.css").toExternalForm();
    }

    /** The app icon in the sizes window managers pick from (drawn by assets/icons/make_icons.py). */
    public static List<javafx.scene.image.Image> icons() {
        return java.util.stream.IntStream.of(16, 32, 48, 64, 128, 256)
                .mapToObj(s -> new javafx.scene.image.Image(
                        SharpMinimaApp.class.getResource("icons/sharp-minima-lab-" + s + ".png").toExternalForm()))
                .toList();
    }

    /** The first raw parameter that is not an option, as a path. */
    static Optional<Path> modelArgument(List<String> raw) {
        return raw.stream().filter(a -> !a.startsWith("-")).findFirst().map(Path::of);
    }
}
