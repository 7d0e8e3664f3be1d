package lab.sharpminima.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/** Seeded random networks and data for the engine's tests. */
public final class TestNets {
    private TestNets() {
    }

    /** A network of the given widths, every hidden layer with {@code hidden}, linear output. */
    public static Network net(int[] widths, Activation hidden, boolean bias) {
        List<Layer> ls = new ArrayList<>();
        for (int k = 0; k + 1 < widths.length; k++) {
            Activation a = k + 2 == widths.length ? Activation.LINEAR : hidden;
            ls.add(new Layer(widths[k], widths[k + 1], a, 0.1, bias));
        }
        return new Network(ls);
    }

    public static double[] theta(Network net, Random rnd) {
        double[] t = new double[net.parameterCount()];
        for (int i = 0; i < t.length; i++) {
            t[i] = rnd.nextGaussian() * 0.8;
        }
        return t;
    }

    /** Random inputs; regression targets, or one-hot (or soft) class rows for cross-entropy. */
    public static Dataset data(Network net, LossKind kind, int n, Random rnd, boolean soft) {
        DMatrixRMaj x = new DMatrixRMaj(n, net.inputs());
        DMatrixRMaj y = new DMatrixRMaj(n, net.outputs());
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rnd.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            if (kind == LossKind.MSE) {
                for (int j = 0; j < net.outputs(); j++) {
                    y.set(i, j, rnd.nextGaussian());
                }
            } else if (soft) {
                double s = 0;
                for (int j = 0; j < net.outputs(); j++) {
                    double v = rnd.nextDouble();
                    y.set(i, j, v);
                    s += v;
                }
                for (int j = 0; j < net.outputs(); j++) {
                    y.set(i, j, y.get(i, j) / s);
                }
            } else {
                y.set(i, rnd.nextInt(net.outputs()), 1.0);
            }
        }
        return new Dataset(x, y);
    }
}
