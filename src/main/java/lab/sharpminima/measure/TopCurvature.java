package lab.sharpminima.measure;

import lab.sharpminima.engine.HessianOperator;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.linalg.Lanczos;
import lab.sharpminima.linalg.SymmetricEigen;

/**
 * The top eigenpair (λ_max, v) of ∇²L(θ) and the spectral norm ‖∇²L(θ)‖₂ = max(|λ_max|, |λ_min|):
 * the sharpness ascents start along ±v, and the norm gives Definition 2's second-order estimate.
 * Dense (EJML) up to {@link #DENSE_THRESHOLD} parameters, where assembling the Hessian is cheaper than
 * Lanczos's bookkeeping; above, Lanczos with k = 1 (largest and smallest algebraic) on
 * Hessian-vector products.
 *
 * @param top          λ_max
 * @param topVector    a unit eigenvector of λ_max
 * @param spectralNorm max |λ|
 * @param products     Hessian-vector products used (0 when dense)
 */
record TopCurvature(double top, double[] topVector, double spectralNorm, int products) {

    static final int DENSE_THRESHOLD = 64;
    private static final double LANCZOS_TOLERANCE = 1e-6;

    static TopCurvature of(LossFunction f, double[] theta, long seed) {
        int n = f.dimension();
        if (n <= DENSE_THRESHOLD) {
            SymmetricEigen eig = SymmetricEigen.decompose(f.hessian(theta), true);
            return new TopCurvature(eig.value(0), eig.vector(0), eig.spectralNorm(), 0);
        }
        HessianOperator h = f.hessianOperator(theta);
        Lanczos.Result top = Lanczos.of(1, Lanczos.Which.LARGEST_ALGEBRAIC).withTolerance(LANCZOS_TOLERANCE)
                .withSeed(seed).withVectors(true).solve(h);
        Lanczos.Result bottom = Lanczos.of(1, Lanczos.Which.SMALLEST_ALGEBRAIC).withTolerance(LANCZOS_TOLERANCE)
                .withSeed(seed + 1).solve(h);
        double norm = Math.max(Math.abs(top.eigenvalues()[0]), Math.abs(bottom.eigenvalues()[0]));
        return new TopCurvature(top.eigenvalues()[0], top.vectors()[0], norm,
                top.applications() + bottom.applications());
    }
}
