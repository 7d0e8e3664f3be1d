package lab.sharpminima.landscape;

/**
 * The rectangle [a0, a1] × [b0, b1] of plane coordinates that a {@link LossGrid} covers.
 */
public record Window(double a0, double a1, double b0, double b1) {

    /**
     * @throws IllegalArgumentException unless a0 &lt; a1 and b0 &lt; b1, all finite
     */
    public Window {
        if (!(Double.isFinite(a0) && Double.isFinite(a1) && Double.isFinite(b0) && Double.isFinite(b1))) {
            throw new IllegalArgumentException("the window's bounds must be finite, got [" + a0 + ", " + a1
                    + "] x [" + b0 + ", " + b1 + "]");
        }
        if (!(a0 < a1) || !(b0 < b1)) {
            throw new IllegalArgumentException("the window needs a0 < a1 and b0 < b1, got [" + a0 + ", " + a1
                    + "] x [" + b0 + ", " + b1 + "]");
        }
    }

    /** The square [a − h, a + h] × [b − h, b + h]. */
    public static Window around(double a, double b, double halfWidth) {
        return new Window(a - halfWidth, a + halfWidth, b - halfWidth, b + halfWidth);
    }

    /** The square [lo, hi]², as the {@code slice} command's {@code --range lo:hi}. */
    public static Window square(double lo, double hi) {
        return new Window(lo, hi, lo, hi);
    }

    public double width() {
        return a1 - a0;
    }

    public double height() {
        return b1 - b0;
    }

    public double area() {
        return width() * height();
    }

    /** Whether other lies inside this window (edges included). */
    public boolean contains(Window other) {
        return a0 <= other.a0 && a1 >= other.a1 && b0 <= other.b0 && b1 >= other.b1;
    }
}
