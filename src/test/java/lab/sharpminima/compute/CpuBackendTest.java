package lab.sharpminima.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.TestNets;
import org.junit.jupiter.api.Test;

/** The reference backend is LossFunction at each vector, bit for bit, whatever the thread count. */
class CpuBackendTest {

    @Test
    void batchedLossesAndGradientsAreLossFunctionsValues() {
        Random rnd = new Random(5);
        Network net = TestNets.net(new int[] {3, 6, 4}, Activation.TANH, true);
        Dataset data = TestNets.data(net, LossKind.CROSS_ENTROPY, 29, rnd, true);
        LossFunction f = new LossFunction(net, LossKind.CROSS_ENTROPY, data);
        int n = net.parameterCount();
        int count = 11;
        double[] thetas = new double[count * n];
        for (int r = 0; r < count; r++) {
            System.arraycopy(TestNets.theta(net, rnd), 0, thetas, r * n, n);
        }
        for (int threads : new int[] {1, 3}) {
            try (CpuBackend b = new CpuBackend(threads)) {
                double[] grads = new double[count * n];
                double[] l = b.lossesAndGradients(net, LossKind.CROSS_ENTROPY, data, thetas, count, grads);
                double[] l2 = b.losses(net, LossKind.CROSS_ENTROPY, data, thetas, count);
                for (int r = 0; r < count; r++) {
                    double[] t = Arrays.copyOfRange(thetas, r * n, r * n + n);
                    double[] g = new double[n];
                    assertThat(l[r]).isEqualTo(f.gradient(t, g));
                    assertThat(l2[r]).isEqualTo(f.value(t));
                    assertThat(Arrays.copyOfRange(grads, r * n, r * n + n)).isEqualTo(g);
                }
            }
        }
    }

    /**
     * A relu net over several sample blocks (the fast forward pass) and one whose products reach the
     * engine's concurrent kernels (the LossFunction fallback): the same doubles at 1 and 3 threads.
     */
    @Test
    void fastAndFallbackLossesAreLossFunctionsValues() {
        Random rnd = new Random(6);
        for (int samples : new int[] {2 * FastForward.BLOCK + 37, 1100}) {
            Network net = TestNets.net(new int[] {2, 32, 32, 1}, Activation.RELU, true);
            Dataset data = TestNets.data(net, LossKind.MSE, samples, rnd, false);
            LossFunction f = new LossFunction(net, LossKind.MSE, data);
            int n = net.parameterCount();
            int count = 7;
            double[] thetas = new double[count * n];
            for (int r = 0; r < count; r++) {
                System.arraycopy(TestNets.theta(net, rnd), 0, thetas, r * n, n);
            }
            for (int threads : new int[] {1, 3}) {
                try (CpuBackend b = new CpuBackend(threads)) {
                    double[] l = b.losses(net, LossKind.MSE, data, thetas, count);
                    for (int r = 0; r < count; r++) {
                        assertThat(l[r]).as("%d samples, row %d", samples, r)
                                .isEqualTo(f.value(Arrays.copyOfRange(thetas, r * n, r * n + n)));
                    }
                }
            }
        }
    }

    @Test
    void shortPackedArraysAreRejected() {
        Network net = TestNets.net(new int[] {2, 3, 1}, Activation.RELU, false);
        Dataset data = TestNets.data(net, LossKind.MSE, 5, new Random(1), false);
        try (CpuBackend b = new CpuBackend(1)) {
            assertThatThrownBy(() -> b.losses(net, LossKind.MSE, data, new double[net.parameterCount()], 2))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("thetas");
        }
    }
}
