package lab.sharpminima.symmetry.reparam;

import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.Network;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * An invertible affine map of inputs, x = ξ(u) = u·A + c on row vectors (Section 5.2): u = ξ⁻¹(x) is
 * the preprocessed input and f_ξ = f∘ξ the prediction function on it. Its input gradients follow the
 * chain rule ∂f_ξ/∂u = ∂f/∂x(ξ(u)) · Aᵀ (row vectors), so preprocessing changes their magnitude while
 * the function on corresponding inputs stays the same.
 *
 * <p>Statistics are population ones (divide by N): standardisation u = (x − μ)/σ has A = diag(σ),
 * c = μ; PCA whitening u = (x − μ)EΛ^{−½} has A = Λ^{½}Eᵀ; ZCA whitening u = (x − μ)EΛ^{−½}Eᵀ has
 * A = EΛ^{½}Eᵀ, where C = EΛEᵀ is the covariance of x.
 */
public final class InputPreprocessing {

    /** Largest accepted 2-norm condition number of A; above it ξ⁻¹ loses most of its digits. */
    public static final double MAX_CONDITION = 1e12;

    private final DMatrixRMaj a;
    private final double[] c;
    private final DMatrixRMaj aInverse;
    private final double condition;

    private InputPreprocessing(DMatrixRMaj a, double[] c) {
        if (a.numRows != a.numCols || c.length != a.numRows) {
            throw new IllegalArgumentException("input map needs a square d×d matrix A and an offset of length d, got "
                    + a.numRows + "×" + a.numCols + " and " + c.length);
        }
        this.condition = NormOps_DDRM.conditionP2(a);
        if (!(condition <= MAX_CONDITION)) {
            throw new IllegalArgumentException("input map matrix A is singular or ill-conditioned (condition number "
                    + condition + " > " + MAX_CONDITION + "); use an invertible A");
        }
        this.a = a.copy();
        this.c = c.clone();
        this.aInverse = a.copy();
        CommonOps_DDRM.invert(aInverse);
    }

    /** ξ(u) = u·A + c for any invertible A (condition number ≤ {@link #MAX_CONDITION}). */
    public static InputPreprocessing of(DMatrixRMaj a, double[] c) {
        return new InputPreprocessing(a, c);
    }

    /** Standardisation from data x (rows = samples): u = (x − μ)/σ per feature, so A = diag(σ), c = μ. */
    public static InputPreprocessing standardisation(DMatrixRMaj x) {
        double[] mean = mean(x);
        DMatrixRMaj cov = covariance(x, mean);
        DMatrixRMaj a = new DMatrixRMaj(x.numCols, x.numCols);
        for (int j = 0; j < x.numCols; j++) {
            double sigma = Math.sqrt(cov.get(j, j));
            if (!(sigma > 0)) {
                throw new IllegalArgumentException("feature " + j + " is constant (standard deviation 0); drop it before"
                        + " standardising");
            }
            a.set(j, j, sigma);
        }
        return new InputPreprocessing(a, mean);
    }

    /** PCA whitening from data x: u = (x − μ)EΛ^{−½}, so A = Λ^{½}Eᵀ, c = μ. */
    public static InputPreprocessing pcaWhitening(DMatrixRMaj x) {
        return whitening(x, false);
    }

    /** ZCA whitening from data x: u = (x − μ)EΛ^{−½}Eᵀ, so A = EΛ^{½}Eᵀ, c = μ. */
    public static InputPreprocessing zcaWhitening(DMatrixRMaj x) {
        return whitening(x, true);
    }

