package lab.sharpminima.ui.summary;

import java.util.Locale;

/** How the views print numbers: six significant digits, no trailing zeros, a short exponent. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * {@code 0} for ±0; otherwise six significant digits (Locale.ROOT), with an exponent below 1e-3
     * and from 1e6 up, without trailing zeros, e.g.
     * 9.631112 → "9.63111", 0.0045060287 → "0.00450603", 2.8146e-4 → "2.81456e-4".
     */
    public static String format(double v) {
        if (v == 0) {
            return "0";
        }
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        // %g alone would print 0.000281456; below 1e-3 and from 1e6 up an exponent reads better.
        String s = String.format(Locale.ROOT, a < 1e-3 || a >= 1e6 ? "%.5e" : "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : shortExponent(s.substring(e + 1));
        if (mantissa.indexOf('.') >= 0) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + exponent;
    }

    /** "-04" → "e-4", "+12" → "e12". */
    private static String shortExponent(String exp) {
        int value = Integer.parseInt(exp.startsWith("+") ? exp.substring(1) : exp);
        return "e" + value;
    }
}
