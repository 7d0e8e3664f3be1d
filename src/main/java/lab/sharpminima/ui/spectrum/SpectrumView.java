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
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.ui.LayoutIsland;
import lab.sharpminima.export.figures.SpectrumChart;
import lab.sharpminima.figure.SpectrumFigure;
import lab.sharpminima.ui.AlphaSliders;
import lab.sharpminima.ui.TransformState;
import lab.sharpminima.ui.summary.Numbers;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.ToggleSwitch;
import org.jfree.chart.fx.ChartViewer;

/**
 * The nodes of the Spectrum view: the eigenvalue bars and the SLQ density of ∇²L before (at θ) and
 * after (at T_α θ or at the per-neuron θ′) side by side, a mode switch (layers | one neuron), one
 * log₁₀ α_k slider per layer (the last one follows, disabled, so that ∏ α_k = 1) or a layer and unit
 * picker with a log₁₀ c slider, a log |λ| switch and the identity's readouts. The charts come from
 * {@link SpectrumChart}, which also draws the exported figure. {@link #build()} makes nodes,
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
    private final ToggleButton layersMode = new ToggleButton("Layers: T_α");
    private final ToggleButton neuronMode = new ToggleButton("One neuron");
    private final Spinner<Integer> layer = new Spinner<>();
    private final Spinner<Integer> unit = new Spinner<>();
    private final Slider neuronExponent = new Slider(SpectrumViewModel.MIN_NEURON_EXPONENT,
            SpectrumViewModel.MAX_NEURON_EXPONENT, 0);
    private final Label neuronText = new Label();
    private Node alphaCard;
    private Node neuronCard;
    private boolean following;

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
        lab.sharpminima.ui.overlay.CachedTextGraphics.install(v);
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
        LayoutIsland.frameLiveNodes(root);
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
        layersMode.setId("spectrum-mode-layers");
        neuronMode.setId("spectrum-mode-neuron");
        SegmentedButton modes = new SegmentedButton(layersMode, neuronMode);
        modes.setToggleGroup(new ToggleGroup());
        Node mode = card("Transformation", modes,
                note("T_α scales whole layers; one neuron rescales a hidden unit: its incoming weights and bias "
                        + "by c, its outgoing weights by 1/c (the same function for ReLU units)."));
        alphaCard = alphaCard();
        neuronCard = neuronCard();
        logScale.setId("spectrum-log");
        Node scale = card("Eigenvalue bars", logScale,
                note("Blue: λ > 0, vermillion: λ < 0. On the log scale |λ| < 10⁻¹² sits at the floor."));
        VBox identity = new VBox(2,
                key("λ_max(D ∇²L(θ) D), from H at θ"), value("spectrum-predicted", vm.predictedProperty()),
                key("λ_max(∇²L(θ′)), recomputed at θ′"), value("spectrum-recomputed", vm.recomputedProperty()),
                key("difference"), value("spectrum-difference", vm.differenceProperty()));
        identity.getStyleClass().add("facts");
        Node check = card("Section 4.2: ∇²L(θ′) = D ∇²L(θ) D, θ′ = s ⊙ θ, D = diag(1/s)", identity,
                note("The first from the Hessian at θ, scaled by D; the second from the Hessian "
                        + "recomputed at the moved point. The function is the same; the curvature is not."));
        VBox side = new VBox(12, mode, alphaCard, neuronCard, scale, check);
        side.getStyleClass().add("spectrum-side");
        ScrollPane scroll = new ScrollPane(side);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("spectrum-side-scroll");
        return scroll;
    }

    private Node alphaCard() {
        return card("Transformation T_α, ∏ α_k = 1", sliders.node(),
                note("θ_k ↦ α_k θ_k (biases by ∏_{j≤k} α_j). The last layer's α follows the others: "
                        + "α_K = 1/∏_{k<K} α_k. Arrow keys move the focused slider."));
    }

    /** Layer and unit spinners (arrow keys step them) and the log₁₀ c slider (arrow keys move it by 0.1). */
    private Node neuronCard() {
        layer.setId("spectrum-neuron-layer");
        unit.setId("spectrum-neuron-unit");
        layer.setEditable(true);
        unit.setEditable(true);
        layer.setPrefWidth(80);
        unit.setPrefWidth(80);
        neuronExponent.setId("spectrum-neuron-c");
        neuronExponent.setMajorTickUnit(1);
        neuronExponent.setMinorTickCount(3);
        neuronExponent.setShowTickMarks(true);
        neuronExponent.setBlockIncrement(0.1);
        neuronText.setId("spectrum-neuron-c-text");
        neuronText.getStyleClass().add("value");
        HBox pick = new HBox(8, key("layer"), layer, key("unit"), unit);
        pick.setAlignment(Pos.CENTER_LEFT);
        return card("One neuron: c on unit j of layer k", pick, new VBox(2, new HBox(8, key("c"), neuronText),
                neuronExponent), note("Hidden layers 1 … K−1, units from 1. The slider sets log₁₀ c in [−2, 2]."));
    }

    private SpectrumChart.Charts charts;
    private ChartTheme chartsTheme;
    private boolean chartsLog;
    private SpectrumFigure.Side shownBefore;
    private boolean pending;
    private final javafx.animation.AnimationTimer pulse = new javafx.animation.AnimationTimer() {
        @Override
        public void handle(long now) {
            drawPending();
        }
    };

    private void wire() {
        message.textProperty().bind(vm.messageProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        vm.resultProperty().addListener((obs, old, r) -> redraw());
        logScale.selectedProperty().bindBidirectional(vm.logScaleProperty());
        vm.logScaleProperty().addListener((obs, old, on) -> redrawBars());
        wireNeuron();
        chartTheme.addListener((obs, old, t) -> redraw());
        redraw();
    }

    private void wireNeuron() {
        layersMode.setOnAction(e -> vm.setMode(SpectrumViewModel.Mode.LAYERS));
        neuronMode.setOnAction(e -> vm.setMode(SpectrumViewModel.Mode.NEURON));
        vm.modeProperty().addListener((obs, old, m) -> followMode());
        layer.valueProperty().addListener((obs, old, v) -> {
            if (!following && v != null) {
                vm.setNeuron(v, vm.neuronUnitProperty().get());
            }
        });
        unit.valueProperty().addListener((obs, old, v) -> {
            if (!following && v != null) {
                vm.setNeuron(vm.neuronLayerProperty().get(), v);
            }
        });
        neuronExponent.valueProperty().addListener((obs, old, v) -> {
            if (!following) {
                vm.setNeuronExponent(v.doubleValue());
            }
        });
        vm.neuronLayerProperty().addListener((obs, old, v) -> followNeuron());
        vm.neuronUnitProperty().addListener((obs, old, v) -> followNeuron());
        vm.neuronExponentProperty().addListener((obs, old, v) -> followNeuron());
        state.currentProperty().addListener((obs, old, t) -> followNeuron());
        followMode();
        followNeuron();
    }

    /** Shows the controls of the mode, and keeps a toggle selected (a SegmentedButton can be emptied). */
    private void followMode() {
        boolean neuron = vm.modeProperty().get() == SpectrumViewModel.Mode.NEURON;
        layersMode.setSelected(!neuron);
        neuronMode.setSelected(neuron);
        alphaCard.setVisible(!neuron);
        alphaCard.setManaged(!neuron);
        neuronCard.setVisible(neuron);
        neuronCard.setManaged(neuron);
    }

    /** Moves the spinners' ranges and values and the slider to the ViewModel's. */
    private void followNeuron() {
        following = true;
        try {
            int hidden = Math.max(1, vm.hiddenLayers());
            int l = vm.neuronLayerProperty().get();
            SpinnerValueFactory<Integer> layers = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, hidden, l);
            layers.setConverter(new lab.sharpminima.ui.SafeIntegerConverter(layers::getValue));
            layer.setValueFactory(layers);
            SpinnerValueFactory<Integer> units = new SpinnerValueFactory.IntegerSpinnerValueFactory(1,
                    Math.max(1, vm.unitsOf(l)), vm.neuronUnitProperty().get());
            units.setConverter(new lab.sharpminima.ui.SafeIntegerConverter(units::getValue));
            unit.setValueFactory(units);
            double e = vm.neuronExponentProperty().get();
            neuronExponent.setValue(e);
            neuronText.setText("= " + Numbers.format(Math.pow(10, e)) + " · log₁₀ c = " + Numbers.format(e));
        } finally {
            following = false;
        }
    }

    /** A new result: the charts follow it on the next pulse (several results within one pulse draw once). */
    private void redraw() {
        pending = true;
        pulse.start();
    }

    /**
     * Builds the four charts on the first result or a new theme; afterwards puts each result into the
     * charts in place (one dataset change per chart), and leaves the "before" charts alone while their
     * side is the same object (a slider moves only θ′).
     */
    private void drawPending() {
        pulse.stop();
        if (!pending) {
            return;
        }
        pending = false;
        SpectrumFigure.Data r = vm.resultProperty().get();
        for (ChartViewer v : new ChartViewer[] {barsBefore, barsAfter, densityBefore, densityAfter}) {
            v.setVisible(r != null);
        }
        if (r == null) {
            return;
        }
        boolean log = vm.logScaleProperty().get();
        boolean rebuild = charts == null || chartsTheme != chartTheme.get() || chartsLog != log;
        if (rebuild && !r.complete()) {
            return; // the charts are built from a whole result: the density at θ′ follows shortly
        }
        if (rebuild) {
            charts = SpectrumChart.charts(r, log, chartTheme.get());
            chartsTheme = chartTheme.get();
            chartsLog = log;
            barsBefore.setChart(charts.barsBefore());
            barsAfter.setChart(charts.barsAfter());
            densityBefore.setChart(charts.densityBefore());
            densityAfter.setChart(charts.densityAfter());
        } else {
            if (r.before() != shownBefore) {
                SpectrumChart.setEigenvalues(charts.barsBefore(), SpectrumChart.BARS_BEFORE, r.before().eigenvalues(), log);
                SpectrumChart.setDensity(charts.densityBefore(), SpectrumChart.DENSITY_BEFORE, r.before().density());
            }
            SpectrumChart.setEigenvalues(charts.barsAfter(), SpectrumChart.barsAfter(r), r.after().eigenvalues(), log);
            if (r.complete()) {
                SpectrumChart.setDensity(charts.densityAfter(), SpectrumChart.densityAfter(r), r.after().density());
            }
        }
        shownBefore = r.before();
    }

    /** The log option changes the bars' axes: they are built anew on the next pulse. */
    private void redrawBars() {
        charts = null;
        redraw();
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
