package lab.sharpminima.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.TestNets;
import lab.sharpminima.engine.train.OptimizerKind;
import lab.sharpminima.engine.train.Trainer;
import lab.sharpminima.engine.train.TrainingConfig;
import lab.sharpminima.engine.train.TrainingResult;
import lab.sharpminima.symmetry.AlphaScale;
import org.junit.jupiter.api.Test;

/**
 * The CPU backend's batched Hessian-vector products and minibatch gradients: the engine's values bit
 * for bit, a finite difference of gradients, the identity ∇²L(T_α θ) = D_α ∇²L(θ) D_α of Section 4.2
 * (Theorem 3's argument), and a trainer that takes its steps through the backend.
 */
class CpuSecondOrderTest {

    /** Every activation, both losses, with and without biases, at 1 and 3 threads. */
    @Test
    void batchedProductsAreLossFunctionsProducts() {
        Random rnd = new Random(31);
        for (LossKind kind : LossKind.values()) {
            for (Activation act : Activation.values()) {
                boolean bias = rnd.nextBoolean();
                Network net = TestNets.net(new int[] {3, 5, 4, kind == LossKind.MSE ? 2 : 3}, act, bias);
                Dataset data = TestNets.data(net, kind, 23 + rnd.nextInt(40), rnd, rnd.nextBoolean());
                LossFunction f = new LossFunction(net, kind, data);
                int n = net.parameterCount();
                double[] theta = TestNets.theta(net, rnd);
                int count = 1 + rnd.nextInt(7);
                double[] vs = directions(net, count, rnd);
                for (int threads : new int[] {1, 3}) {
                    try (CpuBackend b = new CpuBackend(threads)) {
                        double[] out = new double[count * n];
                        b.hessianVectorProducts(net, kind, data, theta, vs, count, out);
                        for (int r = 0; r < count; r++) {
                            double[] hv = new double[n];
                            f.hessianVectorProduct(theta, Arrays.copyOfRange(vs, r * n, r * n + n), hv);
                            assertThat(Arrays.copyOfRange(out, r * n, r * n + n)).as(act + " " + kind).isEqualTo(hv);
                        }
                    }
                }
            }
        }
    }

    /**
     * H·v against (∇L(θ + hv) − ∇L(θ − hv)) / 2h on a smooth (tanh) network, both losses: the central
     * difference's error is O(h²) (about 1e-6 relative at h = 1e-4, measured) plus rounding ε/h ≈ 1e-11: h = 1e-5.
     */
    @Test
    void productsMatchAFiniteDifferenceOfGradients() {
        Random rnd = new Random(32);
        for (LossKind kind : LossKind.values()) {
            Network net = TestNets.net(new int[] {2, 6, 5, 3}, Activation.TANH, true);
            Dataset data = TestNets.data(net, kind, 41, rnd, false);
            LossFunction f = new LossFunction(net, kind, data);
            int n = net.parameterCount();
            double[] theta = TestNets.theta(net, rnd);
            double[] vs = directions(net, 3, rnd);
            double[] out = new double[3 * n];
            try (CpuBackend b = new CpuBackend(2)) {
                b.hessianVectorProducts(net, kind, data, theta, vs, 3, out);
            }
            double h = 1e-5;
            for (int r = 0; r < 3; r++) {
                double[] plus = new double[n];
                double[] minus = new double[n];
                double[] tp = theta.clone();
                double[] tm = theta.clone();
                for (int i = 0; i < n; i++) {
                    tp[i] += h * vs[r * n + i];
                    tm[i] -= h * vs[r * n + i];
                }
                f.gradient(tp, plus);
                f.gradient(tm, minus);
                double[] fd = new double[n];
                for (int i = 0; i < n; i++) {
                    fd[i] = (plus[i] - minus[i]) / (2 * h);
                }
                assertThat(relativeError(Arrays.copyOfRange(out, r * n, r * n + n), fd)).as(kind.id()).isLessThan(1e-6);
            }
        }
    }

    /**
     * Section 4.2: for a relu network with biases and T_α (α = (3, 0.5, 2/3)), H(T_α θ)·v = D_α H(θ) D_α v
     * with D_α = diag(1/s), each side from the batched products, to 1e-10 relative.
     */
    @Test
    void alphaScaleTransformsTheHessianByD() {
        Random rnd = new Random(33);
        for (LossKind kind : LossKind.values()) {
            Network net = new Network(List.of(new Layer(2, 6, Activation.RELU, 0, true),
                    new Layer(6, 5, Activation.LEAKY_RELU, 0.2, true),
                    new Layer(5, kind == LossKind.MSE ? 1 : 3, Activation.LINEAR, 0, true)));
            Dataset data = TestNets.data(net, kind, 57, rnd, true);
            int n = net.parameterCount();
            double[] theta = TestNets.theta(net, rnd);
            AlphaScale t = new AlphaScale(net, new double[] {3, 0.5, 2.0 / 3});
            double[] d = t.paperD();
            int count = 4;
            double[] vs = directions(net, count, rnd);
            double[] dv = new double[count * n];
            for (int i = 0; i < dv.length; i++) {
                dv[i] = d[i % n] * vs[i];
            }
            double[] moved = new double[count * n];
            double[] original = new double[count * n];
            try (CpuBackend b = new CpuBackend(2)) {
                b.hessianVectorProducts(net, kind, data, t.apply(theta), vs, count, moved);
                b.hessianVectorProducts(net, kind, data, theta, dv, count, original);
            }
            for (int i = 0; i < original.length; i++) {
                original[i] *= d[i % n];
            }
            assertThat(relativeError(moved, original)).as(kind.id()).isLessThan(1e-10);
        }
    }

