package lab.sharpminima.compute;

import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;

/**
 * Batched evaluation of one network's loss at many parameter vectors, each over the whole data set.
 *
 * <p>Parameter vectors are packed: θ_r occupies {@code thetas[r·n … r·n + n − 1]} with n =
 * {@code net.parameterCount()}, in the flat order of {@link Network}. The loss is exactly that of
 * {@link lab.sharpminima.engine.LossFunction}: L(θ) = (1/N) Σ_i ℓ(f_θ(x_i), y_i), ℓ the squared error
 * summed over outputs (mse) or −Σ_j y_j log softmax(f)_j (cross_entropy). Implementations are
 * thread-safe. Hessian-vector products stay on the CPU ({@link lab.sharpminima.engine.LossFunction}).
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
}
