package lab.sharpminima.ui.summary;

import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyObjectWrapper;
import lab.sharpminima.ui.summary.ModelSummary.LayerRow;

/**
 * The "Model" tab: an empty state until a model is loaded, then its facts (n, loss, samples, L(θ),
 * test loss, ‖∇L(θ)‖), its layers and the top of the Hessian spectrum. {@link #build()} makes the
 * nodes, {@link #wire()} binds them to the two properties it is given.
 */
public final class SummaryView {

    /** How many of the largest eigenvalues are listed. */
    static final int TOP = 10;
    private static final String NONE = "—";
    private static final double ROW_HEIGHT = 26;
    /** Header taller than a row, plus the table's border. */
    private static final double HEADER_EXTRA = 3;

    private final ObservableValue<ModelSummary> summary;
    private final ObservableValue<Spectrum> spectrum;

    private final StackPane root = new StackPane();
    private final VBox empty = new VBox(8);
    private final ScrollPane content = new ScrollPane();
    private final Label title = label("summary-title", "summary-title");
    private final Label architecture = label("summary-architecture", "summary-subtitle");
    private final Label n = value("summary-n");
    private final Label loss = value("summary-loss-kind");
    private final Label samples = value("summary-samples");
    private final Label trainLoss = value("summary-train-loss");
    private final Label testLoss = value("summary-test-loss");
    private final Label gradNorm = value("summary-grad-norm");
    private final TableView<LayerRow> layers = new TableView<>();
    private final Label lambdaMax = value("spectrum-max");
    private final Label lambdaMin = value("spectrum-min");
    private final GridPane top = new GridPane();
    private final Label spectrumNote = label("spectrum-note", "note");

    public SummaryView(ObservableValue<ModelSummary> summary, ObservableValue<Spectrum> spectrum) {
        this.summary = summary;
        this.spectrum = spectrum;
        build();
        wire();
    }

    public Node root() {
        return root;
    }

    private void build() {
        Label emptyTitle = label("empty-state-title", "empty-title");
        emptyTitle.setText("No model loaded");
        Label hint = label("empty-state-hint", "empty-hint");
        hint.setText("Open a model file (File → Open model…) — samples in assets/models");
        empty.getChildren().addAll(emptyTitle, hint);
        empty.setId("empty-state");
        empty.getStyleClass().add("empty-state");
        empty.setAlignment(Pos.CENTER);

        VBox facts = card("Model", grid(new String[] {"Parameters n", "Loss", "Samples (train / test)", "L(θ)",
            "Test loss", "‖∇L(θ)‖"}, n, loss, samples, trainLoss, testLoss, gradNorm));
        VBox hessian = card("Hessian ∇²L(θ)", grid(new String[] {"λ_max", "λ_min"}, lambdaMax, lambdaMin),
                label(null, "card-subtitle"), top, spectrumNote);
        ((Label) hessian.getChildren().get(2)).setText("Largest eigenvalues");
        top.getStyleClass().add("eigen-list");
        top.setId("spectrum-top");
        buildLayersTable();
        // Left: what the model is; right: its curvature. Both columns share the width equally.
        VBox left = new VBox(14, facts, card("Layers", layers));
        HBox row = new HBox(14, left, hessian);
        for (VBox column : List.of(left, hessian)) {
            HBox.setHgrow(column, Priority.ALWAYS);
            column.setMaxWidth(Double.MAX_VALUE);
            column.setPrefWidth(400);
        }
        hessian.setMaxHeight(Region.USE_PREF_SIZE);
        VBox page = new VBox(14, new VBox(2, title, architecture), row);
        page.getStyleClass().add("summary");
        content.setContent(page);
        content.setFitToWidth(true);
        content.setId("summary");
        root.getChildren().addAll(empty, content);
    }

