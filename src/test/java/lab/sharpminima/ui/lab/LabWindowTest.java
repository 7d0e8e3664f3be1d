package lab.sharpminima.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import lab.sharpminima.ui.FxBackgroundExecutor;
import lab.sharpminima.ui.SharpMinimaApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Lab view in a real (Monocle) window: step twice, start, pause, move log₁₀ α₁, apply T_α, and read
 * the readouts: the outputs and the test loss stay, λ_max moves; reset returns to epoch 0.
 */
class LabWindowTest {

    private final FxRobot robot = new FxRobot();
    private LabViewModel vm;

    @AfterEach
    void close() throws Exception {
        robot.interact(() -> vm.reset());
        FxToolkit.cleanupStages();
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void click(String id) {
        Button b = robot.lookup(id).queryAs(Button.class);
        robot.interact(b::fire);
    }

    private void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void stepStartPauseAndTheBridgeKeepTheFunctionWhileSharpnessMoves() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            vm = new LabViewModel(new FxBackgroundExecutor(), LabViewModel.daemonThreads());
            vm.epochsProperty().set(100_000);
            stage.setScene(new Scene(new LabView(vm).root(), 1200, 800));
            stage.getScene().getStylesheets().add(SharpMinimaApp.stylesheet());
            stage.show();
        });
        assertThat(text("#lab-state")).isEqualTo("idle");

        click("#lab-step");
        waitFor(() -> text("#lab-epoch").equals("1 / 100000") && text("#lab-message").startsWith("paused after"));
        click("#lab-step");
        waitFor(() -> text("#lab-epoch").equals("2 / 100000") && text("#lab-message").equals("paused after epoch 2"));
        assertThat(text("#lab-state")).isEqualTo("paused");

        click("#lab-start");
        assertThat(text("#lab-state")).isEqualTo("running");
        waitFor(() -> vm.epochProperty().get() > 20);
        click("#lab-pause");
        waitFor(() -> text("#lab-message").startsWith("paused after epoch"));
        String epoch = text("#lab-epoch");
        String trainLoss = text("#lab-train-loss");
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#lab-epoch")).isEqualTo(epoch);
        assertThat(text("#lab-train-loss")).isEqualTo(trainLoss);

        Slider alpha1 = robot.lookup("#lab-alpha-1").queryAs(Slider.class);
        Slider alpha2 = robot.lookup("#lab-alpha-2").queryAs(Slider.class);
        robot.interact(() -> {
            alpha1.setValue(0.5);
            alpha2.setValue(0.5);
        });
        assertThat(text("#lab-alpha-last")).contains("∏ α = 1");
        click("#lab-apply");
        waitFor(() -> !text("#lab-max-df").equals("—"));
        assertThat(Double.parseDouble(text("#lab-max-df"))).isLessThanOrEqualTo(1e-12);
        String[] test = text("#lab-bridge-test").split(" → ");
        assertThat(test[1]).isEqualTo(test[0]);
        String[] lambda = text("#lab-bridge-lambda").split(" → ");
        assertThat(Math.abs(Double.parseDouble(lambda[1]) / Double.parseDouble(lambda[0]) - 1)).isGreaterThan(0.01);
        Bridge.Result r = vm.bridgeProperty().get();
        assertThat(r.alpha()[0]).isEqualTo(Math.pow(10, 0.5));
        // The diagram's first-layer weights are α₁ times the trained ones (Definition 5).
        double w0 = r.before().theta()[0];
        assertThat(r.after().theta()[0]).isCloseTo(Math.pow(10, 0.5) * w0, org.assertj.core.api.Assertions.within(1e-12 * Math.abs(w0) * 4));

        click("#lab-reset");
        waitFor(() -> text("#lab-state").equals("idle"));
        assertThat(text("#lab-epoch")).isEqualTo("0 / 100000");
        assertThat(text("#lab-max-df")).isEqualTo("—");
    }
}
