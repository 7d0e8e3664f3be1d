package lab.sharpminima.measure;

import java.util.List;
import java.util.Random;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.TestNets;
import org.ejml.data.DMatrixRMaj;

/** Models with known sharpness for the tests. */
final class SharpnessToys {
    private SharpnessToys() {
    }

    /**
     * The paper's two-parameter model f(x) = θ₂ relu(θ₁ x) (Figures 2–4) on inputs x &gt; 0 with
     * targets y = c·x. While θ₁ &gt; 0, L(θ₁, θ₂) = m (θ₁θ₂ − c)², m = mean(x²): the closed form
     * {@link #toyLoss} used by the grid searches.
     */
    record Toy(LossFunction f, double m, double c) {
        double loss(double t1, double t2) {
            double r = t1 * t2 - c;
            return m * r * r;
        }
    }

    static Toy toy(double c, long seed) {
        Random rnd = new Random(seed);
        int n = 16;
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        DMatrixRMaj y = new DMatrixRMaj(n, 1);
        double m = 0;
        for (int i = 0; i < n; i++) {
            double xi = 0.5 + rnd.nextDouble();
            x.set(i, 0, xi);
            y.set(i, 0, c * xi);
            m += xi * xi / n;
        }
        Network net = new Network(List.of(new Layer(1, 1, Activation.RELU, 0, false),
                new Layer(1, 1, Activation.LINEAR, 0, false)));
        return new Toy(new LossFunction(net, LossKind.MSE, new Dataset(x, y)), m, c);
    }

    /** A random relu net with random targets (θ is not a minimum). */
    record Case(LossFunction f, double[] theta) {
    }

    static Case random(int[] widths, boolean bias, long seed) {
        Random rnd = new Random(seed);
        Network net = TestNets.net(widths, Activation.RELU, bias);
        double[] theta = TestNets.theta(net, rnd);
        return new Case(new LossFunction(net, LossKind.MSE, TestNets.data(net, LossKind.MSE, 40, rnd, false)),
                theta);
    }

    /** Teacher–student: targets y = f_θ(x), so L(θ) = 0 and θ is a global minimum. */
    static Case atMinimum(int[] widths, long seed) {
        Random rnd = new Random(seed);
        Network net = TestNets.net(widths, Activation.RELU, false);
        double[] theta = TestNets.theta(net, rnd);
        Dataset d = TestNets.data(net, LossKind.MSE, 60, rnd, false);
        Dataset exact = new Dataset(d.x(), LossFunction.outputs(net, theta, d.x()));
        return new Case(new LossFunction(net, LossKind.MSE, exact), theta);
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
