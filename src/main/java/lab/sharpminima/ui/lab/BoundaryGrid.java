package lab.sharpminima.ui.lab;

import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.Network;
import org.ejml.data.DMatrixRMaj;

/**
 * The network's outputs on a regular grid over the data's input range, for the decision-boundary
 * heat map (2 inputs, as TensorFlow Playground draws it) or the regression fit (1 input).
 *
 * <p>The score shown is f(x) for one output, f₁(x) − f₀(x) (the logit margin, whose sign is the
 * predicted class) for two, and the arg-max class index for more.
 *
 * @param window  x0, x1 (and y0, y1 for two inputs) of the grid
 * @param size    points per axis
 * @param inputs  1 or 2
 * @param outputs the raw outputs, one row per grid point (row-major, y outer for two inputs)
 * @param score   the shown score per grid point
 */
public record BoundaryGrid(double[] window, int size, int inputs, DMatrixRMaj outputs, double[] score) {

    /** Whether a grid can be drawn for data of this input dimension. */
    public static boolean drawable(int inputs) {
        return inputs == 1 || inputs == 2;
    }

    /** The data's range per input, widened by 10 % on each side (fixed for a problem). */
    public static double[] window(Dataset data) {
        int d = data.inputDimension();
        double[] w = new double[2 * d];
        for (int j = 0; j < d; j++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < data.size(); i++) {
                double v = data.x().get(i, j);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double pad = hi > lo ? 0.1 * (hi - lo) : 1;
            w[2 * j] = lo - pad;
            w[2 * j + 1] = hi + pad;
        }
        return w;
    }

    /** The grid's input points: size (1 input) or size² rows (2 inputs, y outer, x inner). */
    public static DMatrixRMaj points(double[] window, int size) {
        int d = window.length / 2;
        DMatrixRMaj x = new DMatrixRMaj(d == 1 ? size : size * size, d);
        for (int r = 0; r < x.numRows; r++) {
            int ix = r % size;
            x.set(r, 0, coordinate(window[0], window[1], ix, size));
            if (d == 2) {
                x.set(r, 1, coordinate(window[2], window[3], r / size, size));
            }
        }
        return x;
    }

    private static double coordinate(double lo, double hi, int i, int size) {
        return lo + (hi - lo) * i / (size - 1);
    }

    /** Evaluates f(θ) on the grid; one forward pass over all grid points. */
    public static BoundaryGrid compute(Network net, double[] theta, double[] window, int size) {
        DMatrixRMaj x = points(window, size);
        DMatrixRMaj out = LossFunction.outputs(net, theta, x);
        double[] score = new double[out.numRows];
        for (int r = 0; r < out.numRows; r++) {
            score[r] = score(out, r);
        }
        return new BoundaryGrid(window.clone(), size, window.length / 2, out, score);
    }

    /** The score of row r of an output matrix (see the class comment). */
    public static double score(DMatrixRMaj out, int r) {
        int k = out.numCols;
        if (k == 1) {
            return out.get(r, 0);
        }
        if (k == 2) {
            return out.get(r, 1) - out.get(r, 0);
        }
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (out.get(r, j) > out.get(r, best)) {
                best = j;
            }
        }
        return best;
    }

    /** max |f_this − f_other| over every grid point and output. */
    public double maxAbsDifference(BoundaryGrid other) {
        double m = 0;
        for (int i = 0; i < outputs.getNumElements(); i++) {
            m = Math.max(m, Math.abs(outputs.get(i) - other.outputs.get(i)));
        }
        return m;
    }
}
