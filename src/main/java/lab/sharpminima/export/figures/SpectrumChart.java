package lab.sharpminima.export.figures;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.export.ColorMaps;
import lab.sharpminima.figure.SpectrumFigure;
import lab.sharpminima.linalg.SpectralDensity;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Drawable;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The Hessian-spectrum figure (Section 4.2 of Dinh et al. 2017) from {@link SpectrumFigure.Data}: the
 * eigenvalues λ_i of ∇²L as bars (positive in Okabe–Ito blue, negative in vermillion), on a linear or
 * a log₁₀|λ| scale, and the SLQ spectral density ρ(λ), before and after the map. The Spectrum view
 * shows the four charts of {@link #charts}; {@link #drawing} lays out the same four charts 2 × 2 under
 * a header with the identity's numbers, for the {@code render} command and File → Export view….
 */
public final class SpectrumChart {

    public static final Color POSITIVE = ColorMaps.OKABE_ITO.get(0);
    public static final Color NEGATIVE = ColorMaps.OKABE_ITO.get(1);
    /** log₁₀|λ| below this is drawn at it: |λ| under 10⁻¹² is rounding noise of a double Hessian. */
    public static final double LOG_FLOOR = -12;

    /** The four charts of the figure: bars before and after, densities before and after. */
    public record Charts(JFreeChart barsBefore, JFreeChart barsAfter, JFreeChart densityBefore,
                         JFreeChart densityAfter) {
    }

    private SpectrumChart() {
    }

    /** The four charts for the data; the "after" titles name the moved point {@code data.moved()}. */
    public static Charts charts(SpectrumFigure.Data data, boolean log, ChartTheme theme) {
        return new Charts(
                eigenvalues(BARS_BEFORE, data.before().eigenvalues(), log, theme),
                eigenvalues(barsAfter(data), data.after().eigenvalues(), log, theme),
                density(DENSITY_BEFORE, data.before().density(), theme),
                density(densityAfter(data), data.after().density(), theme));
    }

    /** The charts' titles. */
    public static final String BARS_BEFORE = "Before: λ_i of ∇²L(θ)";
    public static final String DENSITY_BEFORE = "Density before: ∇²L(θ)";

    public static String barsAfter(SpectrumFigure.Data data) {
        return "After: λ_i of ∇²L(" + data.moved() + ")";
    }

    public static String densityAfter(SpectrumFigure.Data data) {
        return "Density after: ∇²L(" + data.moved() + ")";
    }

    /** The identity's line: "λ_max(D ∇²L(θ) D) = … · λ_max(∇²L(θ′)) recomputed = … · relative difference …". */
    public static String identityLine(SpectrumFigure.Data d) {
        return String.format(Locale.ROOT, "∇²L(%s) = D ∇²L(θ) D:  λ_max(D ∇²L(θ) D) = %.6g,  recomputed λ_max = %.6g,"
                + "  relative difference %.2g", d.moved(), d.predictedTop(), d.recomputedTop(), d.relativeDifference());
    }

    /** The four charts 2 × 2 under a title and the identity line: the exported figure. */
    public static Drawable drawing(SpectrumFigure.Data data, boolean log, ChartTheme theme) {
        Charts c = charts(data, log, theme);
        TextTitle title = new TextTitle("Hessian spectrum at θ and at " + data.moved() + ",  " + data.description(),
                theme.titleFont());
        TextTitle identity = new TextTitle(identityLine(data), theme.labelFont());
        return (Graphics2D g2, Rectangle2D area) -> {
            double y = area.getY();
            double h1 = title.arrange(g2).getHeight() + 4;
            title.draw(g2, new Rectangle2D.Double(area.getX(), y, area.getWidth(), h1));
            y += h1;
            double h2 = identity.arrange(g2).getHeight() + 4;
            identity.draw(g2, new Rectangle2D.Double(area.getX(), y, area.getWidth(), h2));
            y += h2;
            double w = area.getWidth() / 2;
            double h = (area.getMaxY() - y) / 2;
            c.barsBefore().draw(g2, new Rectangle2D.Double(area.getX(), y, w, h));
            c.barsAfter().draw(g2, new Rectangle2D.Double(area.getX() + w, y, w, h));
            c.densityBefore().draw(g2, new Rectangle2D.Double(area.getX(), y + h, w, h));
            c.densityAfter().draw(g2, new Rectangle2D.Double(area.getX() + w, y + h, w, h));
        };
    }

    /**
     * Bars at i = 1…n of λ_i, or of log₁₀|λ_i| (floored at −12) when {@code log}; the colour is the sign.
     */
    public static JFreeChart eigenvalues(String title, double[] values, boolean log, ChartTheme theme) {
        NumberAxis x = new NumberAxis("index i (λ descending)");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(log ? "log₁₀ |λ_i|" : "λ_i of ∇²L");
        y.setAutoRangeIncludesZero(true);
        SignBars bars = new SignBars();
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        if (log) {
            bars.setBase(LOG_FLOOR);
            y.setAutoRangeIncludesZero(false);
        }
        bars.values = values;
        XYPlot plot = new XYPlot(bars(values, log), x, y, bars);
        JFreeChart chart = new JFreeChart(title, plot);
        chart.removeLegend();
        theme.apply(chart);
        if (log) {
            y.setLowerBound(LOG_FLOOR);
        }
        return chart;
    }

    /**
     * Puts new eigenvalues and title into a chart made by {@link #eigenvalues} with the same {@code log}:
     * one dataset replaced with the chart's notification held, so the chart redraws once (a live view
     * updates its charts in place rather than building new ones per slider step).
     */
    public static void setEigenvalues(JFreeChart chart, String title, double[] values, boolean log) {
        XYPlot plot = chart.getXYPlot();
        chart.setNotify(false);
        try {
            ((SignBars) plot.getRenderer()).values = values;
            plot.setDataset(bars(values, log));
            chart.setTitle(title);
            if (log) {
                plot.getRangeAxis().setAutoRange(true);
                plot.getRangeAxis().setLowerBound(LOG_FLOOR);
            }
        } finally {
            chart.setNotify(true);
        }
    }

    /** Bars of λ_i (or log₁₀|λ_i|, floored) at i = 1…n, one series. */
    private static XYSeriesCollection bars(double[] values, boolean log) {
        XYSeries s = new XYSeries("λ", false, true);
        s.setNotify(false);
        for (int i = 0; i < values.length; i++) {
            s.add(i + 1, log ? Math.max(LOG_FLOOR, Math.log10(Math.abs(values[i]))) : values[i], false);
        }
        s.setNotify(true);
        return new XYSeriesCollection(s);
    }

    /** One series of bars, each coloured by the sign of its eigenvalue. */
    private static final class SignBars extends XYBarRenderer {
        private double[] values = new double[0];

        SignBars() {
            super(0.15);
        }

        @Override
        public Paint getItemPaint(int row, int column) {
            return column < values.length && values[column] < 0 ? NEGATIVE : POSITIVE;
        }
    }

    /** Puts a new curve and title into a chart made by {@link #density}: one redraw. */
    public static void setDensity(JFreeChart chart, String title, SpectralDensity.Curve curve) {
        chart.setNotify(false);
        try {
            chart.getXYPlot().setDataset(densitySeries(curve));
            chart.setTitle(title);
        } finally {
            chart.setNotify(true);
        }
    }

    private static XYSeriesCollection densitySeries(SpectralDensity.Curve curve) {
        XYSeries s = new XYSeries("ρ(λ)", false, true);
        double[] t = curve.grid();
        double[] rho = curve.density();
        for (int j = 0; j < t.length; j++) {
            s.add(t[j], rho[j], false);
        }
        return new XYSeriesCollection(s);
    }

    /** ρ_σ(λ) of {@link SpectralDensity#curve}, as a line. */
    public static JFreeChart density(String title, SpectralDensity.Curve curve, ChartTheme theme) {
        NumberAxis x = new NumberAxis("λ");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("density ρ(λ) (SLQ)");
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setDrawSeriesLineAsPath(true); // one path, not a draw call per segment: the live view redraws it per step
        XYPlot plot = new XYPlot(densitySeries(curve), x, y, line);
        JFreeChart chart = new JFreeChart(title, plot);
        chart.removeLegend();
        theme.apply(chart);
        line.setSeriesPaint(0, Color.BLACK);
        line.setSeriesStroke(0, theme.stroke(1));
        return chart;
    }
}
