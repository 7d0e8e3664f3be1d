package lab.sharpminima.ui.figure4;

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
import lab.sharpminima.ui.summary.Numbers;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window, headless (Monocle): change Figure 4's ε and check α = ε/θ₁. */
class Figure4WindowTest {

    private final FxRobot robot = new FxRobot();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void changingEpsilonSetsAlphaToEpsilonOverTheta1() throws Exception {
        FxToolkit.registerPrimaryStage();
        MainViewModel main = new MainViewModel(new FxBackgroundExecutor());
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new MainView(main, stage).root(), 1200, 800));
            stage.getScene().getStylesheets().add(SharpMinimaApp.stylesheet());
            stage.show();
        });
        TabPane tabs = robot.lookup("#views").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "tab-figure4".equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#figure4-chart").queryAs(ChartViewer.class).getChart() != null
                        && !"—".equals(text("#figure4-alpha")));
        // Preset θ₁ = 1.5, ε = 0.5.
        assertThat(Double.parseDouble(text("#figure4-alpha"))).isCloseTo(1.0 / 3, within(1e-6));

        Slider epsilon = robot.lookup("#figure4-epsilon").queryAs(Slider.class);
        robot.interact(() -> epsilon.setValue(0.9));
        String expected = Numbers.format(0.9 / 1.5);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> expected.equals(text("#figure4-alpha")));
        assertThat(text("#figure4-reach")).startsWith("yes");

        // Keyboard: ← ten times, block increment 0.01: ε = 0.8.
        robot.interact(epsilon::requestFocus);
        for (int i = 0; i < 10; i++) {
            robot.type(KeyCode.LEFT);
        }
        String expected2 = Numbers.format(0.8 / 1.5);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> expected2.equals(text("#figure4-alpha")));
        assertThat(Double.parseDouble(text("#figure4-sharpened")))
                .isGreaterThanOrEqualTo(Double.parseDouble(text("#figure4-excess")) - 1e-5);
    }
}
