package lab.sharpminima.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import org.controlsfx.control.ToggleSwitch;
import lab.sharpminima.ui.overlay.ChartImagePane;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Randomized robustness of the whole window, headless (Monocle): a seeded stream of random actions
 * (slider values, extremes and arrow keys; spinner steps and typed text, garbage included; drags of the
 * draggable point θ (Figures 1, 2, 4) and θ̂ (Figure 5) and of empty chart space; scroll zoom;
 * double-click reset; buttons, toggles, combos; tab switches; menu items that open no dialog; the
 * bundled models opened through {@link MainViewModel#openModel}). After every action: no exception
 * reached the FX thread (uncaught handlers collect them), no label anywhere shows "NaN",
 * "Infinity", "null" or an exception, no readout value (style class {@code value}) is empty, and no
 * spinner holds a value that is not finite.
 *
 * <p>Seed and length: {@code -Dsml.robust.seed} (default 20170315), {@code -Dsml.robust.actions}
 * (default 2000), {@code -Dsml.robust.seconds} (default 45: the loop's time budget, at least 200
 * actions). A failure names the seed, the action number and the action.
 */
class RandomRobustnessTest {

    private static final long SEED = Long.getLong("sml.robust.seed", 20170315L);
    private static final int ACTIONS = Integer.getInteger("sml.robust.actions", 2000);
    /**
     * Wall-clock budget of the action loop: on a loaded machine the run stops early (the same seeded
     * prefix of actions), so the suite stays quick; at least {@link #MIN_ACTIONS} always run.
     */
    private static final long BUDGET_SECONDS = Long.getLong("sml.robust.seconds", 45);
    private static final int MIN_ACTIONS = 200;
    /** Words a readout must never show: a number that failed to be one, or a leaked exception. */
    private static final Pattern BAD = Pattern.compile("\\bNaN\\b|Infinity|\\bnull\\b|Exception|\\bat lab\\.");
    private static final List<String> GARBAGE = List.of("", "abc", "-", "NaN", "-NaN", "Infinity", "-Infinity",
            "1e308", "-1e308", "1e-320", "0", "−0.5", "  2.5  ", "3,5", "1e", ".");

    private final FxRobot robot = new FxRobot();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private Thread.UncaughtExceptionHandler previousDefault;
    private Random random;
    private Scene scene;
    private MainViewModel main;
    private String action = "start";
    private int step;

    @AfterEach
    void close() throws Exception {
        Thread.setDefaultUncaughtExceptionHandler(previousDefault);
        FxToolkit.cleanupStages();
    }

    @Test
    void thousandsOfRandomActionsLeaveNoExceptionAndNoUndefinedReadout() throws Exception {
        random = new Random(SEED);
        previousDefault = Thread.getDefaultUncaughtExceptionHandler();
        Thread.UncaughtExceptionHandler collect = (t, e) -> failures.add(where() + " uncaught on " + t.getName()
                + ": " + stackOf(e));
        Thread.setDefaultUncaughtExceptionHandler(collect);
        javafx.stage.Stage stage = FxToolkit.registerPrimaryStage();
        main = new MainViewModel(new FxBackgroundExecutor());
        // Not FxToolkit.setupStage: its fixed 60 s limit is too short for all views on a loaded 2-core box.
        WaitForAsyncUtils.asyncFx(() -> {
            Thread.currentThread().setUncaughtExceptionHandler(collect);
            scene = new Scene(new MainView(main, stage).root(), 1200, 800);
            scene.getStylesheets().add(SharpMinimaApp.stylesheet());
            stage.setScene(scene);
            stage.show();
        }).get(180, TimeUnit.SECONDS);
        List<Path> models = bundledModels();
        robot.interact(() -> main.openModel(models.get(0)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !main.busyProperty().get());

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BUDGET_SECONDS);
        for (step = 1; step <= ACTIONS && failures.size() < 20
                && (step <= MIN_ACTIONS || System.nanoTime() < deadline); step++) {
            int kind = random.nextInt(100);
            // One FX-thread task per action (act, then look at every label), without TestFX's
            // settle-wait after each: pulses and background results interleave as they would for a user.
            WaitForAsyncUtils.asyncFx(() -> {
                try {
                    act(kind, models);
                } catch (Throwable e) {
                    failures.add(where() + " threw: " + stackOf(e));
                }
                checkLabels();
            }).get(30, TimeUnit.SECONDS);
            if (step % 50 == 0) {
                WaitForAsyncUtils.waitForFxEvents();
            }
        }
        int done = step - 1;
        System.out.printf(java.util.Locale.ROOT, "RandomRobustnessTest: seed %d, %d of %d actions%n", SEED, done, ACTIONS);
        // Let every background result land, then look at every view once more.
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        for (Tab t : tabs().getTabs()) {
            action = "final look at " + t.getId();
            robot.interact(() -> tabs().getSelectionModel().select(t));
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(this::checkLabels);
        }
        assertThat(failures).as("seed %d, %d actions", SEED, done).isEmpty();
    }

    private static List<Path> bundledModels() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("assets", "models"))) {
            List<Path> models = new ArrayList<>(s.filter(p -> p.toString().endsWith(".json")).sorted().toList());
            assertThat(models).isNotEmpty();
            return models;
        }
    }

    private String where() {
        return "seed " + SEED + ", action " + step + " (" + action + "):";
    }

    private static String stackOf(Throwable e) {
        java.io.StringWriter w = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(w));
        String s = w.toString();
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }

    // ---- actions -------------------------------------------------------------------------------

    private void act(int kind, List<Path> models) {
        if (kind < 22) {
            sliderValue();
        } else if (kind < 32) {
            sliderKey();
        } else if (kind < 40) {
            spinner();
        } else if (kind < 58) {
            drag();
        } else if (kind < 64) {
            scroll();
        } else if (kind < 68) {
            doubleClick();
        } else if (kind < 74) {
            hover();
        } else if (kind < 82) {
            buttonOrToggle();
        } else if (kind < 92) {
            switchTab();
        } else if (kind < 96) {
            menuItem();
        } else {
            openModel(models);
        }
    }

    private TabPane tabs() {
        return (TabPane) scene.lookup("#views");
    }

    private Node currentView() {
        return tabs().getSelectionModel().getSelectedItem().getContent();
    }

    /** Nodes of {@code type} in the selected tab that a user could reach: visible and enabled. */
    private <T extends Node> List<T> reachable(Class<T> type) {
        List<T> out = new ArrayList<>();
        collect(currentView(), type, out);
        return out;
    }

    private static <T extends Node> void collect(Node n, Class<T> type, List<T> out) {
        if (!n.isVisible() || n.isDisabled()) {
            return;
        }
        if (type.isInstance(n)) {
            out.add(type.cast(n));
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, type, out);
            }
        }
    }

    private <T> T pick(List<T> xs) {
        return xs.isEmpty() ? null : xs.get(random.nextInt(xs.size()));
    }

    private void sliderValue() {
        Slider s = pick(reachable(Slider.class));
        if (s == null) {
            return;
        }
        double u = random.nextDouble();
        double v = u < 0.1 ? s.getMin() : u < 0.2 ? s.getMax() : s.getMin() + random.nextDouble() * (s.getMax() - s.getMin());
        action = "slider " + s.getId() + " = " + v;
        s.setValue(v);
    }

    private void sliderKey() {
        Slider s = pick(reachable(Slider.class));
        if (s == null) {
            return;
        }
        KeyCode code = pick(List.of(KeyCode.LEFT, KeyCode.RIGHT, KeyCode.UP, KeyCode.DOWN, KeyCode.HOME, KeyCode.END));
        int times = 1 + random.nextInt(6);
        action = "slider " + s.getId() + " key " + code + " ×" + times;
        s.requestFocus();
        for (int i = 0; i < times; i++) {
            Event.fireEvent(s, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false));
            Event.fireEvent(s, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", code, false, false, false, false));
        }
    }

    @SuppressWarnings("unchecked")
    private void spinner() {
        Spinner<Object> s = pick((List<Spinner<Object>>) (List<?>) reachable(Spinner.class));
        if (s == null) {
            return;
        }
        int k = random.nextInt(3);
        if (k == 0) {
            int steps = random.nextInt(41) - 20;
            action = "spinner " + s.getId() + " step " + steps;
            if (steps >= 0) {
                s.increment(steps);
            } else {
                s.decrement(-steps);
            }
        } else {
            String text = k == 1 ? pick(GARBAGE) : Double.toString((random.nextDouble() - 0.3) * 8);
            action = "spinner " + s.getId() + " typed \"" + text + "\"";
            if (s.isEditable()) {
                s.getEditor().setText(text);
                s.commitValue();
            }
        }
    }

    /**
     * A chart the mouse actions can reach: a {@link ChartViewer} (events go to its canvas) or a
     * {@link ChartImagePane} (Figures 3 and 5, drawn off the FX thread: events go to the pane).
     */
    private record Chart(String id, Node target, ChartViewer viewer, ChartImagePane pane) {
    }

    private Chart chart() {
        List<Chart> charts = new ArrayList<>();
        reachable(ChartViewer.class).forEach(v -> charts.add(new Chart(v.getId(), v.getCanvas(), v, null)));
        reachable(ChartImagePane.class).forEach(p -> charts.add(new Chart(p.getId(), p, null, p)));
        return pick(charts);
    }

    /** Scene coordinates of the chart's point (x, y), in its own pixels. */
    private static MouseEvent mouse(Chart v, javafx.event.EventType<MouseEvent> type, double x, double y,
                                    int clicks, boolean primaryDown) {
        Point2D scene = v.target().localToScene(x, y);
        Point2D screen = v.target().localToScreen(x, y);
        double sx = screen == null ? x : screen.getX();
        double sy = screen == null ? y : screen.getY();
        return new MouseEvent(type, scene.getX(), scene.getY(), sx, sy, MouseButton.PRIMARY, clicks, false, false,
                false, false, primaryDown, false, false, false, false, false, null);
    }

    private double[] randomPixel(Chart v) {
        double w = Math.max(1, v.target().getLayoutBounds().getWidth());
        double h = Math.max(1, v.target().getLayoutBounds().getHeight());
        return new double[] {random.nextDouble() * w, random.nextDouble() * h};
    }

    /** Where the view's draggable point is, in the chart's pixels, or a random pixel. */
    private double[] handle(Chart c) {
        String id = tabs().getSelectionModel().getSelectedItem().getId();
        double[] data = switch (id) {
            case "tab-figure1" -> new double[] {((Slider) scene.lookup("#figure1-theta")).getValue(),
                parseOr(((Label) scene.lookup("#figure1-loss")).getText())};
            case "tab-figure2" -> spinnerPoint("#figure2-theta1", "#figure2-theta2");
            case "tab-figure4" -> spinnerPoint("#figure4-theta1", "#figure4-theta2");
            case "tab-figure5" -> new double[] {((Slider) scene.lookup("#figure5-centre" + (1 + random.nextInt(2))))
                    .getValue(), Double.NaN};
            default -> null;
        };
        double[] pixel = randomPixel(c);
        if (data == null) {
            return pixel;
        }
        if (c.pane() != null) {
            // The θ̂ of Figure 5 (or a point of plot 0) in the frame on screen.
            Point2D p = c.pane().toLocal(0, data[0], Double.isNaN(data[1]) ? 0 : data[1]);
            return p == null ? pixel : new double[] {p.getX(), Double.isNaN(data[1]) ? pixel[1] : p.getY()};
        }
        ChartViewer v = c.viewer();
        if (v.getChart() == null || v.getRenderingInfo() == null) {
            return pixel;
        }
        java.awt.geom.Rectangle2D area = v.getRenderingInfo().getPlotInfo().getDataArea();
        XYPlot plot = v.getChart().getXYPlot();
        double x = plot.getDomainAxis().valueToJava2D(data[0], area, plot.getDomainAxisEdge());
        double y = Double.isNaN(data[1]) ? pixel[1]
                : plot.getRangeAxis().valueToJava2D(data[1], area, plot.getRangeAxisEdge());
        return new double[] {x, y};
    }

    @SuppressWarnings("unchecked")
    private double[] spinnerPoint(String a, String b) {
        return new double[] {((Spinner<Double>) scene.lookup(a)).getValue(), ((Spinner<Double>) scene.lookup(b)).getValue()};
    }

    private static double parseOr(String s) {
        try {
            return Double.parseDouble(s);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private void drag() {
        Chart v = chart();
        if (v == null) {
            return;
        }
        double[] from = random.nextInt(4) == 0 ? randomPixel(v) : handle(v);
        int moves = 1 + random.nextInt(6);
        action = "drag on " + v.id() + " from (" + (int) from[0] + ", " + (int) from[1] + ") in " + moves + " moves";
        Node c = v.target();
        Event.fireEvent(c, mouse(v, MouseEvent.MOUSE_PRESSED, from[0], from[1], 1, true));
        double x = from[0];
        double y = from[1];
        for (int i = 0; i < moves; i++) {
            // Mostly small steps; now and then far outside the chart.
            double reach = random.nextInt(8) == 0 ? 2000 : 120;
            x += (random.nextDouble() - 0.5) * reach;
            y += (random.nextDouble() - 0.5) * reach;
            Event.fireEvent(c, mouse(v, MouseEvent.MOUSE_DRAGGED, x, y, 1, true));
        }
        Event.fireEvent(c, mouse(v, MouseEvent.MOUSE_RELEASED, x, y, 1, false));
    }

    private void scroll() {
        Chart v = chart();
        if (v == null) {
            return;
        }
        double[] p = randomPixel(v);
        double dy = (random.nextBoolean() ? 1 : -1) * 40 * (1 + random.nextInt(5));
        action = "scroll " + dy + " on " + v.id();
        Point2D scenePoint = v.target().localToScene(p[0], p[1]);
        Event.fireEvent(v.target(), new ScrollEvent(ScrollEvent.SCROLL, scenePoint.getX(), scenePoint.getY(),
                scenePoint.getX(), scenePoint.getY(), false, false, false, false, false, false, 0, dy, 0, dy,
                ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
    }

    private void doubleClick() {
        Chart v = chart();
        if (v == null) {
            return;
        }
        double[] p = randomPixel(v);
        action = "double-click on " + v.id();
        Node c = v.target();
        Event.fireEvent(c, mouse(v, MouseEvent.MOUSE_PRESSED, p[0], p[1], 2, true));
        Event.fireEvent(c, mouse(v, MouseEvent.MOUSE_RELEASED, p[0], p[1], 2, false));
        Event.fireEvent(c, mouse(v, MouseEvent.MOUSE_CLICKED, p[0], p[1], 2, false));
    }

    private void hover() {
        Chart v = chart();
        if (v == null) {
            return;
        }
        double[] p = random.nextBoolean() ? randomPixel(v) : handle(v);
        action = "hover on " + v.id();
        Event.fireEvent(v.target(), mouse(v, MouseEvent.MOUSE_MOVED, p[0], p[1], 0, false));
        if (random.nextInt(4) == 0) {
            Event.fireEvent(v.target(), mouse(v, MouseEvent.MOUSE_EXITED, p[0], p[1], 0, false));
        }
    }

    private static boolean opensDialog(String label) {
        return label != null && (label.strip().endsWith("…") || label.strip().endsWith("..."));
    }

    private void buttonOrToggle() {
        List<Node> xs = new ArrayList<>();
        // A button whose label ends in "…" opens a native file dialog, which Monocle cannot show (as for menus).
        reachable(Button.class).stream().filter(b -> !opensDialog(b.getText()))
                .forEach(xs::add);
        xs.addAll(reachable(ToggleButton.class));
        xs.addAll(reachable(CheckBox.class));
        xs.addAll(reachable(ToggleSwitch.class));
        xs.addAll(reachable(ComboBox.class));
        Node n = pick(xs);
        if (n == null) {
            return;
        }
        action = "control " + n.getClass().getSimpleName() + " " + n.getId();
        if (n instanceof Button b) {
            b.fire();
        } else if (n instanceof ToggleButton t) {
            t.fire();
        } else if (n instanceof CheckBox c) {
            c.fire();
        } else if (n instanceof ToggleSwitch t) {
            t.setSelected(!t.isSelected());
        } else if (n instanceof ComboBox<?> c && !c.getItems().isEmpty()) {
            c.getSelectionModel().select(random.nextInt(c.getItems().size()));
        }
    }

    private void switchTab() {
        Tab t = pick(tabs().getTabs());
        action = "tab " + t.getId();
        tabs().getSelectionModel().select(t);
    }

    /** Menu items that open no window of their own: not "…" (a dialog follows), not Quit, not About. */
    private void menuItem() {
        MenuBar bar = (MenuBar) scene.lookup("#menu-bar");
        List<MenuItem> items = new ArrayList<>();
        for (Menu m : bar.getMenus()) {
            addItems(m, items);
        }
        MenuItem item = pick(items);
        if (item != null) {
            action = "menu " + item.getText();
            item.fire();
        }
    }

    private static void addItems(Menu m, List<MenuItem> out) {
        for (MenuItem i : m.getItems()) {
            String t = i.getText() == null ? "" : i.getText();
            if (i instanceof Menu sub) {
                addItems(sub, out);
            } else if (!i.isDisable() && !t.isEmpty() && !t.contains("…") && !t.startsWith("Quit")
                    && !t.startsWith("About")) {
                out.add(i);
            }
        }
    }

    private void openModel(List<Path> models) {
        Path p = random.nextInt(8) == 0 ? Path.of("assets", "models", "no-such-model.json") : pick(models);
        action = "open " + p;
        main.openModel(p);
    }

    // ---- checks --------------------------------------------------------------------------------

    private void checkLabels() {
        Set<String> bad = new LinkedHashSet<>();
        checkNode(scene.getRoot(), bad);
        for (String b : bad) {
            failures.add(where() + " " + b);
        }
    }

    private static void checkNode(Node n, Set<String> bad) {
        if (n instanceof Labeled l) {
            String text = l.getText();
            if (text != null && BAD.matcher(text).find()) {
                bad.add(describe(l) + " shows \"" + text + "\"");
            }
            if (l.getStyleClass().contains("value") && (text == null || text.isBlank())) {
                bad.add(describe(l) + " (a readout) is empty");
            }
        }
        if (n instanceof Spinner<?> s && s.getValue() instanceof Double d && !Double.isFinite(d)) {
            bad.add(describe(s) + " holds " + d);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                checkNode(c, bad);
            }
        }
    }

    private static String describe(Node n) {
        String id = n.getId();
        Node p = n.getParent();
        while (id == null && p != null) {
            id = p.getId() == null ? null : "in " + p.getId();
            p = p.getParent();
        }
        return n.getClass().getSimpleName() + " " + id;
    }
}
