package lab.sharpminima.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import lab.sharpminima.ui.FxBackgroundExecutor;
import lab.sharpminima.ui.SharpMinimaApp;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Landscape and experiment panes in a real (Monocle) window: a few steps, random directions, compute a
 * slice and read its readout; apply T_α and see the second slice drawn; run the (small) experiment and read
 * its table and verdict.
 */
class LandscapeWindowTest {

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
    void aSliceAfterAFewStepsThenTheSameSliceAtTalphaTheta() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            vm = new LabViewModel(new FxBackgroundExecutor(), LabViewModel.daemonThreads(),
                    LandscapeViewModelTest::small);
            vm.epochsProperty().set(100); // λ_max and the trajectory keep every epoch
            stage.setScene(new Scene(new LabView(vm).root(), 1200, 800));
            stage.getScene().getStylesheets().add(SharpMinimaApp.stylesheet());
            stage.show();
        });
        robot.interact(() -> robot.lookup("#lab-landscape").queryAs(TitledPane.class).setExpanded(true));
        assertThat(text("#lab-landscape-readout")).startsWith("pause or finish");

        for (int e = 1; e <= 3; e++) {
            click("#lab-step");
            int epoch = e;
            waitFor(() -> text("#lab-message").equals("paused after epoch " + epoch));
        }
        robot.interact(() -> robot.lookup("#lab-landscape-kind-random").queryAs(ToggleButton.class).fire());
        click("#lab-landscape-compute");
        waitFor(() -> text("#lab-landscape-readout").startsWith("random directions: L from"));
        assertThat(text("#lab-landscape-readout")).endsWith("over the 41 × 41 grid");
        assertThat(robot.lookup("#lab-landscape-plane").queryAs(ChartViewer.class).getChart()).isNotNull();
        assertThat(vm.landscape().sliceProperty().get().pathA()).hasSize(4); // θ₀ … θ₃

        click("#lab-apply");
        waitFor(() -> vm.landscape().sliceAfterProperty().get() != null && !text("#lab-max-df").equals("—"));
        assertThat(robot.lookup("#lab-landscape-after").queryAs(ChartViewer.class).getChart()).isNotNull();

        click("#lab-landscape-save-a");
        click("#lab-step");
        waitFor(() -> text("#lab-message").equals("paused after epoch 4"));
        click("#lab-landscape-save-b");
        waitFor(() -> vm.landscape().interpolationProperty().get() != null);
        assertThat(text("#lab-landscape-saved")).isEqualTo("A: saved   B: saved");
    }

    @Test
    void theExperimentButtonFillsTheTable() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            vm = new LabViewModel(new FxBackgroundExecutor(), LabViewModel.daemonThreads(),
                    LandscapeViewModelTest::small);
            stage.setScene(new Scene(new LabView(vm).root(), 1200, 800));
            stage.getScene().getStylesheets().add(SharpMinimaApp.stylesheet());
            stage.show();
        });
        robot.interact(() -> robot.lookup("#lab-experiment").queryAs(TitledPane.class).setExpanded(true));
        click("#lab-experiment-run");
        assertThat(robot.lookup("#lab-experiment-cancel").queryAs(Button.class).isDisabled()).isFalse();
        waitFor(() -> !vm.experiment().busyProperty().get());
        assertThat(text("#lab-experiment-message")).startsWith("The reversal holds");
        assertThat(text("#lab-experiment-alpha")).startsWith("T_α with α = (");
        TableView<?> table = robot.lookup("#lab-experiment-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(vm.experiment().resultProperty().get().rows().size());
    }
}
