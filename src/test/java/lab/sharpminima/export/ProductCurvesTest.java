package lab.sharpminima.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import java.util.Random;
import lab.sharpminima.landscape.Polyline;
import lab.sharpminima.landscape.Window;
import org.junit.jupiter.api.Test;

class ProductCurvesTest {

    private static final Polyline NO_PATH = new Polyline(new double[0], new double[0], false);
    private static final Window EVERYWHERE = new Window(-1e9, 1e9, -1e9, 1e9);

    private static ProductCurve curve(double p, Color c, float width) {
        return new ProductCurve(p, NO_PATH, c, width);
    }

    /**
     * The line θ2 = 0 (p = 0) through the centre of row 4 of a 10 × 9 block with unit pixels: width 1
     * covers that row alone, width 2 also half of each neighbour, width 3 both neighbours whole.
     */
    @Test
    void knownAnswersOnTheLineOfZeroProduct() {
        // θ1 = 0.5 … 9.5 over the columns, θ2 = 4, 3, …, −4 down the rows (row 4: θ2 = 0).
        int[][] expectedRows = {{3, 0}, {4, 255}, {5, 0}};
        assertRows(1f, expectedRows);
        assertRows(2f, new int[][] {{2, 0}, {3, 128}, {4, 255}, {5, 128}, {6, 0}});
        assertRows(3f, new int[][] {{2, 0}, {3, 255}, {4, 255}, {5, 255}, {6, 0}});
    }

    private static void assertRows(float width, int[][] expected) {
        int[] px = new int[10 * 9];
        ProductCurves.paint(px, 10, 9, 0, 1, 4.5, -1, EVERYWHERE, 1, List.of(curve(0, Color.WHITE, width)));
        for (int[] e : expected) {
            for (int i = 0; i < 10; i++) {
                assertThat(px[e[0] * 10 + i] >>> 24).as("width %s, row %d, column %d", width, e[0], i).isEqualTo(e[1]);
            }
        }
    }

    /** A pixel centred on the curve, under a line thinner than a pixel, is covered by the line's width. */
    @Test
    void aThinLineCoversThePixelOnItByItsWidth() {
        // θ1 = 0.5, 1.5, … ; θ2 = 2 on row 0: the curve θ1θ2 = 7 crosses row 0 at θ1 = 3.5, the centre of column 3.
        int[] px = new int[8 * 3];
        ProductCurves.paint(px, 8, 3, 0, 1, 2.5, -1, EVERYWHERE, 1, List.of(curve(7, Color.WHITE, 0.4f)));
        assertThat(px[3] >>> 24).isEqualTo(102); // 0.4 × 255
        // The same curve at scale 2 (the stroke twice as wide in pixels): 0.8 × 255.
        ProductCurves.paint(px = new int[24], 8, 3, 0, 1, 2.5, -1, EVERYWHERE, 2, List.of(curve(7, Color.WHITE, 0.4f)));
        assertThat(px[3] >>> 24).isEqualTo(204);
    }

    /**
     * Against Java2D stroking the same curves densely sampled (anti-aliased, pure strokes, as the charts
     * draw them), over windows from square to very wide, the stroke cut at the window's edge: the
     * largest difference of a pixel's alpha is 24 of 255 (64 where a squeezed vertex turns within two
     * pixels), and the total ink agrees within 2 % (it does within 1.1 %).
     */
    @Test
    void agreesWithJava2dStrokes() {
        Random random = new Random(5);
        Window[] windows = {new Window(0.2, 3.3, 0.1, 3.1), new Window(-4, 40, -1, 1.5), new Window(0.3, 10.5, 0.04, 1.3),
            new Window(-128, 1152, -0.125, 1.375), new Window(-0.125, 1.375, -8, 72)};
        for (Window w : windows) {
            for (int t = 0; t < 6; t++) {
                int width = 180 + random.nextInt(160);
                int height = 150 + random.nextInt(160);
                // A product whose curve crosses the window's middle, or one near its corner.
                double a = w.a0() + (0.2 + 0.6 * random.nextDouble()) * (w.a1() - w.a0());
                double b = w.b0() + (0.2 + 0.6 * random.nextDouble()) * (w.b1() - w.b0());
                double p = Math.abs(a * b) * (b < 0 ? -1 : 1);
                if (a <= 0) {
                    continue;
                }
                float stroke = new float[] {0.7f, 1.2f, 1.8f, 3.3f}[t % 4];
                compare(w, width, height, p, stroke, 24);
            }
        }
        // Hyperbolas squeezed into a corner by a very wide window: their vertex turns within a pixel or
        // two, where the first-order distance is off by a fraction of a pixel; the stroke also spills
        // over θ1 = 0 from the branch just right of it.
        compare(windows[3], 671, 609, 0.25, 3.3f, 64);
        compare(windows[3], 671, 609, 0.25, 0.7f, 64);
        compare(windows[3], 671, 609, 0.02, 1.8f, 64);
        compare(windows[4], 671, 609, 1, 1.8f, 24);
        compare(windows[0], 400, 400, 0.05, 1.8f, 24);
    }

