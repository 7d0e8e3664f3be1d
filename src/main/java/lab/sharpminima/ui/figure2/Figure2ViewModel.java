package lab.sharpminima.ui.figure2;

import lab.sharpminima.ui.ExportableFigure;
import java.lang.System.Logger.Level;
import java.util.Locale;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import lab.sharpminima.figure.Figure2;
import lab.sharpminima.figure.LandscapeLayer;
import lab.sharpminima.figure.Presets;
import lab.sharpminima.figure.ToyProblem;
import lab.sharpminima.landscape.Window;
import lab.sharpminima.ui.BackgroundExecutor;
import lab.sharpminima.ui.overlay.LatestRequest;
import lab.sharpminima.ui.summary.Numbers;

/**
 * State and commands of the Figure 2 view (Dinh et al. 2017, Section 4, Definition 5): the unscaled
 * point θ = (θ1, θ2), log10 α of the symmetry T_α θ = (αθ1, θ2/α), and the ε of the ε-sharpness
 * readout (Definition 2); read-only properties for the latest {@link Figure2.Overlay} and its
 * readouts, raw and formatted. Holds no {@code Node}.
 *
 * <p>The {@link LandscapeLayer} (the static layer no slider moves) is built once, in the background,
 * by {@link #start()}. Each overlay request takes a new generation number; requests coalesce: while
 * one computation runs, only the newest pending request is kept (latest wins), and a result whose
 * generation is no longer the newest is dropped, never shown.
 *
 * <p>Confined to the FX thread (or the test's thread with a same-thread executor).
 */
public final class Figure2ViewModel implements ExportableFigure {

    private static final System.Logger LOG = System.getLogger(Figure2ViewModel.class.getName());

    /** The slider's range of log10 α: α ∈ [1e-3, 1e3]. */
    public static final double MIN_EXPONENT = -3;
    public static final double MAX_EXPONENT = 3;
    /** The range of the ε spinner. */
    public static final double MIN_EPSILON = 1e-3;
    public static final double MAX_EPSILON = 1;

    private final BackgroundExecutor executor;
    private final ToyProblem problem;
    private final LandscapeLayer.Settings landscapeSettings;
    private final Figure2.Settings preset;

    private final ReadOnlyObjectWrapper<LandscapeLayer> landscape = new ReadOnlyObjectWrapper<>(this, "landscape");
    private final ReadOnlyObjectWrapper<Figure2.Overlay> overlay = new ReadOnlyObjectWrapper<>(this, "overlay");
    private final ReadOnlyDoubleWrapper alphaExponent = new ReadOnlyDoubleWrapper(this, "alphaExponent");
    private final ReadOnlyDoubleWrapper theta1 = new ReadOnlyDoubleWrapper(this, "theta1");
    private final ReadOnlyDoubleWrapper theta2 = new ReadOnlyDoubleWrapper(this, "theta2");
    private final ReadOnlyDoubleWrapper epsilon = new ReadOnlyDoubleWrapper(this, "epsilon");
    private final ReadOnlyStringWrapper alphaText = new ReadOnlyStringWrapper(this, "alphaText");
    private final Readout loss = new Readout("loss");
    private final Readout maxOutputChange = new Readout("maxOutputChange");
    private final Readout lambda1 = new Readout("lambda1");
    private final Readout lambda2 = new Readout("lambda2");
    private final Readout trace = new Readout("trace");
    private final Readout sharpness = new Readout("sharpness");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyLongWrapper latencyNanos = new ReadOnlyLongWrapper(this, "latencyNanos");

    private final LatestRequest<Figure2.Settings, Figure2.Overlay> overlays;

    public Figure2ViewModel(BackgroundExecutor executor) {
        this(executor, ToyProblem.of(Presets.toy()), Presets.landscape(), Presets.figure2());
    }

    public Figure2ViewModel(BackgroundExecutor executor, ToyProblem problem, LandscapeLayer.Settings landscape,
                            Figure2.Settings preset) {
        this.executor = executor;
        this.overlays = new LatestRequest<>(executor,
                settings -> Figure2.overlay(problem, landscape.window(), settings), this::show,
                t -> fail("overlay", t));
        this.problem = problem;
        this.landscapeSettings = landscape;
        this.preset = preset;
        setState(preset.theta1(), preset.theta2(), Math.log10(preset.alpha()), preset.epsilon());
    }

    /** Builds the landscape layer once in the background, then the first overlay. */
    public void start() {
        if (landscape.get() != null) {
            return;
        }
        executor.execute(() -> LandscapeLayer.build(problem, landscapeSettings), landscape::set,
                failure -> fail("landscape", failure));
        request();
    }

    /** Sets log10 α, clamped to [{@value #MIN_EXPONENT}, {@value #MAX_EXPONENT}]. */
    public void setAlphaExponent(double x) {
        if (Double.isNaN(x)) {
            return;
        }
        alphaExponent.set(clamp(x, MIN_EXPONENT, MAX_EXPONENT));
        alphaText.set(formatAlpha(alphaExponent.get()));
        request();
    }

