package lab.sharpminima.export;

import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * A fixed value range [lo, hi] coloured by a {@link ColorMap}, linearly (t = (v − lo)/(hi − lo)) or
 * logarithmically (t = log(v/lo)/log(hi/lo), see {@link LogScale#fraction}). The range is fixed,
 * not taken from the data, so that a figure keeps its colours while a slider moves and two exports
 * compare by eye. Values outside the range take the end colours; NaN is transparent.
 */
public record ColorScale(ColorMap map, double lo, double hi, boolean log) {

    /**
     * @throws IllegalArgumentException unless lo &lt; hi are finite, and lo &gt; 0 when log
     */
    public ColorScale {
        if (map == null) {
            throw new IllegalArgumentException("a colour scale needs a colour map");
        }
        if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi)) {
            throw new IllegalArgumentException("a colour scale needs finite lo < hi, got [" + lo + ", " + hi + "]");
        }
        if (log && !(lo > 0)) {
            throw new IllegalArgumentException("a log colour scale needs lo > 0, got " + lo);
        }
    }

    /** A linear scale over [lo, hi]. */
    public static ColorScale linear(ColorMap map, double lo, double hi) {
        return new ColorScale(map, lo, hi, false);
    }

    /** A logarithmic scale over [lo, hi], 0 &lt; lo. */
    public static ColorScale logarithmic(ColorMap map, double lo, double hi) {
        return new ColorScale(map, lo, hi, true);
    }

    /** A linear diverging scale over [−m, m], so that zero takes the map's middle colour. */
    public static ColorScale symmetric(ColorMap map, double m) {
        return new ColorScale(map, -Math.abs(m), Math.abs(m), false);
    }

    /** t ∈ [0, 1] of a value (NaN for NaN). */
    public double fraction(double v) {
        if (log) {
            return LogScale.fraction(v, lo, hi);
        }
        return Double.isNaN(v) ? Double.NaN : ColorMap.clamp((v - lo) / (hi - lo));
    }

    /** The colour of a value as 0xAARRGGBB. */
    public int argb(double v) {
        return map.argb(fraction(v));
    }

    /**
     * This scale as a JFreeChart {@link PaintScale}. For a log scale its values are log10(v) (bounds
     * log10 lo … log10 hi), so that a legend axis over exponents spaces the colours evenly; see
     * {@link HeatMapImage#legend}.
     */
    public PaintScale paintScale() {
        ColorScale self = this;
        return new PaintScale() {
            @Override
            public double getLowerBound() {
                return log ? Math.log10(lo) : lo;
            }

            @Override
            public double getUpperBound() {
                return log ? Math.log10(hi) : hi;
            }

            @Override
            public Paint getPaint(double value) {
                return self.map.at(self.fraction(log ? Math.pow(10, value) : value));
            }
        };
    }
}
