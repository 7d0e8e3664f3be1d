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
    private Before before;

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
        Before cached = before;
        running = true;
        busy.set(true);
        message.set("Measuring at θ and at T_α θ…");
        executor.execute(() -> compute(t, cached), done -> {
            finish();
            if (gen == generation) {
                before = done.before();
                rows.setAll(done.rows());
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

    /** One measure's value at one point. */
    record Value(String name, String key, double value, Invariance declared) {
    }

    /** The values at θ of the cached model. */
    private record Before(Model model, List<Value> values) {
    }

    private record Done(Before before, List<Row> rows) {
    }

    /** Off the FX thread: every row at θ (reused when the model is the same) and at T_α θ. */
    static Done compute(TransformState.Transform t, Before cached) {
        Model m = t.model();
        double[] theta = m.theta();
        Before b = cached != null && cached.model() == m ? cached : new Before(m, valuesAt(m, theta));
        double[] moved = t.scale().applyChecked(theta);
        // T_α with every α = 1 is exactly the identity: the "after" values are the "before" ones.
        List<Value> after = t.isIdentity() ? b.values() : valuesAt(m, moved);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            Value v = b.values().get(i);
            rows.add(new Row(v.name(), v.key(), v.value(), after.get(i).value(), v.declared()));
        }
        int lossRows = m.test() != null && m.test().size() > 0 ? 2 : 1;
        rows.add(lossRows, new Row("max |Δf| over the data", "maxOutputChange", 0, maxOutputChange(m, theta, moved),
                Invariance.INVARIANT));
        return new Done(b, rows);
    }

    /** Every measure of the model at {@code theta}, in table order (the losses first). */
    static List<Value> valuesAt(Model m, double[] theta) {
        LossFunction f = m.lossFunction();
        List<Value> out = new ArrayList<>();
        out.add(new Value("L training loss", "loss", f.value(theta), Invariance.INVARIANT));
        if (m.test() != null && m.test().size() > 0) {
            LossFunction test = new LossFunction(m.network(), m.loss(), m.test());
            out.add(new Value("L test loss", "testLoss", test.value(theta), Invariance.INVARIANT));
        }
        addScalar(out, "ε-sharpness (ε = 10⁻³)", EpsilonSharpness.of(EPSILON), f, theta);
        addScalar(out, "Keskar sharpness (ε = 10⁻³)", KeskarSharpness.of(EPSILON), f, theta);
        addHessian(out, f, theta);
        for (ScalarMeasure s : InvariantMeasures.all(SEED)) {
            addScalar(out, nameOf(s.key()), s, f, theta);
        }
        addScalar(out, "PAC-Bayes σ, isotropic",
                PacBayesFlatness.isotropic(PacBayesFlatness.DEFAULT_TARGET, PacBayesFlatness.DEFAULT_SAMPLES, SEED),
                f, theta);
        return out;
    }

    private static void addScalar(List<Value> out, String name, ScalarMeasure s, LossFunction f, double[] theta) {
        out.add(new Value(name, s.key(), s.value(f, theta), s.underAlphaScale()));
    }

    /** Spectral norm and trace (Section 4.2), and the rank when the Hessian is dense. */
    private static void addHessian(List<Value> out, LossFunction f, double[] theta) {
        HessianSpectrum h = HessianSpectrum.defaults();
        HessianSpectrum.Result r = h.measure(f, theta);
        out.add(new Value("‖∇²L‖₂ spectral norm", "hessian.spectralNorm", r.spectralNorm(), h.underAlphaScale()));
        out.add(new Value(r.method() == HessianSpectrum.Method.DENSE ? "tr ∇²L" : "tr ∇²L (Hutchinson)",
                "hessian.trace", r.trace(), h.underAlphaScale()));
        if (r.rank() >= 0) {
            out.add(new Value("rank ∇²L", "hessianRank", r.rank(), new HessianRank().underAlphaScale()));
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
            case "pacBayesMag" -> "PAC-Bayes σ, magnitude-aware (ε = 0)";
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
