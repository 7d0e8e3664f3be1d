package lab.sharpminima.symmetry.reparam;

import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Central finite differences for the tests: error O(h²) times the third derivative. */
final class Differences {
    private Differences() {
    }

    /** Column k ≈ (f(x + h e_k) − f(x − h e_k)) / 2h: the Jacobian of a vector function. */
    static DMatrixRMaj jacobian(Function<double[], double[]> f, double[] x, double h) {
        int m = f.apply(x).length;
        DMatrixRMaj jac = new DMatrixRMaj(m, x.length);
        for (int k = 0; k < x.length; k++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[k] += h;
            minus[k] -= h;
            double[] fp = f.apply(plus);
            double[] fm = f.apply(minus);
            for (int i = 0; i < m; i++) {
                jac.set(i, k, (fp[i] - fm[i]) / (2 * h));
            }
        }
        return jac;
    }

    /** The Hessian as the Jacobian of the exact gradient. */
    static DMatrixRMaj hessianFromGradient(Objective f, double[] x, double h) {
        return jacobian(p -> {
            double[] g = new double[p.length];
            f.gradient(p, g);
            return g;
        }, x, h);
    }

    /** max |a − b| / max(max |b|, floor). */
    static double relativeError(DMatrixRMaj a, DMatrixRMaj b, double floor) {
        DMatrixRMaj d = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.subtract(a, b, d);
        return CommonOps_DDRM.elementMaxAbs(d) / Math.max(CommonOps_DDRM.elementMaxAbs(b), floor);
    }

    static double relativeError(double[] a, double[] b) {
        return relativeError(DMatrixRMaj.wrap(a.length, 1, a), DMatrixRMaj.wrap(b.length, 1, b), 1e-300);
    }
}
