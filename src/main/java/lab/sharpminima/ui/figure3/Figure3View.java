package lab.sharpminima.ui.figure3;

import java.awt.RenderingHints;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
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
import lab.sharpminima.export.figures.Figure3Chart;
import lab.sharpminima.figure.Figure3;
import lab.sharpminima.figure.LandscapeLayer;
import lab.sharpminima.landscape.Window;
import lab.sharpminima.ui.FigureCards;
import lab.sharpminima.ui.summary.Numbers;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.event.ChartProgressEvent;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.Range;
import org.jfree.fx.FXGraphics2D;

/**
 * The nodes of Figure 3: the chart (landscape built once per layer and kept, boxes as an overlay on a
 * transparent canvas redrawn at most once per pulse), sliders for α (logarithmic), r and k, and the
 * readouts. A double-click on the chart resets the preset. Per slider step the FX thread only puts the
 * boxes into the overlay and sets the axes to their window (the layer behind may be wider, see
 * {@link Figure3ViewModel#layerWindow}); charts of recent layers are kept, so returning to one builds nothing.
 */
public final class Figure3View {

    /** The chart theme: {@link ChartTheme#standard()}, or {@link ChartTheme#presentation()} in presentation mode (F5). */
    private final javafx.beans.property.ObjectProperty<ChartTheme> chartTheme =
            new javafx.beans.property.SimpleObjectProperty<>(this, "chartTheme", ChartTheme.standard());

    private final Figure3ViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ChartViewer viewer = new ChartViewer();
    private final Label placeholder = new Label("Computing the loss landscape…");
    private final Label hover = new Label(" ");
    private final Slider alpha = new Slider(Figure3ViewModel.MIN_EXPONENT, Figure3ViewModel.MAX_EXPONENT, 0);
    private final Label alphaText = new Label();
    private final Slider radius = new Slider(Figure3ViewModel.MIN_RADIUS, Figure3ViewModel.MAX_RADIUS, 0.25);
    private final Label radiusText = new Label();
    private final Slider count = new Slider(Figure3ViewModel.MIN_COUNT, Figure3ViewModel.MAX_COUNT, 4);
    private final Label countText = new Label();
    private final Button reset = new Button("Reset to the paper's figure");
    private final Label error = new Label();
    private final GridPane readouts = new GridPane();

    /** The chart shown and its off-screen twin holding the overlay, for one layer. */
    private record Charts(Figure3Chart shown, Figure3Chart twin) {
    }

