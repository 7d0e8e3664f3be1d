package lab.sharpminima.ui.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import lab.sharpminima.ui.FxBackgroundExecutor;
import lab.sharpminima.ui.MainView;
import lab.sharpminima.ui.MainViewModel;
import lab.sharpminima.ui.SharpMinimaApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The main window opens on the Start tab; its cards and buttons select the views they name. */
class StartViewWindowTest {

    private final FxRobot robot = new FxRobot();
    private MainViewModel vm;

    @BeforeEach
    void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        vm = new MainViewModel(new FxBackgroundExecutor());
        FxToolkit.setupStage(stage -> {
            stage.setScene(new javafx.scene.Scene(new MainView(vm, stage).root(), 1180, 760));
            stage.getScene().getStylesheets().add(SharpMinimaApp.stylesheet());
            stage.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private String selectedTab() {
        return robot.lookup("#views").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId();
    }

    @Test
    void theStartTabComesFirstAndItsCardsOpenTheirFigures() {
        assertThat(selectedTab()).isEqualTo("tab-start");
        assertThat(robot.lookup("#start-version").queryAs(Label.class).getText()).matches("version \\d+\\.\\d+\\.\\d+.*");
        for (int i = 1; i <= 5; i++) {
            robot.interact(() -> robot.lookup("#views").queryAs(TabPane.class).getSelectionModel().select(0));
            robot.clickOn("#start-figure" + i);
            assertThat(selectedTab()).isEqualTo("tab-figure" + i);
        }
    }

    @Test
    void theGuidedPathStartsTheTourOnFigureOneAndTheLabButtonNeedsALabTab() {
        robot.clickOn("#start-guided");
        assertThat(selectedTab()).isEqualTo("tab-figure1");
        assertThat(robot.lookup("#guide-bar").query().isVisible()).as("the guided tour started").isTrue();
        assertThat(robot.lookup("#guide-position").queryLabeled().getText()).startsWith("1 /");
        boolean hasLab = robot.lookup("#tab-lab").tryQuery().isPresent()
                || robot.lookup("#views").queryAs(TabPane.class).getTabs().stream().anyMatch(t -> "tab-lab".equals(t.getId()));
        assertThat(robot.lookup("#start-lab").queryAs(Button.class).isDisabled()).isEqualTo(!hasLab);
    }

    @Test
    void aModelOpenedFromTheStartPageIsShownInTheModelTab() throws Exception {
        robot.interact(() -> vm.openModel(java.nio.file.Path.of("assets", "models", "paper-toy-2param.json")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.busyProperty().get() && vm.modelProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selectedTab()).isEqualTo("tab-model");
    }
}
