package lab.sharpminima.export.figures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import lab.sharpminima.export.ChartExport;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.figure.Figure1;
import lab.sharpminima.figure.Figure2;
import lab.sharpminima.figure.Figure3;
import lab.sharpminima.figure.Figure4;
import lab.sharpminima.figure.Figure5;
import lab.sharpminima.figure.LandscapeLayer;
import lab.sharpminima.figure.Presets;
import lab.sharpminima.figure.ToyProblem;
import lab.sharpminima.landscape.Window;
import org.jfree.chart.JFreeChart;

/**
 * The paper's Figures 1–5 as charts from {@link Presets}, with optional setting overrides, and the
 * plain-argument entry point of the {@code render} command (which may not see AWT or JFreeChart).
 * Overrides by figure: fig1 theta, epsilon; fig2 theta1, theta2, alpha, epsilon; fig3 theta1, theta2,
 * radius, alpha, count; fig4 theta1, theta2, epsilon; fig5 a1, b1, centre1, a2, b2, centre2.
 */
public final class FigureRenderer {

    /** The figure names, in order. */
    public static final List<String> NAMES = List.of("fig1", "fig2", "fig3", "fig4", "fig5");

    private static final Map<String, Set<String>> KEYS = Map.of(
            "fig1", Set.of("theta", "epsilon"),
            "fig2", Set.of("theta1", "theta2", "alpha", "epsilon"),
            "fig3", Set.of("theta1", "theta2", "radius", "alpha", "count"),
            "fig4", Set.of("theta1", "theta2", "epsilon"),
            "fig5", Set.of("a1", "b1", "centre1", "a2", "b2", "centre2"));

    private FigureRenderer() {
    }

