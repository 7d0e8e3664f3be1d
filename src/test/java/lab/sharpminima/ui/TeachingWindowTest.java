package lab.sharpminima.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import lab.sharpminima.figure.GuidedPath;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Teaching (issue 4) in the real main window under Monocle: the guided tour walks every step and
 * selects its tab; F5 turns presentation mode on (root style class, charts re-themed) and Esc off;
 * Ctrl+1 … selects tabs; every slider on every tab moves with the arrow keys, Page Up/Down, Home and End.
 */
class TeachingWindowTest {

    private final FxRobot robot = new FxRobot();
    private MainViewModel vm;
    private MainView view;
    private Stage stage;

    @BeforeAll
    static void windowed() {
        System.setProperty(PresentationMode.FULL_SCREEN_PROPERTY, "false");
        // Building all eight views takes a while on a loaded machine.
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(120_000);
    }

    @AfterAll
    static void clear() {
        System.clearProperty(PresentationMode.FULL_SCREEN_PROPERTY);
    }

    @BeforeEach
    void open() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        vm = new MainViewModel(new FxBackgroundExecutor());
        FxToolkit.setupStage(s -> {
            view = new MainView(vm, s);
            s.setScene(new Scene(view.root(), 1180, 760));
            s.getScene().getStylesheets().add(SharpMinimaApp.stylesheet());
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TabPane tabs() {
        return robot.lookup("#views").queryAs(TabPane.class);
    }

    private String selectedTab() {
        return tabs().getSelectionModel().getSelectedItem().getId();
    }

    @Test
    void everyStepNamesATabOfTheWindow() {
        List<String> ids = tabs().getTabs().stream().map(Tab::getId).toList();
        for (GuidedPath.Step s : GuidedPath.steps()) {
            assertThat(ids).contains("tab-" + s.tab());
        }
    }

    @Test
    void theTourWalksEveryStepWithNextAndPageDownAndSelectsItsTab() throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.G).release(KeyCode.G, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Node bar = robot.lookup("#guide-bar").query();
        assertThat(bar.isVisible()).isTrue();
        int n = GuidedPath.steps().size();
        for (int k = 0; k < n; k++) {
            GuidedPath.Step step = GuidedPath.steps().get(k);
            assertThat(selectedTab()).isEqualTo("tab-" + step.tab());
            assertThat(robot.lookup("#guide-position").queryAs(Label.class).getText()).isEqualTo((k + 1) + " / " + n);
            assertThat(robot.lookup("#guide-caption").queryAs(Label.class).getText()).isEqualTo(step.caption());
            if (step.tab().equals("figure2")) {
                Slider alpha = robot.lookup("#figure2-alpha").queryAs(Slider.class);
                assertThat(alpha.getValue()).isEqualTo(step.log10Alpha());
            }
            if (k % 2 == 0) {
                robot.clickOn("#guide-next");
            } else {
                robot.type(KeyCode.PAGE_DOWN); // the Next button has the focus and leaves Page Down to the tour
            }
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(bar.isVisible()).as("Next on the last step ends the tour").isFalse();
    }

    @Test
    void backAndPageUpGoToThePreviousStep() {
        robot.interact(() -> view.tour().start());
        robot.clickOn("#guide-next");
        robot.clickOn("#guide-next");
        assertThat(selectedTab()).isEqualTo("tab-" + GuidedPath.steps().get(2).tab());
        robot.clickOn("#guide-back");
        assertThat(selectedTab()).isEqualTo("tab-" + GuidedPath.steps().get(1).tab());
        robot.type(KeyCode.PAGE_UP);
        assertThat(selectedTab()).isEqualTo("tab-" + GuidedPath.steps().get(0).tab());
        assertThat(robot.lookup("#guide-back").queryAs(Button.class).isDisabled()).isTrue();
        robot.type(KeyCode.ESCAPE);
        assertThat(robot.lookup("#guide-bar").query().isVisible()).isFalse();
    }

    @Test
    void f5TurnsPresentationModeOnAndRethemesTheChartsAndEscLeavesIt() throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        assertThat(selectedTab()).isEqualTo("tab-figure2");
        ChartViewer chart = robot.lookup("#figure2-chart").queryAs(ChartViewer.class);
        waitUntil(() -> chart.getChart() != null);
        float standard = tickSize(chart);

        robot.type(KeyCode.F5);
        Parent root = view.root();
        assertThat(root.getStyleClass()).contains(PresentationMode.STYLE_CLASS);
        assertThat(view.presentation().isOn()).isTrue();
        assertThat(tickSize(chart)).isGreaterThan(standard);
        Label title = robot.lookup(".card-title").queryAs(Label.class);
        assertThat(title.getFont().getSize()).isGreaterThanOrEqualTo(20);

        robot.type(KeyCode.ESCAPE);
        assertThat(root.getStyleClass()).doesNotContain(PresentationMode.STYLE_CLASS);
        assertThat(tickSize(chart)).isEqualTo(standard);
        assertThat(title.getFont().getSize()).isLessThan(20);
    }

    private static float tickSize(ChartViewer chart) {
        return chart.getChart().getXYPlot().getDomainAxis().getTickLabelFont().getSize2D();
    }

    @Test
    void everySliderOnEveryTabMovesWithTheKeyboard() throws Exception {
        robot.interact(() -> vm.openModel(MainViewModelTest.XOR));
        waitUntil(() -> !vm.busyProperty().get() && robot.lookup("#spectrum-alpha-1").tryQuery().isPresent());
        org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
        int moved = 0;
        for (int k = 0; k < tabs().getTabs().size(); k++) {
            Tab tab = tabs().getTabs().get(k);
            KeyCode digit = KeyCode.getKeyCode(Integer.toString((k + 1) % 10));
            robot.press(KeyCode.CONTROL, digit).release(digit, KeyCode.CONTROL);
            assertThat(tabs().getSelectionModel().getSelectedItem()).isSameAs(tab);
            for (Node node : tab.getContent().lookupAll(".slider")) {
                if (node instanceof Slider s && !s.isDisabled() && shown(s)) {
                    checkKeys(s, soft);
                    moved++;
                }
            }
        }
        // Figures 1–5 have 2 + 1 + 3 + 1 + 6 sliders; Spectrum and Measures one free α each for the 2-layer XOR net.
        soft.assertAll();
        assertThat(moved).isGreaterThanOrEqualTo(15);
    }

    /** Visible with all its ancestors (a slider in a hidden mode pane cannot take the focus). */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Arrows move one block increment, Page Up/Down one page, Home and End go to the ends. */
    private void checkKeys(Slider s, org.assertj.core.api.SoftAssertions soft) {
        String name = s.getId();
        robot.interact(s::requestFocus);
        soft.assertThat(s.isFocused()).as(name + " takes the focus").isTrue();
        robot.type(KeyCode.HOME);
        soft.assertThat(s.getValue()).as(name + " Home").isEqualTo(s.getMin());
        robot.type(KeyCode.RIGHT);
        soft.assertThat(s.getValue()).as(name + " →").isGreaterThan(s.getMin());
        double afterRight = s.getValue();
        robot.type(KeyCode.PAGE_UP);
        soft.assertThat(s.getValue()).as(name + " Page Up").isGreaterThan(afterRight);
        robot.type(KeyCode.END);
        soft.assertThat(s.getValue()).as(name + " End").isEqualTo(s.getMax());
        robot.type(KeyCode.LEFT);
        soft.assertThat(s.getValue()).as(name + " ←").isLessThan(s.getMax());
        robot.type(KeyCode.PAGE_DOWN);
        soft.assertThat(s.getValue()).as(name + " Page Down").isLessThan(s.getMax() - s.getBlockIncrement() / 2);
        if (name != null && name.contains("alpha")) {
            soft.assertThat(s.getBlockIncrement()).as(name + ": a tenth of a decade").isEqualTo(0.1);
        }
    }
}
