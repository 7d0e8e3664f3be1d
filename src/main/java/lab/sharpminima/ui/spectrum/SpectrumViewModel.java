package lab.sharpminima.ui.spectrum;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.Model;
import lab.sharpminima.linalg.SpectralDensity;
import lab.sharpminima.linalg.SymmetricEigen;
import lab.sharpminima.measure.HessianSpectrum;
import lab.sharpminima.symmetry.AlphaScale;
import lab.sharpminima.ui.BackgroundExecutor;
import lab.sharpminima.ui.TransformState;
import lab.sharpminima.ui.summary.Numbers;
import org.ejml.data.DMatrixRMaj;

/**
 * State of the Spectrum view: the eigenvalues and the SLQ spectral density of ∇²L at θ (before) and
 * at T_α θ (after), and the identity of Section 4.2, ∇²L(T_α θ) = D_α ∇²L(θ) D_α, checked on the top
 * eigenvalue: λ_max(D_α H D_α) from the Hessian H at θ next to λ_max of the Hessian recomputed at T_α θ.
 *
 * <p>Only dense Hessians (n ≤ {@link HessianSpectrum#DEFAULT_DENSE_THRESHOLD}) are decomposed; above,
 * {@link #messageProperty()} says so. H at θ is computed once per model; an α change recomputes only
 * the "after" side. Requests are coalesced: while one computation runs, further α changes only
 * remember the latest, which starts when it ends. Every result carries its generation and a stale one
 * is dropped. Holds no {@code Node}; confined to the FX thread.
 */
public final class SpectrumViewModel {

    /** SLQ settings: runs (PyHessian's n_v), Lanczos steps per run, grid points, seed. */
    static final int DENSITY_RUNS = 4;
    static final int DENSITY_STEPS = 80;
    static final int DENSITY_BINS = 400;
    static final long SEED = 1;

    /** Eigenvalues (descending) and the density curve at one point. */
    public record Side(double[] eigenvalues, SpectralDensity.Curve density) {
        public Side {
            eigenvalues = eigenvalues.clone();
        }

        @Override
        public double[] eigenvalues() {
            return eigenvalues.clone();
        }
    }

    /** What one computation produces: both sides and the identity's two numbers. */
    public record Result(Side before, Side after, double predictedTop, double recomputedTop) {
    }

    /** H at θ for the cached model, decomposed. */
    private record Base(Model model, DMatrixRMaj hessian, Side side) {
    }

