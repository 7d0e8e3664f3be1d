package lab.sharpminima.ui.figure5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import lab.sharpminima.figure.Figure5;
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
 * The real main window, headless (Monocle): open the Figure 5 tab, drag θ̂₁ in the θ panel, move η₁'s a slider by keyboard and
 * check the middle minimum's η₁-curvature: with θ̂ = θ* = 0, dη/dθ = b^a, so d²L/dη² = L''(0)/b^{2a}.
 */
class Figure5WindowTest {

    private final FxRobot robot = new FxRobot();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void openFigure5Tab() throws Exception {
        FxToolkit.registerPrimaryStage();
        MainViewModel main = new MainViewModel(new FxBackgroundExecutor());
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new MainView(main, stage).root(), 1200, 800));
            stage.getScene().getStylesheets().add(SharpMinimaApp.stylesheet());
            stage.show();
        });
        TabPane tabs = robot.lookup("#views").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "tab-figure5".equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#figure5-chart").queryAs(ChartImagePane.class).frameProperty().get() != null
                        && !"—".equals(text("#figure5-curvature-1-1")));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Screen point of θ = t in the θ panel of the frame on screen, halfway up. */
    private javafx.geometry.Point2D screenOfTheta(ChartImagePane chart, double t) {
        java.awt.geom.Rectangle2D area = chart.frameProperty().get().plots().get(0).dataArea();
        return chart.localToScreen(chart.toLocal(0, t, 0).getX(), area.getCenterY());
    }

    @Test
    void draggingTheRedLineMovesTheCentreOfTheFirstMap() throws Exception {
        openFigure5Tab();
        ChartImagePane viewer = robot.lookup("#figure5-chart").queryAs(ChartImagePane.class);
        Slider centre = robot.lookup("#figure5-centre1").queryAs(Slider.class);
        robot.drag(screenOfTheta(viewer, 0)).dropTo(screenOfTheta(viewer, -1));
        WaitForAsyncUtils.waitForFxEvents();
        // One pixel is about 0.03 in θ at this size.
        assertThat(centre.getValue()).isCloseTo(-1, within(0.06));
        // θ̂₁ left the middle minimum: its η₁-curvature is no longer 100·L''(0).
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> Double.parseDouble(text("#figure5-curvature-1-1")) < 50 * Figure5.curvature(0));
    }

    @Test
    void raisingAOfTheFirstMapSharpensTheMiddleMinimumAsPredicted() throws Exception {
        openFigure5Tab();
        double l2 = Figure5.curvature(0);
        // Preset a = 0.5, b = 0.01: 100·L''(0).
        assertThat(Double.parseDouble(text("#figure5-curvature-1-1"))).isCloseTo(100 * l2, within(1e-5 * 100 * l2));
        String outer = text("#figure5-curvature-2-0");

        Slider a = robot.lookup("#figure5-a1").queryAs(Slider.class);
        robot.interact(a::requestFocus);
        for (int i = 0; i < 10; i++) {
            robot.type(KeyCode.RIGHT);    // block increment 0.05: a = 0.5 → 1
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> Math.abs(Double.parseDouble(text("#figure5-curvature-1-1")) - 1e4 * l2) < 1e-5 * 1e4 * l2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(a.getValue()).isCloseTo(1.0, within(1e-9));
        // a = 1, b = 0.01: b^{2a} = 1e-4, so 10⁴·L''(0), up to the readout's 6 significant digits.
        assertThat(Double.parseDouble(text("#figure5-curvature-1-1"))).isCloseTo(1e4 * l2, within(1e-5 * 1e4 * l2));
        assertThat(text("#figure5-curvature-0-1")).isEqualTo(
                lab.sharpminima.ui.summary.Numbers.format(l2));
        assertThat(text("#figure5-curvature-2-0")).isEqualTo(outer);
    }

    /** Number of pixels that differ between two images of one size. */
    private static int differing(javafx.scene.image.Image a, javafx.scene.image.Image b) {
        int n = 0;
        for (int y = 0; y < (int) a.getHeight(); y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                n += a.getPixelReader().getArgb(x, y) != b.getPixelReader().getArgb(x, y) ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void presentationModeRedrawsTheChartInItsThemeAndEscapeRestoresTheSamePixels() throws Exception {
        openFigure5Tab();
        ChartImagePane chart = robot.lookup("#figure5-chart").queryAs(ChartImagePane.class);
        lab.sharpminima.ui.overlay.ChartFrame standard = chart.frameProperty().get();

        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chart.frameProperty().get() != standard);
        WaitForAsyncUtils.waitForFxEvents();
        lab.sharpminima.ui.overlay.ChartFrame presentation = chart.frameProperty().get();
        // The same panels, drawn in the presentation theme (larger text, thicker lines): other pixels.
        Figure5.Data before = (Figure5.Data) standard.content();
        Figure5.Data after = (Figure5.Data) presentation.content();
        for (int i = 0; i < 3; i++) {
            assertThat(after.panels().get(i).reparam()).isEqualTo(before.panels().get(i).reparam());
            assertThat(after.panels().get(i).curvatures()).containsExactly(before.panels().get(i).curvatures());
            assertThat(after.panels().get(i).curve().x()).containsExactly(before.panels().get(i).curve().x());
        }
        if (presentation.width() == standard.width() && presentation.height() == standard.height()) {
            assertThat(differing(presentation.base(), standard.base())).isGreaterThan(1000);
        }

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            lab.sharpminima.ui.overlay.ChartFrame f = chart.frameProperty().get();
            return f != presentation && f.width() == standard.width() && f.height() == standard.height();
        });
        WaitForAsyncUtils.waitForFxEvents();
        // Back in the standard theme at the same size: the drawing is deterministic, pixel for pixel.
        assertThat(differing(chart.frameProperty().get().base(), standard.base())).isZero();
    }
}
