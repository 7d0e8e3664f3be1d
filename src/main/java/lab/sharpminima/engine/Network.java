package lab.sharpminima.engine;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The architecture of a fully connected network and the layout of its flat parameter vector θ.
 *
 * <p>θ is ordered layer by layer: θ_1 row-major (in × out), then b_1 if the layer has a bias, then
 * θ_2, b_2, … (model format). Equivalently each layer owns the row-major block of the augmented matrix
 * [θ_k; b_k] of shape (in + 1) × out, which is how the Hessian assembly treats a bias: a weight row
 * whose input is the constant 1.
 */
public final class Network {

    private final List<Layer> layers;
    private final int[] offsets;
    private final int parameterCount;

    public Network(List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        for (int k = 1; k < layers.size(); k++) {
            if (layers.get(k).in() != layers.get(k - 1).out()) {
                throw new IllegalArgumentException("layers[" + k + "].in = " + layers.get(k).in()
                        + " does not match layers[" + (k - 1) + "].out = " + layers.get(k - 1).out());
            }
        }
        this.layers = List.copyOf(layers);
        this.offsets = new int[layers.size() + 1];
        for (int k = 0; k < layers.size(); k++) {
            offsets[k + 1] = offsets[k] + layers.get(k).parameterCount();
        }
        this.parameterCount = offsets[layers.size()];
    }

    /** A network with the given widths, one activation for the hidden layers and a linear output layer. */
    public static Network mlp(int[] widths, Activation hidden, boolean bias) {
        Layer[] ls = new Layer[widths.length - 1];
        for (int k = 0; k < ls.length; k++) {
            Activation a = k == ls.length - 1 ? Activation.LINEAR : hidden;
            ls[k] = Layer.of(widths[k], widths[k + 1], a, bias);
        }
        return new Network(List.of(ls));
    }

    public List<Layer> layers() {
        return layers;
    }

    public int depth() {
        return layers.size();
    }

    public Layer layer(int k) {
        return layers.get(k);
    }

    /** n, the length of θ. */
    public int parameterCount() {
        return parameterCount;
    }

    public int inputs() {
        return layers.get(0).in();
    }

    public int outputs() {
        return layers.get(layers.size() - 1).out();
    }

    /** Index in θ of layer k's first weight (θ_k[0][0]). */
    public int offset(int k) {
        return offsets[k];
    }

    /** Index in θ of layer k's first bias; only meaningful when the layer has one. */
    public int biasOffset(int k) {
        return offsets[k] + layers.get(k).weightCount();
    }

    /** Index in θ just past layer k's parameters. */
    public int end(int k) {
        return offsets[k + 1];
    }

    /** Index of the layer that parameter {@code i} belongs to. */
    public int layerOf(int i) {
        for (int k = 0; k < layers.size(); k++) {
            if (i < offsets[k + 1]) {
                return k;
            }
        }
        throw new IndexOutOfBoundsException("parameter " + i + " of " + parameterCount);
    }

    /** Whether every activation is non-negatively homogeneous, so that T_α keeps the function. */
    public boolean isNonNegativeHomogeneous() {
        return layers.stream().allMatch(l -> l.activation().isNonNegativeHomogeneous());
    }

    /** A copy of θ_k (in × out) out of the flat vector. */
    public DMatrixRMaj weights(double[] theta, int k) {
        Layer l = layers.get(k);
        DMatrixRMaj w = new DMatrixRMaj(l.in(), l.out());
        System.arraycopy(theta, offsets[k], w.data, 0, l.weightCount());
        return w;
    }

    /** A copy of b_k, or {@code null} when layer k has no bias. */
    public double[] bias(double[] theta, int k) {
        Layer l = layers.get(k);
        if (!l.bias()) {
            return null;
        }
        double[] b = new double[l.out()];
        System.arraycopy(theta, biasOffset(k), b, 0, l.out());
        return b;
    }

    /** Writes θ_k (in × out) into the flat vector. */
    public void setWeights(double[] theta, int k, DMatrixRMaj w) {
        Layer l = layers.get(k);
        if (w.numRows != l.in() || w.numCols != l.out()) {
            throw new IllegalArgumentException("layer " + k + " weights must be " + l.in() + "×" + l.out());
        }
        System.arraycopy(w.data, 0, theta, offsets[k], l.weightCount());
    }

    /** Writes b_k into the flat vector. */
    public void setBias(double[] theta, int k, double[] b) {
        Layer l = layers.get(k);
        if (!l.bias() || b.length != l.out()) {
            throw new IllegalArgumentException("layer " + k + " has no bias of length " + b.length);
        }
        System.arraycopy(b, 0, theta, biasOffset(k), l.out());
    }

    /** Human-readable architecture, e.g. "2-16-16-1 relu, biases". */
    public String describe() {
        StringBuilder sb = new StringBuilder().append(inputs());
        for (Layer l : layers) {
            sb.append('-').append(l.out());
        }
        sb.append(' ');
        for (int k = 0; k < layers.size(); k++) {
            sb.append(k == 0 ? "" : ",").append(layers.get(k).activation().id());
        }
        boolean anyBias = layers.stream().anyMatch(Layer::bias);
        return sb.append(anyBias ? ", biases" : ", no biases").toString();
    }
}
