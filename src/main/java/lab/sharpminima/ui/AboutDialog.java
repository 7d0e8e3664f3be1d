package lab.sharpminima.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import lab.sharpminima.about.AppInfo;

/**
 * Help → About: what the app is, its version, the Java and JavaFX it runs on, and the bundled
 * libraries with their licences (the same text as the app image's THIRD-PARTY.txt).
 */
public final class AboutDialog {

    private AboutDialog() {
    }

    /** The dialog, owned by {@code owner}; not yet shown. */
    public static Alert create(Window owner) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        a.setTitle("About Sharp Minima Lab");
        a.setHeaderText("Sharp Minima Lab " + AppInfo.version());
        ImageView icon = new ImageView(SharpMinimaApp.icons().get(4));
        icon.setFitWidth(64);
        icon.setPreserveRatio(true);
        a.setGraphic(icon);
        Label what = new Label("An interactive companion to \"Sharp Minima Can Generalize For Deep Nets\" "
                + "(Dinh, Pascanu, Bengio and Bengio, ICML 2017): open a model, measure its flatness, and see "
                + "how reparametrizations that keep the function move those measures.");
        what.setWrapText(true);
        Label runtime = new Label(runtimeLine());
        runtime.setId("about-runtime");
        TextArea licences = new TextArea(AppInfo.licences());
        licences.setId("about-licences");
        licences.setEditable(false);
        licences.setPrefRowCount(16);
        licences.setStyle("-fx-font-family: monospace;");
        VBox box = new VBox(10, what, runtime, new Label("Bundled libraries and their licences:"), licences);
        box.setPrefWidth(640);
        a.getDialogPane().setContent(box);
        a.setResizable(true);
        return a;
    }

    /** "Java 17.0.15 (Debian) · JavaFX 21.0.11". */
    static String runtimeLine() {
        return "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
                + " · JavaFX " + System.getProperty("javafx.runtime.version", "?");
    }
}
