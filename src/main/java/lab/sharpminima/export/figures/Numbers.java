package lab.sharpminima.export.figures;

import java.util.Locale;

/** Short number formats for chart labels: a few significant digits, no trailing zeros. */
final class Numbers {

    private Numbers() {
    }

    /** v with up to 3 significant digits ("0.25", "4", "1.5e-05"). */
    static String compact(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "NaN" : v > 0 ? "∞" : "−∞";
        }
        String s = String.format(Locale.ROOT, "%.3g", v);
        if (s.contains("e")) {
            String[] parts = s.split("e");
            return strip(parts[0]) + "e" + Integer.parseInt(parts[1]);
        }
        return strip(s);
    }

    private static String strip(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
