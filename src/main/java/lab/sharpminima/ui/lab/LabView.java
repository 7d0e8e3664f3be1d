package lab.sharpminima.ui.lab;

import java.awt.BasicStroke;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleFunction;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.ui.LayoutIsland;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.data.BuiltinDataset;
import lab.sharpminima.engine.train.OptimizerKind;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.ui.AlphaSliders;
import lab.sharpminima.ui.ExportableFigure;
import lab.sharpminima.ui.FigureCards;
import lab.sharpminima.ui.summary.Numbers;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.ToggleSwitch;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The Lab tab: settings and run controls on the left; the boundary, the network diagram, the loss curves
 * and λ_max beside 2/η in the middle (a place for the Landscape panel below them); the T_α bridge on the
 * right. An {@link AnimationTimer} calls {@link LabViewModel#pull()} once per pulse; nothing here waits.
 */
public final class LabView {

    private final LabViewModel vm;
    private final LabExport export;
    private final ScrollPane centreScroll = new ScrollPane();
    private final BorderPane root = new BorderPane();
    private final BoundaryCanvas boundary = new BoundaryCanvas("lab-boundary");
    private final NetworkDiagram diagram = new NetworkDiagram("lab-diagram");
    private final BoundaryCanvas boundaryBefore = new BoundaryCanvas("lab-boundary-before");
    private final BoundaryCanvas boundaryAfter = new BoundaryCanvas("lab-boundary-after");
    private final NetworkDiagram diagramBefore = new NetworkDiagram("lab-diagram-before");
    private final NetworkDiagram diagramAfter = new NetworkDiagram("lab-diagram-after");
    private final XYSeries trainSeries = new XYSeries("train", false, true);
    private final XYSeries testSeries = new XYSeries("test", false, true);
    private final XYSeries lambdaSeries = new XYSeries("λ_max(∇²L)", false, true);
    private final XYSeries edgeSeries = new XYSeries("2/η", false, true);
    private final ChartViewer lossViewer = new ChartViewer();
    private final ChartViewer lambdaViewer = new ChartViewer();
    private final ToggleSwitch logScale = new ToggleSwitch("log scale");
    private final VBox sliderBox = new VBox(6);
    private final List<Slider> sliders = new ArrayList<>();
    private final Label lastAlpha = new Label();
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            vm.pull();
        }
    };

    public LabView(LabViewModel vm) {
        this.vm = vm;
        this.export = new LabExport(vm);
        build();
        wire();
        pulse.start();
        scripted();
    }

    /**
     * For scripted screenshots: {@code -Dsml.lab.start=true} starts training at once, and
     * {@code -Dsml.lab.bridge=0.5} then applies log₁₀ α₁ = 0.5 when the run has finished (with
     * {@code -Dsml.lab.bridgeMode=neuron} or {@code weight-norm}: log₁₀ c of layer 1 unit 1, or log₁₀ α of T'_α);
     * {@code -Dsml.lab.landscape=true} (or {@code random}, {@code filter}, {@code eigen}, {@code pca}) opens the
     * Landscape pane and computes a slice when it has finished; {@code -Dsml.lab.keskar=0} saves the finished
     * run as minimum A, trains again from the same start with that batch size (0: full) and saves it as B;
     * {@code -Dsml.lab.experiment=true} opens the Experiment pane and runs it.
     */
    private void scripted() {
        if (Boolean.getBoolean("sml.lab.start")) {
            javafx.application.Platform.runLater(vm::start);
        }
        String e = System.getProperty("sml.lab.bridge");
        if (e != null) {
            vm.stateProperty().addListener((o, old, s) -> {
                if (s == LabViewModel.State.FINISHED) {
                    try {
                        double value = Double.parseDouble(e);
                        String mode = System.getProperty("sml.lab.bridgeMode", "alpha");
                        vm.bridgeModeProperty().set(mode.equals("neuron") ? Bridge.Mode.NEURON
                                : mode.equals("weight-norm") ? Bridge.Mode.WEIGHT_NORM : Bridge.Mode.ALPHA);
                        vm.setExponent(0, value);
                        vm.neuronLog10CProperty().set(value);
                        vm.weightNormLog10AlphaProperty().set(value);
                    } catch (NumberFormatException ignored) {
                        return; // not a number: no bridge
                    }
                    vm.applyTransform();
                }
            });
        }
        if (Boolean.getBoolean("sml.lab.experiment")) {
            javafx.application.Platform.runLater(() -> {
                vm.experiment().run();
                centreScroll.setVvalue(1.0);
            });
        }
        String keskar = System.getProperty("sml.lab.keskar");
        if (keskar != null) {
            // Keskar et al.'s figure: the finished run is minimum A, then the same start with another batch is B.
            vm.stateProperty().addListener((o, old, s) -> {
                if (s == LabViewModel.State.FINISHED && vm.landscape().minimumAProperty().get() == null) {
                    vm.landscape().saveA();
                    vm.batchSizeProperty().set(Integer.parseInt(keskar));
                    javafx.application.Platform.runLater(vm::start);
                } else if (s == LabViewModel.State.FINISHED) {
                    vm.landscape().saveB();
                }
            });
        }
        String landscape = System.getProperty("sml.lab.landscape");
        if (landscape != null) {
            if (landscape.equals("pca")) {
                vm.landscape().projectionProperty().set(LandscapeSlice.Projection.PCA);
            } else if (!landscape.equals("true")) {
                vm.landscape().kindProperty().set(lab.sharpminima.landscape.Directions.Kind.fromId(landscape));
            }
            vm.stateProperty().addListener((o, old, s) -> {
                if (s == LabViewModel.State.FINISHED) {
                    vm.landscape().compute();
                }
            });
            // The screenshot shows the pane: a larger window, scrolled down to it.
            vm.landscape().sliceAfterProperty().addListener((o, old, s) -> {
                if (s != null && root.getScene() != null
                        && root.getScene().getWindow() instanceof javafx.stage.Stage stage) {
                    stage.setWidth(1600);
                    stage.setHeight(1000);
                    stage.setX(0);
                    stage.setY(0);
                    javafx.application.Platform.runLater(() -> centreScroll.setVvalue(1.0));
                }
            });
        }
    }

    public Parent root() {
        return root;
    }

    private void build() {
        ScrollPane left = new ScrollPane(controls());
        left.setFitToWidth(true);
        left.getStyleClass().add("lab-side-scroll");
        ScrollPane right = new ScrollPane(bridgePanel());
        right.setFitToWidth(true);
        right.getStyleClass().add("lab-side-scroll");
        root.setLeft(left);
        root.setCenter(centre());
        root.setRight(right);
        root.getStyleClass().add("lab");
        root.getStylesheets().add(LabView.class.getResource("lab.css").toExternalForm());
        LayoutIsland.frameLiveNodes(root);
    }

    // ---- left: settings and run controls ----

    private Node controls() {
        ComboBox<BuiltinDataset> data = combo("lab-dataset", BuiltinDataset.values(), vm.datasetProperty());
        Button csv = new Button("CSV file…");
        csv.setId("lab-csv");
        csv.setOnAction(e -> chooseCsv());
        Label csvName = new Label();
        csvName.getStyleClass().add("note");
        csvName.textProperty().bind(Bindings.createStringBinding(() -> vm.csvProperty().get() == null ? ""
                : vm.csvProperty().get().getFileName().toString(), vm.csvProperty()));
        GridPane d = grid();
        d.addRow(0, FigureCards.key("data set"), new HBox(6, data, csv));
        d.addRow(1, FigureCards.key(""), csvName);
        d.addRow(2, FigureCards.key("n"), field("lab-n", vm.nProperty(), Integer::valueOf));
        d.addRow(3, FigureCards.key("noise"), field("lab-noise", vm.noiseProperty(), Double::valueOf));

        ToggleSwitch bias = new ToggleSwitch("biases");
        bias.setId("lab-bias");
        bias.selectedProperty().bindBidirectional(vm.biasProperty());
        TextField hidden = new TextField();
        hidden.setId("lab-hidden");
        hidden.setPromptText("e.g. 16,16");
        hidden.setText(vm.hiddenProperty().get());
        hidden.setOnAction(e -> vm.hiddenProperty().set(hidden.getText()));
        hidden.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                vm.hiddenProperty().set(hidden.getText());
            }
        });
        GridPane net = grid();
        net.addRow(0, FigureCards.key("hidden widths"), hidden);
        net.addRow(1, FigureCards.key("activation"), combo("lab-activation", Activation.values(),
                vm.activationProperty()));
        net.addRow(2, FigureCards.key(""), bias);
        net.addRow(3, FigureCards.key("loss"), combo("lab-loss", LossKind.values(), vm.lossProperty()));

        GridPane t = grid();
        t.add(FigureCards.key("optimizer"), 0, 0, 2, 1);
        t.add(optimizerButtons(), 0, 1, 2, 1);
        t.addRow(2, FigureCards.key("learning rate η"), field("lab-lr", vm.learningRateProperty(), Double::valueOf));
        t.addRow(3, FigureCards.key("batch size"), field("lab-batch", vm.batchSizeProperty(), Integer::valueOf));
        t.addRow(4, FigureCards.key("epochs"), field("lab-epochs", vm.epochsProperty(), Integer::valueOf));
        t.addRow(5, FigureCards.key("seed"), field("lab-seed", vm.seedProperty(), Integer::valueOf));

        VBox settings = new VBox(10, FigureCards.card("Data", d), FigureCards.card("Network", net),
                FigureCards.card("Training", t));
        settings.disableProperty().bind(Bindings.createBooleanBinding(() ->
                vm.stateProperty().get() == LabViewModel.State.RUNNING
                        || vm.stateProperty().get() == LabViewModel.State.PAUSED, vm.stateProperty()));
        VBox box = new VBox(10, settings, runCard());
        box.getStyleClass().add("lab-controls");
        return box;
    }

    private Node runCard() {
        Button start = button("Start", "lab-start", vm::start);
        Button pause = button("Pause", "lab-pause", vm::pause);
        Button step = button("Step", "lab-step", vm::step);
        Button reset = button("Reset", "lab-reset", vm::reset);
        start.setDefaultButton(false);
        start.disableProperty().bind(vm.stateProperty().isEqualTo(LabViewModel.State.RUNNING));
        pause.disableProperty().bind(vm.stateProperty().isNotEqualTo(LabViewModel.State.RUNNING));
        step.disableProperty().bind(vm.stateProperty().isEqualTo(LabViewModel.State.FINISHED));
        HBox buttons = new HBox(6, start, pause, step, reset);
        GridPane r = grid();
        FigureCards.addReadout(r, 0, "state", "lab-state", Bindings.createStringBinding(() ->
                vm.stateProperty().get().name().toLowerCase(java.util.Locale.ROOT), vm.stateProperty()));
        FigureCards.addReadout(r, 1, "epoch", "lab-epoch", Bindings.createStringBinding(() ->
                vm.epochProperty().get() + " / " + vm.epochsProperty().get(), vm.epochProperty(), vm.epochsProperty()));
        FigureCards.addReadout(r, 2, "train loss", "lab-train-loss", number(vm.trainLossProperty()));
        FigureCards.addReadout(r, 3, "test loss", "lab-test-loss", number(vm.testLossProperty()));
        FigureCards.addReadout(r, 4, "SGD steps/s", "lab-steps", Bindings.createStringBinding(() ->
                Double.isNaN(vm.stepsPerSecondProperty().get()) ? "—"
                        : String.format(java.util.Locale.ROOT, "%,.0f", vm.stepsPerSecondProperty().get()),
                vm.stepsPerSecondProperty()));
        Label message = FigureCards.note("");
        message.setId("lab-message");
        message.textProperty().bind(vm.messageProperty());
        return FigureCards.card("Run", buttons, FigureCards.note("Step trains one epoch, then pauses."), r, message);
    }

    private Node optimizerButtons() {
        SegmentedButton seg = new SegmentedButton();
        seg.setId("lab-optimizer");
        ToggleGroup group = seg.getToggleGroup();
        for (OptimizerKind k : OptimizerKind.values()) {
            ToggleButton b = new ToggleButton(k.id());
            b.setId("lab-optimizer-" + k.id());
            b.setUserData(k);
            b.setSelected(k == vm.optimizerProperty().get());
            seg.getButtons().add(b);
        }
        group.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                group.selectToggle(old); // one optimizer is always chosen
            } else {
                vm.optimizerProperty().set((OptimizerKind) now.getUserData());
            }
        });
        return seg;
    }

    private void chooseCsv() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a CSV data set");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = fc.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) {
            vm.csvProperty().set(f.toPath());
        }
    }

    // ---- centre: boundary, diagram, curves; the landscape's place ----

    private Node centre() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(10);
        g.add(panel("Decision boundary", boundary), 0, 0);
        g.add(panel("Network", diagram), 1, 0);
        g.add(panel("Loss", lossChart(), logScale), 0, 1);
        g.add(panel("λ_max(∇²L) and 2/η", lambdaChart()), 1, 1);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            g.getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            g.getRowConstraints().add(r);
        }
        VBox.setVgrow(g, Priority.ALWAYS);
        TitledPane landscape = new TitledPane("Landscape: slices, trajectory, interpolation",
                new LandscapePanel(vm.landscape()).root());
        landscape.setId("lab-landscape");
        landscape.setExpanded(System.getProperty("sml.lab.landscape") != null);
        TitledPane experiment = new TitledPane("Experiment: small vs large batch",
                new ExperimentPanel(vm.experiment()).root());
        experiment.setId("lab-experiment");
        experiment.setExpanded(Boolean.getBoolean("sml.lab.experiment"));
        VBox box = new VBox(10, g, landscape, experiment);
        box.getStyleClass().add("lab-centre");
        // With a pane open the centre scrolls, the charts above keep their height.
        ScrollPane scroll = centreScroll;
        scroll.setContent(box);
        scroll.setFitToWidth(true);
        scroll.fitToHeightProperty().bind(landscape.expandedProperty().or(experiment.expandedProperty()).not());
        g.minHeightProperty().bind(Bindings.when(scroll.fitToHeightProperty()).then(0.0).otherwise(560.0));
        scroll.getStyleClass().add("lab-side-scroll");
        return scroll;
    }

    /** What File → Export view… writes for the Lab: the experiment's table or the landscape. */
    public ExportableFigure exportable() {
        return export;
    }

    private static Node panel(String title, Node content, Node... extra) {
        Label t = new Label(title);
        t.getStyleClass().add("card-title");
        HBox head = new HBox(10, t);
        head.getChildren().addAll(extra);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox box = new VBox(6, head, content);
        box.getStyleClass().addAll("card", "lab-panel");
        return box;
    }

    private Node lossChart() {
        XYSeriesCollection ds = new XYSeriesCollection();
        ds.addSeries(trainSeries);
        ds.addSeries(testSeries);
        JFreeChart chart = ChartFactory.createXYLineChart(null, "epoch", "loss", ds);
        ChartTheme.standard().apply(chart);
        chart.getXYPlot().getRenderer().setSeriesPaint(0, new java.awt.Color(0x0072B2));
        chart.getXYPlot().getRenderer().setSeriesPaint(1, new java.awt.Color(0xD55E00));
        lossViewer.setChart(chart);
        lossViewer.setId("lab-loss-chart");
        lab.sharpminima.ui.overlay.CachedTextGraphics.install(lossViewer);
        logScale.setId("lab-log-scale");
        logScale.selectedProperty().addListener((o, was, log) -> {
            XYPlot plot = chart.getXYPlot();
            ValueAxis axis = log ? new LogAxis("loss") : new NumberAxis("loss");
            if (axis instanceof NumberAxis na) {
                na.setAutoRangeIncludesZero(false);
            }
            axis.setLabelFont(plot.getRangeAxis().getLabelFont());
            axis.setTickLabelFont(plot.getRangeAxis().getTickLabelFont());
            plot.setRangeAxis(axis);
        });
        return lossViewer;
    }

    private Node lambdaChart() {
        XYSeriesCollection ds = new XYSeriesCollection();
        ds.addSeries(lambdaSeries);
        ds.addSeries(edgeSeries);
        JFreeChart chart = ChartFactory.createXYLineChart(null, "epoch", "λ_max", ds);
        ChartTheme.standard().apply(chart);
        var r = chart.getXYPlot().getRenderer();
        r.setSeriesPaint(0, new java.awt.Color(0x009E73));
        r.setSeriesPaint(1, java.awt.Color.GRAY);
        r.setSeriesStroke(1, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                new float[] {6, 4}, 0));
        lambdaViewer.setChart(chart);
        lambdaViewer.setId("lab-lambda-chart");
        lab.sharpminima.ui.overlay.CachedTextGraphics.install(lambdaViewer);
        return lambdaViewer;
    }

    // ---- right: the bridge ----

    private Node bridgePanel() {
        Button apply = button("Apply", "lab-apply", vm::applyTransform);
        apply.disableProperty().bind(vm.stateProperty().isEqualTo(LabViewModel.State.RUNNING));
        lastAlpha.setId("lab-alpha-last");
        HBox boundaries = new HBox(8, caption("θ", boundaryBefore), caption("θ′", boundaryAfter));
        HBox diagrams = new HBox(8, caption("θ", diagramBefore), caption("θ′", diagramAfter));
        for (CanvasRegion c : List.of(boundaryBefore, boundaryAfter, diagramBefore, diagramAfter)) {
            c.setPrefSize(160, 135);
            c.setMinSize(120, 120);
        }
        showBridge(vm.bridgeProperty().get());
        GridPane r = grid();
        FigureCards.addReadout(r, 5, "applied", "lab-bridge-applied", bridgeText(Bridge.Result::description));
        FigureCards.addReadout(r, 0, "max |Δf|", "lab-max-df", bridgeText(b -> Numbers.format(b.maxOutputChange())));
        FigureCards.addReadout(r, 1, "test loss", "lab-bridge-test", bridgeText(b ->
                Numbers.format(b.before().testLoss()) + " → " + Numbers.format(b.after().testLoss())));
        FigureCards.addReadout(r, 2, "train loss", "lab-bridge-train", bridgeText(b ->
                Numbers.format(b.before().trainLoss()) + " → " + Numbers.format(b.after().trainLoss())));
        FigureCards.addReadout(r, 3, "λ_max(∇²L)", "lab-bridge-lambda", bridgeText(b ->
                Numbers.format(b.before().lambdaMax()) + " → " + Numbers.format(b.after().lambdaMax())));
        FigureCards.addReadout(r, 4, "ε-sharpness, ε = 10⁻³", "lab-bridge-eps", bridgeText(b ->
                Double.isNaN(b.before().epsilonSharpness()) || Double.isNaN(b.after().epsilonSharpness())
                        ? "not measured in the (v, g) coordinates of weight norm"
                        : Numbers.format(b.before().epsilonSharpness()) + " → "
                                + Numbers.format(b.after().epsilonSharpness())));
        Node choice = new BridgeChoice(vm, new VBox(6, sliderBox, lastAlpha,
                FigureCards.note("Definition 5 of Dinh et al. (2017): layer k's weights × α_k, ∏ α_k = 1."))).build();
        VBox box = new VBox(10, FigureCards.card("The bridge: θ ↦ θ′",
                FigureCards.note("θ′ computes the same function: the boundary and the test loss stay; the weights "
                        + "(under weight norm: v), λ_max and ε-sharpness move. Pause or finish training, then apply."),
                choice, apply, boundaries, diagrams, r));
        box.getStyleClass().add("lab-bridge");
        return box;
    }

    private static Node caption(String text, Node content) {
        Label l = new Label(text);
        l.getStyleClass().add("note");
        return new VBox(2, l, content);
    }

    private ObservableStringValue bridgeText(java.util.function.Function<Bridge.Result, String> f) {
        return Bindings.createStringBinding(() -> vm.bridgeProperty().get() == null ? "—"
                : f.apply(vm.bridgeProperty().get()), vm.bridgeProperty());
    }

    private void rebuildSliders() {
        double[] all = vm.exponents();
        int free = all.length - 1;
        if (sliders.size() != free) {
            sliders.clear();
            sliderBox.getChildren().clear();
            for (int k = 0; k < free; k++) {
                int layer = k;
                Slider s = new Slider(-2, 2, all[k]);
                s.setId("lab-alpha-" + (k + 1));
                s.setBlockIncrement(0.1);
                s.setMajorTickUnit(1);
                s.setShowTickMarks(true);
                Label text = new Label();
                text.setId("lab-alpha-" + (k + 1) + "-text");
                s.valueProperty().addListener((o, was, v) -> vm.setExponent(layer, v.doubleValue()));
                VBox row = new VBox(2, text, s);
                sliders.add(s);
                sliderBox.getChildren().add(row);
            }
        }
        for (int k = 0; k < free; k++) {
            sliders.get(k).setValue(all[k]);
            ((Label) ((VBox) sliderBox.getChildren().get(k)).getChildren().get(0)).setText(
                    "α" + AlphaSliders.subscript(k + 1) + " " + AlphaSliders.valueText(all[k]));
        }
        lastAlpha.setText("α" + AlphaSliders.subscript(free + 1) + " " + AlphaSliders.valueText(all[free])
                + "\n(follows the others: ∏ α = 1)"); // on its own line: on one, the column clipped it
    }

    // ---- wiring ----

    private void wire() {
        vm.frameProperty().addListener((o, old, f) -> showFrame());
        vm.history().addListener((ListChangeListener<TrainingRun.LossPoint>) c -> {
            trainSeries.setNotify(false);
            testSeries.setNotify(false);
            if (vm.history().isEmpty()) {
                trainSeries.clear();
                testSeries.clear();
            }
            while (c.next()) {
                for (TrainingRun.LossPoint p : c.getAddedSubList()) {
                    trainSeries.add(p.epoch(), p.train(), false);
                    if (!Double.isNaN(p.test())) {
                        testSeries.add(p.epoch(), p.test(), false);
                    }
                }
            }
            trainSeries.setNotify(true);
            testSeries.setNotify(true);
        });
        vm.lambdas().addListener((ListChangeListener<LabViewModel.LambdaPoint>) c -> {
            lambdaSeries.setNotify(false);
            if (vm.lambdas().isEmpty()) {
                lambdaSeries.clear();
            }
            while (c.next()) {
                for (LabViewModel.LambdaPoint p : c.getAddedSubList()) {
                    lambdaSeries.add(p.epoch(), p.lambdaMax(), false);
                }
            }
            lambdaSeries.setNotify(true);
        });
        vm.problemProperty().addListener((o, old, p) -> edgeLine());
        vm.exponentsRevisionProperty().addListener((o, old, r) -> rebuildSliders());
        vm.bridgeProperty().addListener((o, old, b) -> showBridge(b));
        edgeLine();
        rebuildSliders();
        showFrame();
    }

    private void edgeLine() {
        edgeSeries.clear();
        edgeSeries.add(0, vm.edgeOfStability());
        edgeSeries.add(Math.max(1, vm.epochsProperty().get()), vm.edgeOfStability());
    }

    private void showFrame() {
        LabViewModel.Frame f = vm.frameProperty().get();
        LabProblem p = vm.problemProperty().get();
        if (f == null || p == null) {
            boundary.show(null, null, null);
            diagram.show(null, null);
            return;
        }
        boundary.show(f.grid(), p.split().train(), p.split().test());
        diagram.show(p.network(), f.theta());
    }

    private void showBridge(Bridge.Result b) {
        LabProblem p = vm.problemProperty().get();
        if (b == null || p == null || b.after().theta().length != p.network().parameterCount()) {
            // Nothing applied yet (or a result for another network): say so, not that the data cannot be drawn.
            boundaryBefore.showNote("shown after Apply");
            boundaryAfter.showNote("shown after Apply");
            diagramBefore.show(null, null);
            diagramAfter.show(null, null);
            return;
        }
        boundaryBefore.show(b.before().grid(), p.split().train(), p.split().test());
        boundaryAfter.show(b.after().grid(), p.split().train(), p.split().test());
        diagramBefore.show(p.network(), b.before().theta());
        diagramAfter.show(p.network(), b.after().theta());
    }

    // ---- small helpers ----

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.setPadding(new Insets(2, 0, 2, 0));
        return g;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static <T> ComboBox<T> combo(String id, T[] values, Property<T> property) {
        ComboBox<T> c = new ComboBox<>();
        c.getItems().addAll(values);
        c.setId(id);
        c.valueProperty().bindBidirectional(property);
        c.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(T v) {
                if (v instanceof BuiltinDataset d) {
                    return d.id();
                }
                if (v instanceof Activation a) {
                    return a.id();
                }
                if (v instanceof LossKind l) {
                    return l.id();
                }
                return v == null ? "" : v.toString();
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        return c;
    }

    /** A text field that commits a parsed number on Enter or when it loses focus; a bad entry is reverted. */
    private static <N extends Number> TextField field(String id, Property<Number> property,
                                                     java.util.function.Function<String, N> parse) {
        TextField f = new TextField(Numbers.format(property.getValue().doubleValue()));
        f.setId(id);
        f.setPrefColumnCount(7);
        Consumer<String> commit = s -> {
            try {
                property.setValue(parse.apply(s.trim().replace('−', '-')));
            } catch (NumberFormatException e) {
                f.setText(Numbers.format(property.getValue().doubleValue()));
            }
        };
        f.setOnAction(e -> commit.accept(f.getText()));
        f.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commit.accept(f.getText());
            }
        });
        property.addListener((o, old, v) -> {
            if (!f.isFocused()) {
                f.setText(Numbers.format(v.doubleValue()));
            }
        });
        return f;
    }

    private static ObservableStringValue number(javafx.beans.value.ObservableNumberValue v) {
        DoubleFunction<String> fmt = x -> Double.isNaN(x) ? "—" : Numbers.format(x);
        return Bindings.createStringBinding(() -> fmt.apply(v.doubleValue()), v);
    }
}
