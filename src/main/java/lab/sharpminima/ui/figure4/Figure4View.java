package lab.sharpminima.ui.figure4;

import java.awt.geom.Point2D;
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
import javafx.scene.layout.VBox;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.ui.LayoutIsland;
import lab.sharpminima.export.figures.Figure4Chart;
import lab.sharpminima.figure.Figure4;
import lab.sharpminima.figure.LandscapeLayer;
import lab.sharpminima.ui.FigureCards;
import lab.sharpminima.ui.overlay.OverlayChartPane;
import lab.sharpminima.ui.summary.Numbers;

/**
 * The nodes of Figure 4: the landscape (drawn once) with both balls, their ε-sharpness maximisers and
 * the line θ₁ = 0 as an overlay; θ spinners, an ε slider (arrow keys move it), and the readouts. The
 * green point θ can be dragged; a double-click resets the preset.
 */
public final class Figure4View {

    /** The chart theme: {@link ChartTheme#standard()}, or {@link ChartTheme#presentation()} in presentation mode (F5). */
    private final javafx.beans.property.ObjectProperty<ChartTheme> chartTheme =
            new javafx.beans.property.SimpleObjectProperty<>(this, "chartTheme", ChartTheme.standard());

    private static final double GRAB_RADIUS = 14;

    private final Figure4ViewModel vm;
    private final BorderPane root = new BorderPane();
    private final OverlayChartPane chartPane = new OverlayChartPane("figure4-chart", "Computing the loss landscape…");
    private final Label hover = new Label(" ");
    private final Spinner<Double> theta1 = spinner(Figure4ViewModel.MIN_THETA1, Figure4ViewModel.MAX_THETA1,
            "figure4-theta1");
    private final Spinner<Double> theta2 = spinner(-0.5, 3.5, "figure4-theta2");
    private final Slider epsilon = new Slider(Figure4ViewModel.MIN_EPSILON, Figure4ViewModel.MAX_EPSILON, 0.5);
    private final Label epsilonText = new Label();
    private final Button reset = new Button("Reset to the paper's figure");
    private final Label error = new Label();
    private final GridPane readouts = new GridPane();
    private Figure4Chart overlayChart;
    private boolean dragging;

    public Figure4View(Figure4ViewModel vm) {
        this.vm = vm;
        build();
        wire();
    }

    public Parent root() {
        return root;
    }

    private static Spinner<Double> spinner(double min, double max, String id) {
        return lab.sharpminima.ui.NumberSpinners.decimal(min, max, 0.05, id);
    }

    private void build() {
        hover.getStyleClass().add("figure-hover");
        VBox center = new VBox(chartPane.root(), hover);
        VBox.setVgrow(chartPane.root(), Priority.ALWAYS);
        root.setCenter(center);
        root.setRight(sideColumn());
        root.getStyleClass().addAll("figure-view", "figure4");
        root.getStylesheets().add(FigureCards.class.getResource("figure-view.css").toExternalForm());
        LayoutIsland.frameLiveNodes(root);
    }

