package lab.sharpminima.ui.measures;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import lab.sharpminima.figure.MeasuresTable;
import lab.sharpminima.ui.LayoutIsland;
import lab.sharpminima.measure.Invariance;
import lab.sharpminima.ui.AlphaSliders;
import lab.sharpminima.ui.TransformState;
import lab.sharpminima.ui.summary.Numbers;

/**
 * The nodes of the Measures view: a table of every measure before and after T_α, with the declared
 * invariance next to whether the value moved, the α sliders (shared {@link TransformState}) and a
 * progress indicator while the background computation runs.
 */
public final class MeasuresView {

    private final MeasuresViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<MeasuresTable.Row> table = new TableView<>();
    private final Label message = new Label();
    private final ProgressIndicator progress = new ProgressIndicator();
    private final AlphaSliders sliders;

    public MeasuresView(MeasuresViewModel vm, TransformState state) {
        this.vm = vm;
        this.sliders = new AlphaSliders(state, "measures");
        build();
    }

    public Parent root() {
        return root;
    }

    private void build() {
        table.setId("measures-table");
        table.setItems(vm.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(text("Measure", 280, r -> r.name()));
        table.getColumns().add(number("Before (θ)", r -> r.before()));
        table.getColumns().add(number("After (T_α θ)", r -> r.after()));
        table.getColumns().add(text("Moved by T_α?", 120, r -> r.moved() ? "moved" : "unchanged"));
        table.getColumns().add(text("Declared under T_α", 150, r -> declared(r.declared())));
        table.setRowFactory(tv -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(MeasuresTable.Row r, boolean empty) {
                super.updateItem(r, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("moved"), !empty && r != null && r.moved());
            }
        });
        message.setId("measures-message");
        message.getStyleClass().add("note");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        progress.setId("measures-progress");
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(vm.busyProperty());
        HBox top = new HBox(8, progress, message);
        top.setAlignment(Pos.CENTER_LEFT);
        ProgressIndicator big = new ProgressIndicator();
        big.visibleProperty().bind(vm.busyProperty());
        big.setMaxSize(60, 60);
        big.setMouseTransparent(true);
        StackPane tablePane = new StackPane(table, big);
        VBox center = new VBox(8, top, tablePane);
        VBox.setVgrow(tablePane, Priority.ALWAYS);
        root.setCenter(center);
        root.setRight(side());
        root.getStyleClass().add("measures");
        root.getStylesheets().add(MeasuresView.class.getResource("measures.css").toExternalForm());
        LayoutIsland.frameLiveNodes(root);
    }

    private Node side() {
        Label title = new Label("Transformation T_α, ∏ α_k = 1");
        title.getStyleClass().add("card-title");
        Label note = new Label("Shared with the Spectrum tab; the last α follows the others. A measure is 'moved' when |after − before| > 10⁻⁶ "
                + "relative (and > 10⁻¹²). The loss rows and max |Δf| show that the function is unchanged.");
        note.getStyleClass().add("note");
        note.setWrapText(true);
        VBox card = new VBox(8, title, sliders.node(), note);
        card.getStyleClass().add("card");
        VBox side = new VBox(12, card);
        side.getStyleClass().add("measures-side");
        ScrollPane scroll = new ScrollPane(side);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("measures-side-scroll");
        return scroll;
    }

    static String declared(Invariance i) {
        return switch (i) {
            case INVARIANT -> "invariant";
            case APPROXIMATE -> "approximately invariant";
            case MOVED -> "can move";
        };
    }

    private static TableColumn<MeasuresTable.Row, String> text(String title, double width,
            java.util.function.Function<MeasuresTable.Row, String> f) {
        TableColumn<MeasuresTable.Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        return c;
    }

    private static TableColumn<MeasuresTable.Row, Double> number(String title,
            java.util.function.ToDoubleFunction<MeasuresTable.Row> f) {
        TableColumn<MeasuresTable.Row, Double> c = new TableColumn<>(title);
        c.setPrefWidth(130);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.applyAsDouble(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : Numbers.format(v));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        return c;
    }
}
