package lab.sharpminima.export;

import java.awt.Color;

/**
 * A map from t ∈ [0, 1] to an opaque sRGB colour. Values of t outside [0, 1] are clamped; NaN gives
 * a fully transparent pixel (argb 0), so missing values show the background rather than a colour.
 */
@FunctionalInterface
public interface ColorMap {

    /** The colour at t as 0xAARRGGBB (alpha 0xFF unless t is NaN). */
    int argb(double t);

    /** The colour at t as a {@link Color} (with alpha). */
    default Color at(double t) {
        return new Color(argb(t), true);
    }

    /** t clamped to [0, 1]; NaN stays NaN. */
    static double clamp(double t) {
        return t < 0 ? 0 : t > 1 ? 1 : t;
    }

    /** 0xFF000000 | r g b, with each channel in [0, 1] rounded to 8 bits. */
    static int pack(double r, double g, double b) {
        return 0xFF000000 | channel(r) << 16 | channel(g) << 8 | channel(b);
    }

    private static int channel(double c) {
        return (int) Math.round(255 * clamp(c));
    }
}
