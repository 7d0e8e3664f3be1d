package lab.sharpminima.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.TestNets;
import lab.sharpminima.linalg.SymmetricEigen;
import lab.sharpminima.symmetry.AlphaScale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Every declaration of underAlphaScale and underNeuronScaling, checked numerically on random
 * homogeneous networks (relu or leaky relu, with or without biases, mse or cross-entropy):
 * <ul>
 *   <li>INVARIANT: equal to 1e-6 relative under a random T_α (log α_k in ±1.5) or a random
 *       per-neuron scaling (log c in ±1.5 for every hidden unit);</li>
 *   <li>APPROXIMATE: within {@value #APPROXIMATE_BOUND} relative under a moderate one (log in ±0.3);</li>
 *   <li>MOVED: changed by a factor of at least {@value #MOVED_FACTOR} by one of the strong maps
 *       α_0 = 1/α_K ∈ {0.01, 0.1, 10, 100}, or by one hidden unit (any) scaled by c in the same set.</li>
 * </ul>
 * Weight normalisation is argued in each class's Javadoc and not tested here.
 */
class InvarianceDeclarationsTest {

    static final double INVARIANT_TOLERANCE = 1e-6;
    static final double APPROXIMATE_BOUND = 0.3;
    static final double MOVED_FACTOR = 2.0;
    static final double[] STRONG = {0.01, 0.1, 10, 100};
    static final int MEASURES = 11;

    /** A random network, its parameters and its loss. */
    record Case(Network net, double[] theta, LossFunction loss, Random rnd) {
        static Case random(long seed) {
            Random rnd = new Random(seed);
            int depth = 2 + rnd.nextInt(3);
            int[] widths = new int[depth + 1];
            for (int k = 0; k <= depth; k++) {
                widths[k] = 2 + rnd.nextInt(5);
            }
            Activation act = rnd.nextBoolean() ? Activation.RELU : Activation.LEAKY_RELU;
            Network net = TestNets.net(widths, act, rnd.nextBoolean());
            LossKind kind = rnd.nextBoolean() ? LossKind.MSE : LossKind.CROSS_ENTROPY;
            double[] theta = TestNets.theta(net, rnd);
            LossFunction f = new LossFunction(net, kind, TestNets.data(net, kind, 12, rnd, false));
            return new Case(net, theta, f, rnd);
        }
    }

    static ScalarMeasure measure(int which, Case c) {
        switch (which) {
            case 0: return new AdaptiveSharpness(0.3, 0, 10, 2, 7);
            case 1: return new AdaptiveSharpness(0.3, AdaptiveSharpness.OFFICIAL_ETA, 10, 2, 7);
            case 2: return RelativeFlatness.lastLayer();
            case 3: return new FisherRaoNorm();
            case 4: return PacBayesFlatness.isotropic(0.1, 8, 7);
            case 5: return PacBayesFlatness.magnitudeAware(0.1, 0, 8, 7);
            case 6: return PacBayesFlatness.magnitudeAware(0.1, PacBayesFlatness.JIANG_EPSILON, 8, 7);
            case 7: return new HessianRank();
            case 9: return RelativeFlatness.featureWise();
            case 10: return new RelativeFlatness(0);
            default: {
                // M just under the largest eigenvalue: the count starts at 1 (or a few, with near-ties)
                double top = SymmetricEigen.decompose(c.loss().hessian(c.theta()), false).value(0);
                return new EigenvaluesAbove(0.9 * top);
            }
        }
    }

    @Property(tries = 180, seed = "20170302")
    void alphaScaleDeclarationsHold(@ForAll @IntRange(min = 0, max = MEASURES - 1) int which, @ForAll long seed) {
        Case c = Case.random(seed);
        ScalarMeasure m = measure(which, c);
        double v0 = m.value(c.loss(), c.theta());
        switch (m.underAlphaScale()) {
            case INVARIANT -> assertClose(m, v0, alpha(m, c, Symmetries.randomAlphaScale(c.net(), c.rnd(), 1.5)),
                    INVARIANT_TOLERANCE);
            case APPROXIMATE -> assertClose(m, v0, alpha(m, c, Symmetries.randomAlphaScale(c.net(), c.rnd(), 0.3)),
                    APPROXIMATE_BOUND);
            default -> assertMoved(m, v0, a -> alpha(m, c, Symmetries.firstVersusLast(c.net(), a)));
        }
    }

    @Property(tries = 180, seed = "20170303")
    void neuronScalingDeclarationsHold(@ForAll @IntRange(min = 0, max = MEASURES - 1) int which, @ForAll long seed) {
        Case c = Case.random(seed);
        ScalarMeasure m = measure(which, c);
        double v0 = m.value(c.loss(), c.theta());
        switch (m.underNeuronScaling()) {
            case INVARIANT -> assertClose(m, v0,
                    m.value(c.loss(), Symmetries.neuronScaling(c.net(), c.theta(), c.rnd(), 1.5)), INVARIANT_TOLERANCE);
            case APPROXIMATE -> assertClose(m, v0,
                    m.value(c.loss(), Symmetries.neuronScaling(c.net(), c.theta(), c.rnd(), 0.3)), APPROXIMATE_BOUND);
            default -> assertMovedBySomeUnit(m, c, v0);
        }
    }

    /** Some single hidden unit, scaled by some c in {@link #STRONG}, moves the value by the factor. */
    private static void assertMovedBySomeUnit(ScalarMeasure m, Case c, double v0) {
        double largest = 0;
        for (int k = 0; k + 1 < c.net().depth(); k++) {
            for (int j = 0; j < c.net().layer(k).out(); j++) {
                for (double a : STRONG) {
                    double[] theta = c.theta().clone();
                    Symmetries.scaleUnit(c.net(), theta, k, j, a);
                    double v1 = m.value(c.loss(), theta);
                    largest = Math.max(largest, Math.max(Math.abs(v1 / v0), Math.abs(v0 / v1)));
                }
            }
        }
        assertThat(largest).as("%s: largest factor of change from %s", m.key(), v0).isGreaterThanOrEqualTo(MOVED_FACTOR);
    }

    private static double alpha(ScalarMeasure m, Case c, AlphaScale t) {
        return m.value(c.loss(), t.apply(c.theta()));
    }

    private static void assertClose(ScalarMeasure m, double v0, double v1, double tolerance) {
        assertThat(Symmetries.relativeDifference(v0, v1))
                .as("%s: %s before, %s after", m.key(), v0, v1)
                .isLessThanOrEqualTo(tolerance);
    }

    private static void assertMoved(ScalarMeasure m, double v0, DoubleUnaryOperator transformed) {
        double largest = 0;
        for (double a : STRONG) {
            double v1 = transformed.applyAsDouble(a);
            largest = Math.max(largest, Math.max(Math.abs(v1 / v0), Math.abs(v0 / v1)));
        }
        assertThat(largest).as("%s: largest factor of change from %s", m.key(), v0).isGreaterThanOrEqualTo(MOVED_FACTOR);
    }
}
