package lab.sharpminima.figure;

/**
 * A sampled plane curve, points (x_k, y_k) in drawing order; for a graph y = f(x), x increases.
 * Arrays are copied on the way in and out.
 */
public record Curve(double[] x, double[] y) {

    public Curve {
        if (x.length != y.length) {
            throw new IllegalArgumentException("a curve needs as many x as y values, got " + x.length + " and "
                    + y.length);
        }
        x = x.clone();
        y = y.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    public int size() {
        return x.length;
    }

    public double x(int k) {
        return x[k];
    }

    public double y(int k) {
        return y[k];
    }
}
