package lab.sharpminima.symmetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** T_α keeps the function of homogeneous networks and obeys the derivative identities of Section 4.2. */
class AlphaScaleTest {

    private static double[] randomAlphas(int depth, Random rnd, double spread) {
        double[] first = new double[depth - 1];
        for (int k = 0; k < first.length; k++) {
            first[k] = Math.exp(spread * (2 * rnd.nextDouble() - 1));
        }
        return first;
    }

    private static double maxRelativeOutputChange(Network net, double[] a, double[] b, DMatrixRMaj x) {
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

    @Property(tries = 60, seed = "20170301")
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
        AlphaScale t = AlphaScale.completing(net, randomAlphas(depth, rnd, spread));
        double change = maxRelativeOutputChange(net, theta, t.apply(theta), d.x());
        if (Double.isFinite(change)) {
            assertThat(change).isLessThanOrEqualTo(1e-12);
        }
    }

    @Test
    void changesOutputsOfTanhNetworks() {
        Random rnd = new Random(5);
        Network net = TestNets.net(new int[] {2, 6, 1}, Activation.TANH, true);
        double[] theta = TestNets.theta(net, rnd);
        Dataset d = TestNets.data(net, LossKind.MSE, 20, rnd, false);
        AlphaScale t = AlphaScale.twoLayer(net, 3.0);
        assertThat(maxRelativeOutputChange(net, theta, t.apply(theta), d.x())).isGreaterThan(1e-2);
    }

    @ParameterizedTest
    @CsvSource({"RELU,false,MSE", "RELU,true,MSE", "LEAKY_RELU,true,CROSS_ENTROPY", "LINEAR,false,CROSS_ENTROPY"})
    void gradientAndHessianTransformWithPaperD(Activation act, boolean bias, LossKind kind) {
        Random rnd = new Random(21);
        Network net = TestNets.net(new int[] {3, 5, 4, 2}, act, bias);
        double[] theta = TestNets.theta(net, rnd);
        LossFunction f = new LossFunction(net, kind, TestNets.data(net, kind, 30, rnd, false));
        AlphaScale t = new AlphaScale(net, new double[] {2.5, 0.2, 2.0});
        double[] moved = t.apply(theta);
        double[] d = t.paperD();
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
            assertThat(gMoved[i]).isCloseTo(g[i] * d[i], org.assertj.core.data.Offset.offset(1e-9 * gScale));
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
                assertThat(hMoved.get(i, j)).isCloseTo(d[i] * h.get(i, j) * d[j],
                        org.assertj.core.data.Offset.offset(1e-9 * hScale));
            }
        }
    }

    @Test
    void rejectsAlphasWhoseProductIsNotOne() {
        Network net = TestNets.net(new int[] {2, 3, 1}, Activation.RELU, false);
        assertThatThrownBy(() -> new AlphaScale(net, new double[] {2, 0.6}))
                .hasMessageContaining("product");
        assertThatThrownBy(() -> new AlphaScale(net, new double[] {-2, -0.5}))
                .hasMessageContaining("alpha[0]");
        assertThatThrownBy(() -> new AlphaScale(net, new double[] {Double.NaN, 1}))
                .hasMessageContaining("alpha[0]");
        assertThatThrownBy(() -> new AlphaScale(net, new double[] {1}))
                .hasMessageContaining("2 values");
    }

    @Test
    void refusesOverflowAndUnderflow() {
        Network net = TestNets.net(new int[] {1, 1, 1}, Activation.RELU, false);
        AlphaScale t = AlphaScale.twoLayer(net, 1e300);
        assertThatThrownBy(() -> t.applyChecked(new double[] {1e10, 1.0}))
                .hasMessageContaining("alpha[0]").hasMessageContaining("overflows");
        assertThatThrownBy(() -> t.applyChecked(new double[] {1.0, 1e-10}))
                .hasMessageContaining("alpha[1]").hasMessageContaining("underflows");
        assertThat(t.applyChecked(new double[] {1.0, 1.0})).containsExactly(1e300, 1e-300);
    }
}
