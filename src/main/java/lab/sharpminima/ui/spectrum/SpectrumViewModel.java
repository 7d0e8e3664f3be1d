package lab.sharpminima.ui.spectrum;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import lab.sharpminima.engine.Model;
import lab.sharpminima.engine.Network;
import lab.sharpminima.export.figures.ModelFigureRenderer;
import lab.sharpminima.figure.SpectrumFigure;
import lab.sharpminima.measure.HessianSpectrum;
import lab.sharpminima.symmetry.AlphaScale;
import lab.sharpminima.symmetry.NeuronScale;
import lab.sharpminima.ui.BackgroundExecutor;
import lab.sharpminima.ui.ExportableFigure;
import lab.sharpminima.ui.TransformState;
import lab.sharpminima.ui.summary.Numbers;

/**
 * State of the Spectrum view: the eigenvalues and the SLQ spectral density of ∇²L at θ (before) and
 * at θ′ = s ⊙ θ (after), and the identity ∇²L(s ⊙ θ) = D ∇²L(θ) D, D = diag(1/s) (Section 4.2 of
 * Dinh et al. 2017), checked on the top eigenvalue. Two modes: {@link Mode#LAYERS}, the T_α of the
 * shared {@link TransformState} (Definition 5, ∏ α_k = 1), and {@link Mode#NEURON}, the rescaling of
 * one hidden unit by c = 10^e (its incoming weights and bias × c, outgoing weights × 1/c).
 *
 * <p>Only dense Hessians (n ≤ {@link HessianSpectrum#DEFAULT_DENSE_THRESHOLD}) are decomposed; above,
 * {@link #messageProperty()} says so. H at θ is computed once per model; a change of the map
 * recomputes only the "after" side. Requests are coalesced: while one computation runs, further
 * changes only remember the latest, which starts when it ends. Every result carries its generation and
 * a stale one is dropped. Holds no {@code Node}; confined to the FX thread.
 */
public final class SpectrumViewModel implements ExportableFigure {

    /** Which map the "after" side shows. */
    public enum Mode { LAYERS, NEURON }

    /** Range of e = log₁₀ c in neuron mode, as for the layer-wise α. */
    public static final double MIN_NEURON_EXPONENT = TransformState.MIN_EXPONENT;
    public static final double MAX_NEURON_EXPONENT = TransformState.MAX_EXPONENT;

    /** What to compute: the model, the scaling s and its names. */
    private record Request(Model model, ModelFigureRenderer.Transform transform) {
    }