    /** Charts of recent layers (by identity), most recently used last. */
    private final java.util.Map<LandscapeLayer, Charts> charts = new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<LandscapeLayer, Charts> eldest) {
            return size() > 8;
        }
    };
    private Figure3Chart overlayChart;
    private LandscapeLayer wantedLayer;
    private static final System.Logger LOG = System.getLogger(Figure3View.class.getName());
    /** One daemon thread that builds charts of new layers (the FX thread only shows them). */
    private static final Executor BUILDER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sml-figure3-charts");
        t.setDaemon(true);
        return t;
    });
    /** Draws the overlay after each drawing of the chart shown (added when shown, so once per chart). */
    private final org.jfree.chart.event.ChartProgressListener overlayAfterDrawing = e -> {
        if (e.getType() == ChartProgressEvent.DRAWING_FINISHED) {
            drawOverlay();
        }
    };
    private final Canvas overlayCanvas = new Canvas();
    private FXGraphics2D overlayGraphics;
    private Figure3.Data toDraw;
    private final AnimationTimer redraw = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drawPending();
        }
    };

    public Figure3View(Figure3ViewModel vm) {
        this.vm = vm;
        build();
        wire();
    }

    public Parent root() {
        return root;
    }

    private void build() {
        root.setCenter(chartColumn());
        root.setRight(sideColumn());
        root.getStyleClass().addAll("figure-view", "figure3");
        root.getStylesheets().addAll(FigureCards.class.getResource("figure-view.css").toExternalForm(),
                Figure3View.class.getResource("figure3.css").toExternalForm());
        LayoutIsland.frameLiveNodes(root);
    }

    private Node chartColumn() {
        viewer.setId("figure3-chart");
        placeholder.getStyleClass().add("figure-placeholder");
        overlayCanvas.setId("figure3-overlay");
        overlayCanvas.setMouseTransparent(true);
        overlayCanvas.widthProperty().bind(viewer.widthProperty());
        overlayCanvas.heightProperty().bind(viewer.heightProperty());
        overlayCanvas.widthProperty().addListener((obs, old, w) -> drawOverlay());
        overlayCanvas.heightProperty().addListener((obs, old, h) -> drawOverlay());
        overlayGraphics = new FXGraphics2D(overlayCanvas.getGraphicsContext2D());
        StackPane chartPane = new StackPane(viewer, overlayCanvas, placeholder);
        StackPane.setAlignment(overlayCanvas, Pos.TOP_LEFT);
        chartPane.getStyleClass().add("figure-chart-pane");
        hover.setId("figure-hover");
        hover.getStyleClass().add("figure-hover");
        VBox center = new VBox(chartPane, hover);
        VBox.setVgrow(chartPane, Priority.ALWAYS);
        return center;
    }

    private Node sideColumn() {
        configureSliders();
        Node symmetry = FigureCards.card("Symmetry  T_α(θ₁, θ₂) = (αθ₁, θ₂/α)", alphaText, alpha,
                FigureCards.note("det T_α = 1: every image of B∞ has the area of B∞, and computes the same functions."));
        Node box = FigureCards.card("Box B∞(r, θ) at θ = (1, 1)", radiusText, radius, countText, count, reset);

        readouts.getStyleClass().addAll("facts", "figure-readouts");
        readouts.setId("figure-readouts");
        FigureCards.addReadout(readouts, 0, "each area", "figure3-areas", vm.areasTextProperty());
        FigureCards.addReadout(readouts, 1, "total k·4r²", "figure3-total", vm.totalTextProperty());
        FigureCards.addReadout(readouts, 2, "disjoint?", "figure3-disjoint", vm.disjointTextProperty());
        FigureCards.addReadout(readouts, 3, "disjoint when", "figure3-disjoint-alpha", vm.disjointAlphaTextProperty());
        Node values = FigureCards.card("Volumes (Theorem 2)", readouts,
                FigureCards.note("Disjoint boxes of one level set: the total grows as k·4r², without bound, so volume "
                        + "ε-flatness says nothing about the function."));

        error.setId("figure-error");
        error.getStyleClass().add("figure-error");
        error.managedProperty().bind(error.visibleProperty());
        VBox side = new VBox(12, symmetry, box, values,
                FigureCards.note("Double-click the chart to reset. Arrow keys move the focused slider."), error);
        side.getStyleClass().add("figure-side");
        ScrollPane scroll = new ScrollPane(side);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("figure-side-scroll");
        return scroll;
    }

    /** The theme the charts are drawn with; setting it rebuilds them from the data already computed. */
    public javafx.beans.property.ObjectProperty<ChartTheme> chartThemeProperty() {
        return chartTheme;
    }

    private void configureSliders() {
        alpha.setId("figure3-alpha");
        alpha.setMajorTickUnit(1);
        alpha.setMinorTickCount(4);
        alpha.setShowTickMarks(true);
        alpha.setShowTickLabels(true);
        alpha.setBlockIncrement(0.1); // a tenth of a decade per arrow key
        alpha.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double x) {
                long k = Math.round(x);
                return k == 0 ? "1" : k > 0 ? "10" : "10⁻¹";
            }

            @Override
            public Double fromString(String s) {
                return 0.0;
            }
        });
        alphaText.setId("figure3-alpha-text");
        alphaText.getStyleClass().add("figure3-big");
        radius.setId("figure3-radius");
        radius.setBlockIncrement(0.05);
        radius.setMajorTickUnit(0.5);
        radius.setShowTickMarks(true);
        radius.setShowTickLabels(false);
        radiusText.setId("figure3-radius-text");
        count.setId("figure3-count");
        count.setMajorTickUnit(1);
        count.setMinorTickCount(0);
        count.setSnapToTicks(true);
        count.setBlockIncrement(1);
        count.setShowTickMarks(true);
        count.setShowTickLabels(true);
        countText.setId("figure3-count-text");
        reset.setId("figure3-reset");
    }

    private void wire() {
        chartTheme.addListener((obs, old, t) -> {
            charts.clear();
            showLandscape(vm.landscapeProperty().get());
        });
        alpha.setValue(vm.alphaExponentProperty().get());
        radius.setValue(vm.radiusProperty().get());
        count.setValue(vm.countProperty().get());
        alpha.valueProperty().addListener((obs, old, x) -> vm.setAlphaExponent(x.doubleValue()));
        radius.valueProperty().addListener((obs, old, x) -> vm.setRadius(x.doubleValue()));
        count.valueProperty().addListener((obs, old, x) -> {
            int k = (int) Math.round(x.doubleValue());
            if (k != vm.countProperty().get()) {
                vm.setCount(k);
            }
        });
        vm.alphaExponentProperty().addListener((obs, old, x) -> alpha.setValue(x.doubleValue()));
        vm.radiusProperty().addListener((obs, old, x) -> radius.setValue(x.doubleValue()));
        vm.countProperty().addListener((obs, old, x) -> count.setValue(x.intValue()));
        alphaText.textProperty().bind(vm.alphaTextProperty());
        radiusText.textProperty().bind(vm.radiusProperty().asString(java.util.Locale.ROOT, "r = %.3g"));
        countText.textProperty().bind(vm.countProperty().asString("k = %d boxes: B∞ and k − 1 images"));
        reset.setOnAction(e -> vm.reset());
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotNull());

        vm.landscapeProperty().addListener((obs, old, layer) -> showLandscape(layer));
        vm.dataProperty().addListener((obs, old, d) -> {
            toDraw = d;
            redraw.start();
        });
        wireMouse();
        vm.start();
    }

    private void showLandscape(LandscapeLayer layer) {
        if (layer == null) {
            return;
        }
        wantedLayer = layer;
        Charts cached = charts.get(layer);
        if (cached == null) {
            // A new layer's two charts (contours, curves, heat map) are built off the FX thread; the
            // boxes keep moving on the current chart meanwhile.
            ChartTheme theme = chartTheme.get();
            CompletableFuture.supplyAsync(() -> charts(layer, theme), BUILDER)
                    .whenComplete((c, failure) -> Platform.runLater(() -> built(layer, theme, c, failure)));
            return;
        }
        show(cached);
    }

    /** On the FX thread: keeps the charts built for layer, and shows them if layer is still the one wanted. */
    private void built(LandscapeLayer layer, ChartTheme theme, Charts c, Throwable failure) {
        if (failure != null) {
            LOG.log(System.Logger.Level.ERROR, "Figure 3: the chart could not be built", failure);
            return;
        }
        if (theme != chartTheme.get()) {
            return;
        }
        charts.put(layer, c);
        if (layer == wantedLayer) {
            show(c);
        }
    }

    private void show(Charts c) {
        c.shown().chart().removeProgressListener(overlayAfterDrawing);
        c.shown().chart().addProgressListener(overlayAfterDrawing);
        overlayChart = c.twin();
        viewer.setChart(c.shown().chart());
        placeholder.setVisible(false);
        toDraw = vm.dataProperty().get();
        redraw.start();
    }

    /** Both charts of a layer; touches no node, so it runs on {@link #BUILDER}. */
    private static Charts charts(LandscapeLayer layer, ChartTheme theme) {
        Figure3Chart chart = new Figure3Chart(layer, theme);
        // The readouts are in the side panel; a subtitle that changed with every move would repaint the chart.
        chart.chart().getSubtitles().stream().filter(t -> t instanceof TextTitle).forEach(t -> t.setVisible(false));
        return new Charts(chart, new Figure3Chart(layer, theme));
    }

    /**
     * Whether the axis range shown may stay for the boxes' range: it holds them and is at most
     * {@value #SLACK} times as long. A drag's small steps then redraw the overlay alone, and the whole
     * chart (heat map, contours, axes) only when the boxes leave the range or shrink well inside it.
     */
    private static boolean fits(Range boxes, Range shown) {
        return shown.getLowerBound() <= boxes.getLowerBound() && shown.getUpperBound() >= boxes.getUpperBound()
                && shown.getLength() <= SLACK * boxes.getLength();
    }

    /** Whether the landscape shown covers the ranges (else a kept axis would show a blank strip). */
    private boolean covered(Range a, Range b) {
        Window w = overlayChart.landscapeWindow();
        return w.a0() <= a.getLowerBound() && w.a1() >= a.getUpperBound()
                && w.b0() <= b.getLowerBound() && w.b1() >= b.getUpperBound();
    }

    /** How much longer than the boxes' window an axis may stay (see {@link #fits}). */
    private static final double SLACK = 1.15;

    /**
     * Once per pulse: put the newest boxes into the overlay chart and set the axes to their window
     * (one chart event, which redraws the chart and then the overlay), or, when the axes shown still
     * fit it ({@link #fits}), draw the overlay alone; then sleep.
     */
    private void drawPending() {
        redraw.stop();
        if (overlayChart != null && toDraw != null && viewer.getChart() != null) {
            overlayChart.showBoxes(toDraw);
            Window w = Figure3Chart.windowFor(toDraw);
            toDraw = null;
            XYPlot plot = viewer.getChart().getXYPlot();
            Range a = new Range(w.a0(), w.a1());
            Range b = new Range(w.b0(), w.b1());
            Range shownA = plot.getDomainAxis().getRange();
            Range shownB = plot.getRangeAxis().getRange();
            if (fits(a, shownA) && fits(b, shownB) && covered(shownA, shownB)) {
                drawOverlay();
            } else {
                plot.setNotify(false);
                plot.getDomainAxis().setRange(a);
                plot.getRangeAxis().setRange(b);
                plot.setNotify(true);
            }
        }
    }

    /** Draws the boxes' annotations on the transparent canvas, in the on-screen plot's coordinates. */
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

    private void wireMouse() {
        Node canvas = viewer.getCanvas();
        canvas.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                vm.reset();
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
        return new Point2D.Double(plot.getDomainAxis().java2DToValue(x, area, plot.getDomainAxisEdge()),
                plot.getRangeAxis().java2DToValue(y, area, plot.getRangeAxisEdge()));
    }
}
