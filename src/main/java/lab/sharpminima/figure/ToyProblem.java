package lab.sharpminima.figure;

import java.util.List;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.data.BuiltinDatasets;
import org.ejml.data.DMatrixRMaj;

/**
 * The two-parameter model of the paper's Figures 2–4, y = φ_rect(x·θ1)·θ2 (one rectifier hidden unit,
 * no biases), under the mean squared error on the 1-D toy data of {@link BuiltinDatasets#toy1d}:
 * x uniform in [0.1, 2], y = c·x + noise. Since x &gt; 0, f(x) = θ1θ2·x when θ1 &gt; 0 and f ≡ 0 when
 * θ1 ≤ 0, so the curves of equal function are the branches θ1θ2 = k, θ1 &gt; 0 (Section 4, Figure 2).
 */
public final class ToyProblem {

    /**
     * @param samples number of data points (1 … 10 000)
     * @param slope   c, the slope of the target line
     * @param noise   standard deviation of the target noise (≥ 0)
     * @param seed    seed of the data
     */
    public record Settings(int samples, double slope, double noise, long seed) {
        public Settings {
            Checks.atLeast("samples", samples, 1, 10_000);
            Checks.finite("slope", slope);
            if (!(noise >= 0) || Double.isInfinite(noise)) {
                throw new IllegalArgumentException("noise must be a finite number ≥ 0, got " + noise);
            }
        }
    }

    private final Settings settings;
    private final Network network;
    private final Dataset data;
    private final LossFunction loss;
    private final ProductForm productForm;

    private ToyProblem(Settings settings) {
        this.settings = settings;
        this.network = new Network(List.of(Layer.of(1, 1, Activation.RELU, false),
                Layer.of(1, 1, Activation.LINEAR, false)));
        this.data = BuiltinDatasets.toy1d(settings.samples(), settings.noise(), settings.seed(), settings.slope());
        this.loss = new LossFunction(network, LossKind.MSE, data);
        this.productForm = ProductForm.of(data);
    }

    /**
     * L in closed form (Section 4: L depends on θ only through θ1θ2 where θ1 &gt; 0). Every x of the toy
     * data is positive, so f(x) = p·x with p = θ1θ2 when θ1 &gt; 0 and f ≡ 0 when θ1 ≤ 0; the mean squared
     * error (no ½) is then a quadratic in p, written about its minimum so that it stays accurate (and
     * never negative) near it:
     * L = A(p − p*)² + L* with A = mean x², p* = mean(xy)/A, L* = mean((y − p*x)²), and L = mean y² for
     * θ1 ≤ 0. Its level curves are the hyperbolas θ1θ2 = p of {@link #productsAt}.
     *
     * @param a     A = mean x² (&gt; 0)
     * @param pStar p*, the product at the minimum
     * @param lStar L*, the minimum
     * @param flat  L where θ1 ≤ 0: mean y²
     */
    public record ProductForm(double a, double pStar, double lStar, double flat) {

        /** The form of a 1-D data set whose x are all positive; {@code null} otherwise. */
        static ProductForm of(Dataset data) {
            DMatrixRMaj x = data.x();
            DMatrixRMaj y = data.y();
            if (x.numCols != 1 || y.numCols != 1 || x.numRows == 0) {
                return null;
            }
            int n = x.numRows;
            double xx = 0;
            double xy = 0;
            double yy = 0;
            for (int i = 0; i < n; i++) {
                double xi = x.get(i, 0);
                if (!(xi > 0)) {
                    return null;
                }
                double yi = y.get(i, 0);
                xx += xi * xi;
                xy += xi * yi;
                yy += yi * yi;
            }
            double a = xx / n;
            double pStar = xy / xx;
            double lStar = 0;
            for (int i = 0; i < n; i++) {
                double r = y.get(i, 0) - pStar * x.get(i, 0);
                lStar += r * r;
            }
            return new ProductForm(a, pStar, lStar / n, yy / n);
        }

        /** L(θ1, θ2). */
        public double value(double theta1, double theta2) {
            if (!(theta1 > 0)) {
                return flat;
            }
            double d = theta1 * theta2 - pStar;
            return a * d * d + lStar;
        }

        /**
         * The products p, in increasing order, whose curves θ1θ2 = p (θ1 &gt; 0) make up the level curve
         * {L = level}: p* ∓ √((level − L*)/A); one (p*) at the minimum, none below it. (Where θ1 ≤ 0, L is
         * the constant mean y², a level curve only at that one level.)
         */
        public double[] productsAt(double level) {
            if (!(level >= lStar)) {
                return new double[0];
            }
            double r = Math.sqrt((level - lStar) / a);
            return r == 0 ? new double[] {pStar} : new double[] {pStar - r, pStar + r};
        }
    }

    /** L in closed form, or {@code null} when some x of the data is not positive (never for the toy data). */
    public ProductForm productForm() {
        return productForm;
    }

    public static ToyProblem of(Settings settings) {
        return new ToyProblem(settings);
    }

    public Settings settings() {
        return settings;
    }

    public Network network() {
        return network;
    }

    public Dataset data() {
        return data;
    }

    /** L(θ), thread-safe. */
    public LossFunction loss() {
        return loss;
    }

    /** f(x_i; θ) for every data point, as a flat array. */
    public double[] outputs(double[] theta) {
        DMatrixRMaj out = LossFunction.outputs(network, theta, data.x());
        return out.data.clone();
    }
}
