package lab.sharpminima.session;

import lab.sharpminima.figure.Presets;
import lab.sharpminima.landscape.Window;

/**
 * The ranges a session's values must lie in: those of the views' sliders (the ViewModels clamp to the
 * same bounds; a test in {@code ui} checks that they agree). A value outside is refused on open rather
 * than clamped, so that what is drawn is what the file says.
 */
public final class SessionRanges {

    /** A closed interval [lo, hi]. */
    public record Range(double lo, double hi) {

        public boolean contains(double x) {
            return x >= lo && x <= hi;
        }

        @Override
        public String toString() {
            return "[" + fmt(lo) + ", " + fmt(hi) + "]";
        }

        private static String fmt(double x) {
            return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
        }
    }

    private static final Window FIGURE2 = Presets.landscape().window();
    private static final Window FIGURE4 = Presets.landscapeAcrossAxis().window();

    public static final Range FIGURE1_THETA = new Range(Presets.figure1().lo(), Presets.figure1().hi());
    public static final Range FIGURE1_EPSILON = new Range(0.01, 2);
    public static final Range FIGURE2_THETA1 = new Range(FIGURE2.a0(), FIGURE2.a1());
    public static final Range FIGURE2_THETA2 = new Range(FIGURE2.b0(), FIGURE2.b1());
    public static final Range FIGURE2_ALPHA_EXPONENT = new Range(-3, 3);
    public static final Range FIGURE2_EPSILON = new Range(1e-3, 1);
    public static final Range FIGURE3_ALPHA_EXPONENT = new Range(-1, 1);
    public static final Range FIGURE3_RADIUS = new Range(0.05, 1.5);
    public static final Range FIGURE3_COUNT = new Range(1, 12);
    public static final Range FIGURE4_THETA1 = new Range(0.05, Math.min(3, FIGURE4.a1()));
    public static final Range FIGURE4_THETA2 = new Range(FIGURE4.b0(), FIGURE4.b1());
    public static final Range FIGURE4_EPSILON = new Range(0.05, 1.5);
    public static final Range FIGURE5_A = new Range(-0.45, 1.5);
    public static final Range FIGURE5_LOG_B = new Range(-4, 0);
    public static final Range FIGURE5_CENTRE = new Range(Presets.figure5().lo(), Presets.figure5().hi());
    /** log₁₀ α_k of the transformation, every layer (the Spectrum and Measures sliders). */
    public static final Range TRANSFORM_EXPONENT = new Range(-2, 2);

    private SessionRanges() {
    }
}
