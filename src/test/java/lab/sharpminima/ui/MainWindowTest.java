package lab.sharpminima.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.Model;
import lab.sharpminima.engine.io.ModelFiles;
import lab.sharpminima.ui.summary.Numbers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window, headless (Monocle, set up by surefire's argLine): the app opens the model
 * given as its parameter, and the Model tab shows n, the loss and the spectrum; a bad file leaves
 * the shown model alone and puts the message in the status bar.
 */
class MainWindowTest {

    private final FxRobot robot = new FxRobot();

    @TempDir
    Path dir;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theAppOpensTheModelGivenAsParameterAndShowsItsSummary() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        Path xor = MainViewModelTest.XOR.toAbsolutePath();
        SharpMinimaApp app = (SharpMinimaApp) FxToolkit.setupApplication(SharpMinimaApp.class, xor.toString());
        try {
            waitUntil(() -> robot.lookup("#spectrum-1").tryQuery().isPresent());
            Model m = ModelFiles.read(xor);
            double loss = m.lossFunction().value(m.theta());
            double test = new LossFunction(m.network(), m.loss(), m.test()).value(m.theta());
            assertThat(stage.getTitle()).isEqualTo("Sharp Minima Lab");
            assertThat(text("#summary-title")).isEqualTo("xor-2-4-1.json");
            assertThat(text("#summary-n")).isEqualTo("17");
            assertThat(text("#summary-loss-kind")).isEqualTo("mse");
            assertThat(text("#summary-samples")).isEqualTo("40 / 20");
            assertThat(text("#summary-train-loss")).isEqualTo(Numbers.format(loss));
            assertThat(text("#summary-test-loss")).isEqualTo(Numbers.format(test));
            assertThat(text("#spectrum-max")).isEqualTo(text("#spectrum-1"));
            assertThat(robot.lookup("#layers-table").<TableView<?>>query().getItems()).hasSize(2);
            assertThat(robot.lookup("#empty-state").query().isVisible()).isFalse();
            assertThat(text("#status-message")).startsWith("Opened xor-2-4-1.json: n = 17");
        } finally {
            FxToolkit.cleanupApplication(app);
        }
    }

    @Test
    void theWindowStartsEmptyAndABadFileKeepsTheModelShown() throws Exception {
        FxToolkit.registerPrimaryStage();
        MainViewModel vm = new MainViewModel(new FxBackgroundExecutor());
        FxToolkit.setupStage(stage -> {
            stage.setScene(new javafx.scene.Scene(new MainView(vm, stage).root(), 1000, 700));
            stage.getScene().getStylesheets().add(SharpMinimaApp.stylesheet());
            stage.show();
        });
        Node empty = robot.lookup("#empty-state").query();
        assertThat(empty.isVisible()).isTrue();
        assertThat(text("#empty-state-hint"))
                .isEqualTo("Open a model file (File → Open model…) — samples in assets/models");

        robot.interact(() -> vm.openModel(MainViewModelTest.TOY));
        waitUntil(() -> !vm.busyProperty().get());
        assertThat(text("#summary-n")).isEqualTo("2");
        assertThat(text("#summary-train-loss")).isEqualTo("0");
        assertThat(empty.isVisible()).isFalse();

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(MainViewModelTest.TOY).replace("\"mse\"", "\"hinge\""));
        robot.interact(() -> vm.openModel(bad));
        waitUntil(() -> !vm.busyProperty().get());
        assertThat(text("#status-message")).isEqualTo("bad.json: loss \"hinge\" is unknown (use mse or cross_entropy)");
        assertThat(text("#summary-title")).isEqualTo("paper-toy-2param.json");
        assertThat(text("#summary-n")).isEqualTo("2");
    }
}
