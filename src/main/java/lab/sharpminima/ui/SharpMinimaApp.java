package lab.sharpminima.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The desktop application: one main window. An optional first parameter is a model file to open at
 * start ({@code sharp-minima-lab models/toy.json}), which also makes screenshots scriptable.
 */
public class SharpMinimaApp extends Application {

    public static final String TITLE = "Sharp Minima Lab";

    private BackgroundExecutor executor;

    @Override
    public void start(Stage stage) {
        executor = new FxBackgroundExecutor();
        MainViewModel vm = new MainViewModel(executor);
        MainView view = new MainView(vm, stage);
        Scene scene = new Scene(view.root(), 1180, 760);
        scene.getStylesheets().add(stylesheet());
        stage.setTitle(TITLE);
        stage.setMinWidth(640);
        stage.setMinHeight(420);
        stage.setScene(scene);
        stage.getIcons().addAll(icons());
        StartupProbe.attach(scene);
        stage.show();
        modelArgument(getParameters().getRaw()).ifPresent(vm::openModel);
    }

    @Override
    public void stop() {
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
