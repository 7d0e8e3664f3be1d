package lab.sharpminima.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BilinearBlitTest {

    /** A 2×1 black-to-white source over 4 pixels: centres at source x −¼, ¼, ¾, 1¼, clamped at the ends. */
    @Test
    void knownAnswerAlongOneRow() {
        BufferedImage src = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        src.setRGB(0, 0, 0xFF000000);
        src.setRGB(1, 0, 0xFFFFFFFF);
        BufferedImage dst = new BufferedImage(4, 1, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = dst.createGraphics();
        assertThat(BilinearBlit.draw(g, src, 0, 0, 4, 1)).isTrue();
        g.dispose();
        int[] expected = {0, 64, 191, 255};
        for (int i = 0; i < 4; i++) {
            assertThat(dst.getRGB(i, 0) & 0xFF).as("pixel %d", i).isEqualTo(expected[i]);
            assertThat(dst.getRGB(i, 0) >>> 24).isEqualTo(255);
        }
    }

    /** Same pixels as Java2D's bilinear drawImage, up to rounding, at several scales, offsets and clips. */
    @Test
    void matchesJava2dBilinear() {
        Random random = new Random(11);
        BufferedImage src = new BufferedImage(37, 23, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                int a = random.nextInt(10) == 0 ? random.nextInt(256) : 255;
                src.setRGB(x, y, (a << 24) | random.nextInt(1 << 24));
            }
        }
        double[][] cases = {
            // scale, left, top, right, bottom (user space), clip x, y, w, h (user space)
            {1, 3, 5, 160, 131, 0, 0, 200, 150},
            {2, 3, 5, 160, 131, 10.5, 7.25, 120, 90},
            {1.25, 7, 2, 71, 40, 0, 0, 200, 150},
            {1, 10, 10, 30, 20, 12.5, 11, 13, 6}, // a downscale along x, clipped to a fraction
            {1.5, -20, -10, 250, 170, 5, 5, 90, 80}, // the destination overhangs the clip
        };
        for (double[] c : cases) {
            BufferedImage ours = canvas();
            BufferedImage java2d = canvas();
            Graphics2D g = ours.createGraphics();
            g.scale(c[0], c[0]);
            g.clip(new Rectangle2D.Double(c[5], c[6], c[7], c[8]));
            assertThat(BilinearBlit.draw(g, src, c[1], c[2], c[3], c[4])).isTrue();
            g.dispose();
            Graphics2D r = java2d.createGraphics();
            r.scale(c[0], c[0]);
            r.clip(new Rectangle2D.Double(c[5], c[6], c[7], c[8]));
            r.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            r.drawImage(src, (int) c[1], (int) c[2], (int) c[3], (int) c[4], 0, 0, src.getWidth(), src.getHeight(), null);
            r.dispose();
            int worst = 0;
            int drawn = 0;
            for (int y = 0; y < ours.getHeight(); y++) {
                for (int x = 0; x < ours.getWidth(); x++) {
                    int p = ours.getRGB(x, y);
                    int q = java2d.getRGB(x, y);
                    if (q != 0xFF808080) {
                        drawn++;
                    }
                    for (int shift = 0; shift < 32; shift += 8) {
                        worst = Math.max(worst, Math.abs(((p >>> shift) & 0xFF) - ((q >>> shift) & 0xFF)));
                    }
                }
            }
            assertThat(drawn).as("case %s drew something", java.util.Arrays.toString(c)).isGreaterThan(20);
            assertThat(worst).as("largest channel difference, case %s", java.util.Arrays.toString(c)).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void leavesRotationsAndVectorTargetsToJava2d() {
        BufferedImage src = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = canvas().createGraphics();
        g.rotate(0.3);
        assertThat(BilinearBlit.draw(g, src, 0, 0, 10, 10)).isFalse();
        g.dispose();
        org.jfree.svg.SVGGraphics2D svg = new org.jfree.svg.SVGGraphics2D(50, 50);
        assertThat(BilinearBlit.draw(svg, src, 0, 0, 10, 10)).isFalse();
    }

    private static BufferedImage canvas() {
        BufferedImage img = new BufferedImage(300, 220, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        g.setColor(new java.awt.Color(0x808080));
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.dispose();
        return img;
    }

    /** A source stored premultiplied (read as stored) blits the same pixels as the same colours stored plain. */
    @Test
    void premultipliedAndPlainSourcesBlitAlike() {
        Random random = new Random(3);
        BufferedImage plain = new BufferedImage(9, 7, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 7; y++) {
            for (int x = 0; x < 9; x++) {
                plain.setRGB(x, y, (random.nextInt(256) << 24) | random.nextInt(1 << 24));
            }
        }
        BufferedImage pre = new BufferedImage(9, 7, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D pg = pre.createGraphics();
        pg.setComposite(java.awt.AlphaComposite.Src);
        pg.drawImage(plain, 0, 0, null);
        pg.dispose();
        BufferedImage a = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB_PRE);
        BufferedImage b = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D ga = a.createGraphics();
        Graphics2D gb = b.createGraphics();
        assertThat(BilinearBlit.draw(ga, plain, 1, 2, 37, 29)).isTrue();
        assertThat(BilinearBlit.draw(gb, pre, 1, 2, 37, 29)).isTrue();
        ga.dispose();
        gb.dispose();
        int[] pa = a.getRaster().getPixels(0, 0, 40, 30, (int[]) null);
        int[] pb = b.getRaster().getPixels(0, 0, 40, 30, (int[]) null);
        for (int i = 0; i < pa.length; i++) {
            // Premultiplying rounds once either way; the two stored forms may differ by one per channel.
            assertThat(Math.abs(pa[i] - pb[i])).as("sample %d", i).isLessThanOrEqualTo(1);
        }
    }
}
