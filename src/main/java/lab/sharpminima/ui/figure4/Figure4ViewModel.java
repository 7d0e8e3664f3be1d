package lab.sharpminima.ui.figure4;

import lab.sharpminima.ui.ExportableFigure;
import java.lang.System.Logger.Level;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import lab.sharpminima.figure.Figure4;
import lab.sharpminima.figure.LandscapeLayer;
import lab.sharpminima.figure.Presets;
import lab.sharpminima.figure.ToyProblem;
import lab.sharpminima.landscape.Window;
import lab.sharpminima.ui.BackgroundExecutor;
import lab.sharpminima.ui.overlay.LatestRequest;
import lab.sharpminima.ui.summary.Numbers;

/**
 * State and commands of the Figure 4 view (Dinh et al. 2017, Section 4.3): the point θ = (θ₁, θ₂) and
 * the radius ε; read-only properties for the latest {@link Figure4.Data} and its readouts: α = ε/|θ₁|,
 * the ε-sharpness (Definition 2) at θ and at θ′ = T_α θ, the constant function's excess loss
 * (L(0, θ₂/α) − L(θ′))/(1 + L(θ′)), and the distance from θ′ to the constant point (0, θ₂/α), which is
 * ε: the red ball reaches θ₁ = 0. Holds no {@code Node}.
 *
 * <p>The landscape is built once by {@link #start()}; each Figure 4 computation (two ε-sharpness
 * ascents, milliseconds) runs in the background, latest request wins ({@link LatestRequest}).
 */
public final class Figure4ViewModel implements ExportableFigure {

    private static final System.Logger LOG = System.getLogger(Figure4ViewModel.class.getName());

    /** The ε slider's range. */
    public static final double MIN_EPSILON = 0.05;
    public static final double MAX_EPSILON = 1.5;
    /** θ₁'s range: positive (α = ε/|θ₁| needs θ₁ ≠ 0) and inside the window. */
    public static final double MIN_THETA1 = 0.05;
    public static final double MAX_THETA1 = 3;

    private final BackgroundExecutor executor;
    private final ToyProblem problem;
    private final LandscapeLayer.Settings landscapeSettings;
    private final Figure4.Settings preset;
    private final LatestRequest<Figure4.Settings, Figure4.Data> requests;

    private final ReadOnlyObjectWrapper<LandscapeLayer> landscape = new ReadOnlyObjectWrapper<>(this, "landscape");
    private final ReadOnlyObjectWrapper<Figure4.Data> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final ReadOnlyDoubleWrapper theta1 = new ReadOnlyDoubleWrapper(this, "theta1");
    private final ReadOnlyDoubleWrapper theta2 = new ReadOnlyDoubleWrapper(this, "theta2");
    private final ReadOnlyDoubleWrapper epsilon = new ReadOnlyDoubleWrapper(this, "epsilon");
    private final ReadOnlyStringWrapper alphaText = new ReadOnlyStringWrapper(this, "alphaText", "—");
    private final ReadOnlyStringWrapper thetaPrimeText = new ReadOnlyStringWrapper(this, "thetaPrimeText", "—");
    private final ReadOnlyStringWrapper sharpnessText = new ReadOnlyStringWrapper(this, "sharpnessText", "—");
    private final ReadOnlyStringWrapper sharpenedText = new ReadOnlyStringWrapper(this, "sharpenedText", "—");
    private final ReadOnlyStringWrapper excessText = new ReadOnlyStringWrapper(this, "excessText", "—");
    private final ReadOnlyStringWrapper reachText = new ReadOnlyStringWrapper(this, "reachText", "—");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    public Figure4ViewModel(BackgroundExecutor executor) {
        this(executor, ToyProblem.of(Presets.toy()), Presets.landscapeAcrossAxis(), Presets.figure4());
    }

    public Figure4ViewModel(BackgroundExecutor executor, ToyProblem problem, LandscapeLayer.Settings landscape,
                            Figure4.Settings preset) {
        this.executor = executor;
        this.problem = problem;
        this.landscapeSettings = landscape;
        this.preset = preset;
        this.requests = new LatestRequest<>(executor, s -> Figure4.build(problem, landscape.window(), s),
                this::show, t -> fail("balls", t));
        theta1.set(preset.theta1());
        theta2.set(preset.theta2());
        epsilon.set(preset.epsilon());
    }

    /** Builds the landscape once in the background, then the first balls. */
    public void start() {
        if (landscape.get() != null) {
            return;
        }
        executor.execute(() -> LandscapeLayer.build(problem, landscapeSettings), landscape::set,
                t -> fail("landscape", t));
        request();
    }

