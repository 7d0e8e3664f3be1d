package lab.sharpminima.ui.measures;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.Model;
import lab.sharpminima.measure.EpsilonSharpness;
import lab.sharpminima.measure.HessianRank;
import lab.sharpminima.measure.HessianSpectrum;
import lab.sharpminima.measure.Invariance;
import lab.sharpminima.measure.InvariantMeasures;
import lab.sharpminima.measure.KeskarSharpness;
import lab.sharpminima.measure.PacBayesFlatness;
import lab.sharpminima.measure.ScalarMeasure;
import lab.sharpminima.ui.BackgroundExecutor;
import lab.sharpminima.ui.TransformState;
import org.ejml.data.DMatrixRMaj;

/**
 * State of the Measures view: every measure of the model at θ (before) and at T_α θ (after, the
 * {@link TransformState} shared with the Spectrum view), each with its declared {@link Invariance}
 * under T_α and whether it actually moved; plus the training and test loss and max |Δf| over the data,
 * which show that T_α keeps the function (Definition 5, Theorems 3–5 of Dinh et al. 2017).
 *
 * <p>The work runs in the background; α changes that arrive while it runs are coalesced to the latest,
 * and stale generations are dropped. Holds no {@code Node}; confined to the FX thread.
 */
public final class MeasuresViewModel {

    /** ε of the ε-sharpness and Keskar sharpness rows. */
    static final double EPSILON = 1e-3;
    static final long SEED = 1;
    /** |after − before| ≤ this relative to max(|before|, |after|) counts as not moved. */
    public static final double RELATIVE_TOLERANCE = 1e-6;
    /** … and so does a difference of at most this, for rows whose exact value is 0 (max |Δf|). */
    public static final double ABSOLUTE_FLOOR = 1e-12;

    /** One table row. */
    public record Row(String name, String key, double before, double after, Invariance declared) {

        /** |after − before| &gt; 10⁻⁶·max(|before|, |after|) and &gt; 10⁻¹². */
        public boolean moved() {
            double d = Math.abs(after - before);
            return d > RELATIVE_TOLERANCE * Math.max(Math.abs(before), Math.abs(after)) && d > ABSOLUTE_FLOOR;
        }
    }

    private final BackgroundExecutor executor;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message",
            "Open a model (File → Open model…) to measure it.");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private long generation;
    private boolean running;
    private TransformState.Transform pending;

    public MeasuresViewModel(BackgroundExecutor executor, TransformState state) {
        this.executor = executor;
        state.currentProperty().addListener((obs, old, t) -> request(t));
        request(state.currentProperty().get());
    }

    private void request(TransformState.Transform t) {
        generation++;
        Model m = t.model();
        if (m == null || m.data() == null) {
            pending = null;
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
        running = true;
        busy.set(true);
        message.set("Measuring at θ and at T_α θ…");
        executor.execute(() -> compute(t), result -> {
            finish();
            if (gen == generation) {
                rows.setAll(result);
                message.set(describe(t));
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

    /** Off the FX thread: every row at θ and at T_α θ. */
    static List<Row> compute(TransformState.Transform t) {
        Model m = t.model();
        LossFunction f = m.lossFunction();
        double[] before = m.theta();
        double[] after = t.scale().applyChecked(before);
        List<Row> out = new ArrayList<>();
        out.add(new Row("L training loss", "loss", f.value(before), f.value(after), Invariance.INVARIANT));
        if (m.test() != null && m.test().size() > 0) {
            LossFunction test = new LossFunction(m.network(), m.loss(), m.test());
            out.add(new Row("L test loss", "testLoss", test.value(before), test.value(after), Invariance.INVARIANT));
        }
        out.add(new Row("max |Δf| over the data", "maxOutputChange", 0, maxOutputChange(m, before, after),
                Invariance.INVARIANT));
        addScalar(out, "ε-sharpness (ε = 10⁻³)", EpsilonSharpness.of(EPSILON), f, before, after);
        addScalar(out, "Keskar sharpness (ε = 10⁻³)", KeskarSharpness.of(EPSILON), f, before, after);
        addHessian(out, f, before, after);
        for (ScalarMeasure s : InvariantMeasures.all(SEED)) {
            addScalar(out, nameOf(s.key()), s, f, before, after);
        }
        addScalar(out, "PAC-Bayes flatness, isotropic σ",
                PacBayesFlatness.isotropic(PacBayesFlatness.DEFAULT_TARGET, PacBayesFlatness.DEFAULT_SAMPLES, SEED),
                f, before, after);
        return out;
    }

    private static void addScalar(List<Row> out, String name, ScalarMeasure s, LossFunction f, double[] before,
                                  double[] after) {
        out.add(new Row(name, s.key(), s.value(f, before), s.value(f, after), s.underAlphaScale()));
    }

    /** Spectral norm and trace (Section 4.2), and the rank when the Hessian is dense. */
    private static void addHessian(List<Row> out, LossFunction f, double[] before, double[] after) {
        HessianSpectrum h = HessianSpectrum.defaults();
        HessianSpectrum.Result b = h.measure(f, before);
        HessianSpectrum.Result a = h.measure(f, after);
        out.add(new Row("‖∇²L‖₂ spectral norm", "hessian.spectralNorm", b.spectralNorm(), a.spectralNorm(),
                h.underAlphaScale()));
        out.add(new Row(b.method() == HessianSpectrum.Method.DENSE ? "tr ∇²L" : "tr ∇²L (Hutchinson)",
                "hessian.trace", b.trace(), a.trace(), h.underAlphaScale()));
        if (b.rank() >= 0 && a.rank() >= 0) {
            out.add(new Row("rank ∇²L", "hessianRank", b.rank(), a.rank(), new HessianRank().underAlphaScale()));
        }
    }

    /** max |f_{T_α θ}(x) − f_θ(x)| over the training and test inputs. */
    static double maxOutputChange(Model m, double[] before, double[] after) {
        double max = maxChange(m, m.data(), before, after);
        return m.test() == null ? max : Math.max(max, maxChange(m, m.test(), before, after));
    }

    private static double maxChange(Model m, Dataset d, double[] before, double[] after) {
        DMatrixRMaj y0 = LossFunction.outputs(m.network(), before, d.x());
        DMatrixRMaj y1 = LossFunction.outputs(m.network(), after, d.x());
        double max = 0;
        for (int i = 0; i < y0.getNumElements(); i++) {
            max = Math.max(max, Math.abs(y1.get(i) - y0.get(i)));
        }
        return max;
    }

    private static String nameOf(String key) {
        return switch (key) {
            case "asam" -> "adaptive sharpness (ASAM, η = 0)";
            case "relativeFlatness" -> "relative flatness (last layer)";
            case "fisherRao" -> "Fisher–Rao norm";
            case "pacBayesMag" -> "PAC-Bayes flatness, magnitude-aware σ (ε = 0)";
            default -> key;
        };
    }

    /** The rows, replaced as a whole when a computation ends. */
    public ObservableList<Row> rows() {
        return readOnlyRows;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
