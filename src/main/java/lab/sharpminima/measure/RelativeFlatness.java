package lab.sharpminima.measure;

import lab.sharpminima.engine.HessianOperator;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.Network;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Relative flatness κ^φ_Tr of Petzka et al. 2021 ("Relative Flatness and Generalization", NeurIPS,
 * Section 4, the trace form κ^φ_Tr): for the layer W = θ_l (d × m here: d feature units in, m units out),
 *
 * <pre>  κ(θ) = Σ_{s,s'=1..d} ⟨w_s, w_{s'}⟩ · Tr(H_{s,s'}),   Tr(H_{s,s'}) = Σ_t ∂²L / ∂W_{s,t} ∂W_{s',t},</pre>
 *
 * where w_s ∈ ℝ^m holds the weights leaving feature unit s (row s of θ_l in the model format's
 * in × out layout; column s of the paper's m × d matrix) and H_{s,s'} is the m × m block of ∇²L(θ)
 * for w_s and w_{s'}. The default layer is the last one, the paper's choice (features φ = the
 * penultimate layer's activations). The bias b_l is not part of κ.
 *
 * <p>The d × d matrix of traces is assembled exactly from d·m Hessian-vector products with unit
 * vectors (Pearlmutter's R-operator), one per weight of the layer.
 *
 * <p>Invariance (the paper's reparametrisation argument, restated). Let a positive diagonal map θ ↦ s ⊙ θ keep L and scale
 * row s of θ_l by c_s. Then ∇²L at the new point is D⁻¹∇²L D⁻¹ with D = diag(s), so
 * Tr(H_{s,s'}) gains 1/(c_s c_{s'}) while ⟨w_s, w_{s'}⟩ gains c_s c_{s'}: κ is unchanged. T_α scales
 * all of θ_l by α_l (rows alike); per-neuron scaling of hidden unit j feeding layer l scales row j
 * by 1/c_j, and any other layer's scaling leaves θ_l and its Hessian block alone; biases do not
 * enter. INVARIANT under both. Weight normalisation's isotropic T'_α: v ↦ αv (Section 5.1), with κ
 * taken in the v coordinates of the layer, scales every row by α: INVARIANT too.
 */
public final class RelativeFlatness implements ScalarMeasure {

    /** −1: the last layer. */
    private final int layer;

    /** @param layer index of the measured layer (0-based), or −1 for the last one */
    public RelativeFlatness(int layer) {
        if (layer < -1) {
            throw new IllegalArgumentException("relative flatness layer must be 0 or more (or -1 for the last), got "
                    + layer);
        }
        this.layer = layer;
    }

    /** The paper's default: the last weight matrix (penultimate-layer features). */
    public static RelativeFlatness lastLayer() {
        return new RelativeFlatness(-1);
    }

    @Override
    public String key() {
        return "relativeFlatness";
    }

    @Override
    public String source() {
        return "Petzka et al. 2021, Relative Flatness and Generalization, Section 4 (kappa_Tr, layer "
                + (layer < 0 ? "last" : Integer.toString(layer)) + ")";
    }

    @Override
    public Invariance underAlphaScale() {
        return Invariance.INVARIANT;
    }

    @Override
    public Invariance underNeuronScaling() {
        return Invariance.INVARIANT;
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
        DMatrixRMaj gram = new DMatrixRMaj(w.numRows, w.numRows);
        CommonOps_DDRM.multTransB(w, w, gram);
        DMatrixRMaj traces = blockTraces(loss.hessianOperator(theta), net, k);
        return CommonOps_DDRM.elementSum(CommonOps_DDRM.elementMult(gram, traces, null));
    }

    /**
     * M[s][s'] = Tr(H_{s,s'}) = Σ_t H[(s,t),(s',t)] for layer k, column (s', t) of the Hessian being
     * one product with the unit vector of weight (s', t).
     */
    static DMatrixRMaj blockTraces(HessianOperator h, Network net, int k) {
        Layer l = net.layer(k);
        int d = l.in();
        int m = l.out();
        int offset = net.offset(k);
        DMatrixRMaj traces = new DMatrixRMaj(d, d);
        double[] e = new double[net.parameterCount()];
        double[] column = new double[net.parameterCount()];
        for (int sp = 0; sp < d; sp++) {
            for (int t = 0; t < m; t++) {
                int idx = offset + sp * m + t;
                e[idx] = 1;
                h.apply(e, column);
                e[idx] = 0;
                for (int s = 0; s < d; s++) {
                    traces.add(s, sp, column[offset + s * m + t]);
                }
            }
        }
        return traces;
    }
}
