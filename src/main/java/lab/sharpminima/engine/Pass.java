package lab.sharpminima.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * The forward and backward state of one evaluation of the loss at θ, over a block of samples:
 * everything that gradients, Hessian-vector products and the dense Hessian reuse.
 *
 * <p>Indexing: layer k (0-based) maps {@code a[k]} to {@code z[k] = a[k]·W_k + b_k} and
 * {@code a[k+1] = φ_k(z[k])}; {@code a[0]} is the input block.
 */
final class Pass {
    final Network net;
    final DMatrixRMaj[] w;      // θ_k, in × out
    final double[][] b;         // b_k or null
    final DMatrixRMaj[] a;      // a[0..K]: activations, a[0] = x
    final DMatrixRMaj[] z;      // z[0..K-1]: pre-activations
    final DMatrixRMaj[] dphi;   // φ'_k(z[k])
    final DMatrixRMaj[] ddphi;  // φ''_k(z[k]), or null when φ_k is piecewise linear
    /** ∂L/∂a[k] for k = 1..K (index 0 unused). */
    final DMatrixRMaj[] gradA;
    /** δ_k = ∂L/∂z[k]. */
    final DMatrixRMaj[] delta;
    /** Softmax probabilities of the output (cross-entropy only). */
    DMatrixRMaj prob;
    /** Row sums of y (cross-entropy only; 1 for one-hot rows). */
    double[] ySum;
    /** The loss contribution of this block, already multiplied by {@code scale}. */
    double loss;
    /** The factor each sample's loss carries, 1/N of the whole data set. */
    final double scale;
    final LossKind kind;

    Pass(Network net, double[] theta, LossKind kind, double scale) {
        this.net = net;
        this.kind = kind;
        this.scale = scale;
        int depth = net.depth();
        w = new DMatrixRMaj[depth];
        b = new double[depth][];
        for (int k = 0; k < depth; k++) {
            w[k] = net.weights(theta, k);
            b[k] = net.bias(theta, k);
        }
        a = new DMatrixRMaj[depth + 1];
        z = new DMatrixRMaj[depth];
        dphi = new DMatrixRMaj[depth];
        ddphi = new DMatrixRMaj[depth];
        gradA = new DMatrixRMaj[depth + 1];
        delta = new DMatrixRMaj[depth];
    }

    DMatrixRMaj output() {
        return a[net.depth()];
    }
}
