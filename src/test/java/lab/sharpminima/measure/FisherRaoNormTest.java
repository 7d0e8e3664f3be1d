package lab.sharpminima.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.TestNets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The Fisher-Rao norm against per-sample backpropagation and against the Euler identity. */
class FisherRaoNormTest {

    private static Network randomNet(Random rnd, int depth, boolean bias) {
        int[] widths = new int[depth + 1];
        for (int k = 0; k <= depth; k++) {
            widths[k] = 1 + rnd.nextInt(5);
        }
        return TestNets.net(widths, rnd.nextBoolean() ? Activation.RELU : Activation.LEAKY_RELU, bias);
    }

    /** (1/N) Σ_i ⟨θ, ∇ℓ_i⟩² with ∇ℓ_i from the engine's backpropagation on the one-sample data set i. */
    private static double byBackpropagation(LossFunction f, double[] theta) {
        Dataset d = f.data();
        double sum = 0;
        double[] grad = new double[theta.length];
        for (int i = 0; i < d.size(); i++) {
            new LossFunction(f.network(), f.kind(), d.slice(i, i + 1)).gradient(theta, grad);
            double dot = 0;
            for (int j = 0; j < theta.length; j++) {
                dot += theta[j] * grad[j];
            }
            sum += dot * dot;
        }
        return sum / d.size();
    }

    @Property(tries = 40, seed = "20190101")
    void agreesWithPerSampleBackpropagation(@ForAll @IntRange(min = 1, max = 4) int depth, @ForAll boolean bias,
                                            @ForAll boolean crossEntropy, @ForAll long seed) {
        Random rnd = new Random(seed);
        Network net = randomNet(rnd, depth, bias);
        LossKind kind = crossEntropy ? LossKind.CROSS_ENTROPY : LossKind.MSE;
        LossFunction f = new LossFunction(net, kind, TestNets.data(net, kind, 9, rnd, true));
        double[] theta = TestNets.theta(net, rnd);
        double expected = byBackpropagation(f, theta);
        assertThat(new FisherRaoNorm().measure(f, theta).normSquared())
                .isCloseTo(expected, within(1e-10 * Math.max(expected, 1e-12)));
    }

    /** Bias-free homogeneous nets: ⟨θ, ∇_θ f⟩ = K f (Euler), so ‖θ‖²_fr = K² mean ⟨∂ℓ/∂f, f⟩². */
    @Property(tries = 40, seed = "20190102")
    void eulerIdentityHoldsWithoutBiases(@ForAll @IntRange(min = 1, max = 5) int depth, @ForAll boolean crossEntropy,
                                         @ForAll long seed) {
        Random rnd = new Random(seed);
        Network net = randomNet(rnd, depth, false);
        LossKind kind = crossEntropy ? LossKind.CROSS_ENTROPY : LossKind.MSE;
        LossFunction f = new LossFunction(net, kind, TestNets.data(net, kind, 9, rnd, false));
        double[] theta = TestNets.theta(net, rnd);
        double direct = new FisherRaoNorm().measure(f, theta).normSquared();
        assertThat(FisherRaoNorm.eulerForm(f, theta)).isCloseTo(direct, within(1e-10 * Math.max(direct, 1e-12)));
    }

    /** With biases the identity fails (the number it would give is not the norm), so it is refused. */
    @Test
    void eulerIdentityFailsWithBiasesAndIsRefused() {
        Random rnd = new Random(21);
        Network net = TestNets.net(new int[] {3, 6, 6, 2}, Activation.RELU, true);
        LossFunction f = new LossFunction(net, LossKind.MSE, TestNets.data(net, LossKind.MSE, 20, rnd, false));
        double[] theta = TestNets.theta(net, rnd);
        DMatrixRMaj out = LossFunction.outputs(net, theta, f.data().x());
        DMatrixRMaj g = TangentPass.outputGradient(f.kind(), out, f.data().y());
        double euler = 0;
        for (int i = 0; i < out.numRows; i++) {
            double dot = 0;
            for (int j = 0; j < out.numCols; j++) {
                dot += g.get(i, j) * out.get(i, j);
            }
            euler += 9 * dot * dot / out.numRows;
        }
        double direct = new FisherRaoNorm().measure(f, theta).normSquared();
        assertThat(Symmetries.relativeDifference(euler, direct)).isGreaterThan(1e-2);
        assertThat(FisherRaoNorm.eulerFormApplies(net)).isFalse();
        assertThatThrownBy(() -> FisherRaoNorm.eulerForm(f, theta))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without biases");
    }
}