    /**
     * The preset chart of a figure. width and height (points) are the size it will be drawn at; the
     * present charts lay themselves out at draw time and do not need them, so they are only checked.
     *
     * @throws IllegalArgumentException for an unknown name or a size below 1
     */
    public static JFreeChart render(String name, ChartTheme theme, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("width and height must be at least 1, got " + width + " × " + height);
        }
        return render(name, Map.of(), theme);
    }

    /**
     * The chart of a figure with the given setting overrides.
     *
     * @throws IllegalArgumentException naming the figure, key or setting that is wrong
     */
    public static JFreeChart render(String name, Map<String, Double> overrides, ChartTheme theme) {
        check(name, overrides);
        Map<String, Double> o = new HashMap<>(overrides);
        return switch (name) {
            case "fig1" -> fig1(o, theme);
            case "fig2" -> fig2(o, theme);
            case "fig3" -> fig3(o, theme);
            case "fig4" -> fig4(o, theme);
            default -> fig5(o, theme);
        };
    }

    /**
     * Renders a figure to a file (.png, .svg or .pdf), atomically. All arguments are checked before
     * anything is drawn or written.
     *
     * @throws IllegalArgumentException for a bad name, key, setting, extension, size or scale
     * @throws IOException when the file cannot be written
     */
    public static void write(String name, Map<String, Double> overrides, Path out, int width, int height, int scale,
                             boolean presentation) throws IOException {
        ChartExport.Format.of(out);
        if (width < 1 || height < 1 || width > ChartExport.MAX_SIDE || height > ChartExport.MAX_SIDE) {
            throw new IllegalArgumentException("--width and --height must be 1 … " + ChartExport.MAX_SIDE
                    + ", got " + width + " × " + height);
        }
        if (scale < 1 || scale > ChartExport.MAX_SCALE) {
            throw new IllegalArgumentException("--scale must be 1 … " + ChartExport.MAX_SCALE + ", got " + scale);
        }
        ChartTheme theme = presentation ? ChartTheme.presentation() : ChartTheme.standard();
        JFreeChart chart = render(name, overrides, theme);
        ChartExport.write(chart, out, width, height, scale);
    }

    /** @throws IllegalArgumentException for an unknown figure or override key, or a non-finite value */
    public static void check(String name, Map<String, Double> overrides) {
        Set<String> keys = KEYS.get(name);
        if (keys == null) {
            throw new IllegalArgumentException("unknown figure '" + name + "'; use one of " + NAMES);
        }
        for (Map.Entry<String, Double> e : overrides.entrySet()) {
            if (!keys.contains(e.getKey())) {
                throw new IllegalArgumentException("unknown preset key '" + e.getKey() + "' for " + name
                        + "; known keys: " + new TreeSet<>(keys));
            }
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("preset key '" + e.getKey() + "' must be a finite number");
            }
        }
    }

    private static double get(Map<String, Double> o, String key, double preset) {
        return o.getOrDefault(key, preset);
    }

    private static JFreeChart fig1(Map<String, Double> o, ChartTheme theme) {
        Figure1.Settings p = Presets.figure1();
        Figure1.Settings s = new Figure1.Settings(get(o, "theta", p.theta()), get(o, "epsilon", p.epsilon()), p.lo(),
                p.hi(), p.samples());
        Figure1.Data d = Figure1.build(s);
        Figure1Chart c = new Figure1Chart(d.curve(), theme);
        c.showOverlay(d.overlay());
        return c.chart();
    }

    private static JFreeChart fig2(Map<String, Double> o, ChartTheme theme) {
        Figure2.Settings p = Presets.figure2();
        Figure2.Settings s = new Figure2.Settings(get(o, "theta1", p.theta1()), get(o, "theta2", p.theta2()),
                get(o, "alpha", p.alpha()), get(o, "epsilon", p.epsilon()));
        ToyProblem toy = ToyProblem.of(Presets.toy());
        LandscapeLayer.Settings ls = Presets.landscape();
        Figure2Chart c = new Figure2Chart(LandscapeLayer.build(toy, ls), theme);
        c.showOverlay(Figure2.overlay(toy, ls.window(), s));
        return c.chart();
    }

    private static JFreeChart fig3(Map<String, Double> o, ChartTheme theme) {
        Figure3.Settings p = Presets.figure3();
        double count = get(o, "count", p.count());
        if (count != Math.rint(count)) {
            throw new IllegalArgumentException("preset key 'count' must be a whole number, got " + count);
        }
        Figure3.Settings s = new Figure3.Settings(get(o, "theta1", p.theta1()), get(o, "theta2", p.theta2()),
                get(o, "radius", p.radius()), get(o, "alpha", p.alpha()), (int) Math.max(-1, Math.min(1e6, count)));
        Figure3.Data d = Figure3.build(s);
        ToyProblem toy = ToyProblem.of(Presets.toy());
        LandscapeLayer.Settings base = Presets.landscape();
        Window w = Figure3Chart.windowFor(d);
        LandscapeLayer.Settings ls = new LandscapeLayer.Settings(w, base.steps(), base.levels(), base.products());
        Figure3Chart c = new Figure3Chart(LandscapeLayer.build(toy, ls), theme);
        c.showBoxes(d);
        return c.chart();
    }

    private static JFreeChart fig4(Map<String, Double> o, ChartTheme theme) {
        Figure4.Settings p = Presets.figure4();
        Figure4.Settings s = new Figure4.Settings(get(o, "theta1", p.theta1()), get(o, "theta2", p.theta2()),
                get(o, "epsilon", p.epsilon()), p.restarts());
        ToyProblem toy = ToyProblem.of(Presets.toy());
        LandscapeLayer.Settings ls = Presets.landscapeAcrossAxis();
        Figure4Chart c = new Figure4Chart(LandscapeLayer.build(toy, ls), theme);
        c.showOverlay(Figure4.build(toy, ls.window(), s));
        return c.chart();
    }

    private static JFreeChart fig5(Map<String, Double> o, ChartTheme theme) {
        Figure5.Settings p = Presets.figure5();
        Figure5.Reparam f = p.first();
        Figure5.Reparam g = p.second();
        Figure5.Settings s = new Figure5.Settings(p.lo(), p.hi(), p.samples(), p.gridPoints(),
                new Figure5.Reparam(get(o, "a1", f.a()), get(o, "b1", f.b()), get(o, "centre1", f.centre())),
                new Figure5.Reparam(get(o, "a2", g.a()), get(o, "b2", g.b()), get(o, "centre2", g.centre())));
        Figure5.Data d = Figure5.build(s);
        Figure5Chart c = new Figure5Chart(d.panels().get(0), theme);
        c.showOverlay(d);
        return c.chart();
    }
}