    /** Sets the unscaled point θ, clamped to the landscape's window. */
    public void setTheta(double a, double b) {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            return;
        }
        Window w = landscapeSettings.window();
        theta1.set(clamp(a, w.a0(), w.a1()));
        theta2.set(clamp(b, w.b0(), w.b1()));
        request();
    }

    /** Sets ε of the ε-sharpness readout, clamped to [{@value #MIN_EPSILON}, {@value #MAX_EPSILON}]. */
    public void setEpsilon(double e) {
        if (Double.isNaN(e)) {
            return;
        }
        epsilon.set(clamp(e, MIN_EPSILON, MAX_EPSILON));
        request();
    }

    /** Back to the preset that reproduces the paper's figure: θ = (1, 1), α = 1, ε = 0.1. */
    public void reset() {
        setState(preset.theta1(), preset.theta2(), Math.log10(preset.alpha()), preset.epsilon());
        request();
    }

    /** Sets T_α θ's unscaled θ so that the shown point T_α θ lands on (a, b): θ = T_α⁻¹(a, b). */
    public void movePointTo(double a, double b) {
        double alpha = alpha();
        setTheta(a / alpha, b * alpha);
    }

    private void setState(double t1, double t2, double x, double e) {
        theta1.set(t1);
        theta2.set(t2);
        alphaExponent.set(x);
        alphaText.set(formatAlpha(x));
        epsilon.set(e);
    }

    /** L(a, b) of the toy problem, for the hover readout (20 data points: microseconds). */
    public double lossAt(double a, double b) {
        return problem.loss().value(new double[] {a, b});
    }

    /** α = 10^x of the current state. */
    public double alpha() {
        return Math.pow(10, alphaExponent.get());
    }

    private void request() {
        Figure2.Settings s;
        try {
            s = new Figure2.Settings(theta1.get(), theta2.get(), alpha(), epsilon.get());
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        overlays.submit(s);
    }

    private void show(Figure2.Overlay o) {
        latencyNanos.set(overlays.latencyNanos());
        error.set(null);
        double[] eig = o.eigenvalues();
        loss.set(o.loss());
        maxOutputChange.set(o.maxOutputChange());
        lambda1.set(eig[0]);
        lambda2.set(eig[1]);
        trace.set(o.trace());
        sharpness.set(o.sharpness().value());
        overlay.set(o);
    }

    private void fail(String what, Throwable t) {
        LOG.log(Level.ERROR, "Figure 2 " + what + " failed", t);
        error.set("Figure 2: the " + what + " could not be computed (" + t.getClass().getSimpleName() + ": "
                + t.getMessage() + ")");
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** "α = 1   ·   log₁₀ α = 0", "α = 31.6228   ·   log₁₀ α = 1.5", "α = 0.001   ·   log₁₀ α = −3". */
    static String formatAlpha(double x) {
        String exp = String.format(Locale.ROOT, "%.2f", x).replaceAll("0+$", "").replaceAll("\\.$", "");
        if (exp.equals("-0")) {
            exp = "0";
        }
        return "α = " + Numbers.format(Math.pow(10, x)) + "   ·   log₁₀ α = " + exp.replace('-', '−');
    }

    public ReadOnlyObjectProperty<LandscapeLayer> landscapeProperty() {
        return landscape.getReadOnlyProperty();
    }

    /** The latest overlay shown (never a stale one); {@code null} before the first. */
    public ReadOnlyObjectProperty<Figure2.Overlay> overlayProperty() {
        return overlay.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty alphaExponentProperty() {
        return alphaExponent.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty alphaTextProperty() {
        return alphaText.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty theta1Property() {
        return theta1.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty theta2Property() {
        return theta2.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty epsilonProperty() {
        return epsilon.getReadOnlyProperty();
    }

    /** L(T_α θ). */
    public Readout loss() {
        return loss;
    }

    /** max_i |f(x_i; T_α θ) − f(x_i; θ)| over the data. */
    public Readout maxOutputChange() {
        return maxOutputChange;
    }

    /** λ₁ = λ_max(∇²L(T_α θ)). */
    public Readout lambda1() {
        return lambda1;
    }

    /** λ₂, the smaller eigenvalue of ∇²L(T_α θ). */
    public Readout lambda2() {
        return lambda2;
    }

    /** tr ∇²L(T_α θ). */
    public Readout trace() {
        return trace;
    }

    /** The ε-sharpness of T_α θ (Definition 2). */
    public Readout sharpness() {
        return sharpness;
    }

    /** The last failure, one line, or {@code null}. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** How many requests were dropped as stale (superseded while pending or while computing). */
    public ReadOnlyLongProperty droppedProperty() {
        return overlays.droppedProperty();
    }

    /**
     * Nanoseconds from the command that made the shown overlay to its arrival back on the UI thread
     * (queueing, computing and hand-over): the ViewModel's part of slider-to-frame latency.
     */
    public ReadOnlyLongProperty latencyNanosProperty() {
        return latencyNanos.getReadOnlyProperty();
    }

    /** One readout: the raw value and its text (NaN shows as "—" until the first overlay). */
    public final class Readout {
        private final ReadOnlyDoubleWrapper value;
        private final ReadOnlyStringWrapper text;

        private Readout(String name) {
            value = new ReadOnlyDoubleWrapper(Figure2ViewModel.this, name, Double.NaN);
            text = new ReadOnlyStringWrapper(Figure2ViewModel.this, name + "Text", "—");
        }

        private void set(double v) {
            value.set(v);
            text.set(Double.isNaN(v) ? "—" : Numbers.format(v));
        }

        public ReadOnlyDoubleProperty valueProperty() {
            return value.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty textProperty() {
            return text.getReadOnlyProperty();
        }

        public double get() {
            return value.get();
        }
    }

    @Override
    public String figureName() {
        return "fig2";
    }

    @Override
    public java.util.Map<String, Double> exportSettings() {
        java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
        m.put("theta1", theta1Property().get());
        m.put("theta2", theta2Property().get());
        m.put("alpha", alpha());
        m.put("epsilon", epsilonProperty().get());
        return m;
    }
}
