package lab.sharpminima.engine.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.Model;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The files in assets/models are what {@link SampleModels} builds, and they are what they claim. */
class SampleModelsTest {

    @Test
    void paperToyFileIsUpToDateAndAtAMinimum() throws Exception {
        assertThat(Files.readString(SampleModels.DIR.resolve("paper-toy-2param.json")))
                .isEqualTo(ModelFiles.toJson(SampleModels.paperToy()));
        Model m = ModelFiles.read(SampleModels.DIR.resolve("paper-toy-2param.json"));
        assertThat(m.network().parameterCount()).isEqualTo(2);
        assertThat(m.data().size()).isEqualTo(20);
        double[] g = new double[2];
        // θ = (2, 0.5): relu(2x)·0.5 = x exactly in floating point, so L and ∇L are exactly 0.
        assertThat(m.lossFunction().gradient(m.theta(), g)).isZero();
        assertThat(g).containsExactly(0.0, 0.0);
    }

    @Test
    void xorFileIsUpToDateNearAMinimumAndClassifiesTheTestSet() throws Exception {
        assertThat(Files.readString(SampleModels.DIR.resolve("xor-2-4-1.json")))
                .isEqualTo(ModelFiles.toJson(SampleModels.xor()));
        Model m = ModelFiles.read(SampleModels.DIR.resolve("xor-2-4-1.json"));
        double[] g = new double[m.theta().length];
        double loss = m.lossFunction().gradient(m.theta(), g);
        double norm = 0;
        for (double v : g) {
            norm += v * v;
        }
        assertThat(loss).isLessThan(0.02);
        assertThat(Math.sqrt(norm)).isLessThan(1e-3);
        DMatrixRMaj out = LossFunction.outputs(m.network(), m.theta(), m.test().x());
        for (int i = 0; i < out.numRows; i++) {
            assertThat(out.get(i, 0) > 0.5).as("test sample %d", i).isEqualTo(m.test().y().get(i, 0) == 1.0);
        }
    }
}
