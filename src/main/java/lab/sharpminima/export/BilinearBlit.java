package lab.sharpminima.export;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * A stretched image drawn onto a raster the fast way: resampled bilinearly here, only over the device
 * pixels the clip leaves, then copied 1:1. Java2D's own bilinear {@code drawImage} with a scale takes
 * a general transform loop, about 7 ms for a 256×256 heat map over an 800×600 plot on our build
 * machine, most of a landscape chart's drawing; this takes about a quarter of that and gives the same
 * pixels up to rounding (±2 per channel: both sample at the device pixel's centre, clamp at the edges
 * and interpolate premultiplied colours). Vector targets (SVG, PDF) and transforms other than a
 * scale and a translation keep the plain {@code drawImage}: {@link #draw} then returns {@code false}.
 */
final class BilinearBlit {

    /** Java2D's raster graphics: the only target whose pixels this can write for it. */
    private static final String RASTER_GRAPHICS = "sun.java2d.SunGraphics2D";
    /** Sources as premultiplied ARGB, computed once per image (weakly held). */
    private static final Map<BufferedImage, int[]> PREMULTIPLIED = Collections.synchronizedMap(new WeakHashMap<>());

    private BilinearBlit() {
    }

    /**
     * Draws src stretched over the user-space rectangle [left, right] × [top, bottom] (left &lt; right,
     * top &lt; bottom) with bilinear filtering, clipped by g2's clip; returns {@code false}, drawing
     * nothing, when g2 is not a Java2D raster or its transform has a rotation, shear or flip.
     */
    static boolean draw(Graphics2D g2, BufferedImage src, double left, double top, double right, double bottom) {
        return draw(g2, src, left, top, right, bottom, null);
    }

    /**
     * Something drawn over the resampled pixels before they are copied to the target (the heat map's
     * curves, {@link ProductCurves}), in device pixels.
     */
    interface Overlay {

        /**
         * Draws onto px, the block of area (area.width × area.height, premultiplied ARGB, row after
         * row), in device space where the image spans (dx0, dy0)–(dx1, dy1) and one user-space unit
         * is scale pixels. Modifies px.
         */
        void paint(int[] px, Rectangle area, double dx0, double dy0, double dx1, double dy1, double scale);
    }

    /** As {@link #draw(Graphics2D, BufferedImage, double, double, double, double)}, with over (or null) drawn on the pixels first. */
    static boolean draw(Graphics2D g2, BufferedImage src, double left, double top, double right, double bottom,
                        Overlay over) {
        if (!RASTER_GRAPHICS.equals(g2.getClass().getName()) || !(left < right) || !(top < bottom)) {
            return false;
        }
        AffineTransform t = g2.getTransform();
        if (t.getShearX() != 0 || t.getShearY() != 0 || !(t.getScaleX() > 0) || !(t.getScaleY() > 0)) {
            return false;
        }
        Point2D p0 = t.transform(new Point2D.Double(left, top), null);
        Point2D p1 = t.transform(new Point2D.Double(right, bottom), null);
        double dx0 = p0.getX();
        double dy0 = p0.getY();
        double dx1 = p1.getX();
        double dy1 = p1.getY();
        double limit = 1e8; // device pixels: beyond, the int arithmetic below could overflow
        if (!(Math.abs(dx0) < limit && Math.abs(dy0) < limit && Math.abs(dx1) < limit && Math.abs(dy1) < limit)) {
            return false;
        }
        // Pixels whose centres lie in [d0, d1), as Java2D fills a destination rectangle.
        Rectangle area = new Rectangle((int) Math.ceil(dx0 - 0.5), (int) Math.ceil(dy0 - 0.5), 0, 0);
        area.width = (int) Math.ceil(dx1 - 0.5) - area.x;
        area.height = (int) Math.ceil(dy1 - 0.5) - area.y;
        Shape clip = g2.getClip();
        if (clip != null) {
            area = area.intersection(t.createTransformedShape(clip).getBounds());
        }
        if (area.isEmpty()) {
            return true;
        }
        if ((long) area.width * area.height > 64L << 20) {
            return false; // a deep zoom with no clip: leave it to Java2D rather than allocate that much
        }
        BufferedImage out = resample(premultiplied(src), src.getWidth(), src.getHeight(), dx0, dy0,
                (dx1 - dx0) / src.getWidth(), (dy1 - dy0) / src.getHeight(), area);
        if (over != null) {
            over.paint(((DataBufferInt) out.getRaster().getDataBuffer()).getData(), area, dx0, dy0, dx1, dy1,
                    Math.sqrt(t.getScaleX() * t.getScaleY()));
        }
        g2.setTransform(new AffineTransform());
        try {
            g2.drawImage(out, area.x, area.y, null);
        } finally {
            g2.setTransform(t);
        }
        return true;
    }

    private static int[] premultiplied(BufferedImage src) {
        int[] cached = PREMULTIPLIED.get(src);
        if (cached != null) {
            return cached;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        // INT_ARGB(_PRE) images are read as stored: getRGB would convert each pixel through the colour model.
        boolean stored = (src.getType() == BufferedImage.TYPE_INT_ARGB || src.getType() == BufferedImage.TYPE_INT_ARGB_PRE)
                && src.getRaster().getDataBuffer() instanceof DataBufferInt d && d.getNumBanks() == 1
                && d.getSize() == w * h;
        int[] argb = stored ? ((DataBufferInt) src.getRaster().getDataBuffer()).getData().clone()
                : src.getRGB(0, 0, w, h, null, 0, w);
        if (stored && src.getType() == BufferedImage.TYPE_INT_ARGB_PRE) {
            PREMULTIPLIED.put(src, argb);
            return argb;
        }
        for (int i = 0; i < argb.length; i++) {
            int a = argb[i] >>> 24;
            if (a != 255) {
                int r = ((argb[i] >> 16) & 0xFF) * a + 127;
                int g = ((argb[i] >> 8) & 0xFF) * a + 127;
                int b = (argb[i] & 0xFF) * a + 127;
                argb[i] = (a << 24) | (((r + (r >> 8)) >> 8) << 16) | (((g + (g >> 8)) >> 8) << 8) | ((b + (b >> 8)) >> 8);
            }
        }
        PREMULTIPLIED.put(src, argb);
        return argb;
    }

    /**
     * The device pixels of area, each sampled at its centre: source x = (px + ½ − x0)/sx − ½, clamped
     * to the edge pixels, likewise y; 8-bit fixed-point weights. Rows are interpolated along x once
     * per source row pair and shared by the output rows between them.
     */
    static BufferedImage resample(int[] src, int sw, int sh, double x0, double y0, double sx, double sy,
                                  Rectangle area) {
        int w = area.width;
        int h = area.height;
        int[] ix = new int[w];
        int[] ix1 = new int[w];
        int[] fx = new int[w];
        for (int i = 0; i < w; i++) {
            int q = fixed((area.x + i + 0.5 - x0) / sx - 0.5);
            int k = q >> 8;
            int f = q & 0xFF;
            ix[i] = clamp(k, sw);
            ix1[i] = clamp(k + 1, sw);
            fx[i] = f;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        // Two source rows interpolated along x (see Rows), shared by the output rows between them.
        Rows upper = new Rows(w);
        Rows lower = new Rows(w);
        int loaded = Integer.MIN_VALUE;
        for (int j = 0; j < h; j++) {
            int q = fixed((area.y + j + 0.5 - y0) / sy - 0.5);
            int k = q >> 8;
            int fy = q & 0xFF;
            if (k != loaded) {
                if (k == loaded + 1) {
                    Rows swap = upper;
                    upper = lower;
                    lower = swap;
                    lower.load(src, sw, clamp(k + 1, sh), ix, ix1, fx);
                } else {
                    upper.load(src, sw, clamp(k, sh), ix, ix1, fx);
                    lower.load(src, sw, clamp(k + 1, sh), ix, ix1, fx);
                }
                loaded = k;
            }
            blend(upper, lower, fy, dst, j * w, w);
        }
        return out;
    }

    /** Row out of rows a (weight 256 − fy) and b (fy): 8-bit channels, two per int, weights summing to 256. */
    private static void blend(Rows a, Rows b, int fy, int[] dst, int offset, int w) {
        int gy = 256 - fy;
        int[] ar = a.rb;
        int[] aa = a.ag;
        int[] br = b.rb;
        int[] ba = b.ag;
        for (int i = 0; i < w; i++) {
            int rb = ((ar[i] * gy + br[i] * fy + 0x800080) >>> 8) & 0xFF00FF;
            int ag = ((aa[i] * gy + ba[i] * fy + 0x800080) >>> 8) & 0xFF00FF;
            dst[offset + i] = (ag << 8) | rb;
        }
    }

    /** One source row interpolated along x at the output columns: 8-bit channels, two per int (red and blue; alpha and green). */
    private static final class Rows {
        final int[] rb;
        final int[] ag;

        Rows(int w) {
            rb = new int[w];
            ag = new int[w];
        }

        void load(int[] src, int sw, int row, int[] ix, int[] ix1, int[] fx) {
            int base = row * sw;
            for (int i = 0; i < ix.length; i++) {
                int p = src[base + ix[i]];
                int q = src[base + ix1[i]];
                int f = fx[i];
                int g = 256 - f;
                rb[i] = (((p & 0xFF00FF) * g + (q & 0xFF00FF) * f + 0x800080) >>> 8) & 0xFF00FF;
                ag[i] = ((((p >>> 8) & 0xFF00FF) * g + ((q >>> 8) & 0xFF00FF) * f + 0x800080) >>> 8) & 0xFF00FF;
            }
        }
    }

    /** A source position in 1/256 of a pixel, rounded: its floor pixel is q &gt;&gt; 8, the weight of the next q &amp; 0xFF. */
    private static int fixed(double u) {
        return (int) Math.round(u * 256);
    }

    private static int clamp(int k, int n) {
        return k < 0 ? 0 : k >= n ? n - 1 : k;
    }
}
