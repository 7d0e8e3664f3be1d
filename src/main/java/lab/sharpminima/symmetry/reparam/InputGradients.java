package lab.sharpminima.symmetry.reparam;

import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.Network;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Gradients of a network's output with respect to its input, ∂f_o/∂x (Section 5.2), by
 * backpropagation to the input: the engine differentiates with respect to θ only.
 *
 * <p>With z_k = a_k θ_k + b_k and a_{k+1} = φ_k(z_k) (rows = samples), start from G = e_o in every
 * row at the output, then per layer downwards Δ_k = G ⊙ φ_k'(z_k) and G ← Δ_k θ_kᵀ; the last G is
 * N × d, row i being ∂f_o/∂x at sample i (a row vector, like x).
 */
public final class InputGradients {

    private InputGradients() {
    }

    /** ∂f_o/∂x at every row of {@code x}: an N × d matrix. */
    public static DMatrixRMaj of(Network net, double[] theta, DMatrixRMaj x, int output) {
        if (output < 0 || output >= net.outputs()) {
            throw new IllegalArgumentException("output " + output + " does not exist: the network has outputs 0.."
                    + (net.outputs() - 1));
        }
        if (x.numCols != net.inputs()) {
            throw new IllegalArgumentException("inputs have " + x.numCols + " columns, the network takes " + net.inputs());
        }
        DMatrixRMaj[] derivative = activationDerivatives(net, theta, x);
        DMatrixRMaj g = new DMatrixRMaj(x.numRows, net.outputs());
        for (int i = 0; i < x.numRows; i++) {
            g.unsafe_set(i, output, 1.0);
        }
        for (int k = net.depth() - 1; k >= 0; k--) {
            DMatrixRMaj delta = new DMatrixRMaj(g.numRows, g.numCols);
            CommonOps_DDRM.elementMult(g, derivative[k], delta);
            g = new DMatrixRMaj(x.numRows, net.layer(k).in());
            CommonOps_DDRM.multTransB(delta, net.weights(theta, k), g);
        }
        return g;
    }

    /** The forward pass, keeping φ_k'(z_k) of every layer. */
    private static DMatrixRMaj[] activationDerivatives(Network net, double[] theta, DMatrixRMaj x) {
        DMatrixRMaj[] derivative = new DMatrixRMaj[net.depth()];
        DMatrixRMaj a = x;
        for (int k = 0; k < net.depth(); k++) {
            Layer l = net.layer(k);
            DMatrixRMaj z = new DMatrixRMaj(a.numRows, l.out());
            CommonOps_DDRM.mult(a, net.weights(theta, k), z);
            double[] b = net.bias(theta, k);
            DMatrixRMaj next = new DMatrixRMaj(z.numRows, z.numCols);
            DMatrixRMaj d = new DMatrixRMaj(z.numRows, z.numCols);
            Activation act = l.activation();
            for (int i = 0; i < z.data.length; i++) {
                double zi = z.data[i] + (b == null ? 0.0 : b[i % l.out()]);
                next.data[i] = act.apply(zi, l.slope());
                d.data[i] = act.derivative(zi, l.slope());
            }
            derivative[k] = d;
            a = next;
        }
        return derivative;
    }
}
