package lab.sharpminima.measure;

import lab.sharpminima.engine.HessianOperator;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.Network;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Relative flatness κ^φ_Tr of Petzka et al. 2021 ("Relative Flatness and Generalization", NeurIPS):
 * for a layer W = θ_l (d × m in the model format: d feature units in, m units out),
 *
 * <pre>  κ(θ) = Σ_{s,s'=1..m} ⟨w_s, w_{s'}⟩ · Tr(H_{s,s'}),   Tr(H_{s,s'}) = Σ_r ∂²L / ∂W_{r,s} ∂W_{r,s'},</pre>
 *
 * where w_s ∈ ℝ^d holds the weights into unit s of the layer (column s of θ_l; row s of the paper's
 * m × d matrix, e.g. a row of PyTorch's {@code fc.weight}) and H_{s,s'} is the d × d block of ∇²L(θ)
 * for w_s and w_{s'}. The default layer is the last one, the paper's choice (features φ = the
 * penultimate layer's activations). The bias b_l is not part of κ.
 *
 * <p>{@link #featureWise()} is this lab's transposed variant, <em>not in the paper</em>: the last
 * layer's weights grouped by feature unit instead (w_r = row r of θ_l, traces over the outputs),
 * κ' = Σ_{r,r'} ⟨w_r, w_{r'}⟩ Σ_s ∂²L/∂W_{r,s}∂W_{r',s}.
 *
 * <p>The matrix of block traces is assembled exactly from d·m Hessian-vector products with unit
 * vectors (Pearlmutter's R-operator), one per weight of the layer.
 *
 * <p>Invariance. If a positive diagonal map θ ↦ s ⊙ θ keeps L, the Hessian at the new point is
 * D⁻¹∇²L D⁻¹ with D = diag(s). When that map scales each group (w_s, or w_r) of θ_l by one factor
 * c_s, ⟨w_s, w_{s'}⟩ gains c_s c_{s'} and Tr(H_{s,s'}) loses it: κ is unchanged. T_α scales all of
 * θ_l by α_l: INVARIANT, biases included (they do not enter). Per-neuron scaling of the layer's own
 * units scales the w_s (and of units of non-adjacent layers, nothing in the block), but scaling the
 * feature units feeding the layer multiplies single coordinates r of every w_s by 1/c_r, and then
 * the two factors no longer cancel (a large c_r makes κ grow like c_r² where unit r is active). So
 * the paper's κ is INVARIANT under neuron scaling only for the first layer (its inputs are data, not
 * units) and MOVED otherwise, the default last layer included; the feature-wise variant is
 * INVARIANT for the last layer (its outputs are not rescalable units). Weight normalisation's
 * isotropic T'_α: v ↦ αv (Section 5.1) scales all of the layer's v by α: INVARIANT for both.
 */
public final class RelativeFlatness implements ScalarMeasure {

    /** −1: the last layer. */
    private final int layer;
    /** Group the weights by feature unit (this lab's variant) instead of by the layer's units. */
    private final boolean byFeature;

    private RelativeFlatness(int layer, boolean byFeature) {
        if (layer < -1) {
            throw new IllegalArgumentException("relative flatness layer must be 0 or more (or -1 for the last), got "
                    + layer);
        }
        this.layer = layer;
        this.byFeature = byFeature;
    }

    /** The paper's κ^φ_Tr of layer {@code layer} (0-based; −1 for the last). */
    public RelativeFlatness(int layer) {
        this(layer, false);
    }

    /** The paper's default: the last weight matrix (penultimate-layer features). */
    public static RelativeFlatness lastLayer() {
        return new RelativeFlatness(-1, false);
    }

    /** This lab's transposed variant on the last layer, invariant under every per-neuron scaling. */
    public static RelativeFlatness featureWise() {
        return new RelativeFlatness(-1, true);
    }

    @Override
    public String key() {
        return byFeature ? "relativeFlatnessFeatureWise" : "relativeFlatness";
    }

    @Override
    public String source() {
        if (byFeature) {
            return "transposed variant of Petzka et al. 2021's kappa_Tr (weights grouped by feature unit, last layer;"
                    + " not in the paper)";
        }
        return "Petzka et al. 2021, Relative Flatness and Generalization (kappa^phi_Tr, layer "
                + (layer < 0 ? "last" : Integer.toString(layer)) + ")";
    }

    @Override
    public Invariance underAlphaScale() {
        return Invariance.INVARIANT;
    }

    /** See the class comment: invariant for the paper's κ of the first layer and the feature-wise variant. */
    @Override
    public Invariance underNeuronScaling() {
        return byFeature || layer == 0 ? Invariance.INVARIANT : Invariance.MOVED;
    }

    @Override
    public Invariance underWeightNormalization() {
        return Invariance.INVARIANT;
    }

    /** The measured layer's index in {@code net}. */
    public int layerIn(Network net) {
        int k = layer < 0 ? net.depth() - 1 : layer;
        if (k >= net.depth()) {
            throw new IllegalArgumentException("relative flatness layer " + layer + " does not exist: the network has "
                    + net.depth() + " layers (0.." + (net.depth() - 1) + ")");
        }
        return k;
    }

    @Override
    public double value(LossFunction loss, double[] theta) {
        Network net = loss.network();
        int k = layerIn(net);
        DMatrixRMaj w = net.weights(theta, k);
        DMatrixRMaj gram = byFeature ? new DMatrixRMaj(w.numRows, w.numRows) : new DMatrixRMaj(w.numCols, w.numCols);
        if (byFeature) {
            CommonOps_DDRM.multTransB(w, w, gram);
        } else {
            CommonOps_DDRM.multTransA(w, w, gram);
        }
        DMatrixRMaj traces = blockTraces(loss.hessianOperator(theta), net, k, byFeature);
        return CommonOps_DDRM.elementSum(CommonOps_DDRM.elementMult(gram, traces, null));
    }

    /**
     * The matrix of block traces of layer k: by unit, M[s][s'] = Σ_r H[(r,s),(r,s')] (m × m); by
     * feature, M[r][r'] = Σ_s H[(r,s),(r',s)] (d × d). Column (r', s') of the Hessian is one product
     * with the unit vector of that weight.
     */
    static DMatrixRMaj blockTraces(HessianOperator h, Network net, int k, boolean byFeature) {
        Layer l = net.layer(k);
        int d = l.in();
        int m = l.out();
        int offset = net.offset(k);
        DMatrixRMaj traces = byFeature ? new DMatrixRMaj(d, d) : new DMatrixRMaj(m, m);
        double[] e = new double[net.parameterCount()];
        double[] column = new double[net.parameterCount()];
        for (int rp = 0; rp < d; rp++) {
            for (int sp = 0; sp < m; sp++) {
                int idx = offset + rp * m + sp;
                e[idx] = 1;
                h.apply(e, column);
                e[idx] = 0;
                if (byFeature) {
                    for (int r = 0; r < d; r++) {
                        traces.add(r, rp, column[offset + r * m + sp]);
                    }
                } else {
                    for (int s = 0; s < m; s++) {
                        traces.add(s, sp, column[offset + rp * m + s]);
                    }
                }
            }
        }
        return traces;
    }
}
