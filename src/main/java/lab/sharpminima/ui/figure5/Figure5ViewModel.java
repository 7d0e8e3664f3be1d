package lab.sharpminima.ui.figure5;

import lab.sharpminima.ui.ExportableFigure;
import java.lang.System.Logger.Level;
import java.util.List;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import lab.sharpminima.figure.Figure5;
import lab.sharpminima.figure.Presets;
import lab.sharpminima.ui.BackgroundExecutor;
import lab.sharpminima.ui.overlay.LatestRequest;
import lab.sharpminima.ui.summary.Numbers;

/**
 * State and commands of the Figure 5 view (Dinh et al. 2017, Section 5): for each of the two radial
 * reparametrizations η = (|θ − θ̂|² + b)^a (θ − θ̂), its a, log10 b and θ̂; read-only properties for the
 * latest {@link Figure5.Data} and the curvature d²L/d(coordinate)² at each of the three minima, in θ
 * and in each η (= L''(θ*)·(dθ/dη)², the first-order term vanishing at a critical point). Holds no
 * {@code Node}.
 *
 * <p>Requests carry generation numbers and coalesce (latest wins); a stale result is dropped, never
 * shown. Confined to the FX thread (or the test's thread with a same-thread executor).
 */
public final class Figure5ViewModel implements ExportableFigure {

    private static final System.Logger LOG = System.getLogger(Figure5ViewModel.class.getName());

    /** The range of a (a &gt; −½ keeps η increasing in θ). */
    public static final double MIN_A = -0.45;
    public static final double MAX_A = 1.5;
    /** The range of log10 b: b ∈ [1e-4, 1]. */
    public static final double MIN_LOG_B = -4;
    public static final double MAX_LOG_B = 0;

    private final Figure5.Settings preset;
    /** One per map (index 0: η₁, 1: η₂). */
    private final MapState[] maps = {new MapState(1), new MapState(2)};
    /** curvatures[c][m]: coordinate c (0: θ, 1: η₁, 2: η₂), minimum m (left to right). */
    private final Readout[][] curvatures = new Readout[3][3];
    private final ReadOnlyObjectWrapper<Figure5.Data> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyObjectWrapper<Figure5.Settings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private final LatestRequest<Figure5.Settings, Figure5.Data> requests;

    private boolean started;

    public Figure5ViewModel(BackgroundExecutor executor) {
        this(executor, Presets.figure5());
    }

    public Figure5ViewModel(BackgroundExecutor executor, Figure5.Settings preset) {
        this.preset = preset;
        this.requests = new LatestRequest<>(executor, Figure5::build, this::show, this::fail);
        for (int c = 0; c < 3; c++) {
            for (int m = 0; m < 3; m++) {
                curvatures[c][m] = new Readout("curvature" + c + m);
            }
        }
        setState();
    }

    private void setState() {
        maps[0].set(preset.first());
        maps[1].set(preset.second());
    }

    /** Computes the first panels in the background. */
    public void start() {
        if (!started) {
            started = true;
            request();
        }
    }

    /** The first (i = 1) or second (i = 2) map. */
    public MapState map(int i) {
        return maps[i - 1];
    }

    /** Back to the preset of the paper's figure. */
    public void reset() {
        setState();
        request();
    }

    /** L(θ), for the hover readout. */
    public double lossAt(double theta) {
        return Figure5.loss(theta);
    }

