package lab.sharpminima.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Random;
import lab.sharpminima.compute.Backend;
import lab.sharpminima.compute.CpuBackend;
import lab.sharpminima.compute.Precision;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.TestNets;
import lab.sharpminima.landscape.LossGrid;
import lab.sharpminima.landscape.Plane;
import lab.sharpminima.landscape.Window;
import lab.sharpminima.measure.EpsilonSharpness;
import lab.sharpminima.measure.VolumeFlatnessMonteCarlo;
import org.junit.jupiter.api.Test;

/**
 * The batched paths of the loss grid, the Monte-Carlo volume and the ε-sharpness restarts: on the CPU
 * backend they reproduce the one-at-a-time results exactly; on an OpenCL device (fp64) to 1e-10.
 */
class BatchedWorkTest {

    private static final Network NET = TestNets.net(new int[] {2, 7, 5, 1}, Activation.TANH, true);

    private static LossFunction loss(long seed) {
        Random rnd = new Random(seed);
        return new LossFunction(NET, LossKind.MSE, TestNets.data(NET, LossKind.MSE, 71, rnd, false));
    }

    private static double[] theta(long seed) {
        return TestNets.theta(NET, new Random(seed));
    }

    private static OpenClBackend device() {
        List<OpenClDevice> ds;
        try {
            ds = Backends.devices();
        } catch (Throwable e) {
            ds = List.of();
        }
        OpenClDevice d = ds.stream().filter(OpenClDevice::fp64).findFirst().orElse(null);
        assumeTrue(d != null, "no OpenCL device with fp64");
        return new OpenClBackend(d, Precision.DOUBLE);
    }

    private static LossGrid grid(Backend b, LossFunction f, double[] theta) {
        Plane plane = Plane.coordinates(theta, 0, 3);
        Window w = Window.around(theta[0], theta[3], 1.5);
        return b == null ? LossGrid.compute(plane, f, w, 23) : LossGrid.compute(plane, f, w, 23, b);
    }

    @Test
    void lossGridOnTheCpuBackendIsTheSequentialGrid() {
        LossFunction f = loss(1);
        double[] theta = theta(2);
        try (CpuBackend cpu = new CpuBackend(2)) {
            assertThat(grid(cpu, f, theta).rows()).isDeepEqualTo(grid(null, f, theta).rows());
        }
    }

    @Test
    void lossGridOnOpenClAgrees() {
        LossFunction f = loss(3);
        double[] theta = theta(4);
        try (OpenClBackend b = device()) {
            double[][] ref = grid(null, f, theta).rows();
            double[][] dev = grid(b, f, theta).rows();
            for (int i = 0; i < ref.length; i++) {
                assertThat(Agreement.check(ref[i], dev[i], 1e-10, "grid row " + i)).isNull();
            }
        }
    }

    @Test
    void monteCarloVolumeOnBackendsCountsTheSamePoints() {
        LossFunction f = loss(5);
        double[] theta = theta(6);
        VolumeFlatnessMonteCarlo mc = new VolumeFlatnessMonteCarlo(3000, 8, 9, 2,
                VolumeFlatnessMonteCarlo.Connectivity.STAR, 8);
        VolumeFlatnessMonteCarlo.Box box = VolumeFlatnessMonteCarlo.Box.cube(theta, 0.6);
        double level = f.value(theta) + 0.3;
        VolumeFlatnessMonteCarlo.Estimate ref = mc.estimate(f::value, theta, level, box);
        assertThat(ref.starVisible()).isBetween(1, 2999);
        try (CpuBackend cpu = new CpuBackend(2)) {
            assertThat(mc.estimate(f, cpu, theta, level, box)).isEqualTo(ref);
        }
        Backends.Selection s = Backends.select("opencl");
        assumeTrue(s.note() == null, "no OpenCL device");
        try (Backend b = s.backend()) {
            VolumeFlatnessMonteCarlo.Estimate dev = mc.estimate(f, b, theta, level, box);
            assertThat(dev.inSublevel()).isEqualTo(ref.inSublevel());
            assertThat(dev.connected()).isEqualTo(ref.connected());
        }
    }

    @Test
    void epsilonSharpnessRestartsInLockstepMatchOneAtATime() {
        LossFunction f = loss(7);
        double[] theta = theta(8);
        EpsilonSharpness eps = new EpsilonSharpness(0.3, 12, 40, 3);
        EpsilonSharpness.Result ref = eps.measure(f, theta);
        try (CpuBackend cpu = new CpuBackend(2)) {
            EpsilonSharpness.Result r = eps.measure(f, theta, cpu);
            assertThat(r.value()).isEqualTo(ref.value());
            assertThat(r.restartValues()).isEqualTo(ref.restartValues());
            assertThat(r.evaluations()).isEqualTo(ref.evaluations());
        }
        try (OpenClBackend b = device()) {
            EpsilonSharpness.Result r = eps.measure(f, theta, b);
            assertThat(Agreement.check(ref.restartValues(), r.restartValues(), 1e-8, "restart values")).isNull();
        }
    }

    @Test
    void pacBayesNoiseSamplesInOneBatchMatch() {
        LossFunction f = loss(9);
        double[] theta = theta(10);
        lab.sharpminima.measure.PacBayesFlatness pb = lab.sharpminima.measure.PacBayesFlatness.isotropic(0.1, 24, 4);
        lab.sharpminima.measure.PacBayesFlatness.Result ref = pb.measure(f, theta);
        try (CpuBackend cpu = new CpuBackend(2)) {
            assertThat(pb.measure(f, theta, cpu)).isEqualTo(ref);
        }
        try (OpenClBackend b = device()) {
            assertThat(pb.measure(f, theta, b).sigma()).isCloseTo(ref.sigma(),
                    org.assertj.core.data.Offset.offset(1e-8 * ref.sigma()));
        }
    }
}
