package lab.sharpminima.gpu;

import java.util.List;
import java.util.SplittableRandom;
import lab.sharpminima.compute.Backend;
import lab.sharpminima.compute.CpuBackend;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import org.ejml.data.DMatrixRMaj;

/**
 * The check a device must pass before it is trusted: losses, gradients, Hessian-vector products and a
 * minibatch's loss and gradient of two small seeded networks (every activation, both losses, with and
 * without biases, 37 samples so that no work-group is full) must agree with {@link CpuBackend} to 10×
 * the precision's tolerance, relative to the largest magnitude compared.
 */
final class SmokeCheck {

    private SmokeCheck() {
    }

    /** @return null when the device agrees, else one line saying where it does not */
    static String run(Backend device) {
        Network tanhCe = new Network(List.of(Layer.of(3, 5, Activation.TANH, true),
                Layer.of(5, 4, Activation.LEAKY_RELU, false), Layer.of(4, 3, Activation.LINEAR, true)));
        Network reluMse = new Network(List.of(Layer.of(2, 6, Activation.RELU, true),
                Layer.of(6, 2, Activation.LINEAR, false)));
        String a = compare(device, tanhCe, LossKind.CROSS_ENTROPY, 11);
        return a != null ? a : compare(device, reluMse, LossKind.MSE, 12);
    }

    private static String compare(Backend device, Network net, LossKind kind, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int count = 5;
        int n = net.parameterCount();
        Dataset data = randomData(rnd, 37, net.inputs(), net.outputs(), kind);
        double[] thetas = new double[count * n];
        for (int i = 0; i < thetas.length; i++) {
            thetas[i] = rnd.nextGaussian() * 0.7;
        }
        double[] gCpu = new double[count * n];
        double[] gDev = new double[count * n];
        try (CpuBackend cpu = new CpuBackend(1)) {
            double[] lCpu = cpu.lossesAndGradients(net, kind, data, thetas, count, gCpu);
            double[] lDev = device.losses(net, kind, data, thetas, count);
            double[] lDev2 = device.lossesAndGradients(net, kind, data, thetas, count, gDev);
            double tol = 10 * device.precision().tolerance();
            String what = net.describe() + " " + kind.id();
            String e = Agreement.check(lCpu, lDev, tol, "losses of " + what);
            e = e != null ? e : Agreement.check(lCpu, lDev2, tol, "losses (gradient kernel) of " + what);
            e = e != null ? e : Agreement.check(gCpu, gDev, tol, "gradients of " + what);
            return e != null ? e : secondOrderAndMinibatch(device, cpu, net, kind, data, thetas, tol, what);
        }
    }

    /** H(θ_0)·θ_r for r = 1 … 4 and the loss and gradient at θ_0 on 45 rows (scrambled, some repeated). */
    private static String secondOrderAndMinibatch(Backend device, CpuBackend cpu, Network net, LossKind kind,
                                                  Dataset data, double[] thetas, double tol, String what) {
        int n = net.parameterCount();
        int dirs = thetas.length / n - 1;
        double[] theta = java.util.Arrays.copyOf(thetas, n);
        double[] vs = java.util.Arrays.copyOfRange(thetas, n, thetas.length);
        double[] hCpu = new double[dirs * n];
        double[] hDev = new double[dirs * n];
        cpu.hessianVectorProducts(net, kind, data, theta, vs, dirs, hCpu);
        device.hessianVectorProducts(net, kind, data, theta, vs, dirs, hDev);
        String e = Agreement.check(hCpu, hDev, tol, "Hessian-vector products of " + what);
        if (e != null) {
            return e;
        }
        int[] rows = new int[45];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (7 * i + 3) % data.size();
        }
        double[] gCpu = new double[n + 1];
        double[] gDev = new double[n + 1];
        gCpu[n] = cpu.lossAndGradient(net, kind, data, theta, rows, 0, rows.length, gCpu);
        gDev[n] = device.lossAndGradient(net, kind, data, theta, rows, 0, rows.length, gDev);
        return Agreement.check(gCpu, gDev, tol, "minibatch loss and gradient of " + what);
    }

    /** Gaussian inputs; targets Gaussian (mse) or one-hot rows (cross-entropy). */
    static Dataset randomData(SplittableRandom rnd, int size, int in, int out, LossKind kind) {
        DMatrixRMaj x = new DMatrixRMaj(size, in);
        DMatrixRMaj y = new DMatrixRMaj(size, out);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rnd.nextGaussian();
        }
        for (int i = 0; i < size; i++) {
            if (kind == LossKind.CROSS_ENTROPY) {
                y.set(i, rnd.nextInt(out), 1.0);
            } else {
                for (int j = 0; j < out; j++) {
                    y.set(i, j, rnd.nextGaussian());
                }
            }
        }
        return new Dataset(x, y);
    }
}
