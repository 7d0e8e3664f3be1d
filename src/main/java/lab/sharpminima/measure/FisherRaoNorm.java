package lab.sharpminima.measure;

import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.Network;
import org.ejml.data.DMatrixRMaj;

/**
 * The Fisher-Rao norm of Liang, Poggio, Rakhlin and Stokes 2019 ("Fisher-Rao Metric, Geometry,
 * and Complexity of Neural Networks", AISTATS), in its empirical form over the N
 * training samples:
 *
 * <pre>  ‖θ‖²_fr = (1/N) Σ_i ⟨θ, ∇_θ ℓ(f_θ(x_i), y_i)⟩².</pre>
 *
 * <p>⟨θ, ∇_θ ℓ_i⟩ = ⟨∂ℓ_i/∂f, J_θ f(x_i)·θ⟩ is computed for all samples at once by one forward-mode
 * pass along the direction θ (no per-sample gradients). For a network without biases whose
 * activations are all non-negatively homogeneous, f is homogeneous of degree K (the number of
 * layers) in θ, and Euler's theorem gives their structural identity J_θ f·θ = K f, so
 * ‖θ‖²_fr = K² (1/N) Σ_i ⟨∂ℓ_i/∂f, f(x_i)⟩² ({@link #eulerForm}; their (L+1) is our K).
 *
 * <p>Invariance. For any linear map A with L∘A = L sample by sample, ∇ℓ_i(Aθ) = A⁻ᵀ∇ℓ_i(θ), so
 * ⟨Aθ, ∇ℓ_i(Aθ)⟩ = ⟨θ, ∇ℓ_i(θ)⟩: the definition is exactly invariant under T_α, per-neuron scaling
 * and weight normalisation's v ↦ αv — with biases too (only the Euler shortcut needs bias-free
 * nets; with biases it is a different number). INVARIANT under all three.
 */
public final class FisherRaoNorm implements ScalarMeasure {

    /** @param normSquared ‖θ‖²_fr, @param norm its square root */
    public record Result(double normSquared, double norm) {
    }

    @Override
    public String key() {
        return "fisherRao";
    }

    @Override
    public String source() {
        return "Liang, Poggio, Rakhlin, Stokes 2019, Fisher-Rao metric, geometry and complexity of neural networks"
                + " (empirical Fisher-Rao norm)";
    }

    @Override
    public Invariance underAlphaScale() {
        return Invariance.INVARIANT;
    }

    @Override
    public Invariance underNeuronScaling() {
        return Invariance.INVARIANT;
    }

    /** In (v, g) coordinates v ↦ αv is linear and keeps every ℓ_i: the argument of the class comment. */
    @Override
    public Invariance underWeightNormalization() {
        return Invariance.INVARIANT;
    }

    /** ‖θ‖_fr (the norm, not its square). */
    @Override
    public double value(LossFunction loss, double[] theta) {
        return measure(loss, theta).norm();
    }

    public Result measure(LossFunction loss, double[] theta) {
        Dataset d = loss.data();
        TangentPass.Outputs o = TangentPass.run(loss.network(), theta, theta, d.x());
        DMatrixRMaj g = TangentPass.outputGradient(loss.kind(), o.f(), d.y());
        double sq = meanSquaredRowDot(g, o.fDot());
        return new Result(sq, Math.sqrt(sq));
    }

    /** Whether {@link #eulerForm} holds: no biases and every activation non-negatively homogeneous. */
    public static boolean eulerFormApplies(Network net) {
        return net.isNonNegativeHomogeneous() && net.layers().stream().noneMatch(Layer::bias);
    }

    /**
     * ‖θ‖²_fr = K² (1/N) Σ_i ⟨∂ℓ_i/∂f, f(x_i)⟩² (Liang et al.'s structural identity, by Euler's theorem).
     *
     * @throws IllegalArgumentException when the network has biases or a non-homogeneous activation
     */
    public static double eulerForm(LossFunction loss, double[] theta) {
        Network net = loss.network();
        if (!eulerFormApplies(net)) {
            throw new IllegalArgumentException("the Fisher-Rao identity needs a network without biases and with "
                    + "relu/leaky_relu/linear activations; got " + net.describe());
        }
        DMatrixRMaj f = LossFunction.outputs(net, theta, loss.data().x());
        DMatrixRMaj g = TangentPass.outputGradient(loss.kind(), f, loss.data().y());
        double k = net.depth();
        return k * k * meanSquaredRowDot(g, f);
    }

    /** (1/N) Σ_i ⟨a_i, b_i⟩² over rows. */
    private static double meanSquaredRowDot(DMatrixRMaj a, DMatrixRMaj b) {
        double sum = 0;
        for (int i = 0; i < a.numRows; i++) {
            double dot = 0;
            for (int j = 0; j < a.numCols; j++) {
                dot += a.get(i, j) * b.get(i, j);
            }
            sum += dot * dot;
        }
        return sum / a.numRows;
    }
}
