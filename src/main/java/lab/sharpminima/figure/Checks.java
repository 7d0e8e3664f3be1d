package lab.sharpminima.figure;

/** Settings validation: each failure is one line naming the field and what it must be. */
final class Checks {

    private Checks() {
    }

    static double finite(String field, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(field + " must be a finite number, got " + v);
        }
        return v;
    }

    static double positive(String field, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(field + " must be a positive finite number, got " + v);
        }
        return v;
    }

    static int atLeast(String field, int v, int min, int max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }

    static void range(String loField, double lo, String hiField, double hi) {
        finite(loField, lo);
        finite(hiField, hi);
        if (!(lo < hi)) {
            throw new IllegalArgumentException(loField + " must be below " + hiField + ", got " + lo + " and " + hi);
        }
    }

    static double[] copy(double[] v) {
        return v == null ? null : v.clone();
    }
}
