package lab.sharpminima.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.Network;
import org.junit.jupiter.api.Test;

class InitializerTest {

    @Test
    void sameSeedSameBitsAndBiasesZero() {
        Network net = Network.mlp(new int[] {2, 16, 16, 2}, Activation.RELU, true);
        double[] a = Initializer.he(net, 5);
        assertThat(Arrays.equals(a, Initializer.he(net, 5))).isTrue();
        assertThat(Arrays.equals(a, Initializer.he(net, 6))).isFalse();
        for (int k = 0; k < net.depth(); k++) {
            assertThat(net.bias(a, k)).containsOnly(0.0);
        }
    }

    @Test
    void standardDeviationFollowsTheActivation() {
        // 200×300 relu: He, √(2/200) = 0.1; 300×100 tanh: Glorot, √(2/400) ≈ 0.0707;
        // 100×50 leaky (slope 1): √(2/2)/√100 = 0.1. Sample std of ≥ 5000 draws: within 3 %.
        Network net = new Network(List.of(Layer.of(200, 300, Activation.RELU, false),
                Layer.of(300, 100, Activation.TANH, false),
                new Layer(100, 50, Activation.LEAKY_RELU, 1.0, false)));
        double[] theta = Initializer.he(net, 11);
        assertThat(std(theta, net, 0)).isCloseTo(0.1, within(0.003));
        assertThat(std(theta, net, 1)).isCloseTo(Math.sqrt(2.0 / 400), within(0.0021));
        assertThat(std(theta, net, 2)).isCloseTo(0.1, within(0.003));
    }

    private static double std(double[] theta, Network net, int k) {
        double[] w = net.weights(theta, k).data;
        double sq = 0;
        for (double v : w) {
            sq += v * v;
        }
        return Math.sqrt(sq / w.length);
    }
}
