package lab.sharpminima.export;

import java.util.List;
import lab.sharpminima.landscape.Window;

/**
 * Curves θ1θ2 = p (θ1 &gt; 0) stroked straight into a block of raster pixels, from the product alone:
 * each pixel's coverage is that of a line of the stroke's width at the pixel's distance from the
 * curve, taken to first order, d = |θ1θ2 − p| / |∇(θ1θ2)| with the gradient in pixels, and a box
 * filter across the line: coverage = |[d − w/2, d + w/2] ∩ [−½, ½]|. Java2D's rasteriser spends most of
 * a landscape chart's time on its 20-odd such curves (each crosses every scanline of the plot, and
 * each scanline is sampled eight times); here a row costs a division and the few pixels near each
 * curve. Along a row θ2 is fixed and d grows on both sides of the crossing θ1 = p/θ2 (its derivative
 * has the sign of θ1 − p/θ2 there), so each row is scanned outwards from it and stops at the first
 * pixel out of reach.
 *
 * <p>Exact for straight lines (and for the line θ2 = 0 of p = 0, which is drawn as such: the first
 * order formula would add the axis θ1 = 0); on a curve, the error is of the order of d² times its
 * curvature, which matters only where the curve turns within a pixel or two (the vertex of a
 * hyperbola squeezed by a very wide window) and stays there. Curves are composed in order, source
 * over, as Java2D would stroke them one after another.
 */
final class ProductCurves {

    private ProductCurves() {
    }

    /**
     * Strokes curves, in order, onto px: a w × h block of premultiplied ARGB, row after row, whose
     * pixel (i, j) has its centre at θ1 = a0 + (i + ½)·da, θ2 = b0 + (j + ½)·db (da &gt; 0; db &lt; 0
     * when rows go down the plot), and only on the pixels whose centres lie in limits (θ1 &lt; 0 only
     * where the stroke spills over θ1 = 0 from the branch).
     * A curve's width in pixels is its width times scale. Modifies px.
     */
    static void paint(int[] px, int w, int h, double a0, double da, double b0, double db, Window limits,
                      double scale, List<ProductCurve> curves) {
        if (!(da > 0) || db == 0 || !Double.isFinite(db)) {
            throw new IllegalArgumentException("pixel steps must be finite, da positive, db non-zero; got da = " + da
                    + ", db = " + db);
        }
        // Columns whose centres are in the window; iPos: the first column on θ1 > 0 (rows are checked one by one).
        int iMin = first(a0, da, w, t -> t >= limits.a0());
        int iMax = first(a0, da, w, t -> t > limits.a1()) - 1;
        int iPos = Math.max(iMin, first(a0, da, w, t -> t > 0));
        if (iMin > iMax) {
            return;
        }
        for (ProductCurve c : curves) {
            stroke(px, w, h, a0, da, b0, db, limits, iMin, iPos, iMax, c.product(), c.width() * scale, c.colour());
        }
    }

    /**
     * The first column (0 … w; w when none) whose centre satisfies test, which, once true, stays true
     * for the columns after (a column's θ1 grows with its index): a binary search.
     */
    private static int first(double a0, double da, int w, java.util.function.DoublePredicate test) {
        int lo = 0;
        int hi = w;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (test.test(at(a0, da, mid))) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static double at(double origin, double step, int k) {
        return origin + (k + 0.5) * step;
    }

    private static void stroke(int[] px, int w, int h, double a0, double da, double b0, double db, Window limits,
                               int iMin, int iPos, int iMax, double p, double width, java.awt.Color colour) {
        double half = 0.5 * width;
        double reach = half + 0.5;
        int alpha = colour.getAlpha();
        int red = colour.getRed();
        int green = colour.getGreen();
        int blue = colour.getBlue();
        double ada = Math.abs(da);
        double adb = Math.abs(db);
        for (int j = 0; j < h; j++) {
            double t2 = at(b0, db, j);
            if (t2 < limits.b0() || t2 > limits.b1()) {
                continue;
            }
            int row = j * w;
            if (p == 0) {
                // The half-line θ2 = 0, θ1 > 0: the same distance all along the row.
                int a = coverageAlpha(Math.abs(t2) / adb, half, alpha);
                if (a > 0) {
                    for (int i = iPos; i <= iMax; i++) {
                        px[row + i] = over(px[row + i], red, green, blue, a);
                    }
                }
                continue;
            }
            // Where θ2 has p's sign, the stroke may spill over θ1 = 0 (the formula's d is then the distance
            // across to the branch); elsewhere θ1 ≤ 0 holds the other branch, not drawn.
            int lowest = t2 * p > 0 ? iMin : iPos;
            if (lowest > iMax) {
                continue;
            }
            // The crossing θ1 = p/θ2 when on θ1 > 0; else the curve is nearest at the right (θ2 = p/θ1 → 0).
            int start;
            double crossing = p / t2;
            if (t2 != 0 && crossing > 0) {
                double ic = (crossing - a0) / da - 0.5;
                start = ic <= lowest ? lowest : ic >= iMax ? iMax : (int) Math.round(ic);
            } else {
                start = iMax;
            }
            double g2 = t2 * ada;
            g2 *= g2;
            for (int i = start; i <= iMax; i++) {
                int a = pixelAlpha(at(a0, da, i), t2, p, g2, adb, half, reach, alpha);
                if (a < 0) {
                    break;
                }
                if (a > 0) {
                    px[row + i] = over(px[row + i], red, green, blue, a);
                }
            }
            for (int i = start - 1; i >= lowest; i--) {
                int a = pixelAlpha(at(a0, da, i), t2, p, g2, adb, half, reach, alpha);
                if (a < 0) {
                    break;
                }
                if (a > 0) {
                    px[row + i] = over(px[row + i], red, green, blue, a);
                }
            }
        }
    }

    /** The stroke's alpha at the pixel centred on (t1, t2), or −1 when the pixel is out of reach. */
    private static int pixelAlpha(double t1, double t2, double p, double g2, double adb, double half, double reach,
                                  int alpha) {
        double gb = t1 * adb;
        double grad = Math.sqrt(g2 + gb * gb);
        double d = Math.abs(t1 * t2 - p);
        if (!(d < reach * grad)) {
            return -1;
        }
        return coverageAlpha(d / grad, half, alpha);
    }

    /** alpha times the coverage of a line of half-width half at distance d from the pixel's centre, rounded. */
    static int coverageAlpha(double d, double half, int alpha) {
        double cover = Math.min(0.5, d + half) - Math.max(-0.5, d - half);
        return cover <= 0 ? 0 : (int) Math.round(alpha * Math.min(1, cover));
    }

    /** Premultiplied ARGB dst under the colour (r, g, b) at alpha a (0 … 255), source over. */
    static int over(int dst, int r, int g, int b, int a) {
        int keep = 255 - a;
        int da = dst >>> 24;
        int dr = (dst >> 16) & 0xFF;
        int dg = (dst >> 8) & 0xFF;
        int db = dst & 0xFF;
        int oa = div255(255 * a + da * keep);
        int or = div255(r * a + dr * keep);
        int og = div255(g * a + dg * keep);
        int ob = div255(b * a + db * keep);
        return (oa << 24) | (or << 16) | (og << 8) | ob;
    }

    /** x / 255 rounded, for 0 ≤ x ≤ 255². */
    private static int div255(int x) {
        return (x + 128 + ((x + 128) >> 8)) >> 8;
    }
}
