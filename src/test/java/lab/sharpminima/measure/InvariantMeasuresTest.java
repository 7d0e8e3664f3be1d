package lab.sharpminima.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.TestNets;
import lab.sharpminima.symmetry.AlphaScale;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's done-when: at least three invariant measures stay equal to 1e-6 under random T_α while
 * the Hessian's spectral norm moves — on a relu network with biases.
 */
class InvariantMeasuresTest {

    @Test
    void invariantMeasuresStayWhileTheSpectralNormMoves() {
        Random rnd = new Random(2017);
        Network net = TestNets.net(new int[] {4, 10, 8, 3}, Activation.RELU, true);
        LossFunction f = new LossFunction(net, LossKind.CROSS_ENTROPY, TestNets.data(net, LossKind.CROSS_ENTROPY, 60,
                rnd, false));
        double[] theta = TestNets.theta(net, rnd);
        List<ScalarMeasure> measures = InvariantMeasures.all(3);
        assertThat(measures).hasSizeGreaterThanOrEqualTo(3)
                .allMatch(m -> m.underAlphaScale() == Invariance.INVARIANT);
        double[] before = new double[measures.size()];
        for (int j = 0; j < before.length; j++) {
            before[j] = measures.get(j).value(f, theta);
            assertThat(before[j]).as(measures.get(j).key()).isFinite().isNotZero();
        }
        double norm = HessianSpectrum.defaults().measure(f, theta).spectralNorm();
        double largestNormFactor = 1;
        for (int trial = 0; trial < 5; trial++) {
            AlphaScale t = Symmetries.randomAlphaScale(net, rnd, 2.0);
            double[] moved = t.apply(theta);
            for (int j = 0; j < before.length; j++) {
                double after = measures.get(j).value(f, moved);
                assertThat(Symmetries.relativeDifference(before[j], after))
                        .as("%s under α = %s", measures.get(j).key(), java.util.Arrays.toString(t.alpha()))
                        .isLessThanOrEqualTo(1e-6);
            }
            double movedNorm = HessianSpectrum.defaults().measure(f, moved).spectralNorm();
            largestNormFactor = Math.max(largestNormFactor, Math.max(movedNorm / norm, norm / movedNorm));
        }
        assertThat(largestNormFactor).isGreaterThan(2);
    }

    /** The premise: on a tanh network T_α changes the function, and the "invariant" measures move. */
    @Test
    void invarianceNeedsHomogeneousActivations() {
        Random rnd = new Random(2018);
        Network tanh = TestNets.net(new int[] {3, 6, 2}, Activation.TANH, true);
        assertThat(InvariantMeasures.invarianceHolds(tanh)).isFalse();
        assertThat(InvariantMeasures.invarianceHolds(TestNets.net(new int[] {3, 6, 2}, Activation.LEAKY_RELU, true)))
                .isTrue();
        LossFunction f = new LossFunction(tanh, LossKind.MSE, TestNets.data(tanh, LossKind.MSE, 20, rnd, false));
        double[] theta = TestNets.theta(tanh, rnd);
        double[] moved = AlphaScale.twoLayer(tanh, 3.0).apply(theta);
        FisherRaoNorm fr = new FisherRaoNorm();
        assertThat(Symmetries.relativeDifference(fr.value(f, theta), fr.value(f, moved))).isGreaterThan(1e-3);
    }
}