    private final BackgroundExecutor executor;
    private final TransformState state;
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message",
            "Open a model (File → Open model…) to see its Hessian spectrum.");
    private final ReadOnlyStringWrapper predicted = new ReadOnlyStringWrapper(this, "predicted", "—");
    private final ReadOnlyStringWrapper recomputed = new ReadOnlyStringWrapper(this, "recomputed", "—");
    private final ReadOnlyStringWrapper difference = new ReadOnlyStringWrapper(this, "difference", "—");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private long generation;
    private boolean running;
    private TransformState.Transform pending;
    private Base base;

    public SpectrumViewModel(BackgroundExecutor executor, TransformState state) {
        this.executor = executor;
        this.state = state;
        state.currentProperty().addListener((obs, old, t) -> request(t));
        request(state.currentProperty().get());
    }

    private void request(TransformState.Transform t) {
        generation++;
        Model m = t.model();
        if (m == null || m.data() == null) {
            clear(m == null ? "Open a model (File → Open model…) to see its Hessian spectrum."
                    : "The model has no data: the Hessian of L needs the training set.");
            return;
        }
        int n = m.network().parameterCount();
        if (n > HessianSpectrum.DEFAULT_DENSE_THRESHOLD) {
            clear("n = " + n + " parameters: above " + HessianSpectrum.DEFAULT_DENSE_THRESHOLD
                    + ", the dense spectrum is not computed here; use the CLI (sml measure --measures hessian,density).");
            return;
        }
        pending = t;
        if (!running) {
            startPending();
        }
    }

    private void clear(String why) {
        pending = null;
        base = null;
        result.set(null);
        message.set(why);
        predicted.set("—");
        recomputed.set("—");
        difference.set("—");
    }

    private void startPending() {
        TransformState.Transform t = pending;
        pending = null;
        if (t == null) {
            return;
        }
        long gen = generation;
        Base cached = base != null && base.model() == t.model() ? base : null;
        running = true;
        busy.set(true);
        message.set("Computing the spectra…");
        executor.execute(() -> compute(t, cached), done -> {
            finish();
            if (gen == generation) {
                base = done.base;
                show(done.result);
            }
            startPending();
        }, failure -> {
            finish();
            if (gen == generation) {
                clear("Spectrum failed: " + failure.getClass().getSimpleName() + ": " + failure.getMessage());
            }
            startPending();
        });
    }

    private void finish() {
        running = false;
        busy.set(false);
    }

    private void show(Result r) {
        result.set(r);
        predicted.set(Numbers.format(r.predictedTop()));
        recomputed.set(Numbers.format(r.recomputedTop()));
        double diff = r.recomputedTop() - r.predictedTop();
        double rel = Math.abs(diff) / Math.max(Math.abs(r.predictedTop()), Double.MIN_NORMAL);
        difference.set(Numbers.format(diff) + "  (relative " + Numbers.format(rel) + ")");
        message.set("n = " + r.before().eigenvalues().length + " · dense Hessian, exact eigenvalues; density by SLQ ("
                + DENSITY_RUNS + " runs × " + DENSITY_STEPS + " Lanczos steps)");
    }

    private record Done(Base base, Result result) {
    }

    /** Off the FX thread. */
    private static Done compute(TransformState.Transform t, Base cached) {
        Model m = t.model();
        LossFunction f = m.lossFunction();
        Base b = cached != null ? cached : baseOf(m, f);
        AlphaScale scale = t.scale();
        double[] moved = scale.applyChecked(m.theta());
        double predictedTop = SymmetricEigen.decompose(scaled(b.hessian(), scale.paperD()), false).value(0);
        DMatrixRMaj after = f.hessian(moved);
        Side afterSide = new Side(SymmetricEigen.decompose(after, false).values(), density(f, moved));
        return new Done(b, new Result(b.side(), afterSide, predictedTop, afterSide.eigenvalues()[0]));
    }

    private static Base baseOf(Model m, LossFunction f) {
        DMatrixRMaj h = f.hessian(m.theta());
        return new Base(m, h, new Side(SymmetricEigen.decompose(h, false).values(), density(f, m.theta())));
    }

    /** D H D for a diagonal D given by its entries: (D H D)_{ij} = d_i H_{ij} d_j. */
    static DMatrixRMaj scaled(DMatrixRMaj h, double[] d) {
        DMatrixRMaj out = new DMatrixRMaj(h.numRows, h.numCols);
        for (int i = 0; i < h.numRows; i++) {
            for (int j = 0; j < h.numCols; j++) {
                out.unsafe_set(i, j, d[i] * h.unsafe_get(i, j) * d[j]);
            }
        }
        return out;
    }

    /** SLQ density with PyHessian's width, widened to span at least a few grid points. */
    private static SpectralDensity.Curve density(LossFunction f, double[] theta) {
        SpectralDensity slq = SpectralDensity.estimate(f.hessianOperator(theta), DENSITY_RUNS, DENSITY_STEPS, SEED);
        double span = Math.max(slq.max() - slq.min(), 1e-12);
        double sigma = Math.max(slq.pyHessianSigma(), 3 * span / DENSITY_BINS);
        return slq.curve(DENSITY_BINS, sigma);
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** What the view shows above the charts: the method, or why nothing is shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** λ_max(D_α ∇²L(θ) D_α), formatted. */
    public ReadOnlyStringProperty predictedProperty() {
        return predicted.getReadOnlyProperty();
    }

    /** λ_max(∇²L(T_α θ)), formatted. */
    public ReadOnlyStringProperty recomputedProperty() {
        return recomputed.getReadOnlyProperty();
    }

    /** recomputed − predicted, with its relative size. */
    public ReadOnlyStringProperty differenceProperty() {
        return difference.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public TransformState state() {
        return state;
    }
}
