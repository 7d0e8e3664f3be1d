package lab.sharpminima.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import lab.sharpminima.about.AppInfo;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Help → About shows the project version, the Java and JavaFX versions and the licences resource. */
class AboutDialogTest {

    @Test
    void theDialogNamesVersionsAndLicences() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        // a dialog copies its owner's style sheets, so the owner needs a scene, as the app's window has
        FxToolkit.setupStage(s -> s.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 200, 100)));
        AtomicReference<Alert> alert = new AtomicReference<>();
        new FxRobot().interact(() -> alert.set(AboutDialog.create(stage)));
        Alert a = alert.get();
        assertThat(a.getHeaderText()).isEqualTo("Sharp Minima Lab " + AppInfo.version());
        Label runtime = (Label) a.getDialogPane().lookup("#about-runtime");
        assertThat(runtime.getText()).contains("Java " + System.getProperty("java.version"))
                .contains("JavaFX " + System.getProperty("javafx.runtime.version"));
        TextArea licences = (TextArea) a.getDialogPane().lookup("#about-licences");
        assertThat(licences.getText()).isEqualTo(AppInfo.licences());
    }
}
