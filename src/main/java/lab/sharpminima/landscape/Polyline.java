package lab.sharpminima.landscape;

/**
 * A level curve piece in plane coordinates (a, b): points p_0 … p_{m−1}, closed (p_{m−1} joins
 * p_0, the first point is not repeated) or open (both ends on the window's edge). Curves from
 * {@link Contours} keep the inside {f &lt; level} on their left, so a closed curve around an
 * inside region has positive {@link #signedArea()}. Immutable.
 */
public final class Polyline {

    private final double[] a;
    private final double[] b;
    private final boolean closed;

    public Polyline(double[] a, double[] b, boolean closed) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("a polyline needs as many a as b coordinates, got " + a.length
                    + " and " + b.length);
        }
        this.a = a.clone();
        this.b = b.clone();
        this.closed = closed;
    }

    public int size() {
        return a.length;
    }

    public double a(int k) {
        return a[k];
    }

    public double b(int k) {
        return b[k];
    }

    public double[] a() {
        return a.clone();
    }

    public double[] b() {
        return b.clone();
    }

    public boolean closed() {
        return closed;
    }

    /** Σ |p_{k+1} − p_k|, with the closing piece when closed. */
    public double length() {
        double sum = 0;
        int m = a.length;
        for (int k = 0; k + 1 < m; k++) {
            sum += Math.hypot(a[k + 1] - a[k], b[k + 1] - b[k]);
        }
        if (closed && m > 1) {
            sum += Math.hypot(a[0] - a[m - 1], b[0] - b[m - 1]);
        }
        return sum;
    }

    /**
     * The shoelace formula ½ Σ (a_k b_{k+1} − a_{k+1} b_k) over the closed polygon (an open
     * polyline is closed by the chord from its last point to its first), taken relative to p_0.
     */
    public double signedArea() {
        int m = a.length;
        double twice = 0;
        for (int k = 1; k + 1 < m; k++) {
            twice += (a[k] - a[0]) * (b[k + 1] - b[0]) - (a[k + 1] - a[0]) * (b[k] - b[0]);
        }
        return 0.5 * twice;
    }
}
