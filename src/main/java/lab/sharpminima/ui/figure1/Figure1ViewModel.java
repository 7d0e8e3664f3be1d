package lab.sharpminima.ui.figure1;

import lab.sharpminima.ui.ExportableFigure;
import java.lang.System.Logger.Level;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import lab.sharpminima.figure.Curve;
import lab.sharpminima.figure.Figure1;
import lab.sharpminima.figure.Presets;
import lab.sharpminima.ui.BackgroundExecutor;
import lab.sharpminima.ui.overlay.LatestRequest;
import lab.sharpminima.ui.summary.Numbers;

/**
 * State and commands of the Figure 1 view (Dinh et al. 2017, Section 3, Figure 1): θ and ε, and
 * read-only properties for the latest {@link Figure1.Overlay} and its readouts: L(θ), the ε-flatness
 * interval {L &lt; L(θ) + ε} around θ and its width (Definition 1 in one dimension), the ε-sharpness
 * height max_{|θ′−θ| ≤ ε} L(θ′) − L(θ), where it is attained, and height/(1 + L(θ)) (Definition 2).
 * Holds no {@code Node}. The curve (the static layer) is built once by {@link #start()}; overlays are
 * computed in the background, latest request wins ({@link LatestRequest}).
 */
public final class Figure1ViewModel implements ExportableFigure {

    private static final System.Logger LOG = System.getLogger(Figure1ViewModel.class.getName());

    /** The ε slider's range. */
    public static final double MIN_EPSILON = 0.01;
    public static final double MAX_EPSILON = 2;

    private final Figure1.Settings preset;
    private final LatestRequest<Figure1.Settings, Figure1.Overlay> overlays;
    private final ReadOnlyObjectWrapper<Curve> curve = new ReadOnlyObjectWrapper<>(this, "curve");
    private final ReadOnlyObjectWrapper<Figure1.Overlay> overlay = new ReadOnlyObjectWrapper<>(this, "overlay");
    private final ReadOnlyDoubleWrapper theta = new ReadOnlyDoubleWrapper(this, "theta");
    private final ReadOnlyDoubleWrapper epsilon = new ReadOnlyDoubleWrapper(this, "epsilon");
    private final ReadOnlyStringWrapper lossText = new ReadOnlyStringWrapper(this, "lossText", "—");
    private final ReadOnlyStringWrapper intervalText = new ReadOnlyStringWrapper(this, "intervalText", "—");
    private final ReadOnlyStringWrapper widthText = new ReadOnlyStringWrapper(this, "widthText", "—");
    private final ReadOnlyStringWrapper heightText = new ReadOnlyStringWrapper(this, "heightText", "—");
    private final ReadOnlyStringWrapper argmaxText = new ReadOnlyStringWrapper(this, "argmaxText", "—");
    private final ReadOnlyStringWrapper sharpnessText = new ReadOnlyStringWrapper(this, "sharpnessText", "—");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final BackgroundExecutor executor;

    public Figure1ViewModel(BackgroundExecutor executor) {
        this(executor, Presets.figure1());
    }

    public Figure1ViewModel(BackgroundExecutor executor, Figure1.Settings preset) {
        this.executor = executor;
        this.preset = preset;
        this.overlays = new LatestRequest<>(executor, s -> Figure1.overlay(s, Figure1.LOSS), this::show,
                t -> fail("overlay", t));
        theta.set(preset.theta());
        epsilon.set(preset.epsilon());
    }

    /** Builds the curve once in the background, then the first overlay. */
    public void start() {
        if (curve.get() != null) {
            return;
        }
        executor.execute(() -> Figure1.curve(preset, Figure1.LOSS), curve::set, t -> fail("curve", t));
        request();
    }

    /** Sets θ, clamped to the drawn range [lo, hi]. */
    public void setTheta(double t) {
        if (Double.isFinite(t)) {
            theta.set(clamp(t, preset.lo(), preset.hi()));
            request();
        }
    }

    /** Sets ε, clamped to [{@value #MIN_EPSILON}, {@value #MAX_EPSILON}]. */
    public void setEpsilon(double e) {
        if (Double.isFinite(e)) {
            epsilon.set(clamp(e, MIN_EPSILON, MAX_EPSILON));
            request();
        }
    }

    /** Back to the preset that reproduces the paper's figure. */
    public void reset() {
        theta.set(preset.theta());
        epsilon.set(preset.epsilon());
        request();
    }

    /** The drawn θ range. */
    public double lo() {
        return preset.lo();
    }

    public double hi() {
        return preset.hi();
    }

    private void request() {
        overlays.submit(new Figure1.Settings(theta.get(), epsilon.get(), preset.lo(), preset.hi(), preset.samples()));
    }

    private void show(Figure1.Overlay o) {
        error.set(null);
        lossText.set(Numbers.format(o.loss()));
        // An end that reached the drawn range is not where L = L(θ) + ε: the interval goes on beyond it.
        intervalText.set("[" + Numbers.format(o.left()) + ", " + Numbers.format(o.right()) + "]"
                + (o.bounded() ? "" : " (cut at the plot's edge)"));
        widthText.set(o.bounded() ? Numbers.format(o.width()) : "unbounded");
        heightText.set(Numbers.format(o.height()));
        argmaxText.set("θ = " + Numbers.format(o.argmax()));
        sharpnessText.set(Numbers.format(o.sharpness()));
        overlay.set(o);
    }

    private void fail(String what, Throwable t) {
        LOG.log(Level.ERROR, "Figure 1 " + what + " failed", t);
        error.set("Figure 1: the " + what + " could not be computed (" + t.getClass().getSimpleName() + ": "
                + t.getMessage() + ")");
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** How many overlay requests were dropped as stale. */
    public long dropped() {
        return overlays.dropped();
    }

    public ReadOnlyObjectProperty<Curve> curveProperty() {
        return curve.getReadOnlyProperty();
    }

    /** The latest overlay (never a stale one); {@code null} before the first. */
    public ReadOnlyObjectProperty<Figure1.Overlay> overlayProperty() {
        return overlay.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty thetaProperty() {
        return theta.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty epsilonProperty() {
        return epsilon.getReadOnlyProperty();
    }

    /** L(θ). */
    public ReadOnlyStringProperty lossTextProperty() {
        return lossText.getReadOnlyProperty();
    }

    /** "[left, right]" of {L &lt; L(θ) + ε} around θ. */
    public ReadOnlyStringProperty intervalTextProperty() {
        return intervalText.getReadOnlyProperty();
    }

    /** right − left, or "unbounded" when the interval reaches the drawn range. */
    public ReadOnlyStringProperty widthTextProperty() {
        return widthText.getReadOnlyProperty();
    }

    /** max over [θ − ε, θ + ε] of L − L(θ). */
    public ReadOnlyStringProperty heightTextProperty() {
        return heightText.getReadOnlyProperty();
    }

    /** "θ = …", where the height is attained. */
    public ReadOnlyStringProperty argmaxTextProperty() {
        return argmaxText.getReadOnlyProperty();
    }

    /** height/(1 + L(θ)), Definition 2. */
    public ReadOnlyStringProperty sharpnessTextProperty() {
        return sharpnessText.getReadOnlyProperty();
    }

    /** The last failure, one line, or {@code null}. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    @Override
    public String figureName() {
        return "fig1";
    }

    @Override
    public java.util.Map<String, Double> exportSettings() {
        java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
        m.put("theta", thetaProperty().get());
        m.put("epsilon", epsilonProperty().get());
        return m;
    }
}
