package lab.sharpminima.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.TestNets;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** κ_Tr against a closed form and against the definition on the dense Hessian. */
class RelativeFlatnessTest {

    /**
     * One linear layer under mse: ∂²L/∂W_{s,t}∂W_{s',t'} = (2/N)(XᵀX)_{ss'}δ_{tt'}, so
     * Tr(H_{s,s'}) = (2m/N)(XᵀX)_{ss'} and κ = (2m/N) Σ_{s,s'} (WWᵀ)_{ss'}(XᵀX)_{ss'}.
     */
    @Test
    void linearLayerHasTheClosedForm() {
        Random rnd = new Random(11);
        int d = 4;
        int m = 3;
        int n = 25;
        LossFunction f = LinearModels.loss(d, m, n, rnd);
        double[] theta = TestNets.theta(f.network(), rnd);
        DMatrixRMaj gram = LinearModels.gram(f);
        double expected = 0;
        for (int s = 0; s < d; s++) {
            for (int sp = 0; sp < d; sp++) {
                double ww = 0;
                for (int t = 0; t < m; t++) {
                    ww += theta[s * m + t] * theta[sp * m + t];
                }
                expected += ww * gram.get(s, sp);
            }
        }
        expected *= 2.0 * m / n;
        assertThat(RelativeFlatness.lastLayer().value(f, theta)).isCloseTo(expected, within(1e-10 * Math.abs(expected)));
    }

    /** Any layer of a relu net with biases: the sum of the definition over the dense Hessian's entries. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void matchesTheDefinitionOnTheDenseHessian(int layer) {
        Random rnd = new Random(12 + layer);
        Network net = TestNets.net(new int[] {3, 5, 4, 3}, Activation.RELU, true);
        double[] theta = TestNets.theta(net, rnd);
        LossFunction f = new LossFunction(net, LossKind.CROSS_ENTROPY, TestNets.data(net, LossKind.CROSS_ENTROPY, 30,
                rnd, false));
        DMatrixRMaj h = f.hessian(theta);
        Layer l = net.layer(layer);
        int o = net.offset(layer);
        double expected = 0;
        for (int s = 0; s < l.in(); s++) {
            for (int sp = 0; sp < l.in(); sp++) {
                double ww = 0;
                double tr = 0;
                for (int t = 0; t < l.out(); t++) {
                    ww += theta[o + s * l.out() + t] * theta[o + sp * l.out() + t];
                    tr += h.get(o + s * l.out() + t, o + sp * l.out() + t);
                }
                expected += ww * tr;
            }
        }
        double actual = new RelativeFlatness(layer).value(f, theta);
        assertThat(actual).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
    }

    @Test
    void refusesALayerThatDoesNotExist() {
        Random rnd = new Random(13);
        Network net = TestNets.net(new int[] {2, 3, 1}, Activation.RELU, true);
        LossFunction f = new LossFunction(net, LossKind.MSE, TestNets.data(net, LossKind.MSE, 5, rnd, false));
        double[] theta = TestNets.theta(net, rnd);
        assertThatThrownBy(() -> new RelativeFlatness(2).value(f, theta))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("layer 2 does not exist");
    }
}
