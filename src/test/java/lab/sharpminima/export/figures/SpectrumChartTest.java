package lab.sharpminima.export.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import lab.sharpminima.export.ChartTheme;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/** The eigenvalue bars: sign colours (Okabe–Ito) and the log₁₀|λ| scale with its floor. */
class SpectrumChartTest {

    @Test
    void barsAreColouredBySignAndTheLogScaleFloorsZero() {
        double[] values = {100, 0, -0.01};
        JFreeChart linear = SpectrumChart.eigenvalues("t", values, false, ChartTheme.standard());
        XYPlot p = linear.getXYPlot();
        assertThat(p.getRenderer().getItemPaint(0, 0)).isEqualTo(SpectrumChart.POSITIVE);
        assertThat(p.getRenderer().getItemPaint(0, 2)).isEqualTo(SpectrumChart.NEGATIVE);
        assertThat(p.getDataset().getYValue(0, 2)).isEqualTo(-0.01);

        JFreeChart log = SpectrumChart.eigenvalues("t", values, true, ChartTheme.standard());
        XYPlot q = log.getXYPlot();
        assertThat(q.getDataset().getYValue(0, 0)).isCloseTo(2, within(1e-12));
        assertThat(q.getDataset().getYValue(0, 1)).isEqualTo(SpectrumChart.LOG_FLOOR);
        assertThat(q.getDataset().getYValue(0, 2)).isCloseTo(-2, within(1e-12));
        assertThat(q.getRenderer().getItemPaint(0, 2)).isEqualTo(SpectrumChart.NEGATIVE);
        BufferedImage image = log.createBufferedImage(400, 300);
        assertThat(image.getWidth()).isEqualTo(400);
    }
}
