package lab.sharpminima.ui.figure2;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.RenderingHints;
import javafx.animation.AnimationTimer;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.ui.LayoutIsland;
import lab.sharpminima.export.figures.Figure2Chart;
import lab.sharpminima.figure.Figure2;
import lab.sharpminima.figure.LandscapeLayer;
import lab.sharpminima.ui.FigureCards;
import lab.sharpminima.ui.summary.Numbers;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.event.ChartProgressEvent;
import org.jfree.chart.title.TextTitle;
import org.jfree.fx.FXGraphics2D;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;

/**
 * The nodes of Figure 2: the chart (landscape drawn once, the overlay redrawn at most once per pulse),
 * the logarithmic α slider, θ and ε spinners, and the readouts. {@link #build()} makes nodes,
 * {@link #wire()} connects them to the {@link Figure2ViewModel}; the point in the chart can be
 * dragged (θ follows so that T_α θ lands under the mouse) and a double-click resets the preset.
 */
public final class Figure2View {

    /** The chart theme: {@link ChartTheme#standard()}, or {@link ChartTheme#presentation()} in presentation mode (F5). */
    private final javafx.beans.property.ObjectProperty<ChartTheme> chartTheme =
            new javafx.beans.property.SimpleObjectProperty<>(this, "chartTheme", ChartTheme.standard());

    /** How close (pixels) a press must be to the point to start dragging it. */
    private static final double GRAB_RADIUS = 14;

    private final Figure2ViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ChartViewer viewer = new ChartViewer();
    private final Label placeholder = new Label("Computing the loss landscape…");
    private final Label hover = new Label(" ");
    private final Slider alpha = new Slider(Figure2ViewModel.MIN_EXPONENT, Figure2ViewModel.MAX_EXPONENT, 0);
    private final Label alphaText = new Label();
    private final Spinner<Double> theta1 = spinner(0.01, 3, 0.05, "figure2-theta1");
    private final Spinner<Double> theta2 = spinner(0.01, 3, 0.05, "figure2-theta2");
    private final Spinner<Double> epsilon = spinner(Figure2ViewModel.MIN_EPSILON, Figure2ViewModel.MAX_EPSILON,
            0.01, "figure2-epsilon");
    private final Button reset = new Button("Reset to the paper's figure");
    private final Label error = new Label();
    private final GridPane readouts = new GridPane();

