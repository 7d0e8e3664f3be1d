package lab.sharpminima.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class HeatMapImageTest {

    @Test
    void pixelsHoldTheMapColourOfTheirNodeWithLargerBUp() {
        double[][] rows = DemoChart.paraboloid(9); // a, b = −2 … 2 in steps of 0.5
        ColorScale scale = ColorScale.linear(ColorMaps.VIRIDIS, 0, 8);
        BufferedImage img = HeatMapImage.render(rows, scale);
        assertThat(img.getWidth()).isEqualTo(9);
        assertThat(img.getHeight()).isEqualTo(9);
        // Node (i = 8, j = 0) is (a, b) = (−2, 2): value 8, top-left pixel, the map's end colour.
        assertThat(img.getRGB(0, 0)).isEqualTo(ColorMaps.VIRIDIS.argb(1));
        // The centre (0, 0) has value 0.
        assertThat(img.getRGB(4, 4)).isEqualTo(ColorMaps.VIRIDIS.argb(0));
        // Node (i = 2, j = 6): (a, b) = (1, −1), value 2 → t = 0.25, at pixel (6, 8 − 2).
        assertThat(img.getRGB(6, 6)).isEqualTo(ColorMaps.VIRIDIS.argb(0.25));
    }

    @Test
    void rowsAreNotTransposedOnAnAsymmetricGrid() {
        double[][] rows = {{0, 1, 2}, {3, 4, 5}}; // 2 rows over b, 3 columns over a
        BufferedImage img = HeatMapImage.render(rows, ColorScale.linear(ColorMaps.DIVERGING, 0, 5));
        assertThat(img.getWidth()).isEqualTo(3);
        assertThat(img.getHeight()).isEqualTo(2);
        assertThat(img.getRGB(2, 0)).isEqualTo(ColorMaps.DIVERGING.argb(1.0)); // rows[1][2] at the top right
        assertThat(img.getRGB(1, 1)).isEqualTo(ColorMaps.DIVERGING.argb(0.2)); // rows[0][1] at the bottom
    }

    @Test
    void nanIsTransparentAndRaggedGridsAreRejected() {
        BufferedImage img = HeatMapImage.render(new double[][] {{Double.NaN, 1}, {0, 1}},
                ColorScale.linear(ColorMaps.VIRIDIS, 0, 1));
        assertThat(img.getRGB(0, 1) >>> 24).isZero();
        assertThatThrownBy(() -> HeatMapImage.render(new double[][] {{1, 2}, {3}},
                ColorScale.linear(ColorMaps.VIRIDIS, 0, 1))).hasMessageContaining("row 1 has 1 values, expected 2");
    }

    /** The annotation puts node (a_j, b_i) at its data position: sample the drawn chart at cell centres. */
    @Test
    void annotationPlacesCellsAtTheirDataCoordinates() {
        double[][] rows = {{0, 1, 2}, {3, 4, 5}};
        ColorScale scale = ColorScale.linear(ColorMaps.VIRIDIS, 0, 5);
        // Nodes a = 0, 1, 2 and b = 10, 20: cells span a ∈ [−0.5, 2.5], b ∈ [5, 25].
        NumberAxis x = new NumberAxis();
        NumberAxis y = new NumberAxis();
        x.setRange(-0.5, 2.5);
        y.setRange(5, 25);
        x.setVisible(false);
        y.setVisible(false);
        XYPlot plot = new XYPlot(new XYSeriesCollection(), x, y, new XYLineAndShapeRenderer());
        plot.setInsets(org.jfree.chart.ui.RectangleInsets.ZERO_INSETS);
        plot.setAxisOffset(org.jfree.chart.ui.RectangleInsets.ZERO_INSETS);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.addAnnotation(HeatMapImage.annotation(HeatMapImage.render(rows, scale), 0, 2, 10, 20, false));
        JFreeChart chart = new JFreeChart(null, null, plot, false);
        chart.setPadding(org.jfree.chart.ui.RectangleInsets.ZERO_INSETS);
        BufferedImage out = ChartExport.toImage(chart, 300, 200, 1);
        // Data area = whole image: a = −0.5 → x = 0, a = 2.5 → x = 300; b = 25 → y = 0, b = 5 → y = 200.
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                int px = (int) Math.round((j + 0.5) * 100);
                int py = (int) Math.round(200 - (10 + 10 * i - 5) * 10);
                assertThat(out.getRGB(px, py) | 0xFF000000).as("cell (%d, %d)", i, j)
                        .isEqualTo(scale.argb(rows[i][j]));
            }
        }
    }

    @Test
    void logLegendUsesExponentsAndSuperscriptLabels() {
        PaintScaleLegend legend = HeatMapImage.legend(ColorScale.logarithmic(ColorMaps.VIRIDIS, 1e-3, 10), "L");
        assertThat(legend.getAxis().getLowerBound()).isEqualTo(-3.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(legend.getAxis().getUpperBound()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(new HeatMapImage.PowerOfTenFormat().format(-3.0)).isEqualTo("10⁻³");
        assertThat(new HeatMapImage.PowerOfTenFormat().format(12.0)).isEqualTo("10¹²");
    }
}
