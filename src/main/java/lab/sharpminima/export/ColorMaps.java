package lab.sharpminima.export;

import java.awt.Color;
import java.util.List;

/**
 * The colour maps and palette of our figures: viridis for losses, ColorBrewer RdBu for signed
 * quantities, Okabe–Ito for curves.
 */
public final class ColorMaps {

    /**
     * Viridis (van der Walt and Smith, matplotlib 1.5, 2015; CC0), perceptually uniform with
     * lightness rising from dark purple (t = 0) to yellow (t = 1). Evaluated as the degree-6
     * least-squares polynomial fit per channel by Matt Zucker ("viridis approximation",
     * shadertoy.com/view/WlfXRN, 2020), c(t) = Σ_k c_k t^k; it stays within 4/255 per channel of
     * the published 256-entry table (checked at the table's entries 0, 16, 32, 64, 128, 192, 255 in
     * ColorMapsTest).
     */
    public static final ColorMap VIRIDIS = ColorMaps::viridis;

    /**
     * ColorBrewer RdBu, 11 classes (Cynthia Brewer, colorbrewer2.org, Apache-2.0), reversed so that
     * t = 0 is dark blue (most negative), t = ½ the near-white neutral (zero) and t = 1 dark red
     * (most positive); linear in sRGB between the 11 published stops.
     */
    public static final ColorMap DIVERGING = stops(0x053061, 0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7,
            0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b, 0x67001f);

    /**
     * The Okabe–Ito palette (Okabe and Ito, "Color Universal Design", 2008), distinguishable under
     * the common colour-vision deficiencies. Ordered for curves on white: the low-contrast yellow
     * comes last.
     */
    public static final List<Color> OKABE_ITO = List.of(new Color(0x0072B2), new Color(0xD55E00),
            new Color(0x009E73), new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9),
            new Color(0x000000), new Color(0xF0E442));

    private static final double[][] VIRIDIS_COEFFS = {
        {0.2777273272234177, 0.005407344544966578, 0.3340998053353061},
        {0.1050930431085774, 1.404613529898575, 1.384590162594685},
        {-0.3308618287255563, 0.214847559468213, 0.09509516302823659},
        {-4.634230498983486, -5.799100973351585, -19.33244095627987},
        {6.228269936347081, 14.17993336680509, 56.69055260068105},
        {4.776384997670288, -13.74514537774601, -65.35303263337234},
        {-5.435455855934631, 4.645852612178535, 26.3124352495832},
    };

    private ColorMaps() {
    }

    /** The k-th curve colour, cycling through {@link #OKABE_ITO}. */
    public static Color categorical(int k) {
        return OKABE_ITO.get(Math.floorMod(k, OKABE_ITO.size()));
    }

    private static int viridis(double t) {
        if (Double.isNaN(t)) {
            return 0;
        }
        double x = ColorMap.clamp(t);
        double[] c = new double[3];
        for (int ch = 0; ch < 3; ch++) {
            double v = 0;
            for (int k = VIRIDIS_COEFFS.length - 1; k >= 0; k--) {
                v = v * x + VIRIDIS_COEFFS[k][ch]; // Horner
            }
            c[ch] = v;
        }
        return ColorMap.pack(c[0], c[1], c[2]);
    }

    /** A map linear in sRGB through equally spaced 0xRRGGBB stops, the first at t = 0, the last at t = 1. */
    static ColorMap stops(int... rgb) {
        int[] s = rgb.clone();
        return t -> {
            if (Double.isNaN(t)) {
                return 0;
            }
            double x = ColorMap.clamp(t) * (s.length - 1);
            int k = Math.min((int) x, s.length - 2);
            double f = x - k;
            return ColorMap.pack(lerp(s[k] >> 16, s[k + 1] >> 16, f), lerp(s[k] >> 8, s[k + 1] >> 8, f),
                    lerp(s[k], s[k + 1], f));
        };
    }

    private static double lerp(int c0, int c1, double f) {
        return ((c0 & 0xFF) + f * ((c1 & 0xFF) - (c0 & 0xFF))) / 255.0;
    }
}
