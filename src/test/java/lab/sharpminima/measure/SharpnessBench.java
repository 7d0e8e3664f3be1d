package lab.sharpminima.measure;

import java.util.Random;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import org.ejml.data.DMatrixRMaj;

/**
 * Speed target of issue 3: ε-sharpness of the 2-32-32-1 benchmark network (relu, no biases,
 * n = 1,120, 512 Gaussian samples, mse, θ_k ~ N(0, 2/in); bench/README.md workload (a)) with 10
 * restarts in under 2 s. Run with {@code java -cp target/classes:target/test-classes:DEPS
 * lab.sharpminima.measure.SharpnessBench [DIR]}; prints one line per ε (best of 5 after 2 warm-up
 * runs); with DIR, also writes both models there as bench_random.json and bench_minimum.json.
 */
public final class SharpnessBench {
    private SharpnessBench() {
    }

    public static void main(String[] args) throws java.io.IOException {
        Random rnd = new Random(1);
        Network net = Network.mlp(new int[] {2, 32, 32, 1}, Activation.RELU, false);
        DMatrixRMaj x = new DMatrixRMaj(512, 2);
        DMatrixRMaj y = new DMatrixRMaj(512, 1);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rnd.nextGaussian();
        }
        for (int i = 0; i < y.data.length; i++) {
            y.data[i] = rnd.nextGaussian();
        }
        LossFunction f = new LossFunction(net, LossKind.MSE, new Dataset(x, y));
        double[] theta = new double[net.parameterCount()];
        for (int k = 0; k < net.depth(); k++) {
            double sd = Math.sqrt(2.0 / net.layer(k).in());
            for (int i = net.offset(k); i < net.offset(k) + net.layer(k).weightCount(); i++) {
                theta[i] = sd * rnd.nextGaussian();
            }
        }
        time("random targets", f, theta);
        // the same inputs with teacher targets y = f_θ(x): L(θ) = 0, a minimum, where ∇L = 0 and the
        // ascent must find the curvature
        LossFunction atMinimum = new LossFunction(net, LossKind.MSE,
                new Dataset(x, LossFunction.outputs(net, theta, x)));
        time("at a minimum", atMinimum, theta);
        if (args.length > 0) { // for bench/sharpness_reference.py
            java.nio.file.Path dir = java.nio.file.Path.of(args[0]);
            lab.sharpminima.engine.io.ModelFiles.write(new lab.sharpminima.engine.Model(net, theta, LossKind.MSE,
                    f.data(), null, null), dir.resolve("bench_random.json"));
            lab.sharpminima.engine.io.ModelFiles.write(new lab.sharpminima.engine.Model(net, theta, LossKind.MSE,
                    atMinimum.data(), null, null), dir.resolve("bench_minimum.json"));
        }
    }

    private static void time(String label, LossFunction f, double[] theta) {
        for (double eps : new double[] {1e-3, 1e-2, 1e-1}) {
            EpsilonSharpness m = EpsilonSharpness.of(eps);
            double best = Double.POSITIVE_INFINITY;
            EpsilonSharpness.Result r = null;
            for (int run = 0; run < 7; run++) {
                long t0 = System.nanoTime();
                r = m.measure(f, theta);
                double s = (System.nanoTime() - t0) / 1e9;
                if (run >= 2) {
                    best = Math.min(best, s);
                }
            }
            System.out.printf("%s: n=%d eps=%g restarts=10 seconds=%.3f value=%.6e secondOrder=%.6e evaluations=%d"
                    + " winner=%s%n", label, theta.length, eps, best, r.value(), r.secondOrderEstimate(), r.evaluations(),
                    r.winningStart());
        }
    }
}