    private void buildLayersTable() {
        layers.setId("layers-table");
        layers.getColumns().add(column("#", 50, LayerRow::index));
        layers.getColumns().add(column("in", 80, LayerRow::in));
        layers.getColumns().add(column("out", 80, LayerRow::out));
        layers.getColumns().add(column("activation", 220, LayerRow::activation));
        layers.getColumns().add(column("bias", 80, r -> r.bias() ? "yes" : "no"));
        layers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        layers.setFixedCellSize(ROW_HEIGHT);
        layers.setFocusTraversable(false);
    }

    private void wire() {
        empty.visibleProperty().bind(Bindings.createBooleanBinding(() -> summary.getValue() == null, summary));
        content.visibleProperty().bind(empty.visibleProperty().not());
        summary.addListener((obs, old, s) -> show(s));
        spectrum.addListener((obs, old, s) -> show(s));
        show(summary.getValue());
        show(spectrum.getValue());
    }

    private void show(ModelSummary s) {
        if (s == null) {
            return;
        }
        title.setText(s.fileName());
        architecture.setText(s.architecture());
        n.setText(Integer.toString(s.n()));
        loss.setText(s.loss());
        samples.setText(s.trainSamples() + " / " + (s.testSamples() == 0 ? NONE : Integer.toString(s.testSamples())));
        trainLoss.setText(text(s.trainLoss()));
        testLoss.setText(text(s.testLoss()));
        gradNorm.setText(text(s.gradientNorm()));
        layers.setItems(FXCollections.observableArrayList(s.layers()));
        // Tall enough for every row, so the table never scrolls inside the scrolling page.
        double height = (s.layers().size() + 1) * ROW_HEIGHT + HEADER_EXTRA;
        layers.setMinHeight(height);
        layers.setPrefHeight(height);
        layers.setMaxHeight(height);
    }

    private void show(Spectrum s) {
        top.getChildren().clear();
        if (s == null || s.state() != Spectrum.State.READY) {
            lambdaMax.setText(NONE);
            lambdaMin.setText(NONE);
            spectrumNote.setText(s == null ? "" : s.note());
            return;
        }
        lambdaMax.setText(Numbers.format(s.max()));
        lambdaMin.setText(Numbers.format(s.min()));
        double[] ev = s.eigenvalues();
        int shown = Math.min(TOP, ev.length);
        for (int i = 0; i < shown; i++) {
            Label rank = label(null, "key");
            rank.setText("λ" + (i + 1));
            Label v = value("spectrum-" + (i + 1));
            v.setText(Numbers.format(ev[i]));
            top.addRow(i, rank, v);
        }
        spectrumNote.setText(shown < ev.length ? "dense Hessian, all " + ev.length + " eigenvalues computed; "
                + shown + " largest shown" : "dense Hessian, exact");
    }

    private static String text(OptionalDouble v) {
        return v.isPresent() ? Numbers.format(v.getAsDouble()) : NONE;
    }

    // --- node helpers ----------------------------------------------------------------------------

    private static Label label(String id, String styleClass) {
        Label l = new Label();
        if (id != null) {
            l.setId(id);
        }
        l.getStyleClass().add(styleClass);
        return l;
    }

    private static Label value(String id) {
        return label(id, "value");
    }

    private static GridPane grid(String[] keys, Label... values) {
        GridPane g = new GridPane();
        g.getStyleClass().add("facts");
        ColumnConstraints keyCol = new ColumnConstraints();
        keyCol.setMinWidth(170);
        ColumnConstraints valueCol = new ColumnConstraints();
        valueCol.setHalignment(HPos.LEFT);
        valueCol.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(keyCol, valueCol);
        for (int i = 0; i < keys.length; i++) {
            Label k = label(null, "key");
            k.setText(keys[i]);
            g.addRow(i, k, values[i]);
        }
        return g;
    }

    private static VBox card(String heading, Node... children) {
        Label h = label(null, "card-title");
        h.setText(heading);
        VBox box = new VBox(8, h);
        box.getChildren().addAll(children);
        box.getStyleClass().add("card");
        return box;
    }

    private static TableColumn<LayerRow, Object> column(String name, double width, Function<LayerRow, Object> get) {
        TableColumn<LayerRow, Object> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(get.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }
}
