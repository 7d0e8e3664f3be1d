package lab.sharpminima.ui.lab;

import java.awt.Color;
import java.util.List;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.export.ColorMaps;
import lab.sharpminima.export.ColorScale;
import lab.sharpminima.export.ContourRenderer;
import lab.sharpminima.export.HeatMapImage;
import lab.sharpminima.landscape.Contours;
import lab.sharpminima.landscape.Interpolation;
import lab.sharpminima.landscape.LossGrid;
import lab.sharpminima.landscape.Polyline;
import lab.sharpminima.landscape.Window;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The Landscape panel's charts, drawn as Figures 2–4 draw the toy landscape (export/figures LandscapePlot):
 * the loss as a heat map on a log viridis scale with translucent white level curves (marching squares,
 * {@link Contours}), θ as a vermillion dot at (0, 0) and the training trajectory as a polyline; the 1-D
 * slices and the interpolation between two minima as line charts. The same builders serve the screen
 * and File → Export view….
 */
public final class LandscapeCharts {

    private static final Color CONTOUR = new Color(255, 255, 255, 120);
    private static final Color PATH = new Color(0xE69F00);
    private static final Color THETA = ColorMaps.OKABE_ITO.get(1);
    /** Level curves per decade of the log colour scale. */
    private static final int LEVELS_PER_DECADE = 3;

    private LandscapeCharts() {
    }

    /** One log scale for several grids (θ and T_α θ share colours, so a changed slice shows). */
    public static ColorScale scale(LossGrid... grids) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (LossGrid g : grids) {
            if (g == null) {
                continue;
            }
            for (double[] row : g.rows()) {
                for (double v : row) {
                    if (v > 0 && Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        if (!(hi > 0)) {
            return ColorScale.logarithmic(ColorMaps.VIRIDIS, 1e-3, 1);
        }
        lo = Math.max(lo, hi * 1e-6);
        return ColorScale.logarithmic(ColorMaps.VIRIDIS, lo, Math.max(hi, lo * 10));
    }

    /** The 2-D slice: heat map, level curves, the trajectory (if any) and θ at the centre. */
    public static JFreeChart plane(LandscapeSlice s, ColorScale scale, String title, ChartTheme theme) {
        LossGrid g = s.plane().grid();
        Window w = g.window();
        NumberAxis x = new NumberAxis("a (d₁)");
        NumberAxis y = new NumberAxis("b (d₂)");
        x.setRange(w.a0(), w.a1());
        y.setRange(w.b0(), w.b1());
        XYPlot plot = new XYPlot(new XYSeriesCollection(), x, y, new XYLineAndShapeRenderer(true, false));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.addAnnotation(HeatMapImage.annotation(g, scale), false);
        for (double level : levels(scale)) {
            List<Polyline> curves = Contours.levelCurves(g, level);
            if (!curves.isEmpty()) {
                ContourRenderer.addPolylines(plot, curves, CONTOUR, theme.stroke(0.45f));
            }
        }
        if (s.pathA().length >= 2) {
            ContourRenderer.addPath(plot, s.pathA(), s.pathB(), false, new Color(255, 255, 255, 200),
                    theme.stroke(2.0f));
            ContourRenderer.addPath(plot, s.pathA(), s.pathB(), false, PATH, theme.stroke(1.1f));
            ContourRenderer.addPoint(plot, s.pathA()[0], s.pathB()[0], PATH, 3.5);
        }
        ContourRenderer.addPoint(plot, 0, 0, THETA, 4.5);
        JFreeChart chart = new JFreeChart(title, plot);
        chart.removeLegend();
        theme.apply(chart);
        return chart;
    }

    /** Log-spaced levels inside the scale, {@link #LEVELS_PER_DECADE} per decade. */
    static double[] levels(ColorScale scale) {
        double l0 = Math.log10(scale.lo());
        double l1 = Math.log10(scale.hi());
        int n = Math.max(2, (int) Math.ceil((l1 - l0) * LEVELS_PER_DECADE));
        double[] out = new double[n - 1];
        for (int i = 1; i < n; i++) {
            out[i - 1] = Math.pow(10, l0 + i * (l1 - l0) / n);
        }
        return out;
    }

    /** The 1-D slices L(θ + a·d₁), and at T_α θ when given. */
    public static JFreeChart line(LandscapeSlice s, LandscapeSlice after, ChartTheme theme) {
        XYSeriesCollection ds = new XYSeriesCollection();
        ds.addSeries(series("θ", s.line().a(), s.line().loss()));
        if (after != null) {
            ds.addSeries(series("θ′", after.line().a(), after.line().loss()));
        }
        JFreeChart chart = ChartFactory.createXYLineChart(null, "a (d₁)", "L(θ + a·d₁)", ds);
        theme.apply(chart);
        chart.getXYPlot().getRenderer().setSeriesPaint(0, new Color(0x0072B2));
        chart.getXYPlot().getRenderer().setSeriesPaint(1, THETA);
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        return chart;
    }

    /** Train and test loss along (1 − t)·θ_A + t·θ_B (Keskar et al. 2017, Figure 3). */
    public static JFreeChart interpolation(Interpolation i, ChartTheme theme) {
        XYSeriesCollection ds = new XYSeriesCollection();
        ds.addSeries(series("train", i.t(), i.train()));
        if (i.test() != null) {
            ds.addSeries(series("test", i.t(), i.test()));
        }
        JFreeChart chart = ChartFactory.createXYLineChart(null, "t  (0: A, 1: B)", "loss", ds);
        theme.apply(chart);
        chart.getXYPlot().getRenderer().setSeriesPaint(0, new Color(0x0072B2));
        chart.getXYPlot().getRenderer().setSeriesPaint(1, THETA);
        return chart;
    }

    private static XYSeries series(String name, double[] x, double[] y) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < x.length; i++) {
            s.add(x[i], y[i], false);
        }
        return s;
    }
}
