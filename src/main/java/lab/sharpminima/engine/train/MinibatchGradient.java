package lab.sharpminima.engine.train;

/**
 * Where a {@link Trainer} gets each step's loss and gradient: for rows B = {@code rows[from … to − 1]}
 * of the training set it is bound to, L_B(θ) = (1/|B|) Σ_{i∈B} ℓ(f_θ(x_i), y_i) and ∇L_B(θ). The default
 * is {@link lab.sharpminima.engine.LossFunction#gradient} on the batch's rows; a batched backend
 * ({@code compute.Backend#minibatchGradient}) can supply it instead, so that this package needs nothing
 * above the engine.
 */
@FunctionalInterface
public interface MinibatchGradient {

    /**
     * @param theta    the parameters (not modified)
     * @param rows     row indices of the training set
     * @param gradient output: ∇L_B(θ)
     * @return L_B(θ)
     */
    double lossAndGradient(double[] theta, int[] rows, int from, int to, double[] gradient);
}
