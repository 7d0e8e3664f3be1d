package lab.sharpminima.ui.figure5;

import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.ui.LayoutIsland;
import lab.sharpminima.figure.Figure5;
import lab.sharpminima.ui.FxBackgroundExecutor;
import lab.sharpminima.ui.overlay.ChartFrame;
import lab.sharpminima.ui.overlay.ChartImagePane;
import lab.sharpminima.ui.overlay.OffThreadFrames;
import lab.sharpminima.ui.summary.Numbers;

/**
 * The nodes of Figure 5: the three panels (θ, η₁, η₂) above, and below them one card per radial map
 * (sliders for a, log₁₀ b and θ̂) and the table of curvatures at the three minima. The chart is drawn
 * off the FX thread ({@link Figure5Frames}, on a thread of its own, latest request wins) and swapped
 * in as one image at most once per pulse, with the curvature table of the panels it shows (the table
 * and the picture change in the same pulse); θ̂₁ and θ̂₂ (the red lines of the θ panel) can be dragged,
 * mapped with the geometry of the frame on screen; a double-click resets the preset.
 */
public final class Figure5View {

    /** The chart theme: {@link ChartTheme#standard()}, or {@link ChartTheme#presentation()} in presentation mode (F5). */
    private final javafx.beans.property.ObjectProperty<ChartTheme> chartTheme =
            new javafx.beans.property.SimpleObjectProperty<>(this, "chartTheme", ChartTheme.standard());

    /** How close (pixels) a press must be to a red line to drag it. */
    private static final double GRAB_PIXELS = 8;

    private final Figure5ViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ChartImagePane chartPane = new ChartImagePane("figure5-chart");
    private final Label placeholder = new Label("Computing the panels…");
    private final Label hover = new Label(" ");
    private final Button reset = new Button("Reset to the paper's figure");
    private final Label error = new Label();

    /** One daemon thread that draws the frames of every Figure 5 view (the FX thread only shows them). */
    private static final FxBackgroundExecutor DRAWING = new FxBackgroundExecutor("sml-figure5-draw", 1);
    private final OffThreadFrames<Figure5Frames.Request> frames = new OffThreadFrames<>(DRAWING, new Figure5Frames(),
            chartPane::show, Figure5Frames.Request::sameAs, "Figure 5");
    private final ReadOnlyObjectWrapper<Figure5.Data> shownData = new ReadOnlyObjectWrapper<>(this, "shownData");
    /** The curvature table's values: [coordinate][minimum], as {@link Figure5ViewModel#curvature}. */
    private final Label[][] curvatureLabels = new Label[3][3];
    /** The map (1 or 2) whose θ̂ is being dragged, or 0. */
    private int dragging;

    public Figure5View(Figure5ViewModel vm) {
        this.vm = vm;
        build();
        wire();
    }

    public Parent root() {
        return root;
    }

    private void build() {
        placeholder.getStyleClass().add("figure5-placeholder");
        StackPane chartBox = new StackPane(chartPane, placeholder);
        chartBox.getStyleClass().add("figure5-chart-pane");
        hover.setId("figure5-hover");
        hover.getStyleClass().add("figure5-hover");
        VBox center = new VBox(chartBox, hover);
        VBox.setVgrow(chartBox, Priority.ALWAYS);
        root.setCenter(center);
        root.setBottom(controls());
        root.getStyleClass().add("figure5");
        root.getStylesheets().add(Figure5View.class.getResource("figure5.css").toExternalForm());
        LayoutIsland.frameLiveNodes(root);
    }

