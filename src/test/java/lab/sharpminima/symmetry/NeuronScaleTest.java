package lab.sharpminima.symmetry;

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
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Per-neuron rescaling keeps homogeneous networks' functions and obeys Theorem 3's identities with S⁻¹. */
class NeuronScaleTest {

    static double[][] randomScales(Network net, Random rnd, double spread) {
        double[][] c = new double[net.depth() - 1][];
        for (int k = 0; k < c.length; k++) {
            c[k] = new double[net.layer(k).out()];
            for (int j = 0; j < c[k].length; j++) {
                c[k][j] = Math.exp(spread * (2 * rnd.nextDouble() - 1));
            }
        }
        return c;
    }

    static double maxRelativeOutputChange(Network net, double[] a, double[] b, DMatrixRMaj x) {
        DMatrixRMaj fa = LossFunction.outputs(net, a, x);
        DMatrixRMaj fb = LossFunction.outputs(net, b, x);
        double scale = 0;
        double diff = 0;
        for (int i = 0; i < fa.data.length; i++) {
            scale = Math.max(scale, Math.abs(fa.data[i]));
            diff = Math.max(diff, Math.abs(fa.data[i] - fb.data[i]));
        }
        return diff / scale;
    }

    @Property(tries = 60, seed = "20170302")
    void keepsOutputsOfHomogeneousNetworks(@ForAll @IntRange(min = 2, max = 5) int depth,
                                           @ForAll @IntRange(min = 1, max = 6) int width,
                                           @ForAll boolean bias,
                                           @ForAll @IntRange(min = 0, max = 2) int activation,
                                           @ForAll @DoubleRange(min = 0.1, max = 4) double spread,
                                           @ForAll long seed) {
        Activation act = new Activation[] {Activation.RELU, Activation.LEAKY_RELU, Activation.LINEAR}[activation];
        Random rnd = new Random(seed);
        int[] widths = new int[depth + 1];
        for (int k = 0; k <= depth; k++) {
            widths[k] = 1 + rnd.nextInt(width);
        }
        Network net = TestNets.net(widths, act, bias);
        double[] theta = TestNets.theta(net, rnd);
        Dataset d = TestNets.data(net, LossKind.MSE, 20, rnd, false);
        NeuronScale s = new NeuronScale(net, randomScales(net, rnd, spread));
        double change = maxRelativeOutputChange(net, theta, s.apply(theta), d.x());
        // All outputs exactly 0 (every unit dead) gives 0/0: nothing to compare.
        if (Double.isFinite(change)) {
            assertThat(change).isLessThanOrEqualTo(1e-12);
        }
    }

    @Test
    void changesOutputsOfTanhNetworks() {
        Random rnd = new Random(6);
        Network net = TestNets.net(new int[] {2, 6, 1}, Activation.TANH, true);
        double[] theta = TestNets.theta(net, rnd);
        Dataset d = TestNets.data(net, LossKind.MSE, 20, rnd, false);
        NeuronScale s = NeuronScale.single(net, 0, 2, 3.0);
        assertThat(maxRelativeOutputChange(net, theta, s.apply(theta), d.x())).isGreaterThan(1e-3);
    }

