package lab.sharpminima.ui.lab;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import lab.sharpminima.experiment.BatchSizeExperiment;
import lab.sharpminima.ui.FigureCards;

/**
 * The experiment panel: one button runs {@link ExperimentViewModel#run()} (small vs large batch, Keskar et al.
 * 2017), Cancel drops it; the table — measure, small, large, small after T_α, moved? — the α used and the
 * line that says whether the reversal of Dinh et al. (2017) holds.
 */
final class ExperimentPanel {

    private final VBox root;

    ExperimentPanel(ExperimentViewModel vm) {
        Button run = new Button("Small vs large batch");
        run.setId("lab-experiment-run");
        run.setOnAction(e -> vm.run());
        run.disableProperty().bind(vm.busyProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("lab-experiment-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.busyProperty().not());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(vm.busyProperty());
        HBox buttons = new HBox(8, run, cancel, busy);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label message = FigureCards.note("");
        message.setId("lab-experiment-message");
        message.textProperty().bind(vm.messageProperty());
        Label alpha = FigureCards.note("");
        alpha.setId("lab-experiment-alpha");
        alpha.textProperty().bind(Bindings.createStringBinding(() -> vm.resultProperty().get() == null ? ""
                : "T_α with α = " + ExperimentChart.alpha(vm.resultProperty().get().alpha()) + " (∏ α = 1), settings: "
                + settings(vm.resultProperty().get().settings()), vm.resultProperty()));
        TableView<ExperimentViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("lab-experiment-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column("measure", ExperimentViewModel.Row::measure));
        table.getColumns().add(column("small", r -> brief(r.small())));
        table.getColumns().add(column("large", r -> brief(r.large())));
        table.getColumns().add(column("T_α small", r -> brief(r.smallAfter())));
        table.getColumns().add(column("moved?", r -> r.moved() ? "moved" : "kept"));
        table.getColumns().get(0).setMinWidth(165); // the measure keys are long: hessian.spectralNorm
        table.getColumns().get(4).setMaxWidth(70);
        table.setPrefHeight(360);
        root = new VBox(8, FigureCards.note("Keskar et al. (2017): small batches find flatter minima that generalise "
                + "better. Dinh et al. (2017): a T_α that keeps the function makes the small-batch minimum the sharper "
                + "one. Seeded from the seed field; exports with File → Export view…."), buttons, message, alpha, table);
    }

    Node root() {
        return root;
    }

    /** Four significant digits on screen (the export keeps six). */
    static String brief(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        String s = String.format(java.util.Locale.ROOT, "%.4g", v);
        int e = s.indexOf('e');
        String m = e < 0 ? s : s.substring(0, e);
        if (m.indexOf('.') >= 0) {
            m = m.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return e < 0 ? m : m + "e" + Integer.parseInt(s.substring(e + 1).replace("+", ""));
    }

    private static String settings(BatchSizeExperiment.Settings s) {
        return "seed " + s.seed() + ", " + s.samples() + " points, batch " + s.smallBatch() + " vs "
                + (s.largeBatch() == 0 ? "full" : s.largeBatch()) + ", " + s.epochs() + " epochs, η = " + s.learningRate();
    }

    private static TableColumn<ExperimentViewModel.Row, String> column(String title,
                                                                      Function<ExperimentViewModel.Row, String> f) {
        TableColumn<ExperimentViewModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }
}
