package lab.sharpminima.linalg;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/** Seeded symmetric test matrices A = Q diag(λ) Qᵀ with a chosen spectrum and a random orthogonal Q. */
final class Spectra {

    private Spectra() {
    }

    /** Q from the QR decomposition of an n × n Gaussian matrix (orthogonal to rounding). */
    static DMatrixRMaj randomOrthogonal(int n, Random rnd) {
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        for (int i = 0; i < g.data.length; i++) {
            g.data[i] = rnd.nextGaussian();
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
        if (!qr.decompose(g)) {
            throw new IllegalStateException("QR failed");
        }
        return qr.getQ(null, false);
    }

    /** Q diag(λ) Qᵀ, symmetrised exactly. */
    static DMatrixRMaj withSpectrum(double[] lambda, Random rnd) {
        int n = lambda.length;
        DMatrixRMaj q = randomOrthogonal(n, rnd);
        DMatrixRMaj ql = q.copy();
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                ql.unsafe_set(r, c, q.unsafe_get(r, c) * lambda[c]);
            }
        }
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(ql, q, a);
        symmetrise(a);
        return a;
    }

    static void symmetrise(DMatrixRMaj a) {
        for (int r = 0; r < a.numRows; r++) {
            for (int c = r + 1; c < a.numCols; c++) {
                double v = 0.5 * (a.unsafe_get(r, c) + a.unsafe_get(c, r));
                a.unsafe_set(r, c, v);
                a.unsafe_set(c, r, v);
            }
        }
    }

    static DMatrixRMaj diagonal(double[] d) {
        return CommonOps_DDRM.diag(d);
    }

    /** Uniform values in [lo, hi]. */
    static double[] uniform(int n, double lo, double hi, Random rnd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * rnd.nextDouble();
        }
        return v;
    }

    /** {@code head} followed by {@code tail}. */
    static double[] concat(double[] head, double[] tail) {
        double[] v = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, v, head.length, tail.length);
        return v;
    }

    /** The k eigenvalues a {@link Lanczos.Which} asks for, from all of them, in its reporting order. */
    static double[] wanted(double[] all, int k, Lanczos.Which which) {
        Double[] s = Arrays.stream(all).boxed().toArray(Double[]::new);
        Comparator<Double> order = switch (which) {
            case LARGEST_ALGEBRAIC -> Comparator.comparingDouble(x -> -x);
            case SMALLEST_ALGEBRAIC -> Comparator.comparingDouble(x -> x);
            case LARGEST_MAGNITUDE -> Comparator.comparingDouble(x -> -Math.abs(x));
        };
        Arrays.sort(s, order);
        return IntStream.range(0, k).mapToDouble(i -> s[i]).toArray();
    }

    /** ‖A v − λ v‖₂. */
    static double residual(SymmetricOperator a, double[] v, double lambda) {
        double[] av = new double[v.length];
        a.apply(v, av);
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            double d = av[i] - lambda * v[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    static double norm(double[] v) {
        return Math.sqrt(Vectors.dot(v, v));
    }
}