    private static void compare(Window w, int width, int height, double p, float stroke, int tolerance) {
        double da = (w.a1() - w.a0()) / width;
        double db = -(w.b1() - w.b0()) / height;
        int[] ours = new int[width * height];
        ProductCurves.paint(ours, width, height, w.a0(), da, w.b1(), db, w, 1, List.of(curve(p, Color.WHITE, stroke)));
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.clipRect(0, 0, width, height);
        Path2D.Double path = new Path2D.Double();
        // The branch a little beyond the window each way (the image's edge cuts the stroke, as the pixels' window does).
        double lo = 0.8 * Math.max(Math.max(w.a0(), 1e-9), p / (p > 0 ? w.b1() : w.b0()));
        double far = p / (p > 0 ? w.b0() : w.b1());
        double hi = 1.25 * Math.min(w.a1(), far > 0 ? far : w.a1());
        int n = 20000;
        for (int k = 0; k < n; k++) {
            double t1 = lo * Math.exp(Math.log(hi / lo) * k / (n - 1));
            double x = (t1 - w.a0()) / da;
            double y = (p / t1 - w.b1()) / db;
            if (k == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        g.draw(path);
        g.dispose();
        int[] ref = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        assertThat(java.util.Arrays.stream(ours).anyMatch(v -> v != 0)).as("%s at p = %s drawn", w, p).isTrue();
        double inkOurs = 0;
        double inkRef = 0;
        int worst = 0;
        for (int k = 0; k < ours.length; k++) {
            inkOurs += ours[k] >>> 24;
            inkRef += ref[k] >>> 24;
            worst = Math.max(worst, Math.abs((ours[k] >>> 24) - (ref[k] >>> 24)));
        }
        assertThat(inkOurs / inkRef).as("ink of %s at p = %s, width %s", w, p, stroke).isBetween(0.98, 1.02);
        assertThat(worst).as("largest alpha difference of %s at p = %s, width %s", w, p, stroke).isLessThanOrEqualTo(tolerance);
    }

    /** A block's part painted alone (as a band or clip gives it) is pixel for pixel that part of the whole. */
    @Test
    void aPartPaintedAloneEqualsThatPartOfTheWhole() {
        Window w = new Window(-1, 11, 0.05, 1.4);
        List<ProductCurve> curves = List.of(curve(0.6, new Color(255, 255, 255, 110), 0.5f), curve(1, Color.WHITE, 3.3f),
                curve(1, new Color(0xCC79A7), 1.8f), curve(-0.2, Color.BLACK, 1.2f), curve(0, Color.WHITE, 1.5f));
        int width = 300;
        int height = 200;
        double da = (w.a1() - w.a0()) / width;
        double db = -(w.b1() - w.b0()) / height;
        int[] whole = new int[width * height];
        java.util.Arrays.fill(whole, 0xFF204060);
        ProductCurves.paint(whole, width, height, w.a0(), da, w.b1(), db, w, 1, curves);
        int x = 17;
        int y = 41;
        int pw = 123;
        int ph = 77;
        int[] part = new int[pw * ph];
        java.util.Arrays.fill(part, 0xFF204060);
        ProductCurves.paint(part, pw, ph, w.a0() + x * da, da, w.b1() + y * db, db, w, 1, curves);
        for (int j = 0; j < ph; j++) {
            for (int i = 0; i < pw; i++) {
                assertThat(part[j * pw + i]).as("pixel (%d, %d)", x + i, y + j).isEqualTo(whole[(y + j) * width + x + i]);
            }
        }
    }

    /** Nothing outside the window's pixels, nor on the other branch (θ1 &lt; 0, θ2 of the other sign). */
    @Test
    void drawsOnlyInsideTheWindowAndOnTheBranch() {
        int width = 200;
        int height = 200;
        double d = 4.0 / width;
        Window limits = new Window(-1, 1.5, -1.5, 1);
        int[] px = new int[width * height];
        ProductCurves.paint(px, width, height, -2, d, 2, -d, limits, 1,
                List.of(curve(0.5, Color.WHITE, 2f), curve(-0.5, Color.WHITE, 2f)));
        int drawn = 0;
        for (int j = 0; j < height; j++) {
            double t2 = 2 - (j + 0.5) * d;
            for (int i = 0; i < width; i++) {
                double t1 = -2 + (i + 0.5) * d;
                boolean inside = t1 >= limits.a0() && t1 <= limits.a1() && t2 >= limits.b0() && t2 <= limits.b1();
                // The other branches θ1θ2 = ±0.5 with θ1 < 0 lie more than a stroke away from θ1 ≥ −3 px.
                if (!inside || t1 < -3 * d) {
                    assertThat(px[j * width + i]).as("pixel at (%s, %s)", t1, t2).isZero();
                }
                drawn += px[j * width + i] != 0 ? 1 : 0;
            }
        }
        assertThat(drawn).isGreaterThan(200);
    }

    /** Curves are composed in order: where two overlap, the later one's colour is on top. */
    @Test
    void laterCurvesGoOnTop() {
        int[] px = new int[8 * 3];
        ProductCurves.paint(px, 8, 3, 0, 1, 2.5, -1, EVERYWHERE, 1,
                List.of(curve(7, Color.RED, 3f), curve(7, Color.BLUE, 1f)));
        assertThat(px[3]).isEqualTo(0xFF0000FF);
        ProductCurves.paint(px = new int[24], 8, 3, 0, 1, 2.5, -1, EVERYWHERE, 1,
                List.of(curve(7, Color.BLUE, 1f), curve(7, Color.RED, 3f)));
        assertThat(px[3]).isEqualTo(0xFFFF0000);
    }

    /** Source over in premultiplied ARGB: known answers. */
    @Test
    void sourceOverKnownAnswers() {
        assertThat(ProductCurves.over(0, 255, 255, 255, 255)).isEqualTo(0xFFFFFFFF);
        assertThat(ProductCurves.over(0xFF000000, 255, 255, 255, 128)).isEqualTo(0xFF808080);
        assertThat(ProductCurves.over(0x00000000, 255, 0, 0, 51)).isEqualTo(0x33330000); // premultiplied: 51 red at alpha 51
        assertThat(ProductCurves.over(0xFF204060, 0, 0, 0, 0)).isEqualTo(0xFF204060);
    }
}
