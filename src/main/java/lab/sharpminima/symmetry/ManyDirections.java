package lab.sharpminima.symmetry;

import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.Network;
import lab.sharpminima.linalg.SymmetricEigen;

/**
 * Theorem 5 ("many directions") as a function: at a minimum θ with r = rank ∇²L(θ), an α-scale with
 * at least r − min_k n_k eigenvalues of ∇²L(T_α θ) above any M &gt; 0.
 *
 * <p>As in the proof, the layer k* with the fewest parameters n_k gets α_{k*} = β^{K−1} and every
 * other layer α_k = β⁻¹ (∏ α_k = 1). Then D_α = diag(β^{e_i}) with e_i = 1 on every weight outside
 * layer k*, and the multiplicative Horn inequalities for the singular values of ∇²L(θ)^{1/2} D_α give
 * λ_i(D_α ∇²L(θ) D_α) ≥ λ_r(∇²L(θ)) β² for i ≤ r − m, m the number of coordinates with e_i &lt; 1.
 * Without biases m = n_{k*} = min_k n_k, the paper's count; a bias b_k is scaled by ∏_{j≤k} α_j, so
 * the biases of layers k* … K−1 shrink with β as well and count in m (among the layers with the
 * fewest parameters the one with the smallest m is taken, the last on a tie, as in the proof).
 *
 * <p>Away from a minimum ∇²L(θ) has q &gt; 0 negative eigenvalues besides its p positive ones
 * (r = p + q). D_α keeps the inertia (Sylvester), so at most p eigenvalues can ever exceed M; writing
 * ∇²L = H₊ − H₋ with H₋ ⪰ 0 of rank q, Weyl's interlacing λ_i(A − B) ≥ λ_{i+q}(A) for B ⪰ 0 of rank q
 * and the Horn bound on D_α H₊ D_α give λ_i(D_α ∇²L D_α) ≥ λ_p β² for i ≤ p − q − m. The count aimed
 * at is therefore max(0, p − q − m), which is r − m at a minimum (q = 0), and β = sqrt(M/λ_p), with
 * λ_p the smallest positive eigenvalue, always reaches it (the proof's β, reported for comparison).
 * β is the smallest found by bracketing and bisection on log β ({@link OrbitSearch}) with that many
 * eigenvalues above M. The full spectrum is needed, so the Hessian is dense (n up to a threshold).
 */
public final class ManyDirections {

    /**
     * @param scale              the T_α found (β = 1 when nothing needs to move)
     * @param theta              T_α θ
     * @param target             M
     * @param beta               β
     * @param countBefore        eigenvalues of ∇²L(θ) above M
     * @param countAfter         eigenvalues of ∇²L(T_α θ) above M, from the Hessian recomputed there
     * @param rank               r, the numerical rank of ∇²L(θ) ({@link SymmetricEigen#rank()})
     * @param negative           q, the eigenvalues of ∇²L(θ) below −tol (0 at a minimum), with the
     *                           tolerance of {@link SymmetricEigen#rank()}
     * @param layerWithFewest    k*, 0-based
     * @param minLayerParameters n_{k*} = min_k n_k (weights and bias of the layer)
     * @param guaranteed         max(0, r − 2q − m) = max(0, p − q − m): the count guaranteed for this D_α
     *                           (r − m at a minimum, Theorem 5)
     * @param proofBound         the proof's β = sqrt(M/λ_p), λ_p the smallest positive eigenvalue; NaN when
     *                           there is none
     */
    public record Result(AlphaScale scale, double[] theta, double target, double beta, int countBefore,
                         int countAfter, int rank, int negative, int layerWithFewest, int minLayerParameters, int guaranteed,
                         double proofBound) {
    }

    private ManyDirections() {
    }

    /** T_α with α_{k*} = β^{K−1} and α_k = β⁻¹ elsewhere, as exponentials of log β so that ∏ α_k = 1. */
    public static AlphaScale scale(Network net, int fewest, double logBeta) {
        double[] a = new double[net.depth()];
        for (int k = 0; k < a.length; k++) {
            a[k] = k == fewest ? Math.exp((net.depth() - 1) * logBeta) : Math.exp(-logBeta);
        }
        return new AlphaScale(net, a);
    }

    /**
     * @throws IllegalArgumentException for M not positive and finite, fewer than two layers, a hidden
     *                                  tanh layer, n above the dense threshold, or a count out of reach
     *                                  for β up to (1e150)^{1/(K−1)}
     */
    public static Result find(LossFunction f, double[] theta, double m, int denseThreshold) {
        if (!(m > 0) || Double.isInfinite(m)) {
            throw new IllegalArgumentException("the threshold M must be a positive finite number, got " + m);
        }
        Network net = f.network();
        Homogeneity.requireDepthTwo(net);
        Homogeneity.requireHiddenLayers(net);
        int n = net.parameterCount();
        if (n > denseThreshold) {
            throw new IllegalArgumentException("counting eigenvalues needs the full spectrum, but n = " + n
                    + " exceeds the dense threshold " + denseThreshold + "; raise it to at least " + n);
        }
        ScaledHessian h = ScaledHessian.at(f, theta, n);
        SymmetricEigen eig = h.eigen(SharpestDirection.ones(n));
        int rank = eig.rank();
        double tol = eig.defaultTolerance();
        int positive = eig.countAbove(tol);
        int negative = rank - positive;
        int fewest = fewestLayer(net);
        int guaranteed = Math.max(0, positive - negative - shrinking(net, fewest));
        double bound = positive > 0 ? Math.sqrt(m / eig.value(positive - 1)) : Double.NaN;
        double goal = m * (1 + SharpestDirection.PAD);
        double logBeta = 0;
        if (eig.countAbove(goal) < guaranteed) {
            double maxLog = SharpestDirection.MAX_LOG_ALPHA / (net.depth() - 1);
            logBeta = OrbitSearch.first(u -> h.eigen(scale(net, fewest, u).paperD()).countAbove(goal) >= guaranteed,
                    maxLog);
            if (Double.isNaN(logBeta)) {
                throw new IllegalArgumentException(guaranteed + " eigenvalues above " + m
                        + " are out of reach for beta up to 1e150^(1/" + (net.depth() - 1) + ")");
            }
        }
        AlphaScale t = scale(net, fewest, logBeta);
        double[] moved = t.applyChecked(theta);
        int after = SymmetricEigen.decompose(f.hessian(moved), false).countAbove(m);
        return new Result(t, moved, m, Math.exp(logBeta), eig.countAbove(m), after, rank, negative, fewest,
                net.layer(fewest).parameterCount(), guaranteed, bound);
    }

    /** Among the layers with the fewest parameters, the one with the fewest shrinking coordinates (last on a tie). */
    static int fewestLayer(Network net) {
        int best = -1;
        for (int k = 0; k < net.depth(); k++) {
            if (best < 0) {
                best = k;
                continue;
            }
            int nk = net.layer(k).parameterCount();
            int nb = net.layer(best).parameterCount();
            if (nk < nb || nk == nb && shrinking(net, k) <= shrinking(net, best)) {
                best = k;
            }
        }
        return best;
    }

    /** m: coordinates whose D_α entry grows slower than β (e_i &lt; 1), read off at β = e. */
    static int shrinking(Network net, int fewest) {
        double[] d = scale(net, fewest, 1.0).paperD();
        int count = 0;
        for (double v : d) {
            if (Math.log(v) < 0.5) {
                count++;
            }
        }
        return count;
    }
}
