package lab.sharpminima.linalg;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_MT_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Wall-clock comparison of {@link FastSymmetricEigenvalues} with EJML's dense symmetric eigenvalue
 * solvers (single-threaded and MT), eigenvalues only; best of five after warm-up. Not a test:
 * run its {@code main} by hand, e.g. {@code java -cp target/classes:target/test-classes:<deps>
 * lab.sharpminima.linalg.EigenvalueBench 500 1120 2000}. Add {@code ejml} as the first argument
 * to include EJML's solvers too (slow).
 */
public final class EigenvalueBench {

    private static final int REPEATS = 5;

    private EigenvalueBench() {
    }

    public static void main(String[] args) {
        boolean withEjml = args.length > 0 && args[0].equals("ejml");
        int first = withEjml ? 1 : 0;
        int[] sizes = args.length > first ? new int[args.length - first] : new int[] {500, 1120, 2000};
        for (int i = first; i < args.length; i++) {
            sizes[i - first] = Integer.parseInt(args[i]);
        }
        warmUp();
        for (int n : sizes) {
            DMatrixRMaj a = FastSymmetricEigenvaluesTest.randomSymmetric(n, new Random(n));
            double[] fast = bestOfBoth(() -> FastSymmetricEigenvalues.eigenvalues(a, 1),
                    () -> FastSymmetricEigenvalues.eigenvalues(a));
            String line = String.format("n = %5d  fast(1 thread) %.3f s  fast(%d threads) %.3f s", n, fast[0],
                    FastSymmetricEigenvalues.defaultThreads(), fast[1]);
            if (withEjml) {
                double st = best(() -> ejml(DecompositionFactory_DDRM.eig(n, false, true), a));
                double mt = best(() -> ejml(DecompositionFactory_MT_DDRM.eig(n, false, true), a));
                line += String.format("  EJML %.3f s  EJML-MT %.3f s", st, mt);
                // CPU time of the calling thread: robust to being descheduled on a shared machine.
                double fastCpu = bestCpu(() -> FastSymmetricEigenvalues.eigenvalues(a, 1));
                double ejmlCpu = bestCpu(() -> ejml(DecompositionFactory_DDRM.eig(n, false, true), a));
                line += String.format("  | 1-thread CPU time: fast %.3f s  EJML %.3f s", fastCpu, ejmlCpu);
            }
            System.out.println(line);
        }
    }

    private static void warmUp() {
        DMatrixRMaj a = FastSymmetricEigenvaluesTest.randomSymmetric(400, new Random(1));
        for (int i = 0; i < 10; i++) {
            FastSymmetricEigenvalues.eigenvalues(a, 1 + i % 2);
        }
    }

    private static void ejml(EigenDecomposition_F64<DMatrixRMaj> eig, DMatrixRMaj a) {
        if (!eig.decompose(a.copy())) {
            throw new IllegalStateException("EJML eig failed");
        }
    }

    /** Best times of two runnables, interleaved so that both see the same background load. */
    private static double[] bestOfBoth(Runnable r1, Runnable r2) {
        double[] best = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (int i = 0; i < 2 * REPEATS; i++) {
            best[0] = Math.min(best[0], time(r1));
            best[1] = Math.min(best[1], time(r2));
        }
        return best;
    }

    private static double time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) * 1e-9;
    }

    private static double bestCpu(Runnable r) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < REPEATS; i++) {
            long t0 = mx.getCurrentThreadCpuTime();
            r.run();
            best = Math.min(best, (mx.getCurrentThreadCpuTime() - t0) * 1e-9);
        }
        return best;
    }

    private static double best(Runnable r) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < REPEATS; i++) {
            long t0 = System.nanoTime();
            r.run();
            best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
        }
        return best;
    }
}