    private void request() {
        if (!started) {
            return;
        }
        Figure5.Settings s;
        try {
            s = new Figure5.Settings(preset.lo(), preset.hi(), preset.samples(), preset.gridPoints(),
                    maps[0].reparam(), maps[1].reparam());
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        settings.set(s);
        requests.submit(s);
    }

    private void fail(Throwable t) {
        LOG.log(Level.ERROR, "Figure 5 failed", t);
        error.set("Figure 5: the panels could not be computed (" + t.getClass().getSimpleName() + ": "
                + t.getMessage() + ")");
    }

    private void show(Figure5.Data d) {
        error.set(null);
        List<Figure5.Panel> panels = d.panels();
        for (int c = 0; c < 3; c++) {
            double[] k = panels.get(c).curvatures();
            for (int m = 0; m < 3; m++) {
                curvatures[c][m].set(k[m]);
            }
        }
        data.set(d);
    }

    /**
     * The settings of the latest request (a, b and θ̂ of both maps over the preset's θ range), set when
     * the request is made, before its panels are computed; {@code null} before {@link #start}. A view
     * that draws off the FX thread builds the panels of these itself ({@link Figure5#build} is fast).
     */
    public ReadOnlyObjectProperty<Figure5.Settings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    /** The latest panels shown (never stale); {@code null} before the first. */
    public ReadOnlyObjectProperty<Figure5.Data> dataProperty() {
        return data.getReadOnlyProperty();
    }

    /**
     * d²L/d(coordinate)² at a minimum: coordinate 0 is θ, 1 is η₁, 2 is η₂; minimum 0, 1, 2 from left
     * to right (near θ = −2, 0, 2).
     */
    public Readout curvature(int coordinate, int minimum) {
        return curvatures[coordinate][minimum];
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** How many requests were dropped as stale. */
    public ReadOnlyLongProperty droppedProperty() {
        return requests.droppedProperty();
    }

    /** One radial map's a, log10 b and θ̂, with clamping commands. */
    public final class MapState {
        private final ReadOnlyDoubleWrapper a;
        private final ReadOnlyDoubleWrapper logB;
        private final ReadOnlyDoubleWrapper centre;

        private MapState(int i) {
            a = new ReadOnlyDoubleWrapper(Figure5ViewModel.this, "a" + i);
            logB = new ReadOnlyDoubleWrapper(Figure5ViewModel.this, "logB" + i);
            centre = new ReadOnlyDoubleWrapper(Figure5ViewModel.this, "centre" + i);
        }

        private void set(Figure5.Reparam r) {
            a.set(r.a());
            logB.set(r.b() > 0 ? Math.log10(r.b()) : MIN_LOG_B);
            centre.set(r.centre());
        }

        Figure5.Reparam reparam() {
            return new Figure5.Reparam(a.get(), Math.pow(10, logB.get()), centre.get());
        }

        /** Sets a, clamped to [{@value #MIN_A}, {@value #MAX_A}]. */
        public void setA(double v) {
            if (!Double.isNaN(v)) {
                a.set(clamp(v, MIN_A, MAX_A));
                request();
            }
        }

        /** Sets log10 b, clamped to [{@value #MIN_LOG_B}, {@value #MAX_LOG_B}]. */
        public void setLogB(double v) {
            if (!Double.isNaN(v)) {
                logB.set(clamp(v, MIN_LOG_B, MAX_LOG_B));
                request();
            }
        }

        /** Sets θ̂, clamped to the θ range. */
        public void setCentre(double v) {
            if (!Double.isNaN(v)) {
                centre.set(clamp(v, preset.lo(), preset.hi()));
                request();
            }
        }

        public ReadOnlyDoubleProperty aProperty() {
            return a.getReadOnlyProperty();
        }

        public ReadOnlyDoubleProperty logBProperty() {
            return logB.getReadOnlyProperty();
        }

        public ReadOnlyDoubleProperty centreProperty() {
            return centre.getReadOnlyProperty();
        }

        /** b = 10^(log10 b). */
        public double b() {
            return Math.pow(10, logB.get());
        }
    }

    /** One readout: the raw value and its text ("—" until the first result). */
    public final class Readout {
        private final ReadOnlyDoubleWrapper value;
        private final ReadOnlyStringWrapper text;

        private Readout(String name) {
            value = new ReadOnlyDoubleWrapper(Figure5ViewModel.this, name, Double.NaN);
            text = new ReadOnlyStringWrapper(Figure5ViewModel.this, name + "Text", "—");
        }

        private void set(double v) {
            value.set(v);
            text.set(readoutText(v));
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

    /** A readout's text for a value: "—" for NaN (none yet), else {@link Numbers#format}. */
    public static String readoutText(double v) {
        return Double.isNaN(v) ? "—" : Numbers.format(v);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    @Override
    public String figureName() {
        return "fig5";
    }

    @Override
    public java.util.Map<String, Double> exportSettings() {
        java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= 2; i++) {
            m.put("a" + i, map(i).aProperty().get());
            m.put("b" + i, map(i).b());
            m.put("centre" + i, map(i).centreProperty().get());
        }
        return m;
    }
}
