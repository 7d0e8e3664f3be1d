package lab.sharpminima.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.Network;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class AccuracyTest {

    @Test
    void countsArgmaxAgreements() {
        // f(x) = x·I: the outputs are the inputs themselves
        Network net = new Network(List.of(Layer.of(2, 2, Activation.LINEAR, false)));
        double[] identity = {1, 0, 0, 1};
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{2, 1}, {0, 3}, {5, 4}, {1, 1}});
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{1, 0}, {1, 0}, {0, 1}, {1, 0}});
        // rows: hit, miss, miss, hit (a tie goes to column 0)
        assertThat(Accuracy.of(net, identity, new Dataset(x, y))).isEqualTo(0.5);
        assertThat(Accuracy.argmax(new double[] {9, 1, 3, 3}, 1, 3)).isEqualTo(1);
    }

    @Test
    void needsClassColumns() {
        Network net = new Network(List.of(Layer.of(1, 1, Activation.LINEAR, false)));
        Dataset d = new Dataset(new DMatrixRMaj(2, 1), new DMatrixRMaj(2, 1));
        assertThatThrownBy(() -> Accuracy.of(net, new double[] {1}, d))
                .hasMessage("accuracy needs class targets with at least 2 columns, got 1");
    }
}
