package lab.sharpminima.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import lab.sharpminima.compute.CpuBackend;
import lab.sharpminima.compute.Precision;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.TestNets;
import lab.sharpminima.engine.train.OptimizerKind;
import lab.sharpminima.engine.train.Trainer;
import lab.sharpminima.engine.train.TrainingConfig;
import lab.sharpminima.engine.train.TrainingResult;
import lab.sharpminima.symmetry.AlphaScale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenCL Hessian-vector products and minibatch gradients against the CPU backend on seeded random
 * shapes: every activation, both losses, biases on and off, sample and batch counts that are not
 * multiples of any work-group size; fp64 to 1e-10 and fp32 to 1e-4, relative to the largest reference
 * magnitude. Also the identity ∇²L(T_α θ) = D_α ∇²L(θ) D_α (Section 4.2) on the device, and a training
 * run through the device that ends where the CPU's does. Skipped when no OpenCL device exists.
 */
class SecondOrderOnDeviceTest {

    private static OpenClDevice device;
    private static CpuBackend cpu;

    @BeforeAll
    static void findDevice() {
        device = TestDevices.preferred();
        cpu = new CpuBackend(2);
    }

    @AfterAll
    static void closeCpu() {
        cpu.close();
    }

    private static OpenClBackend open(Precision p) {
        return TestDevices.open(device, p);
    }

    @Test
    void productsAndMinibatchesAgreeInDoublePrecision() {
        try (OpenClBackend b = open(Precision.DOUBLE)) {
            sweep(b, 1e-10, 301);
        }
    }

    @Test
    void productsAndMinibatchesAgreeInSinglePrecision() {
        try (OpenClBackend b = open(Precision.SINGLE)) {
            sweep(b, 1e-4, 302);
        }
    }

    /** Section 4.2 through the device's products: H(T_α θ)·v = D_α H(θ) D_α v, to 1e-10 relative. */
    @Test
    void alphaScaleTransformsTheDevicesHessianByD() {
        try (OpenClBackend b = open(Precision.DOUBLE)) {
            Random rnd = new Random(303);
            Network net = new Network(List.of(new Layer(3, 7, Activation.RELU, 0, true),
                    new Layer(7, 4, Activation.LEAKY_RELU, 0.1, false), new Layer(4, 3, Activation.LINEAR, 0, true)));
            Dataset data = TestNets.data(net, LossKind.CROSS_ENTROPY, 131, rnd, false);
            int n = net.parameterCount();
            double[] theta = TestNets.theta(net, rnd);
            AlphaScale t = new AlphaScale(net, new double[] {0.25, 5, 0.8});
            double[] d = t.paperD();
            int count = 5;
            double[] vs = gaussian(count * n, rnd);
            double[] dv = new double[count * n];
            for (int i = 0; i < dv.length; i++) {
                dv[i] = d[i % n] * vs[i];
            }
            double[] moved = new double[count * n];
            double[] original = new double[count * n];
            b.hessianVectorProducts(net, LossKind.CROSS_ENTROPY, data, t.apply(theta), vs, count, moved);
            b.hessianVectorProducts(net, LossKind.CROSS_ENTROPY, data, theta, dv, count, original);
            for (int i = 0; i < original.length; i++) {
                original[i] *= d[i % n];
            }
            assertThat(Agreement.check(original, moved, 1e-10, "H(T θ)v against D H(θ) D v")).isNull();
        }
    }

    /**
     * 300 Adam steps (minibatch 24 of 203 training rows, so the last batch of each epoch has 11) of a
     * tanh network, cross-entropy, once with the engine's gradients and once with the device's: the
     * parameters and the final loss agree to 1e-10 relative (per step the two differ by rounding only).
     */
    @Test
    void trainingOnTheDeviceEndsWhereTheCpusDoes() {
        try (OpenClBackend b = open(Precision.DOUBLE)) {
            Random rnd = new Random(304);
            Network net = TestNets.net(new int[] {2, 10, 10, 3}, Activation.TANH, true);
            Dataset data = TestNets.data(net, LossKind.CROSS_ENTROPY, 203, rnd, false);
            double[] theta0 = TestNets.theta(net, rnd);
            TrainingConfig config = new TrainingConfig(OptimizerKind.ADAM, 0.01, 24, 34, 9);
            TrainingResult onCpu = new Trainer(net, LossKind.CROSS_ENTROPY, data, null, config).train(theta0, p -> { });
            TrainingResult onDevice = new Trainer(net, LossKind.CROSS_ENTROPY, data, null, config,
                    b.minibatchGradient(net, LossKind.CROSS_ENTROPY, data)).train(theta0, p -> { });
            assertThat(onCpu.trainLoss()).isLessThan(0.8 * onCpu.trainLossHistory()[0]);
            assertThat(Math.abs(onDevice.trainLoss() - onCpu.trainLoss())).isLessThan(1e-10 * onCpu.trainLoss());
            assertThat(Agreement.check(onCpu.theta(), onDevice.theta(), 1e-10, "trained θ")).isNull();
        }
    }

