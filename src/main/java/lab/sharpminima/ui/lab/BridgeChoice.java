package lab.sharpminima.ui.lab;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import lab.sharpminima.ui.summary.Numbers;
import org.controlsfx.control.SegmentedButton;

/**
 * The bridge's choice of transformation: a segmented button "T_α (layers)" | "One neuron" | "Weight norm"
 * and, below it, the controls of the chosen one — the layer-wise α sliders (given by the view), the hidden
 * layer, unit and log₁₀ c of a single-unit rescaling (Definition 4 of Dinh et al. 2017), or log₁₀ α of
 * T'_α: v ↦ αv under weight normalisation (Section 5.1). Only the chosen one's controls are shown.
 */
final class BridgeChoice {

    private final LabViewModel vm;
    private final Node alphaControls;

    BridgeChoice(LabViewModel vm, Node alphaControls) {
        this.vm = vm;
        this.alphaControls = alphaControls;
    }

    /** The segmented button above the three control sets, one visible at a time. */
    Node build() {
        Node neuron = neuronControls();
        Node weightNorm = weightNormControls();
        show(alphaControls, Bridge.Mode.ALPHA);
        show(neuron, Bridge.Mode.NEURON);
        show(weightNorm, Bridge.Mode.WEIGHT_NORM);
        StackPane stack = new StackPane(alphaControls, neuron, weightNorm);
        stack.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        return new VBox(8, modes(), stack);
    }

    private void show(Node controls, Bridge.Mode mode) {
        controls.visibleProperty().bind(vm.bridgeModeProperty().isEqualTo(mode));
        controls.managedProperty().bind(controls.visibleProperty());
    }

    private SegmentedButton modes() {
        SegmentedButton seg = new SegmentedButton();
        seg.setId("lab-bridge-mode");
        for (Bridge.Mode m : Bridge.Mode.values()) {
            ToggleButton b = new ToggleButton(m.label());
            b.setId("lab-bridge-mode-" + m.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            b.setUserData(m);
            b.setSelected(m == vm.bridgeModeProperty().get());
            seg.getButtons().add(b);
        }
        seg.getToggleGroup().selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                seg.getToggleGroup().selectToggle(old); // one transformation is always chosen
            } else {
                vm.bridgeModeProperty().set((Bridge.Mode) now.getUserData());
            }
        });
        vm.bridgeModeProperty().addListener((o, old, m) -> seg.getButtons().stream()
                .filter(b -> b.getUserData() == m).findFirst().ifPresent(b -> b.setSelected(true)));
        return seg;
    }

    private Node neuronControls() {
        SpinnerValueFactory.IntegerSpinnerValueFactory layers =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, vm.hiddenLayers(), vm.neuronLayerProperty().get());
        SpinnerValueFactory.IntegerSpinnerValueFactory units =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, vm.hiddenUnits(layers.getValue()),
                        vm.neuronUnitProperty().get());
        Runnable bounds = () -> {
            layers.setMax(vm.hiddenLayers());
            units.setMax(vm.hiddenUnits(layers.getValue()));
        };
        layers.valueProperty().addListener((o, was, now) -> {
            bounds.run();
            vm.neuronLayerProperty().set(now);
        });
        units.valueProperty().addListener((o, was, now) -> vm.neuronUnitProperty().set(now));
        vm.problemProperty().addListener((o, old, p) -> bounds.run());
        Spinner<Integer> layer = spinner("lab-neuron-layer", layers);
        Spinner<Integer> unit = spinner("lab-neuron-unit", units);

        Slider c = logSlider("lab-neuron-c", vm.neuronLog10CProperty());
        Label cText = valueLabel("lab-neuron-c-text", "c", vm.neuronLog10CProperty());
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label("hidden layer"), layer);
        g.addRow(1, new Label("unit"), unit);
        return new VBox(6, g, cText, c, note("unit j of layer k: column j of θₖ and bₖ[j] × c, row j of θₖ₊₁ × 1/c"
                + " (Definition 4); relu keeps f since φ(cz) = cφ(z) for c > 0."));
    }

    private Node weightNormControls() {
        Slider a = logSlider("lab-wn-alpha", vm.weightNormLog10AlphaProperty());
        Label aText = valueLabel("lab-wn-alpha-text", "α", vm.weightNormLog10AlphaProperty());
        return new VBox(6, aText, a, note("w = s v/‖v‖ for every unit of every layer (Section 5.1); T'_α: v ↦ αv keeps "
                + "w, θ and f exactly, but ∇²L_η(T'_α η) = D ∇²L_η(η) D with D = 1/α on v. λ_max below is that of "
                + "∇²L_η in the (v, s, b) coordinates; ε-sharpness is on θ, which does not move."));
    }

    private static Spinner<Integer> spinner(String id, SpinnerValueFactory<Integer> factory) {
        factory.setConverter(new lab.sharpminima.ui.SafeIntegerConverter(factory::getValue));
        Spinner<Integer> s = new Spinner<>(factory);
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(80);
        return s;
    }

    /** A slider for log₁₀ of a positive factor in [−2, 2], bound both ways to {@code property}. */
    private static Slider logSlider(String id, javafx.beans.property.DoubleProperty property) {
        Slider s = new Slider(-2, 2, property.get());
        s.setId(id);
        s.setBlockIncrement(0.1);
        s.setMajorTickUnit(1);
        s.setShowTickMarks(true);
        s.valueProperty().bindBidirectional(property);
        return s;
    }

    private static Label valueLabel(String id, String name, javafx.beans.property.DoubleProperty log10) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(Bindings.createStringBinding(() -> name + " = " + Numbers.format(Math.pow(10, log10.get()))
                + " · log₁₀ " + name + " = " + Numbers.format(log10.get()),
                log10));
        return l;
    }

    private static Label note(String text) {
        return lab.sharpminima.ui.FigureCards.note(text);
    }
}
