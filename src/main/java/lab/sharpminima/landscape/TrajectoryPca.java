package lab.sharpminima.landscape;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The plane of a training trajectory (Li et al. 2018, Section 7): with the final parameters θ_T as
 * origin, the rows of M = [θ_0 − θ_T; …; θ_{T−1} − θ_T] are decomposed by SVD (EJML), and the first
 * two right singular vectors (the principal directions, uncentred as in Li et al.) span the plane.
 * Because d1 and d2 are orthonormal, the trajectory's coordinates a_i = (θ_i − θ_T)·d1,
 * b_i = (θ_i − θ_T)·d2 are the least-squares ones; a trajectory lying in a plane through θ_T is
 * recovered exactly (up to rounding).
 *
 * @param center    θ_T, the last point of the trajectory
 * @param d1        the first principal direction, unit norm
 * @param d2        the second, unit norm and orthogonal to d1
 * @param a         the coordinates of every trajectory point along d1 (the last is 0)
 * @param b         the same along d2
 * @param explained σ₁²/Σσ² and σ₂²/Σσ², the share of the trajectory's squared distance from θ_T in each
 */
public record TrajectoryPca(double[] center, double[] d1, double[] d2, double[] a, double[] b,
                            double[] explained) {

    /**
     * @param trajectory at least three points θ_0 … θ_T of the same length (the last is the centre)
     * @throws IllegalArgumentException when there are fewer than three points, the lengths differ,
     *                                  the parameters number fewer than two, or every point equals θ_T
     */
    public static TrajectoryPca of(List<double[]> trajectory) {
        int m = trajectory.size() - 1;
        if (m < 2) {
            throw new IllegalArgumentException("a trajectory needs at least 3 points for a plane, got "
                    + trajectory.size());
        }
        double[] center = trajectory.get(m).clone();
        int n = center.length;
        if (n < 2) {
            throw new IllegalArgumentException("a plane needs at least 2 parameters, the model has " + n);
        }
        DMatrixRMaj diff = new DMatrixRMaj(m, n);
        for (int i = 0; i < m; i++) {
            double[] p = trajectory.get(i);
            if (p.length != n) {
                throw new IllegalArgumentException("trajectory point " + i + " has " + p.length
                        + " entries, the last has " + n);
            }
            for (int j = 0; j < n; j++) {
                diff.data[i * n + j] = p[j] - center[j];
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, n, false, true, true);
        if (!svd.decompose(diff.copy())) {
            throw new IllegalStateException("the SVD of the trajectory did not converge");
        }
        DMatrixRMaj vt = svd.getV(null, true);
        double[] sv = svd.getSingularValues();
        SingularOps_DDRM.descendingOrder(null, false, sv, svd.numberOfSingularValues(), vt, true);
        double total = 0;
        for (int i = 0; i < svd.numberOfSingularValues(); i++) {
            total += sv[i] * sv[i];
        }
        if (total == 0) {
            throw new IllegalArgumentException("every trajectory point equals the last one; there is no plane");
        }
        double[] d1 = row(vt, 0);
        double[] d2 = svd.numberOfSingularValues() > 1 ? row(vt, 1) : new double[n];
        double s2 = svd.numberOfSingularValues() > 1 ? sv[1] : 0;
        double[] a = new double[m + 1];
        double[] b = new double[m + 1];
        for (int i = 0; i < m; i++) {
            a[i] = dot(diff, i, d1);
            b[i] = dot(diff, i, d2);
        }
        return new TrajectoryPca(center, d1, d2, a, b, new double[] {sv[0] * sv[0] / total, s2 * s2 / total});
    }

    /** The plane θ_T + a·d1 + b·d2 for slices and contours. */
    public Plane plane() {
        return Plane.through(center, d1, d2);
    }

    private static double[] row(DMatrixRMaj m, int i) {
        double[] r = new double[m.numCols];
        System.arraycopy(m.data, i * m.numCols, r, 0, m.numCols);
        return r;
    }

    private static double dot(DMatrixRMaj m, int i, double[] v) {
        double s = 0;
        int o = i * m.numCols;
        for (int j = 0; j < v.length; j++) {
            s += m.data[o + j] * v[j];
        }
        return s;
    }
}