    private Node controls() {
        reset.setId("figure5-reset");
        error.setId("figure5-error");
        error.getStyleClass().add("figure5-error");
        error.managedProperty().bind(error.visibleProperty());
        VBox table = new VBox(8, curvatureTable(),
                note("At a minimum θ*, d²L/dη² = L''(θ*)·(dθ/dη)²: the same minima, any curvature you like."),
                reset, error);
        table.getStyleClass().add("card");
        Label title = new Label("Curvature at each minimum");
        title.getStyleClass().add("card-title");
        table.getChildren().add(0, title);
        HBox row = new HBox(12, mapCard(1), mapCard(2), table);
        HBox.setHgrow(table, Priority.ALWAYS);
        row.getStyleClass().add("figure5-controls");
        return row;
    }

    private Node curvatureTable() {
        GridPane g = new GridPane();
        g.getStyleClass().addAll("facts", "figure5-readouts");
        g.setId("figure5-readouts");
        String[] minima = {"left", "middle", "right"};
        String[] coords = {"d²L/dθ²", "d²L/dη₁²", "d²L/dη₂²"};
        g.add(key("minimum"), 0, 0);
        for (int m = 0; m < 3; m++) {
            g.add(key(minima[m] + String.format(Locale.ROOT, " (θ* ≈ %d)", 2 * m - 2)), m + 1, 0);
        }
        for (int c = 0; c < 3; c++) {
            g.add(key(coords[c]), 0, c + 1);
            for (int m = 0; m < 3; m++) {
                Label v = new Label(Figure5ViewModel.readoutText(Double.NaN));
                v.setId("figure5-curvature-" + c + "-" + m);
                v.getStyleClass().add("value");
                curvatureLabels[c][m] = v;
                g.add(v, m + 1, c + 1);
            }
        }
        return g;
    }

    /** Sliders for a, log₁₀ b and θ̂ of map i, kept in step with the ViewModel both ways. */
    private Node mapCard(int i) {
        Figure5ViewModel.MapState map = vm.map(i);
        String sub = i == 1 ? "₁" : "₂";
        Slider a = slider("figure5-a" + i, Figure5ViewModel.MIN_A, Figure5ViewModel.MAX_A, 0.5, 0.05);
        Slider b = slider("figure5-logb" + i, Figure5ViewModel.MIN_LOG_B, Figure5ViewModel.MAX_LOG_B, 1, 0.1);
        b.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double x) {
                return Numbers.format(Math.pow(10, Math.round(x)));
            }