    /** Sets θ, θ₁ clamped to [{@value #MIN_THETA1}, {@value #MAX_THETA1}] and θ₂ to the window. */
    public void setTheta(double a, double b) {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            return;
        }
        Window w = landscapeSettings.window();
        theta1.set(clamp(a, MIN_THETA1, Math.min(MAX_THETA1, w.a1())));
        theta2.set(clamp(b, w.b0(), w.b1()));
        request();
    }

    /** Sets ε, clamped to [{@value #MIN_EPSILON}, {@value #MAX_EPSILON}]. */
    public void setEpsilon(double e) {
        if (Double.isFinite(e)) {
            epsilon.set(clamp(e, MIN_EPSILON, MAX_EPSILON));
            request();
        }
    }

    /** Back to the preset of the paper's figure: θ = (1.5, 2/3), ε = 0.5. */
    public void reset() {
        theta1.set(preset.theta1());
        theta2.set(preset.theta2());
        epsilon.set(preset.epsilon());
        request();
    }

    /** L(a, b) of the toy problem, for the hover readout (20 data points: microseconds). */
    public double lossAt(double a, double b) {
        return problem.loss().value(new double[] {a, b});
    }

    private void request() {
        requests.submit(new Figure4.Settings(theta1.get(), theta2.get(), epsilon.get(), preset.restarts()));
    }

    private void show(Figure4.Data d) {
        error.set(null);
        double[] c = d.constantPoint();
        double a = d.sharpenedBall().a();
        double b = d.sharpenedBall().b();
        double distance = Math.hypot(a - c[0], b - c[1]);
        alphaText.set(Numbers.format(d.alpha()));
        thetaPrimeText.set("(" + Numbers.format(a) + ", " + Numbers.format(b) + ")");
        sharpnessText.set(Numbers.format(d.sharpness().value()));
        sharpenedText.set(Numbers.format(d.sharpenedSharpness().value()));
        excessText.set(Numbers.format(d.constantExcess()));
        // θ′₁ = αθ₁ = ε, so (0, θ₂/α) lies on the red circle: the ball reaches θ₁ = 0 (up to rounding).
        boolean reaches = distance <= d.ball().radius() * (1 + 1e-12);
        reachText.set((reaches ? "yes" : "no") + ", ‖θ′ − (0, θ₂/α)‖ = " + Numbers.format(distance));
        data.set(d);
    }

    private void fail(String what, Throwable t) {
        LOG.log(Level.ERROR, "Figure 4 " + what + " failed", t);
        error.set("Figure 4: the " + what + " could not be computed (" + t.getClass().getSimpleName() + ": "
                + t.getMessage() + ")");
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** How many requests were dropped as stale. */
    public long dropped() {
        return requests.dropped();
    }

    public ReadOnlyObjectProperty<LandscapeLayer> landscapeProperty() {
        return landscape.getReadOnlyProperty();
    }

    /** The latest balls (never stale ones); {@code null} before the first. */
    public ReadOnlyObjectProperty<Figure4.Data> dataProperty() {
        return data.getReadOnlyProperty();
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

    /** α = ε/|θ₁|. */
    public ReadOnlyStringProperty alphaTextProperty() {
        return alphaText.getReadOnlyProperty();
    }

    /** "(θ′₁, θ′₂)" with θ′ = T_α θ = (αθ₁, θ₂/α). */
    public ReadOnlyStringProperty thetaPrimeTextProperty() {
        return thetaPrimeText.getReadOnlyProperty();
    }

    /** ε-sharpness at θ. */
    public ReadOnlyStringProperty sharpnessTextProperty() {
        return sharpnessText.getReadOnlyProperty();
    }

    /** ε-sharpness at θ′. */
    public ReadOnlyStringProperty sharpenedTextProperty() {
        return sharpenedText.getReadOnlyProperty();
    }

    /** (L(0, θ₂/α) − L(θ′))/(1 + L(θ′)), the constant function's excess loss. */
    public ReadOnlyStringProperty excessTextProperty() {
        return excessText.getReadOnlyProperty();
    }

    /** Whether the red ball reaches θ₁ = 0, with the distance from θ′ to (0, θ₂/α). */
    public ReadOnlyStringProperty reachTextProperty() {
        return reachText.getReadOnlyProperty();
    }

    /** The last failure, one line, or {@code null}. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    @Override
    public String figureName() {
        return "fig4";
    }

    @Override
    public java.util.Map<String, Double> exportSettings() {
        java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
        m.put("theta1", theta1Property().get());
        m.put("theta2", theta2Property().get());
        m.put("epsilon", epsilonProperty().get());
        return m;
    }
}
