package lab.sharpminima.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.data.BuiltinDatasets;
import org.junit.jupiter.api.Test;

/** The grid's layout (rows over b, columns over a) and its parallel evaluation. */
class LossGridTest {

    @Test
    void rowsRunOverBAndColumnsOverA() {
        LossGrid g = LossGrid.compute(Plane.absolute(new double[] {0, 0}), p -> p[0] + 10 * p[1],
                new Window(-1, 1, 0, 4), 5, 3);
        assertThat(g.a()).containsExactly(-1, -0.5, 0, 0.5, 1);
        assertThat(g.b()).containsExactly(0, 1, 2, 3, 4);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                assertThat(g.value(i, j)).isEqualTo(g.a(j) + 10 * g.b(i));
                assertThat(g.rows()[i][j]).isEqualTo(g.value(i, j));
            }
        }
    }

    @Test
    void aPlaneThroughThetaEvaluatesTheModelsLossBitForBitAsTheLossFunction() {
        Network net = Network.mlp(new int[] {1, 3, 1}, Activation.RELU, true);
        Dataset data = BuiltinDatasets.toy1d(20, 0.1, 7, 1.0);
        LossFunction loss = new LossFunction(net, LossKind.MSE, data);
        Random rnd = new Random(3);
        double[] theta = new double[net.parameterCount()];
        double[] d1 = new double[theta.length];
        double[] d2 = new double[theta.length];
        for (int k = 0; k < theta.length; k++) {
            theta[k] = rnd.nextGaussian();
            d1[k] = rnd.nextGaussian();
            d2[k] = rnd.nextGaussian();
        }
        Plane plane = Plane.through(theta, d1, d2);
        LossGrid parallel = LossGrid.compute(plane, loss, Window.square(-1, 1), 9);
        LossGrid serial = LossGrid.compute(plane, loss::value, Window.square(-1, 1), 9, 1);
        assertThat(parallel.rows()).isDeepEqualTo(serial.rows());
        double[] p = new double[theta.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = theta[k] + parallel.a(2) * d1[k] + parallel.b(7) * d2[k];
        }
        assertThat(parallel.value(7, 2)).isEqualTo(loss.value(p));
        assertThat(parallel.value(4, 4)).isEqualTo(loss.value(theta));
    }

    @Test
    void badShapesAreRefusedWithTheirNames() {
        assertThatThrownBy(() -> LossGrid.compute(Plane.absolute(new double[] {0, 0}), p -> 0,
                Window.square(0, 1), 1, 1)).hasMessageContaining("--steps");
        assertThatThrownBy(() -> LossGrid.of(Window.square(0, 1), new double[][] {{0, 1}, {1}}))
                .hasMessageContaining("row 1");
        assertThatThrownBy(() -> new Window(1, 0, 0, 1)).hasMessageContaining("a0 < a1");
        assertThatThrownBy(() -> Plane.coordinates(new double[3], 1, 1)).hasMessageContaining("distinct");
        List<Integer> unused = List.of();
        assertThat(unused).isEmpty();
    }
}
