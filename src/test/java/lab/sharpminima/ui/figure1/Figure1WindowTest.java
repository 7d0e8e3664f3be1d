package lab.sharpminima.ui.figure1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import lab.sharpminima.figure.Figure1;
import lab.sharpminima.figure.Presets;
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

/** The real main window, headless (Monocle): move Figure 1's ε slider and check the width readout. */
class Figure1WindowTest {

    private final FxRobot robot = new FxRobot();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** The width Figure 1 computes for θ = 0 and this ε, formatted as the readout prints it. */
    private static String expectedWidth(double eps) {
        Figure1.Settings p = Presets.figure1();
        return Numbers.format(Figure1.overlay(new Figure1.Settings(0, eps, p.lo(), p.hi(), p.samples()),
                Figure1.LOSS).width());
    }

    @Test
    void movingEpsilonChangesTheWidthReadout() throws Exception {
        FxToolkit.registerPrimaryStage();
        MainViewModel main = new MainViewModel(new FxBackgroundExecutor());
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new MainView(main, stage).root(), 1200, 800));
            stage.getScene().getStylesheets().add(SharpMinimaApp.stylesheet());
            stage.show();
        });
        TabPane tabs = robot.lookup("#views").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "tab-figure1".equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#figure1-chart").queryAs(ChartViewer.class).getChart() != null
                        && !"—".equals(text("#figure1-width")));
        String before = text("#figure1-width");
        assertThat(before).isEqualTo(expectedWidth(0.5));

        Slider epsilon = robot.lookup("#figure1-epsilon").queryAs(Slider.class);
        robot.interact(() -> epsilon.setValue(0.2));
        String expected = expectedWidth(0.2);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> expected.equals(text("#figure1-width")));
        // A lower level cuts a narrower interval out of the same valley.
        assertThat(Double.parseDouble(text("#figure1-width"))).isLessThan(Double.parseDouble(before));
        assertThat(text("#figure1-epsilon-text")).isEqualTo("ε = 0.200");
    }
}
