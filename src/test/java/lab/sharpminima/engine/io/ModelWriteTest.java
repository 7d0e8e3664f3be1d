package lab.sharpminima.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Model;
import lab.sharpminima.engine.Network;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The writer's layout, field order, extras and refusals; what the reader makes of its output. */
class ModelWriteTest {

    /** 1-2-1: leaky_relu (slope 0.25) with bias, linear without; mse; one training and one test sample. */
    static Model tiny(Map<String, String> extras) {
        Network net = new Network(List.of(new Layer(1, 2, Activation.LEAKY_RELU, 0.25, true),
                Layer.of(2, 1, Activation.LINEAR, false)));
        double[] theta = {1.5, -0.0, 0.1, 1e-300, 2.0, 3.0};
        Dataset data = new Dataset(new DMatrixRMaj(new double[][] {{1.0}, {2.0}}),
                new DMatrixRMaj(new double[][] {{4.9E-324}, {-7.0}}));
        Dataset test = new Dataset(new DMatrixRMaj(new double[][] {{0.5}}), new DMatrixRMaj(new double[][] {{1.0}}));
        return new Model(net, theta, LossKind.MSE, data, test, extras);
    }

    @Test
    void layoutFollowsTheSpecOrderWithOneMatrixRowPerLine() {
        Map<String, String> extras = new LinkedHashMap<>();
        extras.put("meta", "{\"seed\":1}");
        extras.put("notes", "\"hand made\"");
        assertThat(ModelFiles.toJson(tiny(extras))).isEqualTo("""
                {
                  "format": "sharp-minima-lab/model",
                  "version": 1,
                  "layers": [
                    {"in": 1, "out": 2, "activation": "leaky_relu", "slope": 0.25, "bias": true},
                    {"in": 2, "out": 1, "activation": "linear", "bias": false}
                  ],
                  "weights": [
                    [
                      [1.5, -0.0]
                    ],
                    [
                      [2.0],
                      [3.0]
                    ]
                  ],
                  "biases": [
                    [0.1, 1.0E-300],
                    null
                  ],
                  "loss": "mse",
                  "data": {
                    "x": [
                      [1.0],
                      [2.0]
                    ],
                    "y": [
                      [4.9E-324],
                      [-7.0]
                    ]
                  },
                  "test": {
                    "x": [
                      [0.5]
                    ],
                    "y": [
                      [1.0]
                    ]
                  },
                  "meta": {"seed":1},
                  "notes": "hand made"
                }
                """);
    }

    @Test
    void whatIsWrittenReadsBackIdentically() throws Exception {
        Model m = tiny(Map.of("meta", "{\"seed\":1,\"trainedWith\":{\"lr\":0.1,\"steps\":[1,2]}}"));
        String text = ModelFiles.toJson(m);
        Model back = ModelFiles.parse(text, "t.json");
        assertThat(back.theta()).containsExactly(m.theta());
        assertThat(Double.doubleToRawLongBits(back.theta()[1])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(back.network().layer(0).slope()).isEqualTo(0.25);
        assertThat(back.data().y().data).containsExactly(m.data().y().data);
        assertThat(back.test().x().data).containsExactly(0.5);
        assertThat(back.extras()).isEqualTo(m.extras());
        assertThat(ModelFiles.toJson(back)).isEqualTo(text);
    }

    @Test
    void extrasAreKeptInFileOrderAndWrittenBackCompact() throws Exception {
        String json = ModelRejectionTest.BASE.replace("\"format\"", "\"zeta\": [1, {\"b\": 2, \"a\": 3}],\n  \"format\"");
        Model m = ModelFiles.parse(json, "e.json");
        assertThat(m.extras()).containsExactly(Map.entry("zeta", "[1,{\"b\":2,\"a\":3}]"),
                Map.entry("meta", "{\"seed\":1,\"note\":\"kept\"}"));
        String out = ModelFiles.toJson(m);
        assertThat(out).endsWith("  \"zeta\": [1,{\"b\":2,\"a\":3}],\n  \"meta\": {\"seed\":1,\"note\":\"kept\"}\n}\n");
    }

    @Test
    void absentDataAndTestStayAbsent() throws Exception {
        Model m = tiny(Map.of());
        Model bare = new Model(m.network(), m.theta(), m.loss(), null, null, null);
        String out = ModelFiles.toJson(bare);
        assertThat(out).doesNotContain("\"data\"").doesNotContain("\"test\"").endsWith("\"loss\": \"mse\"\n}\n");
        Model back = ModelFiles.parse(out, null);
        assertThat(back.data()).isNull();
        assertThat(back.test()).isNull();
    }

    @Test
    void nonFiniteParameterIsRefusedNamingTheField() {
        Model m = tiny(Map.of());
        double[] t = m.theta().clone();
        t[4] = Double.NaN;
        assertThatThrownBy(() -> ModelFiles.toJson(m.withTheta(t)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weights[1][0][0] is NaN; a model file holds finite numbers only");
        t[4] = 1;
        t[3] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> ModelFiles.toJson(m.withTheta(t)))
                .hasMessage("biases[0][1] is Infinity; a model file holds finite numbers only");
    }

    @Test
    void badExtrasAreRefused() {
        assertThatThrownBy(() -> ModelFiles.toJson(tiny(Map.of("meta", "{oops"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"meta\" is not valid JSON");
        assertThatThrownBy(() -> ModelFiles.toJson(tiny(Map.of("loss", "\"mse\""))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shadow");
    }

    @Test
    void biasesMayBeLeftOutWhenNoLayerHasOne() throws Exception {
        String json = ModelRejectionTest.BASE
                .replace("\"slope\": 0.2, \"bias\": true", "\"slope\": 0.2, \"bias\": false")
                .replace("\"biases\": [[0.1, 0.2, 0.3], null],", "");
        Model m = ModelFiles.parse(json, "nb.json");
        assertThat(m.network().parameterCount()).isEqualTo(12);
        assertThat(ModelFiles.toJson(m)).contains("\"biases\": [\n    null,\n    null\n  ]");
    }

    @Test
    void thetaIsInFlatOrderWeightsThenBiasPerLayer() throws Exception {
        Model m = ModelFiles.parse(ModelRejectionTest.BASE, "m.json");
        assertThat(m.theta()).containsExactly(1, 2, 3, 4, 5, 6, 0.1, 0.2, 0.3, 1, 0, 0, 1, 1, 1);
        assertThat(m.loss()).isEqualTo(LossKind.CROSS_ENTROPY);
        assertThat(m.data().size()).isEqualTo(3);
        assertThat(m.test().size()).isEqualTo(1);
    }
}