    /** The chart on screen: the static layer only, so it repaints only on resize and zoom. */
    private Figure2Chart chart;
    /** An off-screen twin whose overlay annotations are drawn onto {@link #overlayCanvas}. */
    private Figure2Chart overlayChart;
    private final Canvas overlayCanvas = new Canvas();
    private FXGraphics2D overlayGraphics;
    private Range homeDomain;
    private Range homeRange;
    private Figure2.Overlay toDraw;
    private boolean dragging;
    private final ReadOnlyLongWrapper frameNanos = new ReadOnlyLongWrapper(this, "frameNanos");
    private final AnimationTimer redraw = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drawPending();
        }
    };

    public Figure2View(Figure2ViewModel vm) {
        this.vm = vm;
        build();
        wire();
    }

    public Parent root() {
        return root;
    }

    /** The theme the charts are drawn with; setting it rebuilds them from the data already computed. */
    public javafx.beans.property.ObjectProperty<ChartTheme> chartThemeProperty() {
        return chartTheme;
    }

    private static Spinner<Double> spinner(double min, double max, double step, String id) {
        return lab.sharpminima.ui.NumberSpinners.decimal(min, max, step, id);
    }

    private void build() {
        root.setCenter(chartColumn());
        root.setRight(sideColumn());
        root.getStyleClass().addAll("figure-view", "figure2");
        root.getStylesheets().addAll(FigureCards.class.getResource("figure-view.css").toExternalForm(),
                Figure2View.class.getResource("figure2.css").toExternalForm());
        LayoutIsland.frameLiveNodes(root);
    }

    /** The chart (with a placeholder until the landscape is ready) and the hover line under it. */
    private Node chartColumn() {
        viewer.setId("figure2-chart");
        placeholder.getStyleClass().add("figure-placeholder");
        overlayCanvas.setId("figure2-overlay");
        overlayCanvas.setMouseTransparent(true);
        overlayCanvas.widthProperty().bind(viewer.widthProperty());
        overlayCanvas.heightProperty().bind(viewer.heightProperty());
        overlayCanvas.widthProperty().addListener((obs, old, w) -> drawOverlay());
        overlayCanvas.heightProperty().addListener((obs, old, h) -> drawOverlay());
        overlayGraphics = new lab.sharpminima.ui.overlay.CachedTextGraphics(overlayCanvas.getGraphicsContext2D());
        lab.sharpminima.ui.overlay.CachedTextGraphics.install(viewer);
        StackPane chartPane = new StackPane(viewer, overlayCanvas, placeholder);
        StackPane.setAlignment(overlayCanvas, Pos.TOP_LEFT);
        chartPane.getStyleClass().add("figure-chart-pane");
        hover.setId("figure2-hover");
        hover.getStyleClass().add("figure-hover");
        VBox center = new VBox(chartPane, hover);
        VBox.setVgrow(chartPane, Priority.ALWAYS);
        return center;
    }

    /** The controls and readouts, as cards in a scrolling column. */
    private Node sideColumn() {
        Node symmetry = alphaCard();
        GridPane point = new GridPane();
        point.getStyleClass().add("facts");
        point.addRow(0, key("θ₁"), theta1);
        point.addRow(1, key("θ₂"), theta2);
        point.addRow(2, key("ε"), epsilon);
        reset.setId("figure2-reset");
        Node controls = card("Unscaled point θ and ball radius ε", point, reset);

        readouts.getStyleClass().addAll("facts", "figure-readouts");
        readouts.setId("figure2-readouts");
        addReadout(0, "L(T_α θ)", "figure2-loss", vm.loss());
        addReadout(1, "max |Δf| over the data", "figure2-max-df", vm.maxOutputChange());
        addReadout(2, "λ_max = λ₁(∇²L)", "figure2-lambda1", vm.lambda1());
        addReadout(3, "λ₂(∇²L)", "figure2-lambda2", vm.lambda2());
        addReadout(4, "tr ∇²L", "figure2-trace", vm.trace());
        addReadout(5, "ε-sharpness", "figure2-sharpness", vm.sharpness());
        Node values = card("At the point T_α θ", readouts,
                note("∇²L(T_α θ) = D_α ∇²L(θ) D_α with D_α = diag(1/α, α): the curvature moves, the function does not."));

        error.setId("figure2-error");
        error.getStyleClass().add("figure-error");
        error.managedProperty().bind(error.visibleProperty());
        VBox side = new VBox(12, symmetry, controls, values,
                note("Drag the point to move θ; double-click the chart to reset. Arrow keys move the focused slider."),
                error);
        side.getStyleClass().add("figure-side");
        ScrollPane scroll = new ScrollPane(side);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("figure-side-scroll");
        return scroll;
    }

    /** The logarithmic α slider: it holds log₁₀ α ∈ [−3, 3], ticks labelled 10⁻³ … 10³. */
    private Node alphaCard() {
        alpha.setId("figure2-alpha");
        alpha.setMajorTickUnit(1);
        alpha.setMinorTickCount(3);
        alpha.setShowTickMarks(true);
        alpha.setShowTickLabels(true);
        alpha.setBlockIncrement(0.1); // a tenth of a decade per arrow key
        alpha.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double x) {
                return powerOfTen((int) Math.round(x));
            }

            @Override
            public Double fromString(String s) {
                return 0.0;
            }
        });
        alphaText.setId("figure2-alpha-text");
        alphaText.getStyleClass().add("figure2-alpha-text");
        return card("Symmetry  T_α(θ₁, θ₂) = (αθ₁, θ₂/α)", alphaText, alpha,
                note("The point moves along its curve θ₁θ₂ = const: the function, and so L, stay the same."));

    }

    private void addReadout(int row, String name, String id, Figure2ViewModel.Readout readout) {
        Label value = new Label();
        value.setId(id);
        value.getStyleClass().add("value");
        value.textProperty().bind(readout.textProperty());
        readouts.addRow(row, key(name), value);
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

    private static Node card(String title, Node... content) {
        Label t = new Label(title);
        t.getStyleClass().add("card-title");
        VBox box = new VBox(8, t);
        box.getChildren().addAll(content);
        box.getStyleClass().add("card");
        return box;
    }

    /** "10⁻³", "10⁰", "10²". */
    static String powerOfTen(int k) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder sb = new StringBuilder("10");
        if (k < 0) {
            sb.append('⁻');
        }
        for (char c : Integer.toString(Math.abs(k)).toCharArray()) {
            sb.append(digits.charAt(c - '0'));
        }
        return sb.toString();
    }

    private void wire() {
        chartTheme.addListener((obs, old, t) -> showLandscape(vm.landscapeProperty().get()));
        alpha.setValue(vm.alphaExponentProperty().get());
        alpha.valueProperty().addListener((obs, old, x) -> vm.setAlphaExponent(x.doubleValue()));
        vm.alphaExponentProperty().addListener((obs, old, x) -> alpha.setValue(x.doubleValue()));
        alphaText.textProperty().bind(vm.alphaTextProperty());

        follow(theta1, vm.theta1Property().get());
        follow(theta2, vm.theta2Property().get());
        follow(epsilon, vm.epsilonProperty().get());
        theta1.valueProperty().addListener((obs, old, v) -> vm.setTheta(v, vm.theta2Property().get()));
        theta2.valueProperty().addListener((obs, old, v) -> vm.setTheta(vm.theta1Property().get(), v));
        epsilon.valueProperty().addListener((obs, old, v) -> vm.setEpsilon(v));
        vm.theta1Property().addListener((obs, old, v) -> follow(theta1, v.doubleValue()));
        vm.theta2Property().addListener((obs, old, v) -> follow(theta2, v.doubleValue()));
        vm.epsilonProperty().addListener((obs, old, v) -> follow(epsilon, v.doubleValue()));
        reset.setOnAction(e -> vm.reset());

        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotNull());

        vm.landscapeProperty().addListener((obs, old, layer) -> showLandscape(layer));
        vm.overlayProperty().addListener((obs, old, o) -> {
            toDraw = o;
            redraw.start();
        });
        if (vm.landscapeProperty().get() != null) {
            showLandscape(vm.landscapeProperty().get());
        }
        wireMouse();
        vm.start();
    }

    /** Sets a spinner to the ViewModel's value unless it is already there (no feedback loop). */
    private static void follow(Spinner<Double> s, double v) {
        if (s.getValue() == null || s.getValue() != v) {
            s.getValueFactory().setValue(v);
        }
    }

    private void showLandscape(LandscapeLayer layer) {
        if (layer == null) {
            return;
        }
        chart = new Figure2Chart(layer, chartTheme.get());
        overlayChart = new Figure2Chart(layer, chartTheme.get());
        // The side panel has the readouts; a title that changed with every α would repaint the whole chart.
        chart.chart().getSubtitles().stream().filter(t -> t instanceof TextTitle).forEach(t -> t.setVisible(false));
        chart.chart().addProgressListener(e -> {
            if (e.getType() == ChartProgressEvent.DRAWING_FINISHED) {
                drawOverlay();
            }
        });
        viewer.setChart(chart.chart());
        XYPlot plot = chart.chart().getXYPlot();
        homeDomain = plot.getDomainAxis().getRange();
        homeRange = plot.getRangeAxis().getRange();
        placeholder.setVisible(false);
        toDraw = vm.overlayProperty().get();
        redraw.start();
    }

    /** Once per pulse: draw the newest overlay, if any arrived since the last frame, then sleep. */
    private void drawPending() {
        redraw.stop();
        if (overlayChart != null && toDraw != null) {
            long start = System.nanoTime();
            overlayChart.showOverlay(toDraw);
            toDraw = null;
            drawOverlay();
            frameNanos.set(System.nanoTime() - start);
        }
    }

    /**
     * Draws the overlay's annotations on the transparent canvas above the chart, in the on-screen
     * plot's coordinates (its data area and axes, as last rendered): the layer that α moves, redrawn
     * alone, while the landscape below stays as painted.
     */
    private void drawOverlay() {
        GraphicsContext gc = overlayCanvas.getGraphicsContext2D();
        gc.clearRect(0, 0, overlayCanvas.getWidth(), overlayCanvas.getHeight());
        Rectangle2D area = dataArea();
        if (overlayChart == null || viewer.getChart() == null || area == null || area.isEmpty()) {
            return;
        }
        XYPlot plot = viewer.getChart().getXYPlot();
        java.awt.Shape clip = overlayGraphics.getClip();
        overlayGraphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        overlayGraphics.clip(area);
        for (XYAnnotation a : overlayChart.overlayAnnotations()) {
            a.draw(overlayGraphics, plot, area, plot.getDomainAxis(), plot.getRangeAxis(), 0, null);
        }
        overlayGraphics.setClip(clip);
    }

    /** Nanoseconds the last overlay took to draw into the chart's canvas (on the FX thread). */
    public ReadOnlyLongProperty frameNanosProperty() {
        return frameNanos.getReadOnlyProperty();
    }

    private void wireMouse() {
        Node canvas = viewer.getCanvas();
        canvas.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            dragging = e.getButton() == MouseButton.PRIMARY && nearPoint(e.getX(), e.getY());
            if (dragging) {
                e.consume();
            }
        });
        canvas.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            if (dragging) {
                Point2D p = toData(e.getX(), e.getY());
                if (p != null) {
                    vm.movePointTo(p.getX(), p.getY());
                }
                e.consume();
            }
        });
        canvas.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (dragging) {
                dragging = false;
                e.consume();
            }
        });
        canvas.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                vm.reset();
                restoreZoom();
                e.consume();
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            Point2D p = toData(e.getX(), e.getY());
            hover.setText(p == null ? " " : "θ₁ = " + Numbers.format(p.getX()) + "    θ₂ = " + Numbers.format(p.getY())
                    + "    L = " + Numbers.format(vm.lossAt(p.getX(), p.getY())));
        });
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.setText(" "));
    }

    /** Back to the landscape's window after a zoom (the chart's own mouse zoom and scroll). */
    private void restoreZoom() {
        if (viewer.getChart() != null && homeDomain != null) {
            XYPlot plot = viewer.getChart().getXYPlot();
            plot.getDomainAxis().setRange(homeDomain);
            plot.getRangeAxis().setRange(homeRange);
        }
    }

    private boolean nearPoint(double x, double y) {
        Figure2.Overlay o = vm.overlayProperty().get();
        Point2D screen = o == null ? null : toScreen(o.point()[0], o.point()[1]);
        return screen != null && screen.distance(x, y) <= GRAB_RADIUS;
    }

    private Rectangle2D dataArea() {
        ChartRenderingInfo info = viewer.getRenderingInfo();
        return info == null ? null : info.getPlotInfo().getDataArea();
    }

    /** Canvas pixels → (θ1, θ2), or {@code null} outside the plot's data area. */
    private Point2D toData(double x, double y) {
        JFreeChart c = viewer.getChart();
        Rectangle2D area = dataArea();
        if (c == null || area == null || area.isEmpty() || !area.contains(x, y)) {
            return null;
        }
        XYPlot plot = c.getXYPlot();
        double a = plot.getDomainAxis().java2DToValue(x, area, plot.getDomainAxisEdge());
        double b = plot.getRangeAxis().java2DToValue(y, area, plot.getRangeAxisEdge());
        return new Point2D.Double(a, b);
    }

    private Point2D toScreen(double a, double b) {
        JFreeChart c = viewer.getChart();
        Rectangle2D area = dataArea();
        if (c == null || area == null || area.isEmpty()) {
            return null;
        }
        XYPlot plot = c.getXYPlot();
        return new Point2D.Double(plot.getDomainAxis().valueToJava2D(a, area, plot.getDomainAxisEdge()),
                plot.getRangeAxis().valueToJava2D(b, area, plot.getRangeAxisEdge()));
    }
}