            @Override
            public Double fromString(String s) {
                return 0.0;
            }
        });
        Slider c = slider("figure5-centre" + i, -3.5, 3.5, 1.75, 0.05);
        a.setShowTickLabels(false);
        bind(a, map.aProperty(), map::setA);
        bind(b, map.logBProperty(), map::setLogB);
        bind(c, map.centreProperty(), map::setCentre);
        Label aText = new Label();
        Label bText = new Label();
        Label cText = new Label();
        aText.textProperty().bind(map.aProperty().asString(Locale.ROOT, "a = %.3g"));
        bText.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "b = " + Numbers.format(map.b()), map.logBProperty()));
        cText.textProperty().bind(map.centreProperty().asString(Locale.ROOT, "centre c = %.3g  (the red line)"));
        Label title = new Label("η" + sub + " = (|θ − c|² + b)^a (θ − c)");
        title.getStyleClass().add("card-title");
        VBox box = new VBox(4, title, aText, a, bText, b, cText, c);
        box.getStyleClass().addAll("card", "figure5-map");
        return box;
    }

    private static Slider slider(String id, double min, double max, double major, double step) {
        Slider s = new Slider(min, max, min);
        s.setId(id);
        s.setMajorTickUnit(major);
        s.setShowTickMarks(true);
        s.setShowTickLabels(true);
        s.setBlockIncrement(step);
        return s;
    }

    private static void bind(Slider s, javafx.beans.property.ReadOnlyDoubleProperty p,
                             java.util.function.DoubleConsumer set) {
        s.setValue(p.get());
        s.valueProperty().addListener((obs, old, x) -> set.accept(x.doubleValue()));
        p.addListener((obs, old, x) -> s.setValue(x.doubleValue()));
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("key");
        return l;
    }

    private static Label note(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("note");
        l.setWrapText(true);
        return l;
    }

    private void wire() {
        chartTheme.addListener((obs, old, t) -> requestFrame());
        chartPane.setOnResize(this::requestFrame);
        chartPane.frameProperty().addListener((obs, old, f) -> {
            placeholder.setVisible(false);
            Figure5.Data d = (Figure5.Data) f.content();
            shownData.set(d);
            // The table reads the panels drawn: it changes in the pulse that shows them, not one before.
            for (int c = 0; c < 3; c++) {
                double[] k = d.panels().get(c).curvatures();
                for (int m = 0; m < 3; m++) {
                    curvatureLabels[c][m].setText(Figure5ViewModel.readoutText(k[m]));
                }
            }
        });
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotNull());
        reset.setOnAction(e -> vm.reset());
        vm.settingsProperty().addListener((obs, old, d) -> requestFrame());
        wireMouse();
        vm.start();
    }

    /** The theme the charts are drawn with; setting it rebuilds them from the data already computed. */
    public javafx.beans.property.ObjectProperty<ChartTheme> chartThemeProperty() {
        return chartTheme;
    }

    /** Asks for a frame of the newest settings at the chart's size, unless that one was asked for last. */
    private void requestFrame() {
        Figure5.Settings s = vm.settingsProperty().get();
        double w = chartPane.frameWidth();
        double h = chartPane.frameHeight();
        if (s == null || w < 20 || h < 20) {
            return;
        }
        Figure5Frames.Request r = new Figure5Frames.Request(s, w, h, chartPane.outputScale(), chartTheme.get());
        frames.request(r);
    }

    /** The panels drawn in the frame on screen ({@code null} before the first): changes when a new frame shows new panels. */
    public ReadOnlyObjectProperty<Figure5.Data> shownDataProperty() {
        return shownData.getReadOnlyProperty();
    }

    private void wireMouse() {
        Node canvas = chartPane;
        canvas.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            dragging = e.getButton() == MouseButton.PRIMARY ? nearCentre(e.getX(), e.getY()) : 0;
            if (dragging != 0) {
                e.consume();
            }
        });
        canvas.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            if (dragging != 0) {
                double t = thetaAt(e.getX());
                if (!Double.isNaN(t)) {
                    vm.map(dragging).setCentre(t);
                }
                e.consume();
            }
        });
        canvas.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (dragging != 0) {
                dragging = 0;
                e.consume();
            }
        });
        canvas.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                vm.reset();
                e.consume();
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            double t = thetaAt(e.getX());
            boolean inside = chartPane.toData(0, e.getX(), e.getY()) != null;
            hover.setText(inside ? "θ = " + Numbers.format(t) + "    L(θ) = " + Numbers.format(vm.lossAt(t))
                    + (nearCentre(e.getX(), e.getY()) != 0 ? "    (drag to move c)" : "") : " ");
        });
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.setText(" "));
    }

    /** 1 or 2 when (x, y) is in the θ panel within {@value #GRAB_PIXELS} px of θ̂₁ or θ̂₂; else 0. */
    private int nearCentre(double x, double y) {
        if (chartPane.toData(0, x, y) == null) {
            return 0;
        }
        int best = 0;
        double bestDistance = GRAB_PIXELS;
        for (int i = 1; i <= 2; i++) {
            double px = chartPane.toLocal(0, vm.map(i).centreProperty().get(), 0).getX();
            if (Math.abs(px - x) <= bestDistance) {
                bestDistance = Math.abs(px - x);
                best = i;
            }
        }
        return best;
    }

    /** θ under chart column x, in the θ panel of the frame on screen; NaN before the first frame. */
    private double thetaAt(double x) {
        ChartFrame f = chartPane.frameProperty().get();
        if (f == null || f.plots().isEmpty()) {
            return Double.NaN;
        }
        return f.plots().get(0).toData(x, 0).getX();
    }
}
