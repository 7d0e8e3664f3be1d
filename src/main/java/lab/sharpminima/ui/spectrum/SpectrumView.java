package lab.sharpminima.ui.spectrum;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.ui.AlphaSliders;
import lab.sharpminima.ui.TransformState;
import org.controlsfx.control.ToggleSwitch;
import org.jfree.chart.fx.ChartViewer;

/**
 * The nodes of the Spectrum view: the eigenvalue bars and the SLQ density of ∇²L before (at θ) and
 * after (at T_α θ) side by side, one log₁₀ α_k slider per layer (the last one follows, disabled, so
 * that ∏ α_k = 1), a log |λ| switch and the identity's readouts. {@link #build()} makes nodes,
 * {@link #wire()} connects them to the {@link SpectrumViewModel}.
 */
public final class SpectrumView {

    private final SpectrumViewModel vm;
    private final TransformState state;
    /** The chart theme: {@link ChartTheme#standard()}, or {@link ChartTheme#presentation()} in presentation mode (F5). */
    private final javafx.beans.property.ObjectProperty<ChartTheme> chartTheme =
            new javafx.beans.property.SimpleObjectProperty<>(this, "chartTheme", ChartTheme.standard());
    private final BorderPane root = new BorderPane();
    private final ChartViewer barsBefore = viewer("spectrum-bars-before");
    private final ChartViewer barsAfter = viewer("spectrum-bars-after");
    private final ChartViewer densityBefore = viewer("spectrum-density-before");
    private final ChartViewer densityAfter = viewer("spectrum-density-after");
    private final Label message = new Label();
    private final ToggleSwitch logScale = new ToggleSwitch("log₁₀ |λ|");
    private final AlphaSliders sliders;
    private final ProgressIndicator progress = new ProgressIndicator();

    public SpectrumView(SpectrumViewModel vm) {
        this.vm = vm;
        this.state = vm.state();
        this.sliders = new AlphaSliders(state, "spectrum");
        build();
        wire();
    }

    public Parent root() {
        return root;
    }

    /** The theme the charts are drawn with; setting it redraws them from the result already computed. */
    public javafx.beans.property.ObjectProperty<ChartTheme> chartThemeProperty() {
        return chartTheme;
    }

    private static ChartViewer viewer(String id) {
        ChartViewer v = new ChartViewer();
        v.setId(id);
        v.setMinSize(200, 150);
        return v;
    }

    private void build() {
        message.setId("spectrum-message");
        message.getStyleClass().add("note");
        message.setWrapText(true);
        progress.setId("spectrum-progress");
        progress.setPrefSize(18, 18);
        HBox top = new HBox(8, progress, message);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("spectrum-top");
        VBox center = new VBox(8, top, charts());
        VBox.setVgrow(center.getChildren().get(1), Priority.ALWAYS);
        root.setCenter(center);
        root.setRight(sideColumn());
        root.getStyleClass().add("spectrum");
        root.getStylesheets().add(SpectrumView.class.getResource("spectrum.css").toExternalForm());
    }

    private Node charts() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, barsBefore, barsAfter);
        grid.addRow(1, densityBefore, densityAfter);
        for (int c = 0; c < 2; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(50);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(50);
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        grid.getStyleClass().add("spectrum-charts");
        return grid;
    }

    private Node sideColumn() {
        Node alpha = card("Transformation T_α, ∏ α_k = 1", sliders.node(),
                note("θ_k ↦ α_k θ_k (biases by ∏_{j≤k} α_j). The last layer's α follows the others: "
                        + "α_K = 1/∏_{k<K} α_k. Arrow keys move the focused slider."));
        logScale.setId("spectrum-log");
        Node scale = card("Eigenvalue bars", logScale,
                note("Blue: λ > 0, vermillion: λ < 0. On the log scale |λ| < 10⁻¹² sits at the floor."));
        VBox identity = new VBox(2,
                key("λ_max(D_α ∇²L(θ) D_α), from H at θ"), value("spectrum-predicted", vm.predictedProperty()),
                key("λ_max(∇²L(T_α θ)), recomputed"), value("spectrum-recomputed", vm.recomputedProperty()),
                key("difference"), value("spectrum-difference", vm.differenceProperty()));
        identity.getStyleClass().add("facts");
        Node check = card("Section 4.2: ∇²L(T_α θ) = D_α ∇²L(θ) D_α", identity,
                note("The first from the Hessian at θ, scaled by D_α = diag(1/s); the second from the Hessian "
                        + "recomputed at the moved point. The function is the same; the curvature is not."));
        VBox side = new VBox(12, alpha, scale, check);
        side.getStyleClass().add("spectrum-side");
        ScrollPane scroll = new ScrollPane(side);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("spectrum-side-scroll");
        return scroll;
    }

    private void wire() {
        message.textProperty().bind(vm.messageProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        vm.resultProperty().addListener((obs, old, r) -> redraw());
        logScale.selectedProperty().addListener((obs, old, on) -> redrawBars());
        chartTheme.addListener((obs, old, t) -> redraw());
        redraw();
    }

    private void redraw() {
        SpectrumViewModel.Result r = vm.resultProperty().get();
        for (ChartViewer v : new ChartViewer[] {barsBefore, barsAfter, densityBefore, densityAfter}) {
            v.setVisible(r != null);
        }
        if (r == null) {
            return;
        }
        redrawBars();
        densityBefore.setChart(SpectrumCharts.density("Density before: ∇²L(θ)", r.before().density(), chartTheme.get()));
        densityAfter.setChart(SpectrumCharts.density("Density after: ∇²L(T_α θ)", r.after().density(), chartTheme.get()));
    }

    private void redrawBars() {
        SpectrumViewModel.Result r = vm.resultProperty().get();
        if (r == null) {
            return;
        }
        boolean log = logScale.isSelected();
        barsBefore.setChart(SpectrumCharts.eigenvalues("Before: λ_i of ∇²L(θ)", r.before().eigenvalues(), log, chartTheme.get()));
        barsAfter.setChart(SpectrumCharts.eigenvalues("After: λ_i of ∇²L(T_α θ)", r.after().eigenvalues(), log, chartTheme.get()));
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("key");
        return l;
    }

    private static Label value(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("value");
        l.textProperty().bind(text);
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
        t.setWrapText(true);
        VBox box = new VBox(8, t);
        box.getChildren().addAll(content);
        box.getStyleClass().add("card");
        return box;
    }
}
