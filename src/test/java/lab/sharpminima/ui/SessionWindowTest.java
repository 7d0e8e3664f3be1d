package lab.sharpminima.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import lab.sharpminima.ui.summary.Numbers;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window, headless (Monocle): move Figure 2's α slider, save the session, move it
 * again, open the session: the slider and the readouts are back. Sessions are remembered in memory
 * (the two-argument MainView), so the user's preferences are never touched.
 */
class SessionWindowTest {

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

    private void settle(double alpha) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> text("#figure2-alpha-text").startsWith("α = " + Numbers.format(alpha)));
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aSliderMovedAfterSavingIsBackAfterOpening() throws Exception {
        FxToolkit.registerPrimaryStage();
        MainViewModel main = new MainViewModel(new FxBackgroundExecutor());
        AtomicReference<MainView> view = new AtomicReference<>();
        FxToolkit.setupStage(stage -> {
            view.set(new MainView(main, stage));
            stage.setScene(new Scene(view.get().root(), 1200, 800));
            stage.getScene().getStylesheets().add(SharpMinimaApp.stylesheet());
            stage.show();
        });
        MenuItem save = robot.lookup("#menu-bar").queryAs(MenuBar.class).getMenus().get(0).getItems().stream()
                .filter(i -> "menu-save-session".equals(i.getId())).findFirst().orElseThrow();
        assertThat(save.getAccelerator()).isEqualTo(KeyCombination.keyCombination("Shift+Shortcut+S"));

        TabPane tabs = robot.lookup("#views").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "tab-figure2".equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#figure2-chart").queryAs(ChartViewer.class).getChart() != null
                        && !"—".equals(text("#figure2-lambda1")));
        Slider slider = robot.lookup("#figure2-alpha").queryAs(Slider.class);

        robot.interact(() -> slider.setValue(1));
        settle(10);
        String lambda = text("#figure2-lambda1");
        Path file = dir.resolve("class.session.json");
        robot.interact(() -> view.get().sessions().save(file));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text("#status-message").startsWith("Saved the session"));
        assertThat(Files.readString(file)).contains("\"tab\" : \"figure2\"", "\"alphaExponent\" : 1.0");

        robot.interact(() -> slider.setValue(-0.5)); // not −1: at θ = (1, 1) λ₁ is the same for α and 1/α
        settle(Math.pow(10, -0.5));
        assertThat(text("#figure2-lambda1")).isNotEqualTo(lambda);
        robot.interact(() -> tabs.getSelectionModel().select(0));

        robot.interact(() -> view.get().sessions().open(file));
        settle(10);
        assertThat(slider.getValue()).isEqualTo(1.0);
        assertThat(text("#figure2-lambda1")).isEqualTo(lambda);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-figure2");
        assertThat(view.get().sessions().errorProperty().get()).isNull();
    }
}
