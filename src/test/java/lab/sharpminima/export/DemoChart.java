package lab.sharpminima.export;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import lab.sharpminima.landscape.Contours;
import lab.sharpminima.landscape.LossGrid;
import lab.sharpminima.landscape.Polyline;
import lab.sharpminima.landscape.Window;

/** A small chart with every primitive: heat map of a² + b², contours, a circle, a box, a point, an arrow. */
final class DemoChart {

    private DemoChart() {
    }

    /** f(a, b) = a² + b² sampled at 65 × 65 nodes over [−2, 2]². */
    static double[][] paraboloid(int n) {
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            double b = -2 + 4.0 * i / (n - 1);
            for (int j = 0; j < n; j++) {
                double a = -2 + 4.0 * j / (n - 1);
                rows[i][j] = a * a + b * b;
            }
        }
        return rows;
    }

    static JFreeChart build(ChartTheme theme) {
        int n = 65;
        double[][] rows = paraboloid(n);
        LossGrid grid = LossGrid.of(Window.square(-2, 2), rows);
        ColorScale scale = ColorScale.logarithmic(ColorMaps.VIRIDIS, 1e-2, 8);
        NumberAxis x = new NumberAxis("θ₁");
        NumberAxis y = new NumberAxis("θ₂");
        x.setRange(-2, 2);
        y.setRange(-2, 2);
        XYPlot plot = new XYPlot(new XYSeriesCollection(), x, y, new XYLineAndShapeRenderer(true, false));
        plot.addAnnotation(HeatMapImage.annotation(grid, scale));
        for (double level : LogScale.niceLevels(0.1, 5)) {
            List<Polyline> curves = Contours.levelCurves(grid, level);
            ContourRenderer.addPolylines(plot, curves, new Color(255, 255, 255, 200), theme.stroke(0.6f));
        }
        ContourRenderer.addCircle(plot, 0.8, 0.6, 0.5, ColorMaps.OKABE_ITO.get(2), theme.stroke(1f), null);
        ContourRenderer.addRectangle(plot, -1.6, -1.6, -0.8, -0.8, ColorMaps.OKABE_ITO.get(1), theme.stroke(1f),
                new Color(213, 94, 0, 60));
        ContourRenderer.addArrow(plot, 0.8, 0.6, 0.6, -0.3, Color.WHITE, theme.stroke(1f), 10);
        ContourRenderer.addPoint(plot, 0.8, 0.6, ColorMaps.OKABE_ITO.get(1), 5);
        JFreeChart chart = new JFreeChart("L(θ) = θ₁² + θ₂²", plot);
        chart.removeLegend();
        chart.addSubtitle(HeatMapImage.legend(scale, "L"));
        theme.apply(chart);
        return chart;
    }

}
