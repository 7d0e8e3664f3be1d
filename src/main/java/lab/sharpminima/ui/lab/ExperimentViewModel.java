package lab.sharpminima.ui.lab;

import java.util.function.LongFunction;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lab.sharpminima.experiment.BatchSizeExperiment;
import lab.sharpminima.ui.BackgroundExecutor;

/**
 * The small- versus large-batch experiment of the Lab (Keskar et al. 2017; the reversal of Dinh et al.
 * 2017, Definition 5 and Theorems 4–5): {@link BatchSizeExperiment#run} in the background, seeded from
 * the Lab's seed field, its table as rows for a TableView. The experiment has no cancellation hook, so
 * "cancel" drops the result: the computation finishes on its worker and is thrown away (generation numbers).
 */
public final class ExperimentViewModel {

    /** One table row as shown: measure, the three columns, and whether T_α moved it. */
    public record Row(String measure, double small, double large, double smallAfter, boolean moved) {
    }

    private final BackgroundExecutor executor;
    private final LongFunction<BatchSizeExperiment.Settings> settings;
    private final LabViewModel lab;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<BatchSizeExperiment.Result> result = new ReadOnlyObjectWrapper<>(this,
            "result");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message",
            "Trains two moons with batch 16 and with the full batch, from the same start.");
    private long generation;

    /**
     * @param settings the experiment's settings for a seed ({@link BatchSizeExperiment.Settings#defaults} in
     *                 the app; smaller in tests)
     */
    ExperimentViewModel(BackgroundExecutor executor, LabViewModel lab,
                        LongFunction<BatchSizeExperiment.Settings> settings) {
        this.executor = executor;
        this.lab = lab;
        this.settings = settings;
    }

    /** Runs the experiment with the Lab's seed; a run in progress is superseded. */
    public void run() {
        long g = ++generation;
        BatchSizeExperiment.Settings s = settings.apply(lab.seedProperty().get());
        busy.set(true);
        message.set("training batch " + s.smallBatch() + " and " + (s.largeBatch() == 0 ? "full" : s.largeBatch())
                + " batch for " + s.epochs() + " epochs, then measuring both minima (seed " + s.seed() + ")");
        executor.execute(() -> BatchSizeExperiment.run(s), r -> {
            if (g == generation) {
                busy.set(false);
                show(r);
            }
        }, t -> {
            if (g == generation) {
                busy.set(false);
                message.set("error: " + t.getMessage());
            }
        });
    }

    /** Drops the run in progress: its result will not be shown. */
    public void cancel() {
        if (busy.get()) {
            generation++;
            busy.set(false);
            message.set("cancelled");
        }
    }

    private void show(BatchSizeExperiment.Result r) {
        result.set(r);
        rows.setAll(r.rows().stream().map(x -> new Row(x.measure(), x.small(), x.large(), x.smallAfter(),
                moved(x.small(), x.smallAfter()))).toList());
        message.set(verdict(r));
    }

    /** Moved: relative change above 10⁻⁶ (the Measures view's tolerance), with a floor of 10⁻¹². */
    static boolean moved(double before, double after) {
        return Math.abs(after - before) > Math.max(1e-12, 1e-6 * Math.max(Math.abs(before), Math.abs(after)));
    }

    /** The line under the table: does the reversal hold? */
    static String verdict(BatchSizeExperiment.Result r) {
        BatchSizeExperiment.Row test = r.row("testLoss");
        BatchSizeExperiment.Row norm = r.row("hessian.spectralNorm");
        BatchSizeExperiment.Row eps = r.row("epsSharpness");
        boolean sharper = norm.smallAfter() > norm.large() && eps.smallAfter() > eps.large();
        boolean better = test.smallAfter() <= test.large();
        boolean same = !moved(test.small(), test.smallAfter());
        if (sharper && same) {
            return "The reversal holds: after T_α the small-batch minimum is the sharper one (λ_max and ε-sharpness)"
                    + " while its test loss is unchanged" + (better ? " and still the better one." : ".");
        }
        return "The reversal does not hold for this seed: "
                + (sharper ? "" : "T_α θ_small is not sharper by both measures; ")
                + (same ? "" : "the test loss moved; ") + "see the table.";
    }

    public ObservableList<Row> rows() {
        return rowsView;
    }

    public ReadOnlyObjectProperty<BatchSizeExperiment.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