    private final BackgroundExecutor executor;
    private final TransformState state;
    private final ReadOnlyObjectWrapper<SpectrumFigure.Data> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message",
            "Open a model (File → Open model…) to see its Hessian spectrum.");
    private final ReadOnlyStringWrapper predicted = new ReadOnlyStringWrapper(this, "predicted", "—");
    private final ReadOnlyStringWrapper recomputed = new ReadOnlyStringWrapper(this, "recomputed", "—");
    private final ReadOnlyStringWrapper difference = new ReadOnlyStringWrapper(this, "difference", "—");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.LAYERS);
    private final ReadOnlyIntegerWrapper neuronLayer = new ReadOnlyIntegerWrapper(this, "neuronLayer", 1);
    private final ReadOnlyIntegerWrapper neuronUnit = new ReadOnlyIntegerWrapper(this, "neuronUnit", 1);
    private final ReadOnlyObjectWrapper<Double> neuronExponent =
            new ReadOnlyObjectWrapper<>(this, "neuronExponent", 0.0);
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale");
    private long generation;
    /** {@code generation} for the background threads: a second step stops when it is no longer its own. */
    private volatile long latestGeneration;
    private boolean running;
    private Request pending;
    private SpectrumFigure.Base base;
    /** The scaling s of the result shown (θ′ = s ⊙ θ), to complete it for an export. */
    private double[] shownScaling;

    public SpectrumViewModel(BackgroundExecutor executor, TransformState state) {
        this.executor = executor;
        this.state = state;
        state.currentProperty().addListener((obs, old, t) -> {
            if (old == null || old.model() != t.model()) {
                neuronLayer.set(1);
                neuronUnit.set(1);
                neuronExponent.set(0.0);
            }
            request();
        });
        request();
    }

    // ---- neuron mode ----

    /** Switches between T_α and the per-neuron rescaling. */
    public void setMode(Mode m) {
        if (m != mode.get()) {
            mode.set(m);
            request();
        }
    }

    /**
     * Picks hidden unit {@code unit} of layer {@code layer} (both counted from 1; layer 1 … K−1),
     * clamped to the model's ranges; the exponent is kept.
     */
    public void setNeuron(int layer, int unit) {
        int hidden = hiddenLayers();
        int l = Math.max(1, Math.min(Math.max(1, hidden), layer));
        int units = hidden == 0 ? 1 : state.currentProperty().get().model().network().layer(l - 1).out();
        int u = Math.max(1, Math.min(units, unit));
        if (l != neuronLayer.get() || u != neuronUnit.get()) {
            neuronLayer.set(l);
            neuronUnit.set(u);
            if (mode.get() == Mode.NEURON) {
                request();
            }
        }
    }

    /** e = log₁₀ c of the picked unit's factor, clamped to [−2, 2]. */
    public void setNeuronExponent(double e) {
        double x = Math.max(MIN_NEURON_EXPONENT, Math.min(MAX_NEURON_EXPONENT, e));
        if (x != neuronExponent.get()) {
            neuronExponent.set(x);
            if (mode.get() == Mode.NEURON) {
                request();
            }
        }
    }

    /** K − 1, the number of hidden layers (0 without a model). */
    public int hiddenLayers() {
        return Math.max(0, state.depth() - 1);
    }

    /** The width of hidden layer {@code layer} (from 1), 0 without a model. */
    public int unitsOf(int layer) {
        Model m = state.currentProperty().get().model();
        return m == null || layer < 1 || layer > hiddenLayers() ? 0 : m.network().layer(layer - 1).out();
    }

    // ---- computing ----

    private void request() {
        generation++;
        latestGeneration = generation;
        Model m = state.currentProperty().get().model();
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
        if (mode.get() == Mode.NEURON && hiddenLayers() == 0) {
            clear("The model has no hidden layer: there is no neuron to rescale.");
            return;
        }
        ModelFigureRenderer.Transform t;
        try {
            t = transform(m);
        } catch (IllegalArgumentException e) {
            clear("The map cannot be applied: " + e.getMessage());
            return;
        }
        pending = new Request(m, t);
        if (!running) {
            startPending();
        }
    }

    /**
     * The map now: T_α from the shared state, or the picked unit × 10^e.
     *
     * @throws IllegalArgumentException when it would over- or underflow a parameter
     */
    private ModelFigureRenderer.Transform transform(Model m) {
        if (mode.get() == Mode.LAYERS) {
            AlphaScale a = state.currentProperty().get().scale();
            a.applyChecked(m.theta());
            return ModelFigureRenderer.Transform.alpha(a);
        }
        double c = Math.pow(10, neuronExponent.get());
        Network net = m.network();
        NeuronScale s = NeuronScale.single(net, neuronLayer.get() - 1, neuronUnit.get() - 1, c);
        s.applyChecked(m.theta());
        return ModelFigureRenderer.Transform.neuron(s,
                ModelFigureRenderer.Transform.neuronDescription(neuronLayer.get(), neuronUnit.get(), c));
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

    /**
     * Runs the newest request in two steps: the eigenvalues at θ′ (shown at once: the bars and the
     * recomputed top), then, unless a newer request came meanwhile (a drag goes on), the density at θ′
     * and the predicted top. A drag thus updates the bars at the rate of the first step alone.
     */
    private void startPending() {
        Request r = pending;
        pending = null;
        if (r == null) {
            return;
        }
        long gen = generation;
        SpectrumFigure.Base cached = base != null && base.model() == r.model() ? base : null;
        running = true;
        busy.set(true);
        message.set("Computing the spectra…");
        executor.execute(() -> eigenvalues(r, cached), done -> {
            if (gen == generation) {
                base = done.base();
                shownScaling = r.transform().scaling();
                show(done.data());
                if (pending == null) {
                    complete(gen, done.base(), done.data(), r.transform().scaling());
                    return;
                }
            }
            finish();
            startPending();
        }, failure -> failed(gen, failure));
    }

    /** The second step: density and predicted top for the result shown; then the next request, if any. */
    private void complete(long gen, SpectrumFigure.Base b, SpectrumFigure.Data partial, double[] scaling) {
        executor.execute(() -> SpectrumFigure.completed(b, partial, scaling, () -> latestGeneration != gen), full -> {
            finish();
            if (gen == generation) {
                show(full);
            }
            startPending();
        }, failure -> failed(gen, failure));
    }

    /** A failure of the newest request clears the view; a stale one (a cancelled second step) does not. */
    private void failed(long gen, Throwable failure) {
        finish();
        if (gen == generation) {
            clear("Spectrum failed: " + failure.getClass().getSimpleName() + ": " + failure.getMessage());
        }
        startPending();
    }

    private void finish() {
        running = false;
        busy.set(false);
    }

    private void show(SpectrumFigure.Data r) {
        result.set(r);
        recomputed.set(Numbers.format(r.recomputedTop()));
        if (!r.complete()) {
            predicted.set("…");
            difference.set("…");
            message.set("n = " + r.before().eigenvalues().length + " · " + r.description()
                    + " · eigenvalues at θ′ shown; the density at θ′ follows…");
            return;
        }
        predicted.set(Numbers.format(r.predictedTop()));
        double diff = r.recomputedTop() - r.predictedTop();
        difference.set(Numbers.format(diff) + "  (relative " + Numbers.format(r.relativeDifference()) + ")");
        message.set("n = " + r.before().eigenvalues().length + " · " + r.description()
                + " · dense Hessian, exact eigenvalues; density by SLQ (" + SpectrumFigure.DENSITY_RUNS + " runs × "
                + SpectrumFigure.DENSITY_STEPS + " Lanczos steps)");
    }

    private record Done(SpectrumFigure.Base base, SpectrumFigure.Data data) {
    }

    /** Off the FX thread: the first step (H at θ computed once per model). */
    private static Done eigenvalues(Request r, SpectrumFigure.Base cached) {
        SpectrumFigure.Base b = cached != null ? cached : SpectrumFigure.base(r.model());
        ModelFigureRenderer.Transform t = r.transform();
        return new Done(b, SpectrumFigure.eigenvalues(b, t.scaling(), t.moved(), t.description()));
    }

    // ---- export ----

    @Override
    public String figureName() {
        return "spectrum";
    }

    /** The map now: log₁₀ α_k per layer ("alpha1" …), or the picked unit and log₁₀ c. */
    @Override
    public Map<String, Double> exportSettings() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("log", logScale.get() ? 1.0 : 0.0);
        if (mode.get() == Mode.NEURON) {
            m.put("layer", (double) neuronLayer.get());
            m.put("unit", (double) neuronUnit.get());
            m.put("logC", neuronExponent.get());
        } else {
            for (int k = 0; k < state.depth(); k++) {
                m.put("logAlpha" + (k + 1), state.exponent(k));
            }
        }
        return m;
    }

    /** Writes the figure on screen now (the same data and scale), through {@link ModelFigureRenderer}. */
    @Override
    public Writer exportWriter() {
        SpectrumFigure.Data data = result.get();
        SpectrumFigure.Base b = base;
        double[] scaling = shownScaling;
        boolean log = logScale.get();
        return (Path out, int width, int height, int scale) -> {
            if (data == null) {
                throw new IllegalStateException("no spectrum to export: open a model with data first");
            }
            // A drag's result may still lack its density: the writer (off the FX thread) completes it.
            SpectrumFigure.Data full = data.complete() ? data : SpectrumFigure.completed(b, data, scaling);
            ModelFigureRenderer.writeSpectrum(full, log, out, width, height, scale, false);
        };
    }

    // ---- properties ----

    /** The figure's data, or {@code null} while there is none. */
    public ReadOnlyObjectProperty<SpectrumFigure.Data> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** What the view shows above the charts: the method, or why nothing is shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** λ_max(D ∇²L(θ) D), formatted. */
    public ReadOnlyStringProperty predictedProperty() {
        return predicted.getReadOnlyProperty();
    }

    /** λ_max(∇²L(s ⊙ θ)), formatted. */
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

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** The picked hidden layer, from 1. */
    public ReadOnlyIntegerProperty neuronLayerProperty() {
        return neuronLayer.getReadOnlyProperty();
    }

    /** The picked unit of that layer, from 1. */
    public ReadOnlyIntegerProperty neuronUnitProperty() {
        return neuronUnit.getReadOnlyProperty();
    }

    /** log₁₀ c of the picked unit. */
    public ReadOnlyObjectProperty<Double> neuronExponentProperty() {
        return neuronExponent.getReadOnlyProperty();
    }

    /** Eigenvalue bars on a log₁₀ |λ| scale (the view's switch; the export follows it). */
    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    public TransformState state() {
        return state;
    }
}
