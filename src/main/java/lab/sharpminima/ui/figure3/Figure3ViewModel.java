package lab.sharpminima.ui.figure3;

import lab.sharpminima.ui.ExportableFigure;
import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import lab.sharpminima.export.figures.Figure3Chart;
import lab.sharpminima.figure.Figure3;
import lab.sharpminima.figure.LandscapeLayer;
import lab.sharpminima.figure.Presets;
import lab.sharpminima.figure.ToyProblem;
import lab.sharpminima.landscape.Window;
import lab.sharpminima.ui.BackgroundExecutor;
import lab.sharpminima.ui.SameThreadExecutor;
import lab.sharpminima.ui.overlay.LatestRequest;
import lab.sharpminima.ui.summary.Numbers;

/**
 * State and commands of the Figure 3 view (Dinh et al. 2017, Theorem 2): log10 α of
 * T_α(θ1, θ2) = (αθ1, θ2/α), the half-width r of B∞(r, θ) and the number k of boxes B∞, T_α(B∞), …,
 * T_α^{k−1}(B∞); read-only properties for the latest {@link Figure3.Data}, the landscape behind it and
 * the readouts (each area 4r², the running total k·4r², disjointness and the α from which it holds).
 * Holds no {@code Node}.
 *
 * <p>The landscape's window follows the boxes ({@link Figure3Chart#windowFor}). A request computes the
 * boxes (k ≤ 12 rectangles) on the calling thread and shows them at once; the landscape behind them covers {@link #layerWindow}
 * (the boxes' window widened to a ladder, so that nearby α share one layer) and comes from a small
 * cache, or, on a miss, from a second background request that follows (the view sets its axes to the
 * boxes' window meanwhile: a slider step never waits for a 256×256 grid). While α moves, the layer shown
 * stays as long as it holds the boxes ({@link #movingWindow}), a new one reaches ahead of them, and the
 * next is computed in advance from the boxes' last move; the view calls {@link #settle} once the slider
 * is still, for the tight layer.
 * Requests carry generation numbers and coalesce (latest wins); a stale result is dropped, never shown.
 * Confined to the FX thread (or the test's thread with a same-thread executor).
 */
public final class Figure3ViewModel implements ExportableFigure {

    private static final System.Logger LOG = System.getLogger(Figure3ViewModel.class.getName());

    /** The slider's range of log10 α: α ∈ [0.1, 10]. */
    public static final double MIN_EXPONENT = -1;
    public static final double MAX_EXPONENT = 1;
    /** The range of r. */
    public static final double MIN_RADIUS = 0.05;
    public static final double MAX_RADIUS = 1.5;
    /** The range of k (boxes, B∞ included). */
    public static final int MIN_COUNT = 1;
    public static final int MAX_COUNT = 12;
    /** How much longer than the boxes' window, per axis, the layer shown may stay while the boxes move. */
    static final double LOOSE = 2.5;
    /** How far a new layer reaches beyond the boxes on the sides they are moving out to, in spans of their window. */
    static final double AHEAD = 0.6;
    /** How many landscape layers are kept (a 256×256 layer holds about 1 MB). */
    static final int CACHED_LAYERS = 24;

    private final ToyProblem problem;
    private final LandscapeLayer.Settings landscapeSettings;
    private final Figure3.Settings preset;

