package lab.sharpminima.ui.figure2;

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

/**
 * The real main window, headless (Monocle): open the Figure 2 tab, move the α slider by value and by
 * keyboard, and check the readouts: L unchanged, max |Δf| ≤ 1e-12, λ₁ as D_α ∇²L D_α predicts.
 */
class Figure2WindowTest {

    private final FxRobot robot = new FxRobot();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void openFigure2Tab() throws Exception {
        FxToolkit.registerPrimaryStage();
        MainViewModel main = new MainViewModel(new FxBackgroundExecutor());
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new MainView(main, stage).root(), 1200, 800));
            stage.getScene().getStylesheets().add(SharpMinimaApp.stylesheet());
            stage.show();
        });
        TabPane tabs = robot.lookup("#views").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "tab-figure2".equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#figure2-chart").queryAs(ChartViewer.class).getChart() != null
                        && !"—".equals(text("#figure2-lambda1")));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void settle(double expectedAlpha) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> text("#figure2-alpha-text").startsWith("α = " + Numbers.format(expectedAlpha)));
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void movingAlphaKeepsLAndTheOutputsWhileTheTopEigenvalueFollowsTheIdentity() throws Exception {
        openFigure2Tab();
        Slider slider = robot.lookup("#figure2-alpha").queryAs(Slider.class);
        String loss = text("#figure2-loss");
        double lambda = Double.parseDouble(text("#figure2-lambda1"));
        double lambda2 = Double.parseDouble(text("#figure2-lambda2"));
        assertThat(text("#figure2-max-df")).isEqualTo("0");

        robot.interact(() -> slider.setValue(1));
        settle(10);
        assertThat(Double.parseDouble(text("#figure2-loss"))).isCloseTo(Double.parseDouble(loss), within(1e-12));
        assertThat(Double.parseDouble(text("#figure2-max-df"))).isLessThanOrEqualTo(1e-12);
        // At θ = (1, 1) the Hessian of L = mean (θ1θ2 − 1)² x² is H = 2·mean(x²)·[[1, 1], [1, 1]]:
        // λ₁ = 4·mean(x²) = trace, λ₂ = 0. D_α H D_α = 2·mean(x²)·[[1/α², 1], [1, α²]], λ₁ = 2·mean(x²)(α² + 1/α²).
        double predicted = lambda / 2 * (100 + 0.01);
        assertThat(lambda2).isCloseTo(0, within(1e-9 * lambda));
        assertThat(Double.parseDouble(text("#figure2-lambda1"))).isCloseTo(predicted, within(1e-5 * predicted));
        assertThat(Double.parseDouble(text("#figure2-trace"))).isCloseTo(predicted, within(1e-5 * predicted));

        // Keyboard: focus the slider and press ← 10 times (block increment 0.1 decade): log10 α = 1 − 1 = 0.
        robot.interact(slider::requestFocus);
        for (int i = 0; i < 10; i++) {
            robot.type(KeyCode.LEFT);
        }
        settle(1);
        assertThat(slider.getValue()).isCloseTo(0, within(1e-9));
        assertThat(Double.parseDouble(text("#figure2-loss"))).isCloseTo(Double.parseDouble(loss), within(1e-12));
        assertThat(Double.parseDouble(text("#figure2-max-df"))).isLessThanOrEqualTo(1e-12);
        assertThat(Double.parseDouble(text("#figure2-lambda1"))).isCloseTo(lambda, within(1e-5 * lambda));
    }

    /** Screen coordinates of the data point (a, b) in the chart. */
    private javafx.geometry.Point2D screenOf(ChartViewer viewer, double a, double b) {
        java.awt.geom.Rectangle2D area = viewer.getRenderingInfo().getPlotInfo().getDataArea();
        org.jfree.chart.plot.XYPlot plot = viewer.getChart().getXYPlot();
        double x = plot.getDomainAxis().valueToJava2D(a, area, plot.getDomainAxisEdge());
        double y = plot.getRangeAxis().valueToJava2D(b, area, plot.getRangeAxisEdge());
        return viewer.getCanvas().localToScreen(x, y);
    }

    @Test
    void draggingThePointSetsThetaAndADoubleClickResets() throws Exception {
        openFigure2Tab();
        ChartViewer viewer = robot.lookup("#figure2-chart").queryAs(ChartViewer.class);
        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Double> theta1 = robot.lookup("#figure2-theta1").queryAs(javafx.scene.control.Spinner.class);
        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Double> theta2 = robot.lookup("#figure2-theta2").queryAs(javafx.scene.control.Spinner.class);
        robot.drag(screenOf(viewer, 1, 1)).dropTo(screenOf(viewer, 2, 0.5));
        WaitForAsyncUtils.waitForFxEvents();
        // One pixel is about 0.005 in θ at this size.
        assertThat(theta1.getValue()).isCloseTo(2, within(0.03));
        assertThat(theta2.getValue()).isCloseTo(0.5, within(0.03));
        assertThat(Double.parseDouble(text("#figure2-loss"))).isGreaterThan(0);

        robot.doubleClickOn(screenOf(viewer, 2.5, 2.5));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(theta1.getValue()).isEqualTo(1.0);
        assertThat(theta2.getValue()).isEqualTo(1.0);
    }
}
