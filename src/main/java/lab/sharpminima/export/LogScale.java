package lab.sharpminima.export;

/**
 * Logarithmic spacing for contour levels and colour scales of losses, which span decades near a
 * minimum: level_k = lo · (hi/lo)^{k/(n−1)}.
 */
public final class LogScale {

    private LogScale() {
    }

    /**
     * n levels from lo to hi, equally spaced in log: lo·(hi/lo)^{k/(n−1)}, k = 0 … n−1, both ends
     * included exactly.
     *
     * @throws IllegalArgumentException unless 0 &lt; lo &lt; hi (finite) and n ≥ 2
     */
    public static double[] levels(double lo, double hi, int n) {
        check(lo, hi);
        if (n < 2) {
            throw new IllegalArgumentException("log-spaced levels need n >= 2, got " + n);
        }
        double[] v = new double[n];
        double ratio = Math.log(hi / lo);
        for (int k = 0; k < n; k++) {
            v[k] = lo * Math.exp(ratio * k / (n - 1));
        }
        v[n - 1] = hi;
        return v;
    }

    /**
     * The "nice" levels {1, 2, 5} × 10^k that lie in [lo, hi], ascending: round numbers a reader can
     * label, still about three per decade.
     *
     * @throws IllegalArgumentException unless 0 &lt; lo &lt; hi (finite)
     */
    public static double[] niceLevels(double lo, double hi) {
        check(lo, hi);
        int k0 = (int) Math.floor(Math.log10(lo));
        int k1 = (int) Math.ceil(Math.log10(hi));
        double[] out = new double[3 * (k1 - k0 + 1)];
        int m = 0;
        for (int k = k0; k <= k1; k++) {
            for (int mant : new int[] {1, 2, 5}) {
                // Parse the decimal literal so 2e-3 is the double nearest 0.002, not 2·10^-3 rounded twice.
                double v = Double.parseDouble(mant + "e" + k);
                if (v >= lo && v <= hi) {
                    out[m++] = v;
                }
            }
        }
        return java.util.Arrays.copyOf(out, m);
    }

    /**
     * Where v lies between lo and hi on a log axis: log(v/lo)/log(hi/lo), clamped to [0, 1]; a v ≤ 0
     * gives 0 (below any positive level), NaN stays NaN.
     */
    public static double fraction(double v, double lo, double hi) {
        if (Double.isNaN(v)) {
            return Double.NaN;
        }
        if (v <= lo) {
            return 0;
        }
        return ColorMap.clamp(Math.log(v / lo) / Math.log(hi / lo));
    }

    private static void check(double lo, double hi) {
        if (!(lo > 0 && hi > lo && Double.isFinite(hi))) {
            throw new IllegalArgumentException("a log scale needs 0 < lo < hi, got lo = " + lo + ", hi = " + hi);
        }
    }
}
