package lab.sharpminima.symmetry.reparam;

import java.util.Arrays;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.Network;
import org.ejml.data.DMatrixRMaj;

/**
 * Weight normalization (Salimans &amp; Kingma 2016; Section 5.1 of Dinh et al. 2017) as a map g: η ↦ θ.
 * For every unit j of a normalized layer k, its incoming weights (column j of θ_k, in × 1) are
 * w_j = s_j v_j / ‖v_j‖₂ with v_j ≠ 0 and a scalar s_j; biases and the layers not normalized are
 * copied unchanged.
 *
 * <p>Flat order of η, layer by layer like θ: for a normalized layer, V_k (in × out, row-major, so
 * column j is v_j and V_k sits where θ_k sits in θ's layout), then s_k (out), then b_k if present;
 * for any other layer θ_k then b_k. So n_η = n_θ + Σ_{normalized k} out_k.
 *
 * <p>With ν = ‖v‖ and u = v/ν, per unit: ∂w/∂v = (s/ν)(I − uuᵀ), ∂w/∂s = u, and for a vector γ
 * (∂L/∂w in use) Σ_r γ_r ∇²w_r has blocks
 * vv: (s/ν²)[3(γ·u)uuᵀ − γuᵀ − uγᵀ − (γ·u)I], vs: (1/ν)(γ − (γ·u)u), ss: 0.
 *
 * <p>T'_α: v ↦ αv (α &gt; 0) keeps every w, hence θ and the function. Since L_η(T'_α η) = L_η(η),
 * ∇²L_η(T'_α η) = D ∇²L_η(η) D with D = 1/α on the v entries and 1 elsewhere: the vv block is divided by
 * α², the blocks between v and (s, b) by α, the rest unchanged — at every η, critical or not.
 */
public final class WeightNormalization implements Reparametrization {

    private final Network net;
    private final boolean[] normalized;
    private final int[] start;
    private final int etaDimension;

    /**
     * @param normalized which layers are weight-normalized, one flag per layer
     */
    public WeightNormalization(Network net, boolean[] normalized) {
        if (normalized.length != net.depth()) {
            throw new IllegalArgumentException("weight normalization needs " + net.depth()
                    + " layer flags (one per layer), got " + normalized.length);
        }
        this.net = net;
        this.normalized = normalized.clone();
        this.start = new int[net.depth() + 1];
        for (int k = 0; k < net.depth(); k++) {
            start[k + 1] = start[k] + net.layer(k).parameterCount() + (normalized[k] ? net.layer(k).out() : 0);
        }
        this.etaDimension = start[net.depth()];
    }

    /** Every layer normalized. */
    public static WeightNormalization allLayers(Network net) {
        boolean[] all = new boolean[net.depth()];
        Arrays.fill(all, true);
        return new WeightNormalization(net, all);
    }

    /** Only the listed layers normalized. */
    public static WeightNormalization layers(Network net, int... ks) {
        boolean[] flags = new boolean[net.depth()];
        for (int k : ks) {
            if (k < 0 || k >= net.depth()) {
                throw new IllegalArgumentException("layer " + k + " does not exist: the network has layers 0.."
                        + (net.depth() - 1));
            }
            flags[k] = true;
        }
        return new WeightNormalization(net, flags);
    }

    public Network network() {
        return net;
    }

    public boolean isNormalized(int k) {
        return normalized[k];
    }

    /** Index in η of V_k[0][0] (of θ_k[0][0] for a layer not normalized). */
    public int vOffset(int k) {
        return start[k];
    }

    /** Index in η of s_k[0]; only meaningful for a normalized layer. */
    public int scaleOffset(int k) {
        return start[k] + net.layer(k).weightCount();
    }

    /** Index in η of b_k[0]; only meaningful when layer k has a bias. */
    public int biasOffset(int k) {
        return start[k + 1] - net.layer(k).out();
    }

    /** Whether η index i is an entry of some normalized V_k. */
    public boolean isV(int i) {
        for (int k = 0; k < net.depth(); k++) {
            if (i < start[k + 1]) {
                return normalized[k] && i < scaleOffset(k);
            }
        }
        throw new IndexOutOfBoundsException("η index " + i + " of " + etaDimension);
    }

    @Override
    public int etaDimension() {
        return etaDimension;
    }

    @Override
    public int thetaDimension() {
        return net.parameterCount();
    }