    private final ReadOnlyObjectWrapper<LandscapeLayer> landscape = new ReadOnlyObjectWrapper<>(this, "landscape");
    private final ReadOnlyObjectWrapper<Figure3.Data> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final ReadOnlyDoubleWrapper alphaExponent = new ReadOnlyDoubleWrapper(this, "alphaExponent");
    private final ReadOnlyDoubleWrapper radius = new ReadOnlyDoubleWrapper(this, "radius");
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count");
    private final ReadOnlyStringWrapper alphaText = new ReadOnlyStringWrapper(this, "alphaText");
    private final ReadOnlyStringWrapper areasText = new ReadOnlyStringWrapper(this, "areasText", "—");
    private final ReadOnlyDoubleWrapper area = new ReadOnlyDoubleWrapper(this, "area", Double.NaN);
    private final ReadOnlyDoubleWrapper total = new ReadOnlyDoubleWrapper(this, "total", Double.NaN);
    private final ReadOnlyStringWrapper totalText = new ReadOnlyStringWrapper(this, "totalText", "—");
    private final ReadOnlyStringWrapper disjointText = new ReadOnlyStringWrapper(this, "disjointText", "—");
    private final ReadOnlyStringWrapper disjointAlphaText = new ReadOnlyStringWrapper(this, "disjointAlphaText", "—");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final LatestRequest<Figure3.Settings, Figure3.Data> requests;
    private final LatestRequest<Window, LandscapeLayer> landscapes;
    /** Layers by window, most recently used last; read and written by the background computations. */
    private final Map<Window, LandscapeLayer> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Window, LandscapeLayer> eldest) {
                    return size() > CACHED_LAYERS;
                }
            });
    private final BackgroundExecutor executor;
    /** Layer windows computed ahead and not yet in the cache. */
    private final java.util.Set<Window> prefetching = new java.util.HashSet<>();
    private boolean started;
    /** The layer window of the boxes shown last. */
    private Window wantedWindow;
    /** The boxes' window shown last ({@link Figure3Chart#windowFor}). */
    private Window shownBoxes;

    public Figure3ViewModel(BackgroundExecutor executor) {
        this(executor, ToyProblem.of(Presets.toy()), Presets.landscape(), Presets.figure3());
    }

    /** landscape gives the grid's steps, levels and equal-function curves; its window is replaced. */
    public Figure3ViewModel(BackgroundExecutor executor, ToyProblem problem, LandscapeLayer.Settings landscape,
                            Figure3.Settings preset) {
        // The boxes are k ≤ 12 rectangles, computed at once: behind a landscape on the one worker, they would wait for it.
        this.requests = new LatestRequest<>(new SameThreadExecutor(), Figure3::build, this::show, this::fail);
        this.landscapes = new LatestRequest<>(executor, this::layer, this::landscapeArrived, this::fail);
        this.executor = executor;
        this.problem = problem;
        this.landscapeSettings = landscape;
        this.preset = preset;
        setState(Math.log10(preset.alpha()), preset.radius(), preset.count());
    }

    /** Computes the first boxes and their landscape in the background. */
    public void start() {
        if (!started) {
            started = true;
            request();
        }
    }

    /** Sets log10 α, clamped to [{@value #MIN_EXPONENT}, {@value #MAX_EXPONENT}]. */
    public void setAlphaExponent(double x) {
        if (!Double.isNaN(x)) {
            alphaExponent.set(clamp(x, MIN_EXPONENT, MAX_EXPONENT));
            alphaText.set(formatAlpha(alphaExponent.get()));
            request();
        }
    }

    /** Sets r, clamped to [{@value #MIN_RADIUS}, {@value #MAX_RADIUS}]. */
    public void setRadius(double r) {
        if (!Double.isNaN(r)) {
            radius.set(clamp(r, MIN_RADIUS, MAX_RADIUS));
            request();
        }
    }

    /** Sets k, clamped to [{@value #MIN_COUNT}, {@value #MAX_COUNT}]. */
    public void setCount(int k) {
        count.set(Math.max(MIN_COUNT, Math.min(MAX_COUNT, k)));
        request();
    }

    /** Back to the preset: B∞(0.25, (1, 1)), α = 2, k = 4. */
    public void reset() {
        setState(Math.log10(preset.alpha()), preset.radius(), preset.count());
        request();
    }

    private void setState(double x, double r, int k) {
        alphaExponent.set(x);
        alphaText.set(formatAlpha(x));
        radius.set(r);
        count.set(k);
    }

    /** L(a, b) of the toy problem, for the hover readout. */
    public double lossAt(double a, double b) {
        return problem.loss().value(new double[] {a, b});
    }

    /** α = 10^x of the current state. */
    public double alpha() {
        return Math.pow(10, alphaExponent.get());
    }

    private void request() {
        if (!started) {
            return;
        }
        Figure3.Settings s;
        try {
            s = new Figure3.Settings(preset.theta1(), preset.theta2(), radius.get(), alpha(), count.get());
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        requests.submit(s);
    }

    /** The landscape over w, computed and cached. */
    private LandscapeLayer layer(Window w) {
        LandscapeLayer cached = cache.get(w);
        if (cached != null) {
            return cached;
        }
        LandscapeLayer.Settings ls = new LandscapeLayer.Settings(w, landscapeSettings.steps(),
                landscapeSettings.levels(), landscapeSettings.products());
        LandscapeLayer built = LandscapeLayer.build(problem, ls);
        Figure3Chart.prepare(built);
        cache.put(w, built);
        return built;
    }

    /**
     * The window of the landscape behind d: {@link Figure3Chart#windowFor} with each side moved out to
     * a multiple of u = 2^⌈log2 span⌉/16 along its axis (at most an eighth of the span per side), so
     * that the layer changes only when a side crosses a rung and boxes nearby share it.
     */
    public static Window layerWindow(Figure3.Data d) {
        return ladder(Figure3Chart.windowFor(d));
    }

    private static double rung(double span) {
        return Math.scalb(1.0, Math.getExponent(span) + 1) / 16;
    }

    /** w snapped outward to the ladder of {@link #layerWindow(Figure3.Data)}. */
    static Window ladder(Window w) {
        double ua = rung(w.a1() - w.a0());
        double ub = rung(w.b1() - w.b0());
        return new Window(Math.floor(w.a0() / ua) * ua, Math.ceil(w.a1() / ua) * ua,
                Math.floor(w.b0() / ub) * ub, Math.ceil(w.b1() / ub) * ub);
    }

    /**
     * The layer window for boxes whose window is now {@code boxes} and was {@code before} (or {@code null}),
     * while they move: {@code current} while it holds them and is at most {@value #LOOSE} times as long
     * on each axis (a drag's small steps then keep one landscape, and the view only redraws the boxes);
     * else the kept window ({@code kept}) that does so with the least area; else the boxes' window
     * reaching {@value #AHEAD} of its span further on each side that moved out since before (unless the
     * move was a jump, {@link #continues}), on the ladder. At rest the view asks for the tight {@link #layerWindow(Figure3.Data)} ({@link #settle}).
     */
    static Window movingWindow(Window boxes, Window before, Window current, Iterable<Window> kept) {
        if (current != null && holds(current, boxes)) {
            return current;
        }
        Window best = null;
        for (Window k : kept) {
            if (holds(k, boxes) && (best == null || k.area() < best.area())) {
                best = k;
            }
        }
        // After a jump, no reach ahead: the next move is not likely to be another like it.
        return best != null ? best : ladder(before != null && continues(boxes, before) ? ahead(boxes, before, AHEAD) : boxes);
    }

    /** Whether layer holds the boxes' window and is at most {@value #LOOSE} times as long on each axis. */
    static boolean holds(Window layer, Window boxes) {
        return layer.contains(boxes) && layer.width() <= LOOSE * boxes.width()
                && layer.height() <= LOOSE * boxes.height();
    }

    /**
     * w with each side that moved out since before by more than {@value #MOVED} of the span (none when
     * before is null) pushed out by by × its span, not across 0 (the boxes' margins drift with their
     * span: a side held by B∞ barely moves, and the sign of θ is another landscape).
     */
    static Window ahead(Window w, Window before, double by) {
        if (before == null) {
            return w;
        }
        double sa = w.a1() - w.a0();
        double sb = w.b1() - w.b0();
        return new Window(before.a0() - w.a0() > MOVED * sa ? out(w.a0(), -by * sa) : w.a0(),
                w.a1() - before.a1() > MOVED * sa ? out(w.a1(), by * sa) : w.a1(),
                before.b0() - w.b0() > MOVED * sb ? out(w.b0(), -by * sb) : w.b0(),
                w.b1() - before.b1() > MOVED * sb ? out(w.b1(), by * sb) : w.b1());
    }

    /** Fraction of a span a side must move by to count as moving. */
    static final double MOVED = 0.02;

    private static double out(double side, double by) {
        double moved = side + by;
        return side >= 0 && moved < 0 || side <= 0 && moved > 0 ? 0 : moved;
    }

    /** The boxes' window n more steps of the move from before to w (each side moved as far again, n times). */
    static Window extrapolate(Window w, Window before, int n) {
        return new Window(w.a0() + n * Math.min(0, w.a0() - before.a0()), w.a1() + n * Math.max(0, w.a1() - before.a1()),
                w.b0() + n * Math.min(0, w.b0() - before.b0()), w.b1() + n * Math.max(0, w.b1() - before.b1()));
    }

    /** The boxes computed, and the landscape behind them: kept, or asked for. */
    private void show(Figure3.Data d) {
        error.set(null);
        double[] areas = d.areas();
        double[] running = d.runningTotal();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < areas.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(Numbers.format(areas[i]));
        }
        areasText.set(sb.toString());
        area.set(areas[0]);
        total.set(running[running.length - 1]);
        totalText.set(Numbers.format(total.get()));
        disjointText.set(d.disjoint() ? "yes" : "no");
        disjointAlphaText.set(formatThreshold(d.disjointAlpha()));
        Window boxes = Figure3Chart.windowFor(d);
        Window before = shownBoxes;
        shownBoxes = boxes;
        // The first boxes, and a change of r or k, get their tight layer; α's moves keep one while it holds them.
        boolean moving = before != null && wantedWindow != null && sameShape(d, data.get());
        wantedWindow = moving ? movingWindow(boxes, before, wantedWindow, keptWindows()) : layerWindow(d);
        showOrCompute(wantedWindow);
        // Two more steps like this one would leave the layer: the next one is computed now, from one step on.
        // Not after a jump: the next move is not likely to be another like it, and a layer computed ahead
        // would be the smallest that holds the boxes at the next jump, new to the view, instead of the one
        // it showed there before.
        if (moving && continues(boxes, before) && !holds(wantedWindow, extrapolate(boxes, before, 2))) {
            Window next = extrapolate(boxes, before, 1);
            prefetch(movingWindow(next, boxes, null, keptWindows()));
        }
        data.set(d);
    }

    /**
     * Whether the boxes' window w continues the move from before: each side moved by at most the smaller
     * of the two spans along its axis (a drag or an arrow key, not a jump across the range).
     */
    static boolean continues(Window w, Window before) {
        double sa = Math.min(w.a1() - w.a0(), before.a1() - before.a0());
        double sb = Math.min(w.b1() - w.b0(), before.b1() - before.b0());
        return Math.abs(w.a0() - before.a0()) <= sa && Math.abs(w.a1() - before.a1()) <= sa
                && Math.abs(w.b0() - before.b0()) <= sb && Math.abs(w.b1() - before.b1()) <= sb;
    }

    /**
     * Whether the boxes shown are waiting for their landscape: the one shown does not hold them (a
     * frame over it would have to take the boxes' window for its axes, with a blank strip), and the one
     * that will is being computed. The view then holds its next frame back a moment
     * ({@link Figure3View}): with the toy's closed form a layer takes a few milliseconds, against a
     * whole chart drawn twice.
     */
    public boolean awaitingLandscape() {
        Figure3.Data d = data.get();
        LandscapeLayer shown = landscape.get();
        if (d == null || wantedWindow == null || shown != null && shown.grid().window().equals(wantedWindow)) {
            return false;
        }
        if (shown == null) {
            return true;
        }
        return !shown.grid().window().contains(Figure3Chart.windowFor(d));
    }

    /** How many landscapes are kept (shown, or computed ahead). */
    int keptLayers() {
        return cache.size();
    }

    /** Whether d differs from shown only by α (same r, k and centre). */
    private static boolean sameShape(Figure3.Data d, Figure3.Data shown) {
        if (shown == null) {
            return false;
        }
        Figure3.Settings a = d.settings();
        Figure3.Settings b = shown.settings();
        return a.radius() == b.radius() && a.count() == b.count() && a.theta1() == b.theta1() && a.theta2() == b.theta2();
    }

    private java.util.List<Window> keptWindows() {
        synchronized (cache) {
            return new java.util.ArrayList<>(cache.keySet());
        }
    }

    /** Shows the kept layer over w, or asks for it (latest request wins). */
    private void showOrCompute(Window w) {
        LandscapeLayer kept = cache.get(w);
        if (kept == null) {
            landscapes.submit(w);
        } else {
            showLandscape(kept);
        }
    }

    /** Computes the layer over w in the background, kept for later and not shown, unless kept or under way. */
    private void prefetch(Window w) {
        if (w.equals(wantedWindow) || cache.containsKey(w) || !prefetching.add(w)) {
            return;
        }
        executor.execute(() -> layer(w), l -> prefetching.remove(w), t -> {
            prefetching.remove(w);
            LOG.log(Level.WARNING, "a Figure 3 landscape computed ahead failed", t);
        });
    }

    /**
     * After a move: the tight layer of the boxes shown ({@link #layerWindow(Figure3.Data)}) in place of
     * the loose one kept while they moved. The view calls this once its slider has been still a moment.
     */
    public void settle() {
        Figure3.Data d = data.get();
        if (d == null) {
            return;
        }
        Window tight = layerWindow(d);
        if (!tight.equals(wantedWindow)) {
            wantedWindow = tight;
            showOrCompute(tight);
        }
    }

    /**
     * A layer computed after a miss: shown unless the boxes have moved to another window since (it is
     * kept: a later step whose boxes it holds takes it, {@link #movingWindow}).
     */
    private void landscapeArrived(LandscapeLayer layer) {
        if (layer.grid().window().equals(wantedWindow)) {
            showLandscape(layer);
        }
    }

    private void showLandscape(LandscapeLayer layer) {
        if (layer != landscape.get()) {
            landscape.set(layer);
        }
    }

    /** "α ≥ 1.66667 (or α ≤ 0.6)", or "never (B∞ meets both axes)". */
    static String formatThreshold(double a) {
        if (Double.isInfinite(a)) {
            return "never (B∞ meets both axes)";
        }
        return "α ≥ " + Numbers.format(a) + " or α ≤ " + Numbers.format(1 / a);
    }

    private void fail(Throwable t) {
        LOG.log(Level.ERROR, "Figure 3 failed", t);
        error.set("Figure 3: the boxes could not be computed (" + t.getClass().getSimpleName() + ": "
                + t.getMessage() + ")");
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** "α = 2   ·   log₁₀ α = 0.3". */
    static String formatAlpha(double x) {
        String exp = String.format(Locale.ROOT, "%.2f", x).replaceAll("0+$", "").replaceAll("\\.$", "");
        if (exp.equals("-0")) {
            exp = "0";
        }
        return "α = " + Numbers.format(Math.pow(10, x)) + "   ·   log₁₀ α = " + exp.replace('-', '−');
    }

    /** The landscape behind the boxes (changes only when the boxes' window does). */
    public ReadOnlyObjectProperty<LandscapeLayer> landscapeProperty() {
        return landscape.getReadOnlyProperty();
    }

    /** The latest boxes shown (never stale); {@code null} before the first. */
    public ReadOnlyObjectProperty<Figure3.Data> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty alphaExponentProperty() {
        return alphaExponent.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty alphaTextProperty() {
        return alphaText.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty radiusProperty() {
        return radius.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** Each box's area, comma-separated (all 4r²: T_α has determinant 1). */
    public ReadOnlyStringProperty areasTextProperty() {
        return areasText.getReadOnlyProperty();
    }

    /** The area of B∞, 4r². */
    public ReadOnlyDoubleProperty areaProperty() {
        return area.getReadOnlyProperty();
    }

    /** The running total of the k areas, k·4r². */
    public ReadOnlyDoubleProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty totalTextProperty() {
        return totalText.getReadOnlyProperty();
    }

    /** "yes" when the boxes' interiors are pairwise disjoint, else "no". */
    public ReadOnlyStringProperty disjointTextProperty() {
        return disjointText.getReadOnlyProperty();
    }

    /** The α from which the images are pairwise disjoint. */
    public ReadOnlyStringProperty disjointAlphaTextProperty() {
        return disjointAlphaText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** How many landscape requests were dropped as stale. */
    public ReadOnlyLongProperty droppedProperty() {
        return landscapes.droppedProperty();
    }

    @Override
    public String figureName() {
        return "fig3";
    }

    @Override
    public java.util.Map<String, Double> exportSettings() {
        java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
        m.put("theta1", preset.theta1());
        m.put("theta2", preset.theta2());
        m.put("radius", radiusProperty().get());
        m.put("alpha", alpha());
        m.put("count", (double) countProperty().get());
        return m;
    }
}
