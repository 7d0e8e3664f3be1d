package lab.sharpminima.gpu;

/** Agreement of two result vectors to a relative tolerance, as the smoke check and tests use it. */
public final class Agreement {

    private Agreement() {
    }

    /**
     * max_i |a_i − b_i| ≤ tol · max(1e-300, max_i |a_i|): relative to the largest reference magnitude, so
     * that entries near zero (a gradient component that nearly cancels) are judged on the vector's scale.
     *
     * @return null when they agree, else one line naming the worst entry
     */
    public static String check(double[] reference, double[] other, double tol, String what) {
        double scale = 1e-300;
        for (double v : reference) {
            scale = Math.max(scale, Math.abs(v));
        }
        int worst = -1;
        double err = 0;
        for (int i = 0; i < reference.length; i++) {
            double d = Math.abs(reference[i] - other[i]);
            if (!(d <= err) || Double.isNaN(other[i])) {
                err = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                worst = i;
            }
        }
        if (worst >= 0 && !(err <= tol * scale)) {
            return what + " disagree with the CPU at [" + worst + "]: " + other[worst] + " vs " + reference[worst]
                    + " (relative " + String.format(java.util.Locale.ROOT, "%.2e", err / scale) + ")";
        }
        return null;
    }
}