    /** θ = g(η): w_j = s_j v_j/‖v_j‖ for the normalized layers, the rest copied. */
    @Override
    public double[] theta(double[] eta) {
        checkLength(eta, etaDimension, "η");
        double[] theta = new double[net.parameterCount()];
        for (int k = 0; k < net.depth(); k++) {
            Layer l = net.layer(k);
            if (!normalized[k]) {
                System.arraycopy(eta, start[k], theta, net.offset(k), l.parameterCount());
                continue;
            }
            for (int j = 0; j < l.out(); j++) {
                double factor = eta[scaleOffset(k) + j] / vNorm(eta, k, j);
                for (int r = 0; r < l.in(); r++) {
                    theta[net.offset(k) + r * l.out() + j] = factor * eta[start[k] + r * l.out() + j];
                }
            }
            copyBias(eta, biasOffset(k), theta, net.biasOffset(k), l);
        }
        return theta;
    }

    /** η = g⁻¹(θ) with v_j = w_j, so s_j = ‖w_j‖; see {@link #eta(double[], double)}. */
    public double[] eta(double[] theta) {
        return eta(theta, Double.NaN);
    }

    /**
     * η = g⁻¹(θ) with ‖v_j‖ = vNorm for every unit: v_j = vNorm·w_j/‖w_j‖, s_j = ‖w_j‖ ≥ 0. A unit with
     * w_j = 0 gets s_j = 0 and v_j = vNorm·e_1 (any v ≠ 0 would do). NaN means v_j = w_j (and e_1 for
     * w_j = 0).
     */
    public double[] eta(double[] theta, double vNorm) {
        checkLength(theta, net.parameterCount(), "θ");
        if (!Double.isNaN(vNorm) && !(vNorm > 0 && vNorm < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("the norm of v must be a positive finite number, got " + vNorm);
        }
        double[] eta = new double[etaDimension];
        for (int k = 0; k < net.depth(); k++) {
            Layer l = net.layer(k);
            if (!normalized[k]) {
                System.arraycopy(theta, net.offset(k), eta, start[k], l.parameterCount());
                continue;
            }
            for (int j = 0; j < l.out(); j++) {
                double w = columnNorm(theta, net.offset(k), l, j);
                double target = Double.isNaN(vNorm) ? (w > 0 ? w : 1.0) : vNorm;
                eta[scaleOffset(k) + j] = w;
                for (int r = 0; r < l.in(); r++) {
                    double wr = theta[net.offset(k) + r * l.out() + j];
                    eta[start[k] + r * l.out() + j] = w > 0 ? target * wr / w : (r == 0 ? target : 0.0);
                }
            }
            copyBias(theta, net.biasOffset(k), eta, biasOffset(k), l);
        }
        return eta;
    }

    /** T'_α with one α for every normalized layer. */
    public double[] scaleV(double[] eta, double alpha) {
        double[] alphas = new double[net.depth()];
        Arrays.fill(alphas, alpha);
        return scaleV(eta, alphas);
    }

    /** T'_α: v ↦ α_k v in every normalized layer k (α_k &gt; 0); θ = g(η) is unchanged. */
    public double[] scaleV(double[] eta, double[] alphaPerLayer) {
        checkLength(eta, etaDimension, "η");
        if (alphaPerLayer.length != net.depth()) {
            throw new IllegalArgumentException("T'_alpha needs " + net.depth() + " alphas (one per layer), got "
                    + alphaPerLayer.length);
        }
        double[] out = eta.clone();
        for (int k = 0; k < net.depth(); k++) {
            double a = alphaPerLayer[k];
            if (!(a > 0 && a < Double.POSITIVE_INFINITY)) {
                // α < 0 would flip every w (v/‖v‖ changes sign), so it is not a symmetry without s ↦ −s.
                throw new IllegalArgumentException("alpha[" + k + "] = " + a + " must be a positive finite number");
            }
            if (normalized[k]) {
                for (int i = start[k]; i < scaleOffset(k); i++) {
                    out[i] *= a;
                }
            }
        }
        return out;
    }

    /** ∇g(η), n_θ × n_η: (s/ν)(I − uuᵀ) and u per unit, identity on the copied entries. */
    @Override
    public DMatrixRMaj jacobian(double[] eta) {
        checkLength(eta, etaDimension, "η");
        DMatrixRMaj jac = new DMatrixRMaj(net.parameterCount(), etaDimension);
        for (int k = 0; k < net.depth(); k++) {
            Layer l = net.layer(k);
            if (!normalized[k]) {
                for (int i = 0; i < l.parameterCount(); i++) {
                    jac.unsafe_set(net.offset(k) + i, start[k] + i, 1.0);
                }
                continue;
            }
            for (int j = 0; j < l.out(); j++) {
                unitJacobian(eta, k, j, jac);
            }
            for (int j = 0; l.bias() && j < l.out(); j++) {
                jac.unsafe_set(net.biasOffset(k) + j, biasOffset(k) + j, 1.0);
            }
        }
        return jac;
    }

    private void unitJacobian(double[] eta, int k, int j, DMatrixRMaj jac) {
        Layer l = net.layer(k);
        double nu = vNorm(eta, k, j);
        double s = eta[scaleOffset(k) + j];
        for (int r = 0; r < l.in(); r++) {
            int row = net.offset(k) + r * l.out() + j;
            double ur = eta[start[k] + r * l.out() + j] / nu;
            for (int q = 0; q < l.in(); q++) {
                double uq = eta[start[k] + q * l.out() + j] / nu;
                jac.unsafe_set(row, start[k] + q * l.out() + j, (s / nu) * ((r == q ? 1.0 : 0.0) - ur * uq));
            }
            jac.unsafe_set(row, scaleOffset(k) + j, ur);
        }
    }

    /** Σ_i γ_i ∇²g_i(η): one (in + 1) × (in + 1) block per normalized unit (see the class comment). */
    @Override
    public DMatrixRMaj curvature(double[] eta, double[] gamma) {
        checkLength(eta, etaDimension, "η");
        checkLength(gamma, net.parameterCount(), "γ");
        DMatrixRMaj c = new DMatrixRMaj(etaDimension, etaDimension);
        for (int k = 0; k < net.depth(); k++) {
            for (int j = 0; normalized[k] && j < net.layer(k).out(); j++) {
                unitCurvature(eta, gamma, k, j, c);
            }
        }
        return c;
    }

    private void unitCurvature(double[] eta, double[] gamma, int k, int j, DMatrixRMaj c) {
        Layer l = net.layer(k);
        int in = l.in();
        double nu = vNorm(eta, k, j);
        double s = eta[scaleOffset(k) + j];
        double[] u = new double[in];
        double[] g = new double[in];
        int[] idx = new int[in];
        double gu = 0;
        for (int r = 0; r < in; r++) {
            idx[r] = start[k] + r * l.out() + j;
            u[r] = eta[idx[r]] / nu;
            g[r] = gamma[net.offset(k) + r * l.out() + j];
            gu += g[r] * u[r];
        }
        int si = scaleOffset(k) + j;
        for (int q = 0; q < in; q++) {
            for (int p = 0; p < in; p++) {
                double v = 3 * gu * u[q] * u[p] - g[q] * u[p] - g[p] * u[q] - (q == p ? gu : 0.0);
                c.unsafe_set(idx[q], idx[p], s / (nu * nu) * v);
            }
            double vs = (g[q] - gu * u[q]) / nu;
            c.unsafe_set(idx[q], si, vs);
            c.unsafe_set(si, idx[q], vs);
        }
    }

    private double vNorm(double[] eta, int k, int j) {
        double nu = columnNorm(eta, start[k], net.layer(k), j);
        if (!(nu > 0)) {
            throw new IllegalArgumentException("v of unit " + j + " in layer " + k
                    + " is zero; weight normalization needs every v ≠ 0");
        }
        return nu;
    }

    /** ‖column j‖₂ of the in × out row-major block at {@code offset}, without overflow. */
    private static double columnNorm(double[] a, int offset, Layer l, int j) {
        double norm = 0;
        for (int r = 0; r < l.in(); r++) {
            norm = Math.hypot(norm, a[offset + r * l.out() + j]);
        }
        return norm;
    }

    private static void copyBias(double[] from, int fromOffset, double[] to, int toOffset, Layer l) {
        if (l.bias()) {
            System.arraycopy(from, fromOffset, to, toOffset, l.out());
        }
    }

    private static void checkLength(double[] v, int n, String name) {
        if (v.length != n) {
            throw new IllegalArgumentException(name + " has " + v.length + " entries, expected " + n);
        }
    }
}
