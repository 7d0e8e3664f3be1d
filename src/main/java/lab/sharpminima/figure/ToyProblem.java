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

    private ToyProblem(Settings settings) {
        this.settings = settings;
        this.network = new Network(List.of(Layer.of(1, 1, Activation.RELU, false),
                Layer.of(1, 1, Activation.LINEAR, false)));
        this.data = BuiltinDatasets.toy1d(settings.samples(), settings.noise(), settings.seed(), settings.slope());
        this.loss = new LossFunction(network, LossKind.MSE, data);
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
