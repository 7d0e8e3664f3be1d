package lab.sharpminima.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import lab.sharpminima.compute.CpuBackend;
import lab.sharpminima.gpu.DeviceWithFallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Compute menu in the real main window (Monocle): choosing the first OpenCL device runs its smoke
 * check in the background, then the status bar names it; choosing Java (CPU) switches back. Skipped
 * where no OpenCL platform exists (CI installs PoCL).
 */
class ComputeMenuWindowTest {

    private final FxRobot robot = new FxRobot();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private String computeLabel() {
        return robot.lookup("#status-compute").queryAs(Label.class).getText();
    }

    @Test
    void switchingToOpenClAndBackShowsInTheStatusBar() throws Exception {
        List<ComputeBackendState.Choice> devices = ComputeBackendState.listDevices();
        assumeTrue(!devices.isEmpty(), "no OpenCL platform");
        FxToolkit.registerPrimaryStage();
        MainViewModel vm = new MainViewModel(new FxBackgroundExecutor());
        FxToolkit.setupStage(stage -> {
            stage.setScene(new javafx.scene.Scene(new MainView(vm, stage).root(), 1100, 700));
            stage.getScene().getStylesheets().add(SharpMinimaApp.stylesheet());
            stage.show();
        });
        ComputeBackendState state = vm.computeBackend();
        assertThat(computeLabel()).isEqualTo("Compute: Java (CPU)");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> state.choices().size() > 1);
        WaitForAsyncUtils.waitForFxEvents();

        String device = devices.get(0).label();
        robot.clickOn("Compute").clickOn(device);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !state.switchingProperty().get()
                && state.backend() instanceof DeviceWithFallback);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(computeLabel()).startsWith("Compute: " + device + ", fp");
        assertThat(state.noteProperty().get()).isNull();

        robot.clickOn("Compute").clickOn("Java (CPU)");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(computeLabel()).isEqualTo("Compute: Java (CPU)");
        assertThat(state.backend()).isInstanceOf(CpuBackend.class);
    }
}