    @ParameterizedTest
    @CsvSource({"RELU,MSE", "LEAKY_RELU,CROSS_ENTROPY", "LINEAR,MSE", "RELU,CROSS_ENTROPY"})
    void gradientAndHessianTransformWithTheInverseScaling(Activation act, LossKind kind) {
        Random rnd = new Random(31);
        Network net = TestNets.net(new int[] {3, 5, 4, 2}, act, true);
        double[] theta = TestNets.theta(net, rnd);
        LossFunction f = new LossFunction(net, kind, TestNets.data(net, kind, 30, rnd, false));
        NeuronScale s = new NeuronScale(net, randomScales(net, rnd, 2.0));
        double[] moved = s.apply(theta);
        double[] d = s.paperD();
        int n = net.parameterCount();

        double[] g = new double[n];
        double[] gMoved = new double[n];
        f.gradient(theta, g);
        f.gradient(moved, gMoved);
        double gScale = 0;
        for (int i = 0; i < n; i++) {
            gScale = Math.max(gScale, Math.abs(g[i] * d[i]));
        }
        for (int i = 0; i < n; i++) {
            assertThat(gMoved[i]).as("gradient %d", i).isCloseTo(g[i] * d[i], within(1e-9 * gScale));
        }

        DMatrixRMaj h = f.hessian(theta);
        DMatrixRMaj hMoved = f.hessian(moved);
        double hScale = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                hScale = Math.max(hScale, Math.abs(d[i] * h.get(i, j) * d[j]));
            }
        }
        assertThat(hScale).isGreaterThan(0);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(hMoved.get(i, j)).as("Hessian %d,%d", i, j)
                        .isCloseTo(d[i] * h.get(i, j) * d[j], within(1e-9 * hScale));
            }
        }
    }

    @Test
    void oneUnitMovesItsColumnItsBiasAndItsRowOnly() {
        Network net = TestNets.net(new int[] {2, 3, 4, 1}, Activation.RELU, true);
        double[] s = NeuronScale.single(net, 1, 2, 5.0).scaling();
        for (int i = 0; i < s.length; i++) {
            int k = net.layerOf(i);
            int local = i - net.offset(k);
            boolean weight = local < net.layer(k).weightCount();
            double expected = 1;
            if (k == 1 && weight && local % 4 == 2 || k == 1 && !weight && local - 12 == 2) {
                expected = 5;
            } else if (k == 2 && weight && local / 1 == 2) {
                expected = 0.2;
            }
            assertThat(s[i]).as("parameter %d", i).isEqualTo(expected);
        }
    }

    @Test
    void theAlphaScaleIsTheElementWithEqualScalesPerLayer() {
        Network net = TestNets.net(new int[] {3, 4, 5, 2, 2}, Activation.LEAKY_RELU, true);
        double[] alpha = {2.0, 0.25, 3.0, 1.0 / 1.5};
        double[][] c = new double[3][];
        double cumulative = 1;
        for (int k = 0; k < 3; k++) {
            cumulative *= alpha[k];
            c[k] = new double[net.layer(k).out()];
            java.util.Arrays.fill(c[k], cumulative);
        }
        double[] fromNeurons = new NeuronScale(net, c).scaling();
        double[] fromAlpha = new AlphaScale(net, alpha).scaling();
        for (int i = 0; i < fromAlpha.length; i++) {
            assertThat(fromNeurons[i]).isCloseTo(fromAlpha[i], within(1e-15 * fromAlpha[i]));
        }
    }

    @Test
    void composesAndInverts() {
        Random rnd = new Random(8);
        Network net = TestNets.net(new int[] {2, 4, 3, 2}, Activation.RELU, true);
        double[] theta = TestNets.theta(net, rnd);
        NeuronScale a = new NeuronScale(net, randomScales(net, rnd, 3));
        NeuronScale b = new NeuronScale(net, randomScales(net, rnd, 3));
        double[] twice = b.apply(a.apply(theta));
        double[] composed = a.compose(b).apply(theta);
        double[] back = a.invert(a.apply(theta));
        double[] inverse = a.inverse().apply(a.apply(theta));
        for (int i = 0; i < theta.length; i++) {
            assertThat(composed[i]).isCloseTo(twice[i], within(1e-14 * Math.abs(twice[i])));
            assertThat(back[i]).isCloseTo(theta[i], within(1e-14 * Math.abs(theta[i])));
            assertThat(inverse[i]).isCloseTo(theta[i], within(1e-14 * Math.abs(theta[i])));
        }
        assertThat(NeuronScale.single(net, 0, 1, 2).times(0, 1, 3).scales()[0][1]).isEqualTo(6);
    }

    @Test
    void refusesOverflowAndUnderflowNamingTheUnit() {
        Network net = TestNets.net(new int[] {1, 2, 1}, Activation.RELU, true);
        NeuronScale big = NeuronScale.single(net, 0, 1, 1e300);
        double[] theta = {1, 1e10, 1, 1, 1, 1, 1};
        assertThatThrownBy(() -> big.applyChecked(theta)).hasMessageContaining("overflows parameter 1")
                .hasMessageContaining("layer 1 unit 2");
        double[] small = {1, 1, 1, 1, 1, 1e-10, 1};
        assertThatThrownBy(() -> big.applyChecked(small)).hasMessageContaining("underflows parameter 5")
                .hasMessageContaining("layer 1 unit 2");
    }

    @Test
    void rejectsBadScalesAndUnits() {
        Network net = TestNets.net(new int[] {2, 3, 1}, Activation.RELU, false);
        assertThatThrownBy(() -> NeuronScale.single(net, 0, 0, 0)).hasMessageContaining("c = 0.0")
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> NeuronScale.single(net, 0, 0, Double.NaN)).hasMessageContaining("positive");
        assertThatThrownBy(() -> NeuronScale.single(net, 0, 3, 2)).hasMessageContaining("unit 4")
                .hasMessageContaining("1 to 3");
        assertThatThrownBy(() -> NeuronScale.single(net, 1, 0, 2)).hasMessageContaining("layer 2 is not a hidden layer");
        assertThatThrownBy(() -> new NeuronScale(net, new double[][] {{1, 2}})).hasMessageContaining("3 units");
    }
}
