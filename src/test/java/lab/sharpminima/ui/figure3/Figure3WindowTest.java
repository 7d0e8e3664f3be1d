package lab.sharpminima.ui.figure3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import lab.sharpminima.ui.FxBackgroundExecutor;
import lab.sharpminima.ui.MainView;
import lab.sharpminima.ui.MainViewModel;
import lab.sharpminima.ui.SharpMinimaApp;
import lab.sharpminima.ui.overlay.ChartImagePane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window, headless (Monocle): open the Figure 3 tab, raise k with the keyboard and
 * check that the running total reads k·4r² while each area stays 4r².
 */
class Figure3WindowTest {

    private final FxRobot robot = new FxRobot();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void raisingKRaisesTheRunningTotalByOneAreaPerBox() throws Exception {
        FxToolkit.registerPrimaryStage();
        MainViewModel main = new MainViewModel(new FxBackgroundExecutor());
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new MainView(main, stage).root(), 1200, 800));
            stage.getScene().getStylesheets().add(SharpMinimaApp.stylesheet());
            stage.show();
        });
        TabPane tabs = robot.lookup("#views").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "tab-figure3".equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#figure3-chart").queryAs(ChartImagePane.class).frameProperty().get() != null
                        && !"—".equals(text("#figure3-total")));
        // Preset: r = 1/4, so 4r² = 0.25 and k = 4 boxes total 1.
        assertThat(Double.parseDouble(text("#figure3-total"))).isCloseTo(1.0, within(1e-12));

        Slider count = robot.lookup("#figure3-count").queryAs(Slider.class);
        robot.interact(count::requestFocus);
        for (int i = 0; i < 5; i++) {
            robot.type(KeyCode.RIGHT);
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text("#figure3-areas").split(",").length == 9);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(count.getValue()).isEqualTo(9.0);
        assertThat(Double.parseDouble(text("#figure3-total"))).isCloseTo(9 * 0.25, within(1e-12));
        for (String a : text("#figure3-areas").split(",")) {
            assertThat(Double.parseDouble(a.trim())).isCloseTo(0.25, within(1e-12));
        }
        assertThat(text("#figure3-disjoint")).isEqualTo("yes");
    }
}
