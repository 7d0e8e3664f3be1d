package lab.sharpminima.ui.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import lab.sharpminima.ui.FxBackgroundExecutor;
import lab.sharpminima.ui.MainView;
import lab.sharpminima.ui.MainViewModel;
import lab.sharpminima.ui.SharpMinimaApp;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window, headless (Monocle): open the XOR sample through MainViewModel.openModel, go to
 * the Spectrum tab, move α₁ and check that the last slider follows and that the recomputed λ_max
 * agrees with λ_max(D_α H D_α); the Measures tab shares the α.
 */
class SpectrumWindowTest {

    private final FxRobot robot = new FxRobot();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** Whether the node and every ancestor is visible. */
    private static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void movingAlphaOneMovesTheLastSliderAndKeepsTheIdentity() throws Exception {
        FxToolkit.registerPrimaryStage();
        MainViewModel main = new MainViewModel(new FxBackgroundExecutor());
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new MainView(main, stage).root(), 1200, 800));
            stage.getScene().getStylesheets().add(SharpMinimaApp.stylesheet());
            stage.show();
        });
        TabPane tabs = robot.lookup("#views").queryAs(TabPane.class);
        robot.interact(() -> {
            tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(t -> "tab-spectrum".equals(t.getId())).findFirst().orElseThrow());
            main.openModel(Path.of("assets", "models", "xor-2-4-1.json"));
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#spectrum-bars-after").queryAs(ChartViewer.class).getChart() != null);
        String before = text("#spectrum-recomputed");

        Slider first = robot.lookup("#spectrum-alpha-1").queryAs(Slider.class);
        Slider last = robot.lookup("#spectrum-alpha-2").queryAs(Slider.class);
        assertThat(last.isDisabled()).isTrue();
        robot.interact(() -> first.setValue(0.5));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !text("#spectrum-recomputed").equals(before));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(last.getValue()).isCloseTo(-0.5, within(1e-12));
        assertThat(text("#spectrum-alpha-2-text")).contains("log₁₀ α = -0.5");
        double predicted = Double.parseDouble(text("#spectrum-predicted"));
        double recomputed = Double.parseDouble(text("#spectrum-recomputed"));
        assertThat(recomputed).isCloseTo(predicted, within(1e-5 * Math.abs(predicted)));
        assertThat(robot.lookup("#measures-alpha-1").queryAs(Slider.class).getValue()).isEqualTo(0.5);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> !robot.lookup("#measures-table").queryAs(TableView.class).getItems().isEmpty());
    }

    @Test
    void perNeuronModeIsKeyboardOperableAndKeepsTheIdentity() throws Exception {
        FxToolkit.registerPrimaryStage();
        MainViewModel main = new MainViewModel(new FxBackgroundExecutor());
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new MainView(main, stage).root(), 1200, 800));
            stage.getScene().getStylesheets().add(SharpMinimaApp.stylesheet());
            stage.show();
        });
        TabPane tabs = robot.lookup("#views").queryAs(TabPane.class);
        robot.interact(() -> {
            tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(t -> "tab-spectrum".equals(t.getId())).findFirst().orElseThrow());
            main.openModel(Path.of("assets", "models", "xor-2-4-1.json"));
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#spectrum-bars-after").queryAs(ChartViewer.class).getChart() != null);
        robot.clickOn("#spectrum-mode-neuron");
        Slider c = robot.lookup("#spectrum-neuron-c").queryAs(Slider.class);
        assertThat(shown(c)).isTrue();
        assertThat(shown(robot.lookup("#spectrum-alpha-1").queryAs(Slider.class))).isFalse();
        robot.interact(c::requestFocus);
        String before = text("#spectrum-recomputed");
        for (int i = 0; i < 5; i++) {
            robot.type(javafx.scene.input.KeyCode.RIGHT);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(c.getValue()).isCloseTo(0.5, within(1e-9));
        assertThat(text("#spectrum-neuron-c-text")).contains("log₁₀ c = 0.5");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !text("#spectrum-recomputed").equals(before));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#spectrum-message").queryAs(Label.class).getText().contains("c = 3.16"));
        double predicted = Double.parseDouble(text("#spectrum-predicted"));
        double recomputed = Double.parseDouble(text("#spectrum-recomputed"));
        assertThat(recomputed).isCloseTo(predicted, within(1e-5 * Math.abs(predicted)));
    }
}