    private static InputPreprocessing whitening(DMatrixRMaj x, boolean zca) {
        double[] mean = mean(x);
        int d = x.numCols;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(covariance(x, mean))) {
            throw new IllegalStateException("symmetric eigen-decomposition of the input covariance failed");
        }
        DMatrixRMaj sqrtLambdaEt = new DMatrixRMaj(d, d);
        DMatrixRMaj e = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            double lambda = eig.getEigenvalue(i).real;
            if (!(lambda > 0)) {
                throw new IllegalArgumentException("the input covariance is singular (eigenvalue " + lambda
                        + "); drop constant or linearly dependent features before whitening");
            }
            DMatrixRMaj v = eig.getEigenVector(i);
            for (int j = 0; j < d; j++) {
                sqrtLambdaEt.set(i, j, Math.sqrt(lambda) * v.get(j));
                e.set(j, i, v.get(j));
            }
        }
        if (!zca) {
            return new InputPreprocessing(sqrtLambdaEt, mean);
        }
        DMatrixRMaj a = new DMatrixRMaj(d, d);
        CommonOps_DDRM.mult(e, sqrtLambdaEt, a);
        return new InputPreprocessing(a, mean);
    }

    public int dimension() {
        return c.length;
    }

    /** A (a copy). */
    public DMatrixRMaj matrix() {
        return a.copy();
    }

    /** c (a copy). */
    public double[] offset() {
        return c.clone();
    }

    /** The 2-norm condition number of A, σ_max/σ_min. */
    public double conditionNumber() {
        return condition;
    }

    /** x = ξ(u) = u·A + c for every row of u. */
    public DMatrixRMaj toOriginal(DMatrixRMaj u) {
        checkColumns(u);
        DMatrixRMaj x = new DMatrixRMaj(u.numRows, u.numCols);
        CommonOps_DDRM.mult(u, a, x);
        addRow(x, c, 1.0);
        return x;
    }

    /** u = ξ⁻¹(x) = (x − c)·A⁻¹ for every row of x. */
    public DMatrixRMaj toPreprocessed(DMatrixRMaj x) {
        checkColumns(x);
        DMatrixRMaj shifted = x.copy();
        addRow(shifted, c, -1.0);
        DMatrixRMaj u = new DMatrixRMaj(x.numRows, x.numCols);
        CommonOps_DDRM.mult(shifted, aInverse, u);
        return u;
    }

    /** The data set with preprocessed inputs u = ξ⁻¹(x) and the same targets. */
    public Dataset preprocess(Dataset data) {
        return new Dataset(toPreprocessed(data.x()), data.y().copy());
    }

    /**
     * The parameters θ' of the same architecture with f_{θ'}(u) = f_θ(ξ(u)): only the first layer
     * changes, θ_1' = A θ_1 and b_1' = c θ_1 + b_1, since (uA + c)θ_1 + b_1 = u(Aθ_1) + (cθ_1 + b_1).
     *
     * @throws IllegalArgumentException when c ≠ 0 but the first layer has no bias to absorb it
     */
    public double[] transformNetwork(Network net, double[] theta) {
        Layer first = net.layer(0);
        if (first.in() != dimension()) {
            throw new IllegalArgumentException("the network takes " + first.in() + " inputs, the input map "
                    + dimension());
        }
        DMatrixRMaj w = net.weights(theta, 0);
        DMatrixRMaj w2 = new DMatrixRMaj(w.numRows, w.numCols);
        CommonOps_DDRM.mult(a, w, w2);
        double[] out = theta.clone();
        net.setWeights(out, 0, w2);
        DMatrixRMaj shift = new DMatrixRMaj(1, w.numCols);
        CommonOps_DDRM.mult(DMatrixRMaj.wrap(1, c.length, c), w, shift);
        if (first.bias()) {
            double[] b = net.bias(theta, 0);
            for (int j = 0; j < b.length; j++) {
                b[j] += shift.data[j];
            }
            net.setBias(out, 0, b);
        } else if (CommonOps_DDRM.elementMaxAbs(shift) != 0) {
            throw new IllegalArgumentException("the first layer has no bias, so the input offset c cannot be absorbed;"
                    + " use a network with biases or a map with c = 0");
        }
        return out;
    }

    /** Chain rule of Section 5.2 on row-vector gradients: ∂f_ξ/∂u = ∂f/∂x(ξ(u)) · Aᵀ, per row. */
    public DMatrixRMaj gradientInPreprocessed(DMatrixRMaj gradX) {
        checkColumns(gradX);
        DMatrixRMaj gradU = new DMatrixRMaj(gradX.numRows, gradX.numCols);
        CommonOps_DDRM.multTransB(gradX, a, gradU);
        return gradU;
    }

    private static double[] mean(DMatrixRMaj x) {
        if (x.numRows == 0) {
            throw new IllegalArgumentException("no samples to estimate the input statistics from");
        }
        DMatrixRMaj sums = CommonOps_DDRM.sumCols(x, null);
        CommonOps_DDRM.scale(1.0 / x.numRows, sums);
        return sums.data;
    }

    /** (x − μ)ᵀ(x − μ)/N. */
    private static DMatrixRMaj covariance(DMatrixRMaj x, double[] mean) {
        DMatrixRMaj centred = x.copy();
        addRow(centred, mean, -1.0);
        DMatrixRMaj cov = new DMatrixRMaj(x.numCols, x.numCols);
        CommonOps_DDRM.multTransA(centred, centred, cov);
        CommonOps_DDRM.scale(1.0 / x.numRows, cov);
        return cov;
    }

    private static void addRow(DMatrixRMaj m, double[] row, double sign) {
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                m.unsafe_set(i, j, m.unsafe_get(i, j) + sign * row[j]);
            }
        }
    }

    private void checkColumns(DMatrixRMaj m) {
        if (m.numCols != dimension()) {
            throw new IllegalArgumentException("rows have " + m.numCols + " entries, the input map works on "
                    + dimension());
        }
    }
}
