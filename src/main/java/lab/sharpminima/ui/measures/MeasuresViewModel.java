package lab.sharpminima.ui.measures;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lab.sharpminima.compute.Backend;
import lab.sharpminima.engine.Model;
import lab.sharpminima.export.figures.ModelFigureRenderer;
import lab.sharpminima.figure.MeasuresTable;
import lab.sharpminima.measure.Invariance;
import lab.sharpminima.measure.InvariantMeasures;
import lab.sharpminima.ui.BackgroundExecutor;
import lab.sharpminima.ui.ExportableFigure;
import lab.sharpminima.ui.TransformState;

/**
 * State of the Measures view: every measure of the model at θ (before) and at T_α θ (after, the
 * {@link TransformState} shared with the Spectrum view), each with its declared {@link Invariance}
 * under T_α and whether it actually moved; plus the training and test loss and max |Δf| over the data,
 * which show that T_α keeps the function (Definition 5, Theorems 3–5 of Dinh et al. 2017).
 *
 * <p>The work runs in the background; α changes that arrive while it runs are coalesced to the latest,
 * and stale generations are dropped. Holds no {@code Node}; confined to the FX thread.
 */
public final class MeasuresViewModel implements ExportableFigure {

    private final BackgroundExecutor executor;
    private final TransformState state;
    private final javafx.beans.value.ObservableValue<? extends Backend> backend;
    private final ObservableList<MeasuresTable.Row> rows = FXCollections.observableArrayList();
    private final ObservableList<MeasuresTable.Row> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message",
            "Open a model (File → Open model…) to measure it.");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private long generation;
    private boolean running;
    private TransformState.Transform pending;
    private MeasuresTable.Before before;
    private String title = "Measures";

    public MeasuresViewModel(BackgroundExecutor executor, TransformState state) {
        this(executor, state, null);
    }

    /**
     * Measures with ε-sharpness's restarts batched on {@code backend}'s value (the UI's compute backend,
     * issue 6); a new backend measures again. {@code null} runs everything on the CPU.
     */
    public MeasuresViewModel(BackgroundExecutor executor, TransformState state,
                             javafx.beans.value.ObservableValue<? extends Backend> backend) {
        this.executor = executor;
        this.state = state;
        this.backend = backend;
        state.currentProperty().addListener((obs, old, t) -> request(t));
        if (backend != null) {
            backend.addListener((obs, old, b) -> {
                before = null;
                request(state.currentProperty().get());
            });
        }
        request(state.currentProperty().get());
    }

    private void request(TransformState.Transform t) {
        generation++;
        Model m = t.model();
        if (m == null || m.data() == null) {
            pending = null;
            before = null;
            rows.clear();
            message.set(m == null ? "Open a model (File → Open model…) to measure it."
                    : "The model has no data: the measures need the training set.");
            return;
        }
        pending = t;
        if (!running) {
            startPending();
        }
    }

    private void startPending() {
        TransformState.Transform t = pending;
        pending = null;
        if (t == null) {
            return;
        }
        long gen = generation;
        MeasuresTable.Before cached = before;
        Backend device = backend == null ? null : backend.getValue();
        running = true;
        busy.set(true);
        message.set("Measuring at θ and at T_α θ…");
        executor.execute(() -> MeasuresTable.compute(t.model(), t.scale().scaling(), cached, device), done -> {
            finish();
            if (gen == generation) {
                before = done.before();
                rows.setAll(done.rows());
                message.set(describe(t));
                title = "Measures at θ and at T_α θ,  " + ModelFigureRenderer.Transform.alpha(t.scale()).description();
            }
            startPending();
        }, failure -> {
            finish();
            if (gen == generation) {
                rows.clear();
                message.set("Measuring failed: " + failure.getClass().getSimpleName() + ": " + failure.getMessage());
            }
            startPending();
        });
    }

    private void finish() {
        running = false;
        busy.set(false);
    }

    private static String describe(TransformState.Transform t) {
        double[] a = t.scale().alpha();
        StringBuilder sb = new StringBuilder("T_α with α = (");
        for (int k = 0; k < a.length; k++) {
            sb.append(k == 0 ? "" : ", ").append(lab.sharpminima.ui.summary.Numbers.format(a[k]));
        }
        sb.append(")");
        if (!InvariantMeasures.invarianceHolds(t.model().network())) {
            sb.append(" · the network is not non-negatively homogeneous: T_α changes its function");
        }
        return sb.toString();
    }

    /** The rows, replaced as a whole when a computation ends. */
    public ObservableList<MeasuresTable.Row> rows() {
        return readOnlyRows;
    }

    @Override
    public String figureName() {
        return "measures";
    }

    /** log₁₀ α_k per layer ("logAlpha1" …), for the record: the export draws the rows shown. */
    @Override
    public Map<String, Double> exportSettings() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int k = 0; k < state.depth(); k++) {
            m.put("logAlpha" + (k + 1), state.exponent(k));
        }
        return m;
    }

    /** Writes the table on screen now through {@link ModelFigureRenderer#writeMeasures}. */
    @Override
    public Writer exportWriter() {
        List<MeasuresTable.Row> shown = List.copyOf(rows);
        String t = title;
        return (Path out, int width, int height, int scale) -> {
            if (shown.isEmpty()) {
                throw new IllegalStateException("no measures to export: open a model with data first");
            }
            ModelFigureRenderer.writeMeasures(shown, t, out, width, height, scale, false);
        };
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
