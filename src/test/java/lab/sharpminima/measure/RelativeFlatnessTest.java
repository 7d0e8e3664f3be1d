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

/** κ_Tr (the paper's and the feature-wise variant) against closed forms and against the definition on the dense Hessian. */
class RelativeFlatnessTest {

    /**
     * One linear layer under mse: ∂²L/∂W_{r,s}∂W_{r',s'} = (2/N)(XᵀX)_{rr'}δ_{ss'}. By unit (the
     * paper), Tr(H_{s,s'}) = (2/N)‖X‖²_F δ_{ss'}, so κ = (2/N)‖X‖²_F‖W‖²_F — the ridge penalty the
     * paper finds for least squares; by feature, κ' = (2m/N) Σ_{r,r'} (WWᵀ)_{rr'}(XᵀX)_{rr'}.
     */
    @Test
    void linearLayerHasTheClosedForms() {
        Random rnd = new Random(11);
        int d = 4;
        int m = 3;
        int n = 25;
        LossFunction f = LinearModels.loss(d, m, n, rnd);
        double[] theta = TestNets.theta(f.network(), rnd);
        DMatrixRMaj gram = LinearModels.gram(f);
        double featureWise = 0;
        double weights = 0;
        for (int r = 0; r < d; r++) {
            for (int rp = 0; rp < d; rp++) {
                double ww = 0;
                for (int s = 0; s < m; s++) {
                    ww += theta[r * m + s] * theta[rp * m + s];
                }
                featureWise += ww * gram.get(r, rp);
            }
        }
        for (double t : theta) {
            weights += t * t;
        }
        double paper = 2.0 / n * org.ejml.dense.row.CommonOps_DDRM.trace(gram) * weights;
        featureWise *= 2.0 * m / n;
        assertThat(RelativeFlatness.lastLayer().value(f, theta)).isCloseTo(paper, within(1e-10 * paper));
        assertThat(RelativeFlatness.featureWise().value(f, theta)).isCloseTo(featureWise, within(1e-10 * featureWise));
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
        for (int s = 0; s < l.out(); s++) {
            for (int sp = 0; sp < l.out(); sp++) {
                double ww = 0;
                double tr = 0;
                for (int r = 0; r < l.in(); r++) {
                    ww += theta[o + r * l.out() + s] * theta[o + r * l.out() + sp];
                    tr += h.get(o + r * l.out() + s, o + r * l.out() + sp);
                }
                expected += ww * tr;
            }
        }
        double actual = new RelativeFlatness(layer).value(f, theta);
        assertThat(actual).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
        if (layer == 2) {
            assertThat(RelativeFlatness.featureWise().value(f, theta))
                    .isCloseTo(byFeature(h, theta, l, o), within(1e-9 * Math.abs(expected)));
        }
    }

    /** Σ_{r,r'} ⟨row r, row r'⟩ Σ_s H[(r,s),(r',s)] from the dense Hessian. */
    private static double byFeature(DMatrixRMaj h, double[] theta, Layer l, int o) {
        double sum = 0;
        for (int r = 0; r < l.in(); r++) {
            for (int rp = 0; rp < l.in(); rp++) {
                double ww = 0;
                double tr = 0;
                for (int s = 0; s < l.out(); s++) {
                    ww += theta[o + r * l.out() + s] * theta[o + rp * l.out() + s];
                    tr += h.get(o + r * l.out() + s, o + rp * l.out() + s);
                }
                sum += ww * tr;
            }
        }
        return sum;
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