    /**
     * Up to {@link CpuBackend#CHUNK} rows the minibatch gradient is LossFunction's on those rows, bit for
     * bit; above, the chunks' weighted sum agrees with it to 1e-13 and does not depend on the threads.
     */
    @Test
    void minibatchGradientIsTheBatchsGradient() {
        Random rnd = new Random(34);
        Network net = TestNets.net(new int[] {3, 8, 3}, Activation.TANH, true);
        Dataset data = TestNets.data(net, LossKind.CROSS_ENTROPY, 1500, rnd, false);
        double[] theta = TestNets.theta(net, rnd);
        int n = net.parameterCount();
        int[] rows = new int[1400];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = rnd.nextInt(data.size());
        }
        for (int[] range : new int[][] {{5, 5 + 128}, {0, 1}, {100, 1400}}) {
            int from = range[0];
            int to = range[1];
            double[] expected = new double[n];
            double loss = new LossFunction(net, LossKind.CROSS_ENTROPY,
                    data.rows(Arrays.copyOfRange(rows, from, to))).gradient(theta, expected);
            double[] g1 = new double[n];
            double[] g3 = new double[n];
            try (CpuBackend one = new CpuBackend(1); CpuBackend three = new CpuBackend(3)) {
                double l1 = one.lossAndGradient(net, LossKind.CROSS_ENTROPY, data, theta, rows, from, to, g1);
                double l3 = three.lossAndGradient(net, LossKind.CROSS_ENTROPY, data, theta, rows, from, to, g3);
                assertThat(l3).isEqualTo(l1);
                assertThat(g3).isEqualTo(g1);
                if (to - from <= CpuBackend.CHUNK) {
                    assertThat(l1).isEqualTo(loss);
                    assertThat(g1).isEqualTo(expected);
                } else {
                    assertThat(Math.abs(l1 - loss)).isLessThan(1e-13 * Math.abs(loss));
                    assertThat(relativeError(g1, expected)).isLessThan(1e-13);
                }
            }
        }
    }

    @Test
    void badRowsAndLengthsAreRefused() {
        Network net = TestNets.net(new int[] {2, 3, 1}, Activation.RELU, false);
        Dataset data = TestNets.data(net, LossKind.MSE, 10, new Random(1), false);
        double[] theta = new double[net.parameterCount()];
        double[] g = new double[net.parameterCount()];
        try (CpuBackend b = new CpuBackend(1)) {
            assertThatThrownBy(() -> b.lossAndGradient(net, LossKind.MSE, data, theta, new int[] {0, 10}, 0, 2, g))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 10");
            assertThatThrownBy(() -> b.lossAndGradient(net, LossKind.MSE, data, theta, new int[] {0}, 1, 1, g))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
            assertThatThrownBy(() -> b.hessianVectorProducts(net, LossKind.MSE, data, theta, theta, 2, g))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("directions");
        }
    }

    /** Steps through the backend (batches of 16 ≤ CHUNK) take the engine's steps: the same θ bit for bit. */
    @Test
    void aTrainerThroughTheBackendTakesTheEnginesSteps() {
        Random rnd = new Random(35);
        Network net = TestNets.net(new int[] {2, 8, 1}, Activation.TANH, true);
        Dataset data = TestNets.data(net, LossKind.MSE, 100, rnd, false);
        double[] theta0 = TestNets.theta(net, rnd);
        for (OptimizerKind opt : new OptimizerKind[] {OptimizerKind.ADAM, OptimizerKind.GD}) {
            TrainingConfig config = new TrainingConfig(opt, 0.01, 16, 20, 7);
            TrainingResult engine = new Trainer(net, LossKind.MSE, data, null, config).train(theta0, p -> { });
            try (CpuBackend b = new CpuBackend(2)) {
                TrainingResult viaBackend = new Trainer(net, LossKind.MSE, data, null, config,
                        b.minibatchGradient(net, LossKind.MSE, data)).train(theta0, p -> { });
                assertThat(viaBackend.theta()).isEqualTo(engine.theta());
                assertThat(viaBackend.trainLoss()).isEqualTo(engine.trainLoss());
            }
        }
    }

    static double[] directions(Network net, int count, Random rnd) {
        double[] vs = new double[count * net.parameterCount()];
        for (int i = 0; i < vs.length; i++) {
            vs[i] = rnd.nextGaussian();
        }
        return vs;
    }

    /** max |a − b| / max |b|. */
    static double relativeError(double[] a, double[] b) {
        double err = 0;
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            err = Math.max(err, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return err / scale;
    }
}
