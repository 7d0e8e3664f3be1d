package lab.sharpminima.ui.lab;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.export.ColorScale;
import lab.sharpminima.landscape.Directions;
import lab.sharpminima.ui.FigureCards;
import lab.sharpminima.ui.summary.Numbers;
import org.controlsfx.control.SegmentedButton;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;

/**
 * The Landscape panel of the Lab tab: direction kind and plane, range and steps, Compute, Save minimum A/B;
 * the 2-D slice through θ (and at T_α θ after the bridge, on the same colour scale), the 1-D slices and the
 * interpolation between the saved minima. All state is in {@link LandscapeViewModel}.
 */
final class LandscapePanel {

    private final LandscapeViewModel vm;
    private final ChartViewer plane = viewer("lab-landscape-plane");
    private final ChartViewer planeAfter = viewer("lab-landscape-after");
    private final ChartViewer line = viewer("lab-landscape-line");
    private final ChartViewer interpolation = viewer("lab-landscape-interpolation");
    private final VBox root;

    LandscapePanel(LandscapeViewModel vm) {
        this.vm = vm;
        Button compute = new Button("Compute slice");
        compute.setId("lab-landscape-compute");
        compute.setOnAction(e -> vm.compute());
        Button saveA = new Button("Save minimum A");
        saveA.setId("lab-landscape-save-a");
        saveA.setOnAction(e -> vm.saveA());
        Button saveB = new Button("Save minimum B");
        saveB.setId("lab-landscape-save-b");
        saveB.setOnAction(e -> vm.saveB());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(vm.busyProperty());
        SegmentedButton kinds = segmented("lab-landscape-kind", Directions.Kind.values(), k -> label(k),
                vm.kindProperty());
        // On the trajectory's PCA plane the directions are the principal ones; the kind does not apply.
        kinds.disableProperty().bind(vm.projectionProperty().isEqualTo(LandscapeSlice.Projection.PCA));
        FlowPane controls = new FlowPane(8, 6, FigureCards.key("directions"), kinds,
                FigureCards.key("plane"), segmented("lab-landscape-projection", LandscapeSlice.Projection.values(),
                p -> p == LandscapeSlice.Projection.PCA ? "PCA of trajectory" : "the directions",
                vm.projectionProperty()),
                FigureCards.key("range ±"), number("lab-landscape-range", vm.rangeProperty().get(),
                v -> vm.rangeProperty().set(v)),
                FigureCards.key("steps"), number("lab-landscape-steps", vm.stepsProperty().get(),
                v -> vm.stepsProperty().set((int) Math.round(v))),
                compute, saveA, saveB, busy);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setMinWidth(0);
        Label readout = FigureCards.note("");
        readout.setId("lab-landscape-readout");
        readout.textProperty().bind(vm.messageProperty());
        Label saved = FigureCards.note("");
        saved.setId("lab-landscape-saved");
        saved.textProperty().bind(Bindings.createStringBinding(() -> "A: "
                + (vm.minimumAProperty().get() == null ? "—" : "saved") + "   B: "
                + (vm.minimumBProperty().get() == null ? "—" : "saved"), vm.minimumAProperty(), vm.minimumBProperty()));
        GridPane charts = new GridPane();
        charts.setHgap(8);
        charts.setVgap(8);
        charts.add(caption("2-D slice through θ (dot: θ; orange: the trajectory from θ₀)", plane), 0, 0);
        charts.add(caption("the same slice at the bridge's θ′ (same directions, same seed)", planeAfter), 1, 0);
        charts.add(caption("1-D slice along d₁", line), 0, 1);
        charts.add(caption("interpolation (1 − t)·θ_A + t·θ_B", interpolation), 1, 1);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            charts.getColumnConstraints().add(c);
        }
        root = new VBox(8, controls, readout, saved, charts,
                FigureCards.note("Filter-normalised directions (Li et al. 2018) scale with each unit's weights, so "
                        + "their slice is the same at θ and T_α θ (not after one neuron's rescaling, which moves "
                        + "one weight of each next-layer filter); random and eigenvector slices change while the "
                        + "function does not (Dinh et al. 2017, Section 5)."));
        root.getStyleClass().add("lab-landscape");
        vm.sliceProperty().addListener((o, old, s) -> redraw());
        vm.sliceAfterProperty().addListener((o, old, s) -> redraw());
        vm.interpolationProperty().addListener((o, old, i) -> interpolation.setChart(i == null
                ? empty("save minima A and B") : LandscapeCharts.interpolation(i, ChartTheme.standard())));
        interpolation.setChart(empty("save minima A and B"));
        redraw();
    }

    Node root() {
        return root;
    }

    private void redraw() {
        LandscapeSlice s = vm.sliceProperty().get();
        LandscapeSlice a = vm.sliceAfterProperty().get();
        if (s == null) {
            plane.setChart(empty("no slice yet"));
            planeAfter.setChart(empty("apply T_α after a slice"));
            line.setChart(empty("no slice yet"));
            return;
        }
        ChartTheme theme = ChartTheme.standard();
        ColorScale scale = LandscapeCharts.scale(s.plane().grid(), a == null ? null : a.plane().grid());
        plane.setChart(LandscapeCharts.plane(s, scale, null, theme));
        planeAfter.setChart(a == null ? empty("apply T_α after a slice") : LandscapeCharts.plane(a, scale, null, theme));
        line.setChart(LandscapeCharts.line(s, a, theme));
    }

    /** A blank chart whose title says what fills it. */
    private static JFreeChart empty(String what) {
        JFreeChart c = new JFreeChart(what, ChartTheme.standard().labelFont(), new XYPlot(), false);
        c.setBackgroundPaint(java.awt.Color.WHITE);
        c.getTitle().setPaint(java.awt.Color.GRAY);
        return c;
    }

    static String label(Directions.Kind k) {
        return switch (k) {
            case RANDOM -> "random";
            case FILTER -> "filter-normalised";
            case EIGEN -> "top eigenvectors";
        };
    }

    /** One toggle per value, kept in step with {@code property} both ways. */
    private static <T> SegmentedButton segmented(String id, T[] values, java.util.function.Function<T, String> text,
                                                 javafx.beans.property.ObjectProperty<T> property) {
        T selected = property.get();
        SegmentedButton seg = new SegmentedButton();
        seg.setId(id);
        for (T v : values) {
            ToggleButton b = new ToggleButton(text.apply(v));
            b.setId(id + "-" + v.toString().toLowerCase(java.util.Locale.ROOT));
            b.setUserData(v);
            b.setSelected(v == selected);
            seg.getButtons().add(b);
        }
        seg.getToggleGroup().selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                seg.getToggleGroup().selectToggle(old);
            } else {
                @SuppressWarnings("unchecked")
                T v = (T) now.getUserData();
                property.set(v);
            }
        });
        property.addListener((o, old, v) -> seg.getButtons().forEach(b -> b.setSelected(b.getUserData() == v)));
        return seg;
    }

    private static TextField number(String id, double value, Consumer<Double> set) {
        TextField f = new TextField(Numbers.format(value));
        f.setId(id);
        f.setPrefColumnCount(4);
        Runnable commit = () -> {
            try {
                set.accept(Double.parseDouble(f.getText().trim().replace('−', '-')));
            } catch (NumberFormatException e) {
                f.setText(Numbers.format(value));
            }
        };
        f.setOnAction(e -> commit.run());
        f.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commit.run();
            }
        });
        return f;
    }

    private static ChartViewer viewer(String id) {
        ChartViewer v = new ChartViewer();
        lab.sharpminima.ui.overlay.CachedTextGraphics.install(v);
        v.setId(id);
        v.setPrefSize(380, 300);
        v.setMinSize(150, 200);
        return v;
    }

    private static Node caption(String text, Node content) {
        Label l = new Label(text);
        l.getStyleClass().add("note");
        VBox.setVgrow(content, Priority.ALWAYS);
        return new VBox(2, l, content);
    }
}
