package lab.sharpminima.engine.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Model;
import lab.sharpminima.engine.Network;
import org.ejml.data.DMatrixRMaj;

/**
 * The sample models in {@code assets/models}, built from code so that they are valid by construction
 * and can be regenerated: {@code main} writes them, {@link SampleModelsTest} checks the files still
 * match.
 */
public final class SampleModels {

    static final Path DIR = Path.of("assets", "models");

    private SampleModels() {
    }

    /**
     * The two-parameter model of Figure 2 of Dinh et al. (2017): y = θ₂·relu(θ₁·x), no biases, mse on
     * y = x for x = 0.1, 0.2, …, 2.0. Every point of the hyperbola θ₁θ₂ = 1 (θ₁ &gt; 0) is a global
     * minimum with L = 0; the file holds θ = (2, 0.5), one of them.
     */
    static Model paperToy() {
        Network net = new Network(List.of(Layer.of(1, 1, Activation.RELU, false),
                Layer.of(1, 1, Activation.LINEAR, false)));
        DMatrixRMaj x = new DMatrixRMaj(20, 1);
        for (int i = 0; i < 20; i++) {
            x.data[i] = (i + 1) / 10.0;
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("meta", "{\"description\":\"Figure 2 of Dinh et al. (2017): y = theta2 * relu(theta1 * x), "
                + "data on y = x; every theta1 * theta2 = 1 with theta1 > 0 is a minimum\",\"minimum\":\"theta1 * theta2 = 1\"}");
        return new Model(net, new double[] {2.0, 0.5}, LossKind.MSE, new Dataset(x, x.copy()), null, meta);
    }

    static final long XOR_SEED = 17;
    static final int XOR_STEPS = 10000;
    static final double XOR_RATE = 0.1;

    /**
     * A relu 2-4-1 network with biases on noisy XOR (10 training and 5 test points around each corner
     * of the unit square, noise σ = 0.1, rounded to 3 decimals; target 1 when exactly one coordinate
     * is 1). It starts from hand-picked weights that compute XOR exactly on the corners,
     * f = ½relu(x₁+x₂) − relu(x₁+x₂−1) + ½relu(x₁−x₂) + ½relu(x₂−x₁), and takes {@link #XOR_STEPS}
     * steps of full-batch gradient descent on the training mse, which lands it near a minimum.
     */
    static Model xor() {
        Network net = Network.mlp(new int[] {2, 4, 1}, Activation.RELU, true);
        double[] theta = new double[net.parameterCount()];
        net.setWeights(theta, 0, new DMatrixRMaj(new double[][] {{1, 1, 1, -1}, {1, 1, -1, 1}}));
        net.setBias(theta, 0, new double[] {0, -1, 0, 0});
        net.setWeights(theta, 1, new DMatrixRMaj(new double[][] {{0.5}, {-1}, {0.5}, {0.5}}));
        net.setBias(theta, 1, new double[] {0});
        Random rnd = new Random(XOR_SEED);
        Dataset train = xorData(10, rnd);
        Dataset test = xorData(5, rnd);
        LossFunction f = new LossFunction(net, LossKind.MSE, train);
        double[] g = new double[theta.length];
        for (int s = 0; s < XOR_STEPS; s++) {
            f.gradient(theta, g);
            for (int i = 0; i < theta.length; i++) {
                theta[i] -= XOR_RATE * g[i];
            }
        }
        String meta = "{\"description\":\"relu 2-4-1 with biases on noisy XOR\",\"seed\":" + XOR_SEED
                + ",\"trainedWith\":{\"method\":\"full-batch gradient descent\",\"steps\":" + XOR_STEPS
                + ",\"learningRate\":" + XOR_RATE + ",\"start\":\"hand-picked weights computing XOR on the corners\"}}";
        return new Model(net, theta, LossKind.MSE, train, test, Map.of("meta", meta));
    }

    private static Dataset xorData(int perCorner, Random rnd) {
        DMatrixRMaj x = new DMatrixRMaj(4 * perCorner, 2);
        DMatrixRMaj y = new DMatrixRMaj(4 * perCorner, 1);
        int[][] corners = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        for (int i = 0; i < 4 * perCorner; i++) {
            int[] c = corners[i % 4];
            x.set(i, 0, round3(c[0] + 0.1 * rnd.nextGaussian()));
            x.set(i, 1, round3(c[1] + 0.1 * rnd.nextGaussian()));
            y.set(i, 0, c[0] ^ c[1]);
        }
        return new Dataset(x, y);
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** Writes the samples into {@code assets/models} (run from the project root). */
    public static void main(String[] args) throws IOException {
        ModelFiles.write(paperToy(), DIR.resolve("paper-toy-2param.json"));
        ModelFiles.write(xor(), DIR.resolve("xor-2-4-1.json"));
    }
}
