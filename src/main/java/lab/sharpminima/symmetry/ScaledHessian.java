package lab.sharpminima.symmetry;

import lab.sharpminima.engine.HessianOperator;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.linalg.DenseOperator;
import lab.sharpminima.linalg.Lanczos;
import lab.sharpminima.linalg.SymmetricEigen;
import lab.sharpminima.linalg.SymmetricOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * ∇²L(θ) taken once, and the spectrum of D ∇²L(θ) D for any diagonal D — by Section 4.2 the Hessian
 * at the transformed point, ∇²L(T_α θ) = D_α ∇²L(θ) D_α, so a search along the orbit of T_α needs no
 * new Hessian per step. Dense (EJML, exact) up to a threshold on n; above it, matrix-free with the
 * Hessian-vector products of θ and Lanczos for the largest |λ|.
 */
final class ScaledHessian {

    /** Lanczos's relative residual tolerance: the norm it finds is accurate far below the search padding. */
    static final double LANCZOS_TOLERANCE = 1e-10;
    private static final int LANCZOS_ITERATIONS = 500;
    /** Up to this n a search step decomposes D H D in full; above, Lanczos finds its norm. */
    static final int DENSE_EIGEN_LIMIT = 256;

    private final DMatrixRMaj dense;
    private final HessianOperator operator;

    private ScaledHessian(DMatrixRMaj dense, HessianOperator operator) {
        this.dense = dense;
        this.operator = operator;
    }

    /** The Hessian at θ, dense when n ≤ {@code denseThreshold}. */
    static ScaledHessian at(LossFunction f, double[] theta, int denseThreshold) {
        return f.dimension() <= denseThreshold ? new ScaledHessian(f.hessian(theta), null)
                : new ScaledHessian(null, f.hessianOperator(theta));
    }

    boolean isDense() {
        return dense != null;
    }

    /** The dense Hessian at θ (only when {@link #isDense()}). */
    DMatrixRMaj matrix() {
        return dense;
    }

    /** ‖D H D‖₂ = max |λ(D H D)|. */
    double spectralNorm(double[] d) {
        if (dense != null) {
            DMatrixRMaj a = scaled(d);
            // Entries past the double range: the norm is past any finite target too.
            if (!isFinite(a)) {
                return Double.POSITIVE_INFINITY;
            }
            // A search step needs only the norm: Lanczos on the dense matrix costs a few dozen
            // n² products instead of a full O(n³) decomposition.
            return a.numRows <= DENSE_EIGEN_LIMIT ? SymmetricEigen.decompose(a, false).spectralNorm()
                    : largestMagnitude(new DenseOperator(a));
        }
        double norm = largestMagnitude(scaledOperator(operator, d));
        return Double.isNaN(norm) ? Double.POSITIVE_INFINITY : norm;
    }

    /** All eigenvalues of D H D, descending (dense only). */
    SymmetricEigen eigen(double[] d) {
        return SymmetricEigen.decompose(scaled(d), false);
    }

    /** ‖∇²L(θ)‖₂ computed afresh at θ, dense or by Lanczos as the threshold says. */
    static double spectralNormAt(LossFunction f, double[] theta, int denseThreshold) {
        if (f.dimension() <= denseThreshold) {
            return SymmetricEigen.decompose(f.hessian(theta), false).spectralNorm();
        }
        return largestMagnitude(f.hessianOperator(theta));
    }

    private DMatrixRMaj scaled(double[] d) {
        DMatrixRMaj a = dense.copy();
        CommonOps_DDRM.multRows(d, a);
        CommonOps_DDRM.multCols(a, d);
        return a;
    }

    private static boolean isFinite(DMatrixRMaj a) {
        for (double v : a.data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static SymmetricOperator scaledOperator(SymmetricOperator h, double[] d) {
        return new SymmetricOperator() {
            @Override
            public int dimension() {
                return h.dimension();
            }

            @Override
            public void apply(double[] x, double[] y) {
                double[] dx = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    dx[i] = d[i] * x[i];
                }
                h.apply(dx, y);
                for (int i = 0; i < y.length; i++) {
                    y[i] *= d[i];
                }
            }
        };
    }

    private static double largestMagnitude(SymmetricOperator a) {
        Lanczos.Result r = Lanczos.of(1, Lanczos.Which.LARGEST_MAGNITUDE).withTolerance(LANCZOS_TOLERANCE)
                .withMaxIterations(LANCZOS_ITERATIONS).withSeed(1).solve(a);
        return Math.abs(r.eigenvalues()[0]);
    }
}
