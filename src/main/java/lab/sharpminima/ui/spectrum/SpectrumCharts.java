package lab.sharpminima.ui.spectrum;

import java.awt.Color;
import java.awt.Paint;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.export.ColorMaps;
import lab.sharpminima.linalg.SpectralDensity;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The Spectrum view's JFreeChart charts, styled by the export package's {@link ChartTheme}: the
 * eigenvalues λ_i of ∇²L as bars (positive in Okabe–Ito blue, negative in vermillion), on a linear
 * or a log₁₀|λ| scale, and the SLQ spectral density ρ(λ).
 */
final class SpectrumCharts {

    static final Color POSITIVE = ColorMaps.OKABE_ITO.get(0);
    static final Color NEGATIVE = ColorMaps.OKABE_ITO.get(1);
    /** log₁₀|λ| below this is drawn at it: |λ| under 10⁻¹² is rounding noise of a double Hessian. */
    static final double LOG_FLOOR = -12;

    private SpectrumCharts() {
    }

    /**
     * Bars at i = 1…n of λ_i, or of log₁₀|λ_i| (floored at −12) when {@code log}; the colour is the sign.
     */
    static JFreeChart eigenvalues(String title, double[] values, boolean log, ChartTheme theme) {
        XYSeries s = new XYSeries("λ", false, true);
        for (int i = 0; i < values.length; i++) {
            s.add(i + 1, log ? Math.max(LOG_FLOOR, Math.log10(Math.abs(values[i]))) : values[i]);
        }
        NumberAxis x = new NumberAxis("index i (λ descending)");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(log ? "log₁₀ |λ_i|" : "λ_i of ∇²L");
        y.setAutoRangeIncludesZero(true);
        XYBarRenderer bars = new XYBarRenderer(0.15) {
            @Override
            public Paint getItemPaint(int row, int column) {
                return values[column] < 0 ? NEGATIVE : POSITIVE;
            }
        };
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        if (log) {
            bars.setBase(LOG_FLOOR);
            y.setAutoRangeIncludesZero(false);
        }
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), x, y, bars);
        JFreeChart chart = new JFreeChart(title, plot);
        chart.removeLegend();
        theme.apply(chart);
        if (log) {
            y.setLowerBound(LOG_FLOOR);
        }
        return chart;
    }

    /** ρ_σ(λ) of {@link SpectralDensity#curve}, as a line. */
    static JFreeChart density(String title, SpectralDensity.Curve curve, ChartTheme theme) {
        XYSeries s = new XYSeries("ρ(λ)", false, true);
        double[] t = curve.grid();
        double[] rho = curve.density();
        for (int j = 0; j < t.length; j++) {
            s.add(t[j], rho[j]);
        }
        NumberAxis x = new NumberAxis("λ");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("density ρ(λ) (SLQ)");
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), x, y, line);
        JFreeChart chart = new JFreeChart(title, plot);
        chart.removeLegend();
        theme.apply(chart);
        line.setSeriesPaint(0, Color.BLACK);
        line.setSeriesStroke(0, theme.stroke(1));
        return chart;
    }
}
