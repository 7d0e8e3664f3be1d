package lab.sharpminima.ui.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.Supplier;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.export.figures.Figure5Chart;
import lab.sharpminima.figure.Figure5;
import lab.sharpminima.figure.Presets;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/**
 * The off-thread drawing of charts: a chart drawn in bands on two threads is pixel for pixel the
 * chart drawn at once (so the views show what the PNG export draws), at 1× and 2×; the geometry
 * kept with a frame maps pixels to data and back as the chart's own axes do.
 */
class ChartImagesTest {

    /** Two charts of Figure 5 in the same state (one per band thread). */
    private static List<JFreeChart> twoCharts() {
        Figure5.Data d = Figure5.build(Presets.figure5());
        JFreeChart[] charts = new JFreeChart[2];
        for (int i = 0; i < 2; i++) {
            Figure5Chart c = new Figure5Chart(d.panels().get(0), ChartTheme.standard());
            c.showOverlay(d);
            charts[i] = c.chart();
        }
        return List.of(charts);
    }

    @Test
    void bandsOnTwoThreadsDrawTheSamePixelsAsOneDrawing() {
        List<JFreeChart> charts = twoCharts();
        for (double scale : new double[] {1, 2}) {
            BufferedImage one = ChartImages.draw(charts.get(0), 641, 377, scale, new ChartRenderingInfo());
            List<Supplier<JFreeChart>> bands = List.of(() -> charts.get(0), () -> charts.get(1));
            BufferedImage banded = ChartImages.drawInBands(bands, 641, 377, scale, new ChartRenderingInfo());
            assertThat(banded.getWidth()).isEqualTo((int) Math.round(641 * scale));
            assertThat(banded.getHeight()).isEqualTo((int) Math.round(377 * scale));
            int differing = 0;
            int ink = 0;
            for (int y = 0; y < one.getHeight(); y++) {
                for (int x = 0; x < one.getWidth(); x++) {
                    differing += one.getRGB(x, y) != banded.getRGB(x, y) ? 1 : 0;
                    ink += (one.getRGB(x, y) & 0xffffff) != 0xffffff ? 1 : 0;
                }
            }
            assertThat(differing).as("pixels that differ at scale %s", scale).isZero();
            // Not blank: curves, dots, axes and text cover a few percent of the chart.
            assertThat(ink).isGreaterThan(one.getWidth() * one.getHeight() / 50);
        }
    }

    @Test
    void frameGeometryMapsPixelsAsTheAxesDo() {
        JFreeChart chart = twoCharts().get(0);
        ChartRenderingInfo info = new ChartRenderingInfo();
        ChartImages.draw(chart, 900, 500, 1, info);
        XYPlot theta = (XYPlot) ((org.jfree.chart.plot.CombinedRangeXYPlot) chart.getPlot()).getSubplots().get(0);
        Rectangle2D area = info.getPlotInfo().getSubplotInfo(0).getDataArea();
        ChartFrame.PlotGeometry g = ChartImages.geometry(theta, area);
        for (double t : new double[] {-3, -0.5, 0, 1.25, 3.4}) {
            double x = theta.getDomainAxis().valueToJava2D(t, area, theta.getDomainAxisEdge());
            double y = theta.getRangeAxis().valueToJava2D(0.4, area, theta.getRangeAxisEdge());
            assertThat(g.toLocal(t, 0.4).getX()).isCloseTo(x, within(1e-9));
            assertThat(g.toLocal(t, 0.4).getY()).isCloseTo(y, within(1e-9));
            assertThat(g.toData(x, y).getX()).isCloseTo(t, within(1e-9));
            assertThat(g.toData(x, y).getY()).isCloseTo(0.4, within(1e-9));
        }
        assertThat(g.contains(area.getCenterX(), area.getCenterY())).isTrue();
        assertThat(g.contains(area.getMinX() - 1, area.getCenterY())).isFalse();
    }
}
