package lab.sharpminima.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.TestNets;
import org.junit.jupiter.api.Test;

/** The fast forward pass gives LossFunction.value's double exactly (no tolerance). */
class FastForwardTest {

    /**
     * Widths 1, 2, 3, 5 and 9 cover every start of the sum over inputs (one, two or four first
     * terms) and its tail; 2·BLOCK + 37 samples cover several blocks and a partial one.
     */
    @Test
    void everyShapeActivationAndLossGivesTheSameDoubleAsLossFunction() {
        int n = 2 * FastForward.BLOCK + 37;
        int[][] shapes = {{1, 3, 1}, {2, 5, 2}, {3, 9, 6, 2}, {5, 1, 3}, {9, 4, 3}};
        Random rnd = new Random(31);
        for (int[] widths : shapes) {
            for (Activation act : new Activation[] {Activation.RELU, Activation.TANH, Activation.LEAKY_RELU}) {
                for (LossKind kind : LossKind.values()) {
                    for (boolean bias : new boolean[] {true, false}) {
                        Network net = TestNets.net(widths, act, bias);
                        Dataset data = TestNets.data(net, kind, n, rnd, kind == LossKind.CROSS_ENTROPY);
                        LossFunction f = new LossFunction(net, kind, data);
                        FastForward fast = new FastForward(net, kind, data);
                        assertThat(fast.matchesEngine()).isTrue();
                        FastForward.Workspace ws = fast.workspace();
                        for (int rep = 0; rep < 3; rep++) {
                            double[] theta = TestNets.theta(net, rnd);
                            assertThat(ws.value(theta, 0)).as("%s %s %s bias=%s", net.describe(), act, kind, bias)
                                    .isEqualTo(f.value(theta));
                        }
                    }
                }
            }
        }
    }

    @Test
    void thetaIsReadFromTheGivenOffset() {
        Network net = TestNets.net(new int[] {2, 6, 1}, Activation.RELU, true);
        Random rnd = new Random(32);
        Dataset data = TestNets.data(net, LossKind.MSE, 40, rnd, false);
        double[] theta = TestNets.theta(net, rnd);
        int n = theta.length;
        double[] packed = new double[3 * n];
        System.arraycopy(theta, 0, packed, 2 * n, n);
        FastForward.Workspace ws = new FastForward(net, LossKind.MSE, data).workspace();
        assertThat(ws.value(packed, 2 * n)).isEqualTo(new LossFunction(net, LossKind.MSE, data).value(theta));
        assertThatThrownBy(() -> ws.value(packed, 2 * n + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("θ needs " + n);
    }

    /** ∞ − ∞ = NaN before a relu is 0 in LossFunction; the fast relu keeps it, so θ is recomputed. */
    @Test
    void aNanPreActivationIsZeroedByTheReluAsInLossFunction() {
        Network net = TestNets.net(new int[] {2, 4, 1}, Activation.RELU, true);
        Random rnd = new Random(33);
        Dataset data = TestNets.data(net, LossKind.MSE, 300, rnd, false);
        for (int s = 0; s < 300; s++) {
            double x0 = s % 7 == 0 ? 2 : Math.tanh(data.x().get(s, 0)) * 0.9;
            data.x().set(s, 0, x0);
            data.x().set(s, 1, x0);
        }
        double[] theta = TestNets.theta(net, rnd);
        theta[net.offset(0)] = 1e308;
        theta[net.offset(0) + 4] = -1e308;
        double direct = new LossFunction(net, LossKind.MSE, data).value(theta);
        assertThat(direct).isFinite();
        assertThat(new FastForward(net, LossKind.MSE, data).workspace().value(theta, 0)).isEqualTo(direct);
    }

    @Test
    void productsAtTheEnginesConcurrentSizeAreFlagged() {
        Network net = TestNets.net(new int[] {2, 32, 32, 1}, Activation.RELU, true);
        Random rnd = new Random(34);
        assertThat(new FastForward(net, LossKind.MSE, TestNets.data(net, LossKind.MSE, 1000, rnd, false))
                .matchesEngine()).isTrue();
        assertThat(new FastForward(net, LossKind.MSE, TestNets.data(net, LossKind.MSE, 1024, rnd, false))
                .matchesEngine()).isFalse();
    }

    @Test
    void dataThatDoesNotFitIsRejected() {
        Network net = TestNets.net(new int[] {2, 3, 1}, Activation.RELU, true);
        Network other = TestNets.net(new int[] {3, 3, 1}, Activation.RELU, true);
        Dataset data = TestNets.data(other, LossKind.MSE, 5, new Random(35), false);
        assertThatThrownBy(() -> new FastForward(net, LossKind.MSE, data))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
    }
}
