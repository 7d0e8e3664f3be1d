package lab.sharpminima.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import lab.sharpminima.ui.FxBackgroundExecutor;
import lab.sharpminima.ui.SharpMinimaApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The bridge's "One neuron" mode in a real (Monocle) window: train to the end, choose One neuron, raise
 * log₁₀ c with the keyboard, apply, and read max |Δf| and the test loss (Definition 4: the function stays).
 */
class LabBridgeWindowTest {

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

    /** Whether the node and every ancestor are visible. */
    private static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void oneNeuronKeepsTheFunctionWhileLambdaMaxMoves() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            vm = new LabViewModel(new FxBackgroundExecutor(), LabViewModel.daemonThreads());
            vm.epochsProperty().set(30);
            vm.nProperty().set(100);
            stage.setScene(new Scene(new LabView(vm).root(), 1200, 800));
            stage.getScene().getStylesheets().add(SharpMinimaApp.stylesheet());
            stage.show();
        });
        robot.interact(vm::start);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.stateProperty().get() == LabViewModel.State.FINISHED);

        ToggleButton neuron = robot.lookup("#lab-bridge-mode-neuron").queryAs(ToggleButton.class);
        robot.interact(neuron::fire);
        assertThat(vm.bridgeModeProperty().get()).isEqualTo(Bridge.Mode.NEURON);
        Slider c = robot.lookup("#lab-neuron-c").queryAs(Slider.class);
        assertThat(shown(c)).isTrue();
        assertThat(shown(robot.lookup("#lab-alpha-1").queryAs(Slider.class))).isFalse();
        robot.interact(c::requestFocus);
        for (int i = 0; i < 10; i++) {
            robot.type(KeyCode.RIGHT); // block increment 0.1: log₁₀ c = 0 → 1
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.neuronLog10CProperty().get()).isCloseTo(1.0, within(1e-9));
        assertThat(text("#lab-neuron-c-text")).startsWith("c = 10");

        Button apply = robot.lookup("#lab-apply").queryAs(Button.class);
        robot.interact(apply::fire);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !text("#lab-max-df").equals("—"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Double.parseDouble(text("#lab-max-df"))).isLessThanOrEqualTo(1e-12);
        String[] test = text("#lab-bridge-test").split(" → ");
        assertThat(test[1]).isEqualTo(test[0]);
        assertThat(text("#lab-bridge-applied")).startsWith("layer 1 unit 1");
        Bridge.Result r = vm.bridgeProperty().get();
        assertThat(r.mode()).isEqualTo(Bridge.Mode.NEURON);
        // Column 1 of θ₁ × c, c ≈ 10 (ten keyboard steps of 0.1, so up to rounding): the diagram's θ′ has that
        // unit's first incoming weight ten times larger.
        assertThat(r.alpha()[0]).isCloseTo(10, within(1e-9));
        assertThat(r.after().theta()[0]).isEqualTo(r.before().theta()[0] * r.alpha()[0]);
    }
}
