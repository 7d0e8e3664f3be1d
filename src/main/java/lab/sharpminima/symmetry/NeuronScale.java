package lab.sharpminima.symmetry;

import java.util.Arrays;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.Network;

/**
 * Per-neuron rescaling, the whole symmetry group of non-negative homogeneity (Definition 4,
 * Section 3): for a hidden unit j of layer k with scale c &gt; 0, its incoming weights (column j of
 * θ_k) and its bias b_k[j] are multiplied by c and its outgoing weights (row j of θ_{k+1}) by 1/c.
 * Since φ(c·z) = c·φ(z) for c &gt; 0, the network computes the same function whenever the unit's
 * activation is non-negatively homogeneous (relu, leaky_relu, linear); tanh units change it.
 *
 * <p>An element of the group is one c per hidden unit; the maps commute and compose by multiplying
 * the c's. With c_0 = 1 on the inputs and c_K = 1 on the outputs, the weight θ_k[i][j] is scaled by
 * c_k[j] / c_{k−1}[i] and the bias b_k[j] by c_k[j]. The α-scale T_α of Definition 5 and Section 4.2
 * is the element c_k[j] = ∏_{i≤k} α_i for every unit j of layer k.
 *
 * <p>The map is linear and diagonal, θ' = S θ with S = diag({@link #scaling()}); differentiating
 * L(S θ) = L(θ) as in Theorem 3 gives ∇L(Sθ) = ∇L(θ)·S⁻¹ and ∇²L(Sθ) = S⁻¹ ∇²L(θ) S⁻¹, with
 * S⁻¹ = diag({@link #paperD()}).
 *
 * <p>Layers and units are 0-based in this API, as {@link Network#layer(int)}; human-readable messages
 * count both from 1 (layer 1 is the paper's θ_1) and say so.
 */
public final class NeuronScale extends DiagonalSymmetry {

    private final Network net;
    private final double[][] c;

    /**
     * @param c one array per hidden layer k = 0 … depth−2, of length {@code net.layer(k).out()}: the
     *          scale of each unit's output
     * @throws IllegalArgumentException when the shapes do not match the hidden layers or a c is not a
     *                                  positive finite number
     */
    public NeuronScale(Network net, double[][] c) {
        this(net, validated(net, c), true);
    }

    /** From an already validated copy; the flag only tells this constructor from the public one. */
    private NeuronScale(Network net, double[][] validCopy, boolean validated) {
        super(buildScaling(net, validCopy));
        this.net = net;
        this.c = validCopy;
    }

    /** A validated deep copy of the scales. */
    private static double[][] validated(Network net, double[][] c) {
        int hidden = net.depth() - 1;
        if (c.length != hidden) {
            throw new IllegalArgumentException("neuron scales need " + hidden + " hidden layers of scales, got "
                    + c.length);
        }
        double[][] copy = new double[hidden][];
        for (int k = 0; k < hidden; k++) {
            if (c[k].length != net.layer(k).out()) {
                throw new IllegalArgumentException("layer " + (k + 1) + " has " + net.layer(k).out()
                        + " units but " + c[k].length + " scales were given");
            }
            for (int j = 0; j < c[k].length; j++) {
                requirePositive(k, j, c[k][j]);
            }
            copy[k] = c[k].clone();
        }
        return copy;
    }

    /** The identity element: every c = 1. */
    public static NeuronScale identity(Network net) {
        double[][] c = new double[net.depth() - 1][];
        for (int k = 0; k < c.length; k++) {
            c[k] = new double[net.layer(k).out()];
            Arrays.fill(c[k], 1.0);
        }
        return new NeuronScale(net, c);
    }

    /**
     * The rescaling of one unit: unit {@code unit} of hidden layer {@code layer} (both 0-based) by c.
     *
     * @throws IllegalArgumentException when the layer is not a hidden layer, the unit is out of range or
     *                                  c is not a positive finite number
     */
    public static NeuronScale single(Network net, int layer, int unit, double c) {
        checkUnit(net, layer, unit);
        return identity(net).times(layer, unit, c);
    }

