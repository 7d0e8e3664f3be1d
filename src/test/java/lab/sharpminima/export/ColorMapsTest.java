package lab.sharpminima.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class ColorMapsTest {

    /** CIE L* of an sRGB colour (D65): linearize, Y = 0.2126 R + 0.7152 G + 0.0722 B, L* = 116 f(Y) − 16. */
    static double lightness(int argb) {
        double y = 0.2126 * lin(argb >> 16) + 0.7152 * lin(argb >> 8) + 0.0722 * lin(argb);
        double f = y > 216.0 / 24389 ? Math.cbrt(y) : (24389.0 / 27 * y + 16) / 116;
        return 116 * f - 16;
    }

    private static double lin(int c) {
        double v = (c & 0xFF) / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static void assertNear(int argb, double r, double g, double b, double tol255) {
        Color c = new Color(argb, true);
        assertThat(c.getRed()).isCloseTo((int) Math.round(255 * r), within((int) tol255));
        assertThat(c.getGreen()).isCloseTo((int) Math.round(255 * g), within((int) tol255));
        assertThat(c.getBlue()).isCloseTo((int) Math.round(255 * b), within((int) tol255));
        assertThat(c.getAlpha()).isEqualTo(255);
    }

    @Test
    void viridisMatchesPublishedTableEntries() {
        // Entries k of matplotlib's 256-entry _viridis_data, at t = k/255.
        double[][] table = {
            {0, 0.267004, 0.004874, 0.329415}, {16, 0.282327, 0.094955, 0.417331},
            {32, 0.278826, 0.175490, 0.483397}, {64, 0.229739, 0.322361, 0.545706},
            {128, 0.127568, 0.566949, 0.550556}, {192, 0.369214, 0.788888, 0.382914},
            {255, 0.993248, 0.906157, 0.143936},
        };
        for (double[] e : table) {
            assertNear(ColorMaps.VIRIDIS.argb(e[0] / 255), e[1], e[2], e[3], 4);
        }
    }

    @Test
    void viridisLightnessRisesMonotonically() {
        double prev = -1;
        for (int k = 0; k <= 64; k++) {
            double l = lightness(ColorMaps.VIRIDIS.argb(k / 64.0));
            assertThat(l).as("L* at t = %d/64", k).isGreaterThan(prev + 0.5);
            prev = l;
        }
        // At 1/256 steps a rise of ~0.3 L* can meet 8-bit rounding of the channels; allow only that.
        prev = -1;
        for (int k = 0; k <= 256; k++) {
            double l = lightness(ColorMaps.VIRIDIS.argb(k / 256.0));
            assertThat(l).as("L* at t = %d/256", k).isGreaterThan(prev - 0.1);
            prev = l;
        }
        assertThat(lightness(ColorMaps.VIRIDIS.argb(0))).isLessThan(20);
        assertThat(lightness(ColorMaps.VIRIDIS.argb(1))).isGreaterThan(85);
    }

    @Test
    void mapsClampAndMakeNaNTransparent() {
        assertThat(ColorMaps.VIRIDIS.argb(-3)).isEqualTo(ColorMaps.VIRIDIS.argb(0));
        assertThat(ColorMaps.VIRIDIS.argb(7)).isEqualTo(ColorMaps.VIRIDIS.argb(1));
        assertThat(ColorMaps.VIRIDIS.argb(Double.NaN)).isZero();
        assertThat(ColorMaps.DIVERGING.argb(Double.NaN)).isZero();
        assertThat(ColorMaps.VIRIDIS.at(0.3).getRGB()).isEqualTo(ColorMaps.VIRIDIS.argb(0.3));
    }

    @Test
    void divergingIsBlueWhiteRedAndSymmetricInLightness() {
        assertThat(ColorMaps.DIVERGING.argb(0)).isEqualTo(0xFF053061);
        assertThat(ColorMaps.DIVERGING.argb(0.5)).isEqualTo(0xFFF7F7F7);
        assertThat(ColorMaps.DIVERGING.argb(1)).isEqualTo(0xFF67001F);
        for (int k = 0; k <= 50; k++) {
            double t = k / 100.0;
            int lo = ColorMaps.DIVERGING.argb(t);
            int hi = ColorMaps.DIVERGING.argb(1 - t);
            // RdBu's arms are matched in lightness by design; 6 L* units is a just-visible step.
            assertThat(lightness(lo)).as("t = %s", t).isCloseTo(lightness(hi), within(6.0));
            assertThat((lo & 0xFF) >= (lo >> 16 & 0xFF)).as("blue arm at t = %s", t).isTrue();
            assertThat((hi >> 16 & 0xFF) >= (hi & 0xFF)).as("red arm at t = %s", t).isTrue();
        }
        // Lightness peaks at the middle and falls towards both ends.
        for (int k = 0; k < 50; k++) {
            assertThat(lightness(ColorMaps.DIVERGING.argb(k / 100.0)))
                    .isLessThan(lightness(ColorMaps.DIVERGING.argb((k + 1) / 100.0)));
        }
    }

    @Test
    void okabeItoHasEightDistinctColoursAndCycles() {
        assertThat(new HashSet<>(ColorMaps.OKABE_ITO)).hasSize(8);
        assertThat(ColorMaps.categorical(0)).isEqualTo(new Color(0x0072B2));
        assertThat(ColorMaps.categorical(8)).isEqualTo(ColorMaps.categorical(0));
        assertThat(ColorMaps.categorical(-1)).isEqualTo(ColorMaps.categorical(7));
    }

    @Test
    void logLevelsAreGeometric() {
        double[] v = LogScale.levels(1e-3, 10, 5);
        assertThat(v).containsExactly(new double[] {1e-3, 1e-2, 1e-1, 1, 10},
                org.assertj.core.data.Offset.offset(1e-12));
        for (int k = 0; k + 2 < v.length; k++) {
            assertThat(v[k + 1] / v[k]).isCloseTo(v[k + 2] / v[k + 1], within(1e-12));
        }
        assertThat(LogScale.niceLevels(0.15, 20)).containsExactly(0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0);
        assertThat(LogScale.fraction(1, 0.01, 100)).isCloseTo(0.5, within(1e-12));
        assertThat(LogScale.fraction(0, 0.01, 100)).isZero();
        assertThat(LogScale.fraction(1e9, 0.01, 100)).isEqualTo(1.0);
        assertThatThrownBy(() -> LogScale.levels(0, 1, 3)).hasMessageContaining("0 < lo < hi");
        assertThatThrownBy(() -> LogScale.levels(1, 2, 1)).hasMessageContaining("n >= 2");
    }

    @Test
    void colorScaleMapsValuesLinearlyOrByLog() {
        ColorScale lin = ColorScale.linear(ColorMaps.VIRIDIS, 2, 6);
        assertThat(lin.fraction(4)).isCloseTo(0.5, within(1e-15));
        assertThat(lin.argb(100)).isEqualTo(ColorMaps.VIRIDIS.argb(1));
        ColorScale log = ColorScale.logarithmic(ColorMaps.VIRIDIS, 1e-2, 1e2);
        assertThat(log.fraction(1)).isCloseTo(0.5, within(1e-12));
        assertThat(log.paintScale().getLowerBound()).isCloseTo(-2, within(1e-12));
        assertThat(log.paintScale().getPaint(0)).isEqualTo(ColorMaps.VIRIDIS.at(0.5));
        ColorScale sym = ColorScale.symmetric(ColorMaps.DIVERGING, -3);
        assertThat(sym.argb(0)).isEqualTo(ColorMaps.DIVERGING.argb(0.5));
        assertThatThrownBy(() -> ColorScale.logarithmic(ColorMaps.VIRIDIS, 0, 1)).hasMessageContaining("lo > 0");
        assertThatThrownBy(() -> ColorScale.linear(ColorMaps.VIRIDIS, 1, 1)).hasMessageContaining("lo < hi");
    }
}
