package lab.sharpminima.ui.figure1;

import java.awt.geom.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.ui.LayoutIsland;
import lab.sharpminima.export.figures.Figure1Chart;
import lab.sharpminima.figure.Curve;
import lab.sharpminima.ui.FigureCards;
import lab.sharpminima.ui.overlay.OverlayChartPane;
import lab.sharpminima.ui.summary.Numbers;

/**
 * The nodes of Figure 1: the loss curve (drawn once) with the flatness segment, the sharpness box and
 * the point as an overlay; θ and ε sliders (arrow keys move them); the point can be dragged along the
 * curve and a double-click resets the preset. {@link #build()} makes nodes, {@link #wire()} connects
 * them to the {@link Figure1ViewModel}.
 */
public final class Figure1View {

    /** The chart theme: {@link ChartTheme#standard()}, or {@link ChartTheme#presentation()} in presentation mode (F5). */
    private final javafx.beans.property.ObjectProperty<ChartTheme> chartTheme =
            new javafx.beans.property.SimpleObjectProperty<>(this, "chartTheme", ChartTheme.standard());

    /** How close (pixels) a press must be to the point to start dragging it. */
    private static final double GRAB_RADIUS = 14;

    private final Figure1ViewModel vm;
    private final BorderPane root = new BorderPane();
    private final OverlayChartPane chartPane = new OverlayChartPane("figure1-chart", "Computing the loss curve…");
    private final Label hover = new Label(" ");
    private final Slider theta;
    private final Slider epsilon = new Slider(Figure1ViewModel.MIN_EPSILON, Figure1ViewModel.MAX_EPSILON, 0.5);
    private final Label thetaText = new Label();
    private final Label epsilonText = new Label();
    private final Button reset = new Button("Reset to the paper's figure");
    private final Label error = new Label();
    private final GridPane readouts = new GridPane();
    private Figure1Chart overlayChart;
    private boolean dragging;

    public Figure1View(Figure1ViewModel vm) {
        this.vm = vm;
        this.theta = new Slider(vm.lo(), vm.hi(), 0);
        build();
        wire();
    }

    public Parent root() {
        return root;
    }

    private void build() {
        hover.getStyleClass().add("figure-hover");
        VBox center = new VBox(chartPane.root(), hover);
        VBox.setVgrow(chartPane.root(), Priority.ALWAYS);
        root.setCenter(center);
        root.setRight(sideColumn());
        root.getStyleClass().addAll("figure-view", "figure1");
        root.getStylesheets().add(FigureCards.class.getResource("figure-view.css").toExternalForm());
        LayoutIsland.frameLiveNodes(root);
    }

    private Node sideColumn() {
        slider(theta, "figure1-theta", 1, 0.05);
        slider(epsilon, "figure1-epsilon", 0.5, 0.01);
        thetaText.setId("figure1-theta-text");
        epsilonText.setId("figure1-epsilon-text");
        thetaText.getStyleClass().add("slider-value");
        epsilonText.getStyleClass().add("slider-value");
        reset.setId("figure1-reset");
        Node controls = FigureCards.card("Point θ and ε", thetaText, theta, epsilonText, epsilon, reset);

        readouts.getStyleClass().addAll("facts", "figure-readouts");
        readouts.setId("figure-readouts");
        FigureCards.addReadout(readouts, 0, "L(θ)", "figure1-loss", vm.lossTextProperty());
        FigureCards.addReadout(readouts, 1, "interval L < L(θ)+ε", "figure1-interval", vm.intervalTextProperty());
        FigureCards.addReadout(readouts, 2, "ε-flatness width", "figure1-width", vm.widthTextProperty());
        FigureCards.addReadout(readouts, 3, "ε-sharpness height", "figure1-height", vm.heightTextProperty());
        FigureCards.addReadout(readouts, 4, "attained at", "figure1-argmax", vm.argmaxTextProperty());
        FigureCards.addReadout(readouts, 5, "height/(1+L(θ))", "figure1-sharpness", vm.sharpnessTextProperty());
        Node values = FigureCards.card("Flatness at θ", readouts,
                FigureCards.note("Purple: the connected interval where L < L(θ)+ε, its length the volume ε-flatness "
                        + "(Definition 1). Red: the rise of L within [θ−ε, θ+ε], the ε-sharpness (Definition 2)."));

        error.setId("figure1-error");
        error.getStyleClass().add("figure-error");
        error.managedProperty().bind(error.visibleProperty());
        VBox side = new VBox(12, controls, values,
                FigureCards.note("Drag the point along the curve to move θ; double-click the chart to reset."), error);
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

    private static void slider(Slider s, String id, double major, double step) {
        s.setId(id);
        s.setMajorTickUnit(major);
        s.setMinorTickCount(4);
        s.setShowTickMarks(true);
        s.setShowTickLabels(true);
        s.setBlockIncrement(step);
    }

    private void wire() {
        chartTheme.addListener((obs, old, t) -> showCurve(vm.curveProperty().get()));
        theta.setValue(vm.thetaProperty().get());
        epsilon.setValue(vm.epsilonProperty().get());
        theta.valueProperty().addListener((obs, old, v) -> vm.setTheta(v.doubleValue()));
        epsilon.valueProperty().addListener((obs, old, v) -> vm.setEpsilon(v.doubleValue()));
        vm.thetaProperty().addListener((obs, old, v) -> theta.setValue(v.doubleValue()));
        vm.epsilonProperty().addListener((obs, old, v) -> epsilon.setValue(v.doubleValue()));
        thetaText.textProperty().bind(vm.thetaProperty().asString("θ = %.3f"));
        epsilonText.textProperty().bind(vm.epsilonProperty().asString("ε = %.3f"));
        reset.setOnAction(e -> vm.reset());
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotNull());

        vm.curveProperty().addListener((obs, old, c) -> showCurve(c));
        vm.overlayProperty().addListener((obs, old, o) -> redraw());
        if (vm.curveProperty().get() != null) {
            showCurve(vm.curveProperty().get());
        }
        wireMouse();
        vm.start();
    }

    private void showCurve(Curve c) {
        if (c == null) {
            return;
        }
        overlayChart = new Figure1Chart(c, chartTheme.get());
        Figure1Chart chart = new Figure1Chart(c, chartTheme.get());
        chartPane.setChart(chart.chart(), overlayChart::overlayAnnotations);
        redraw();
    }

    private void redraw() {
        var o = vm.overlayProperty().get();
        if (overlayChart != null && o != null) {
            chartPane.requestRedraw(() -> overlayChart.showOverlay(o));
        }
    }

    private void wireMouse() {
        Node canvas = chartPane.viewer().getCanvas();
        canvas.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            dragging = e.getButton() == MouseButton.PRIMARY && nearPoint(e.getX(), e.getY());
            if (dragging) {
                e.consume();
            }
        });
        canvas.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            if (dragging) {
                Point2D p = chartPane.toData(e.getX(), e.getY());
                if (p != null) {
                    vm.setTheta(p.getX());
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
                chartPane.restoreZoom();
                e.consume();
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            Point2D p = chartPane.toData(e.getX(), e.getY());
            hover.setText(p == null ? " " : "θ = " + Numbers.format(p.getX()) + "    L(θ) = "
                    + Numbers.format(lab.sharpminima.figure.Figure1.LOSS.applyAsDouble(p.getX())));
        });
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.setText(" "));
    }

    private boolean nearPoint(double x, double y) {
        var o = vm.overlayProperty().get();
        Point2D screen = o == null ? null : chartPane.toScreen(o.theta(), o.loss());
        return screen != null && screen.distance(x, y) <= GRAB_RADIUS;
    }
}