    /** This map followed by the rescaling of one more unit (0-based) by c: that unit's scale is multiplied by c. */
    public NeuronScale times(int layer, int unit, double factor) {
        checkUnit(net, layer, unit);
        requirePositive(layer, unit, factor);
        double[][] next = scales();
        next[layer][unit] *= factor;
        return new NeuronScale(net, next);
    }

    /** The composition of two elements of the group (they commute): the c's multiply. */
    public NeuronScale compose(NeuronScale other) {
        if (other.net != net && !other.net.layers().equals(net.layers())) {
            throw new IllegalArgumentException("neuron scales of different networks cannot be composed");
        }
        double[][] next = scales();
        for (int k = 0; k < next.length; k++) {
            for (int j = 0; j < next[k].length; j++) {
                next[k][j] *= other.c[k][j];
            }
        }
        return new NeuronScale(net, next);
    }

    /** The inverse element, every c replaced by 1/c. */
    public NeuronScale inverse() {
        double[][] next = scales();
        for (double[] row : next) {
            for (int j = 0; j < row.length; j++) {
                row[j] = 1.0 / row[j];
            }
        }
        return new NeuronScale(net, next);
    }

    /** The scales c (a copy), one array per hidden layer. */
    public double[][] scales() {
        double[][] out = new double[c.length][];
        for (int k = 0; k < c.length; k++) {
            out[k] = c[k].clone();
        }
        return out;
    }

    public Network network() {
        return net;
    }

    /** The unit scales that multiply parameter i, for messages (1-based). */
    @Override
    String culprit(int i) {
        int k = net.layerOf(i);
        Layer l = net.layer(k);
        int local = i - net.offset(k);
        StringBuilder sb = new StringBuilder();
        if (local >= l.weightCount()) {
            int j = local - l.weightCount();
            return "the scale c = " + c[k][j] + " of layer " + (k + 1) + " unit " + (j + 1);
        }
        int row = local / l.out();
        int col = local % l.out();
        if (k < c.length) {
            sb.append("the scale c = ").append(c[k][col]).append(" of layer ").append(k + 1)
                    .append(" unit ").append(col + 1);
        }
        if (k > 0) {
            sb.append(sb.length() > 0 ? " over " : "1 over ").append("the scale c = ").append(c[k - 1][row])
                    .append(" of layer ").append(k).append(" unit ").append(row + 1);
        }
        return sb.toString();
    }

    private static double[] buildScaling(Network net, double[][] c) {
        double[] s = new double[net.parameterCount()];
        for (int k = 0; k < net.depth(); k++) {
            Layer l = net.layer(k);
            int off = net.offset(k);
            for (int i = 0; i < l.in(); i++) {
                double incoming = k == 0 ? 1.0 : c[k - 1][i];
                for (int j = 0; j < l.out(); j++) {
                    double outgoing = k == c.length ? 1.0 : c[k][j];
                    s[off + i * l.out() + j] = outgoing / incoming;
                }
            }
            if (l.bias()) {
                for (int j = 0; j < l.out(); j++) {
                    s[net.biasOffset(k) + j] = k == c.length ? 1.0 : c[k][j];
                }
            }
        }
        return s;
    }

    private static void checkUnit(Network net, int layer, int unit) {
        if (layer < 0 || layer >= net.depth() - 1) {
            throw new IllegalArgumentException("layer " + (layer + 1) + " is not a hidden layer: the hidden layers are 1 to "
                    + (net.depth() - 1) + " (counted from 1)");
        }
        if (unit < 0 || unit >= net.layer(layer).out()) {
            throw new IllegalArgumentException("unit " + (unit + 1) + " is out of range: layer " + (layer + 1) + " has units 1 to "
                    + net.layer(layer).out() + " (counted from 1)");
        }
    }

    private static void requirePositive(int layer, int unit, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("the scale c = " + value + " of layer " + (layer + 1) + " unit " + (unit + 1)
                    + " must be a positive finite number (layers and units counted from 1)");
        }
    }

    @Override
    String messageNote() {
        return "; layers and units counted from 1";
    }
}