    /**
     * Per loss, three networks holding every activation as a hidden layer, biases on and off; per
     * network, three data sets of sizes from {1, 37, 63, 65, 200, 1001}: products along 1–9 directions,
     * and minibatches of 1, 7, 128, 300 and 1000 rows (random, some repeated).
     */
    private static void sweep(OpenClBackend b, double tol, long seed) {
        Random rnd = new Random(seed);
        int[] sizes = {1, 37, 63, 65, 200, 1001};
        int t = 0;
        for (LossKind kind : LossKind.values()) {
            List<Activation> acts = new ArrayList<>(List.of(Activation.values()));
            Collections.shuffle(acts, rnd);
            List<Network> nets = List.of(
                    randomNet(rnd, kind, new Activation[] {acts.get(0), acts.get(1)},
                            new boolean[] {true, false, true}),
                    randomNet(rnd, kind, new Activation[] {acts.get(2), acts.get(3)},
                            new boolean[] {false, true, false}),
                    randomNet(rnd, kind, new Activation[] {}, new boolean[] {kind == LossKind.MSE}));
            for (Network net : nets) {
                for (int d = 0; d < 3; d++) {
                    Dataset data = TestNets.data(net, kind, sizes[t++ % sizes.length], rnd, rnd.nextBoolean());
                    checkProducts(b, net, kind, data, tol, rnd);
                    checkMinibatches(b, net, kind, data, tol, rnd);
                }
            }
        }
    }

    /** Hidden layers with {@code hidden}'s activations, then an output layer (linear or tanh). */
    private static Network randomNet(Random rnd, LossKind kind, Activation[] hidden, boolean[] bias) {
        int in = 1 + rnd.nextInt(5);
        List<Layer> layers = new ArrayList<>();
        for (int k = 0; k <= hidden.length; k++) {
            boolean last = k == hidden.length;
            int out = last ? (kind == LossKind.CROSS_ENTROPY ? 2 + rnd.nextInt(3) : 1 + rnd.nextInt(2))
                    : 1 + rnd.nextInt(9);
            Activation a = last ? (rnd.nextBoolean() ? Activation.LINEAR : Activation.TANH) : hidden[k];
            layers.add(new Layer(in, out, a, 0.01 + 0.3 * rnd.nextDouble(), bias[k]));
            in = out;
        }
        return new Network(layers);
    }

    private static void checkProducts(OpenClBackend b, Network net, LossKind kind, Dataset data, double tol,
                                      Random rnd) {
        int n = net.parameterCount();
        int count = 1 + rnd.nextInt(9);
        double[] theta = TestNets.theta(net, rnd);
        double[] vs = gaussian(count * n, rnd);
        double[] hCpu = new double[count * n];
        double[] hDev = new double[count * n];
        cpu.hessianVectorProducts(net, kind, data, theta, vs, count, hCpu);
        b.hessianVectorProducts(net, kind, data, theta, vs, count, hDev);
        String what = net.describe() + " " + kind.id() + " N=" + data.size();
        for (int r = 0; r < count; r++) {
            assertThat(Agreement.check(Arrays.copyOfRange(hCpu, r * n, r * n + n),
                    Arrays.copyOfRange(hDev, r * n, r * n + n), tol, "H v_" + r + " of " + what)).isNull();
        }
    }

    private static void checkMinibatches(OpenClBackend b, Network net, LossKind kind, Dataset data, double tol,
                                         Random rnd) {
        int n = net.parameterCount();
        double[] theta = TestNets.theta(net, rnd);
        for (int size : new int[] {1, 7, 128, 300, 1000}) {
            int from = rnd.nextInt(5);
            int[] rows = new int[from + size + 3];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = rnd.nextInt(data.size());
            }
            double[] gCpu = new double[n + 1];
            double[] gDev = new double[n + 1];
            gCpu[n] = cpu.lossAndGradient(net, kind, data, theta, rows, from, from + size, gCpu);
            gDev[n] = b.lossAndGradient(net, kind, data, theta, rows, from, from + size, gDev);
            String what = net.describe() + " " + kind.id() + " N=" + data.size() + " batch " + size;
            assertThat(Agreement.check(Arrays.copyOf(gCpu, n), Arrays.copyOf(gDev, n), tol, "gradient of " + what))
                    .isNull();
            assertThat(Agreement.check(new double[] {gCpu[n]}, new double[] {gDev[n]}, tol, "loss of " + what))
                    .isNull();
        }
    }

    private static double[] gaussian(int length, Random rnd) {
        double[] v = new double[length];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextGaussian();
        }
        return v;
    }
}