    private Node sideColumn() {
        epsilon.setId("figure4-epsilon");
        epsilon.setMajorTickUnit(0.5);
        epsilon.setMinorTickCount(4);
        epsilon.setShowTickMarks(true);
        epsilon.setShowTickLabels(true);
        epsilon.setBlockIncrement(0.01);
        epsilonText.setId("figure4-epsilon-text");
        epsilonText.getStyleClass().add("slider-value");
        GridPane point = new GridPane();
        point.getStyleClass().add("facts");
        point.addRow(0, FigureCards.key("θ₁"), theta1);
        point.addRow(1, FigureCards.key("θ₂"), theta2);
        reset.setId("figure4-reset");
        Node controls = FigureCards.card("Point θ and radius ε", point, epsilonText, epsilon, reset);

        readouts.getStyleClass().addAll("facts", "figure-readouts");
        readouts.setId("figure-readouts");
        FigureCards.addReadout(readouts, 0, "α = ε/|θ₁|", "figure4-alpha", vm.alphaTextProperty());
        FigureCards.addReadout(readouts, 1, "θ′ = T_α θ", "figure4-theta-prime", vm.thetaPrimeTextProperty());
        FigureCards.addReadout(readouts, 2, "ε-sharpness at θ", "figure4-sharpness", vm.sharpnessTextProperty());
        FigureCards.addReadout(readouts, 3, "ε-sharpness at θ′", "figure4-sharpened", vm.sharpenedTextProperty());
        FigureCards.addReadout(readouts, 4, "excess of f ≡ 0", "figure4-excess", vm.excessTextProperty());
        FigureCards.addReadout(readouts, 5, "red ball reaches θ₁ = 0?", "figure4-reach", vm.reachTextProperty());
        Node values = FigureCards.card("Same function, different sharpness", readouts,
                FigureCards.note("θ′ = (αθ₁, θ₂/α) computes the same function as θ. With α = ε/|θ₁|, θ′₁ = ε, so the red "
                        + "ball touches θ₁ = 0, where f ≡ 0: the ε-sharpness at θ′ is at least that constant "
                        + "function's excess loss (Section 4.3)."));

        error.setId("figure4-error");
        error.getStyleClass().add("figure-error");
        error.managedProperty().bind(error.visibleProperty());
        VBox side = new VBox(12, controls, values,
                FigureCards.note("Drag the green point to move θ; double-click the chart to reset."), error);
        side.getStyleClass().add("figure-side");
        ScrollPane scroll = new ScrollPane(side);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("figure-side-scroll");
        return scroll;
    }

    private void wire() {
        chartTheme.addListener((obs, old, t) -> showLandscape(vm.landscapeProperty().get()));
        follow(theta1, vm.theta1Property().get());
        follow(theta2, vm.theta2Property().get());
        epsilon.setValue(vm.epsilonProperty().get());
        theta1.valueProperty().addListener((obs, old, v) -> vm.setTheta(v, vm.theta2Property().get()));
        theta2.valueProperty().addListener((obs, old, v) -> vm.setTheta(vm.theta1Property().get(), v));
        epsilon.valueProperty().addListener((obs, old, v) -> vm.setEpsilon(v.doubleValue()));
        vm.theta1Property().addListener((obs, old, v) -> follow(theta1, v.doubleValue()));
        vm.theta2Property().addListener((obs, old, v) -> follow(theta2, v.doubleValue()));
        vm.epsilonProperty().addListener((obs, old, v) -> epsilon.setValue(v.doubleValue()));
        epsilonText.textProperty().bind(vm.epsilonProperty().asString("ε = %.3f"));
        reset.setOnAction(e -> vm.reset());
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotNull());

        vm.landscapeProperty().addListener((obs, old, layer) -> showLandscape(layer));
        vm.dataProperty().addListener((obs, old, d) -> redraw());
        if (vm.landscapeProperty().get() != null) {
            showLandscape(vm.landscapeProperty().get());
        }
        wireMouse();
        vm.start();
    }

    /** The theme the charts are drawn with; setting it rebuilds them from the data already computed. */
    public javafx.beans.property.ObjectProperty<ChartTheme> chartThemeProperty() {
        return chartTheme;
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
        overlayChart = new Figure4Chart(layer, chartTheme.get());
        var w = layer.grid().window();
        chartPane.keepAspect((w.a1() - w.a0()) / (w.b1() - w.b0()));
        chartPane.setChart(new Figure4Chart(layer, chartTheme.get()).chart(), overlayChart::overlayAnnotations);
        redraw();
    }

    private void redraw() {
        Figure4.Data d = vm.dataProperty().get();
        if (overlayChart != null && d != null) {
            chartPane.requestRedraw(() -> overlayChart.showOverlay(d));
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
                    vm.setTheta(p.getX(), p.getY());
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
            hover.setText(p == null ? " " : "θ₁ = " + Numbers.format(p.getX()) + "    θ₂ = " + Numbers.format(p.getY())
                    + "    L = " + Numbers.format(vm.lossAt(p.getX(), p.getY())));
        });
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.setText(" "));
    }

    private boolean nearPoint(double x, double y) {
        Point2D screen = chartPane.toScreen(vm.theta1Property().get(), vm.theta2Property().get());
        return screen != null && screen.distance(x, y) <= GRAB_RADIUS;
    }
}
