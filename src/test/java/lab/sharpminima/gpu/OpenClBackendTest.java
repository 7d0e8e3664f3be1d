package lab.sharpminima.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenCL backend against the CPU reference on seeded random shapes: every activation, both losses,
 * biases on and off, data sizes that are not multiples of the work-group size. fp64 must agree to
 * 1e-10 and fp32 to 1e-4, relative to the largest reference magnitude. Skipped when no OpenCL device exists.
 */
class OpenClBackendTest {

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
    void lossesAndGradientsAgreeInDoublePrecision() {
        try (OpenClBackend b = open(Precision.DOUBLE)) {
            sweep(b, 1e-10, 101);
        }
    }

    @Test
    void lossesAndGradientsAgreeInSinglePrecision() {
        try (OpenClBackend b = open(Precision.SINGLE)) {
            sweep(b, 1e-4, 202);
        }
    }

    @Test
    void theSmokeCheckPassesAndSelectionUsesTheDevice() {
        assumeTrue(device != null, "no OpenCL platform");
        Backends.Selection s = Backends.select("opencl");
        try {
            assertThat(s.note()).isNull();
            assertThat(s.backend().name()).startsWith("opencl:");
        } finally {
            s.backend().close();
        }
    }

    @Test
    void cpuWordNeedsNoOpenCl() {
        Backends.Selection s = Backends.select("cpu");
        assertThat(s.note()).isNull();
        assertThat(s.backend()).isInstanceOf(CpuBackend.class);
        s.backend().close();
    }

    /**
     * Per loss, three networks that hold every activation as a hidden layer, layers with and without
     * biases, depths 3, 2 and 1, each on three data sizes of {1, 37, 63, 65, 200, 1001} (not multiples
     * of any work-group size or vector width). Few distinct shapes, since each costs the driver a build
     * of the losses kernel; data sizes are free.
     */
    private static void sweep(OpenClBackend b, double tol, long seed) {
        Random rnd = new Random(seed);
        int[] sizes = {1, 37, 63, 65, 200, 1001};
        int t = 0;
        for (LossKind kind : LossKind.values()) {
            List<Activation> acts = new ArrayList<>(List.of(Activation.values()));
            java.util.Collections.shuffle(acts, rnd);
            boolean oneBias = kind == LossKind.MSE;
            List<Network> nets = List.of(
                    randomNet(rnd, kind, new Activation[] {acts.get(0), acts.get(1)}, new boolean[] {true, false, true}),
                    randomNet(rnd, kind, new Activation[] {acts.get(2), acts.get(3)}, new boolean[] {false, true, false}),
                    randomNet(rnd, kind, new Activation[] {}, new boolean[] {oneBias}));
            for (Network net : nets) {
                for (int d = 0; d < 3; d++) {
                    Dataset data = TestNets.data(net, kind, sizes[t++ % sizes.length], rnd, rnd.nextBoolean());
                    check(b, net, kind, data, tol, rnd);
                }
            }
        }
    }

    /** Hidden layers with {@code hidden}'s activations, then an output layer (linear or tanh); biases per layer. */
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

    private static void check(OpenClBackend b, Network net, LossKind kind, Dataset data, double tol, Random rnd) {
        int count = 1 + rnd.nextInt(9);
        int n = net.parameterCount();
        double[] thetas = new double[count * n];
        for (int r = 0; r < count; r++) {
            System.arraycopy(TestNets.theta(net, rnd), 0, thetas, r * n, n);
        }
        double[] gCpu = new double[count * n];
        double[] gDev = new double[count * n];
        double[] lCpu = cpu.lossesAndGradients(net, kind, data, thetas, count, gCpu);
        String what = net.describe() + " " + kind.id() + " N=" + data.size();
        assertThat(Agreement.check(lCpu, b.losses(net, kind, data, thetas, count), tol, "losses of " + what)).isNull();
        double[] l2 = b.lossesAndGradients(net, kind, data, thetas, count, gDev);
        assertThat(Agreement.check(lCpu, l2, tol, "losses with gradients of " + what)).isNull();
        for (int r = 0; r < count; r++) {
            double[] a = java.util.Arrays.copyOfRange(gCpu, r * n, r * n + n);
            double[] c = java.util.Arrays.copyOfRange(gDev, r * n, r * n + n);
            assertThat(Agreement.check(a, c, tol, "gradient " + r + " of " + what)).isNull();
        }
    }
}
