package lab.sharpminima.compute;

import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.train.MinibatchGradient;

/**
 * Batched evaluation of one network's loss at many parameter vectors, each over the whole data set.
 *
 * <p>Parameter vectors are packed: θ_r occupies {@code thetas[r·n … r·n + n − 1]} with n =
 * {@code net.parameterCount()}, in the flat order of {@link Network}. The loss is exactly that of
 * {@link lab.sharpminima.engine.LossFunction}: L(θ) = (1/N) Σ_i ℓ(f_θ(x_i), y_i), ℓ the squared error
 * summed over outputs (mse) or −Σ_j y_j log softmax(f)_j (cross_entropy). Implementations are
 * thread-safe.
 *
 * <p>Besides the batches over θ: batched Hessian-vector products at one θ ({@link #hessianVectorProducts},
 * the R-operator of Pearlmutter 1994, as {@link lab.sharpminima.engine.LossFunction#hessianVectorProduct})
 * and the loss and gradient at one θ over a minibatch of rows ({@link #lossAndGradient}), which training
 * uses through {@link #minibatchGradient}.
 */
public interface Backend extends AutoCloseable {

    /** A short name for notes and benchmark output, e.g. "cpu (4 threads)" or "opencl: NVIDIA H100 (fp64)". */
    String name();

    /** The precision the results are computed in. */
    Precision precision();

    /**
     * L(θ_r) for r = 0 … count − 1.
     *
     * @param thetas packed parameter vectors, at least {@code count·n} long
     * @return the {@code count} losses
     */
    double[] losses(Network net, LossKind loss, Dataset data, double[] thetas, int count);

    /**
     * L(θ_r) and ∇L(θ_r) for r = 0 … count − 1; the gradients are written packed like the thetas.
     *
     * @param gradients output, at least {@code count·n} long
     * @return the {@code count} losses
     */
    double[] lossesAndGradients(Network net, LossKind loss, Dataset data, double[] thetas, int count,
                                double[] gradients);

    /**
     * ∇²L(θ)·v_r for r = 0 … count − 1, exact (Pearlmutter's R-operator: forward and R-forward pass,
     * backward and R-backward pass; φ'' of relu and leaky_relu taken as 0, as the engine does). The
     * directions are packed like the thetas: v_r occupies {@code vs[r·n … r·n + n − 1]}, and so does
     * H·v_r in {@code out}.
     *
     * @param theta the point, n long
     * @param vs    packed directions, at least {@code count·n} long
     * @param out   output, at least {@code count·n} long
     */
    void hessianVectorProducts(Network net, LossKind loss, Dataset data, double[] theta, double[] vs, int count,
                               double[] out);

    /**
     * The mean loss over the minibatch B = {@code rows[from … to − 1]} (row indices of {@code data},
     * repeats allowed), L_B(θ) = (1/|B|) Σ_{i∈B} ℓ(f_θ(x_i), y_i), and its gradient into {@code gradient}:
     * one θ, the work spread over the samples (training's step).
     *
     * @param gradient output, n long
     * @return L_B(θ)
     * @throws IllegalArgumentException for an empty range or a row outside the data
     */
    double lossAndGradient(Network net, LossKind loss, Dataset data, double[] theta, int[] rows, int from, int to,
                           double[] gradient);

    /** {@link #lossAndGradient} bound to one network, loss and training set, as {@code Trainer} takes it. */
    default MinibatchGradient minibatchGradient(Network net, LossKind loss, Dataset data) {
        return (theta, rows, from, to, gradient) -> lossAndGradient(net, loss, data, theta, rows, from, to, gradient);
    }

    /** Frees the device's resources; the CPU backend's threads. */
    @Override
    void close();

    /** Checks the packed arrays' lengths against n and count. */
    static void checkPacked(Network net, double[] thetas, int count, String what) {
        long need = (long) count * net.parameterCount();
        if (count < 0 || thetas.length < need) {
            throw new IllegalArgumentException(what + " holds " + thetas.length + " values, " + count + " vectors of "
                    + net.parameterCount() + " need " + need);
        }
    }

    /** Checks a minibatch's range and rows against the data set. */
    static void checkRows(Dataset data, int[] rows, int from, int to) {
        if (from < 0 || to > rows.length || from >= to) {
            throw new IllegalArgumentException("the minibatch rows[" + from + " … " + to + ") is empty or outside "
                    + "the " + rows.length + " row indices");
        }
        for (int i = from; i < to; i++) {
            if (rows[i] < 0 || rows[i] >= data.size()) {
                throw new IllegalArgumentException("minibatch row " + rows[i] + " is outside the data set's "
                        + data.size() + " rows");
            }
        }
    }
}
