package lab.sharpminima.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import lab.sharpminima.figure.LandscapeLayer;
import lab.sharpminima.landscape.Window;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/**
 * The heat map's curves drawn per pixel on a raster land where Java2D strokes their paths: the same
 * chart is drawn once with a smooth image (the raster path: resampled, curves per pixel) and once
 * with a flat one (drawImage, then the curves' paths stroked), over an image of one colour so that
 * only the curves can differ. This checks the map from the plot's data space to the block's pixels
 * (offsets, the flip of θ2, the output scale), which {@link ProductCurvesTest} takes as given.
 */
class ImageAnnotationCurvesTest {

    @Test
    void curvesPerPixelMatchTheirStrokedPaths() {
        Window[] windows = {new Window(0.3, 10.5, 0.04, 1.3), new Window(-4, 40, -1, 1.5), new Window(0.2, 3.3, 0.1, 3.1)};
        for (Window w : windows) {
            List<ProductCurve> curves = new ArrayList<>();
            double[] ps = {0.5, 1, 2, 4, -0.3};
            Color[] colours = {Color.WHITE, new Color(0xCC79A7), new Color(0xE69F00), new Color(255, 255, 255, 110),
                Color.YELLOW};
            for (int i = 0; i < ps.length; i++) {
                curves.add(new ProductCurve(ps[i], LandscapeLayer.equalFunctionCurve(ps[i], w, 4000), colours[i],
                        0.6f + 0.7f * i));
            }
            for (double scale : new double[] {1, 1.25, 2}) {
                Drawn raster = draw(w, curves, true, scale);
                Drawn stroked = draw(w, curves, false, scale);
                compare(raster, stroked, w + " at scale " + scale);
            }
        }
    }

    /** A chart drawn, and its data area in device pixels. */
    private record Drawn(BufferedImage image, Rectangle2D area) {
    }

    /** The chart of a one-colour heat map over w with curves: smooth = the raster path, else drawImage and paths. */
    private static Drawn draw(Window w, List<ProductCurve> curves, boolean smooth, double scale) {
        BufferedImage flat = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                flat.setRGB(x, y, 0xFF203040);
            }
        }
        NumberAxis x = new NumberAxis("θ₁");
        NumberAxis y = new NumberAxis("θ₂");
        x.setRange(w.a0(), w.a1());
        y.setRange(w.b0(), w.b1());
        XYPlot plot = new XYPlot(new XYSeriesCollection(), x, y, new XYLineAndShapeRenderer());
        plot.addAnnotation(new ImageAnnotation(flat, w.a0(), w.a1(), w.b0(), w.b1(), smooth, curves, w));
        JFreeChart chart = new JFreeChart(plot);
        chart.removeLegend();
        ChartTheme.standard().apply(chart);
        BufferedImage img = new BufferedImage((int) Math.round(500 * scale), (int) Math.round(400 * scale),
                BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        g.scale(scale, scale);
        ChartRenderingInfo info = new ChartRenderingInfo(null);
        chart.draw(g, new Rectangle2D.Double(0, 0, 500, 400), info);
        g.dispose();
        Rectangle2D a = info.getPlotInfo().getDataArea();
        return new Drawn(img, new Rectangle2D.Double(a.getX() * scale, a.getY() * scale, a.getWidth() * scale,
                a.getHeight() * scale));
    }

    /**
     * Inside the data area, away from its edges (where a path stops and the pixels' stroke is cut):
     * ink (difference from the map's colour) within 2 %, and no channel more than 40 apart.
     */
    private static void compare(Drawn a, Drawn b, String what) {
        long inkA = 0;
        long inkB = 0;
        int worst = 0;
        int margin = 5;
        Rectangle2D area = a.area();
        for (int y = (int) area.getMinY() + margin; y < (int) area.getMaxY() - margin; y++) {
            for (int x = (int) area.getMinX() + margin; x < (int) area.getMaxX() - margin; x++) {
                int pa = a.image().getRGB(x, y);
                int pb = b.image().getRGB(x, y);
                inkA += ink(pa);
                inkB += ink(pb);
                for (int s = 0; s < 24; s += 8) {
                    worst = Math.max(worst, Math.abs(((pa >> s) & 0xFF) - ((pb >> s) & 0xFF)));
                }
            }
        }
        assertThat(inkB).as("%s: curves stroked", what).isGreaterThan(1000);
        assertThat((double) inkA / inkB).as("%s: ink per pixel against stroked", what).isBetween(0.98, 1.02);
        assertThat(worst).as("%s: largest channel difference", what).isLessThanOrEqualTo(40);
    }

    private static int ink(int p) {
        return Math.abs(((p >> 16) & 0xFF) - 0x20) + Math.abs(((p >> 8) & 0xFF) - 0x30) + Math.abs((p & 0xFF) - 0x40);
    }
}
