package lab.sharpminima.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every rejection listed in the format spec ("What a reader must reject"), one test each, with the
 * field the one-line message must name. Cases start from {@link #BASE}, which the reader accepts.
 */
class ModelRejectionTest {

    /** A valid 2-3-2 model: leaky_relu with a bias, then linear without; cross-entropy; data and test. */
    static final String BASE = """
            {
              "format": "sharp-minima-lab/model",
              "version": 1,
              "layers": [
                {"in": 2, "out": 3, "activation": "leaky_relu", "slope": 0.2, "bias": true},
                {"in": 3, "out": 2, "activation": "linear", "bias": false}
              ],
              "weights": [
                [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]],
                [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]
              ],
              "biases": [[0.1, 0.2, 0.3], null],
              "loss": "cross_entropy",
              "data": {"x": [[0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], "y": [[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]]},
              "test": {"x": [[2.0, 2.0]], "y": [[0.0, 1.0]]},
              "meta": {"seed": 1, "note": "kept"}
            }
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The message for BASE after an edit of its tree. */
    private static String messageAfter(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(BASE);
        edit.accept(root);
        return messageOf(JSON.writeValueAsString(root));
    }

    /** The message for BASE with one piece of text replaced (for tokens Jackson would not write). */
    private static String messageReplacing(String from, String to) {
        assertThat(BASE).contains(from);
        return messageOf(BASE.replace(from, to));
    }

    private static String messageOf(String json) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> ModelFiles.parse(json, "m.json"));
        assertThat(t).isInstanceOf(ModelFormatException.class);
        String m = t.getMessage();
        assertThat(m).startsWith("m.json: ").doesNotContain("\n");
        return m;
    }

    private static ArrayNode arr(ObjectNode root, String field) {
        return (ArrayNode) root.get(field);
    }

    private static ObjectNode layer(ObjectNode root, int k) {
        return (ObjectNode) root.get("layers").get(k);
    }

    private static ObjectNode data(ObjectNode root, String name) {
        return (ObjectNode) root.get(name);
    }

    @Test
    void baseIsAccepted() throws Exception {
        assertThat(ModelFiles.parse(BASE, "m.json").network().parameterCount()).isEqualTo(6 + 3 + 6);
    }

    // --- format and version ----------------------------------------------------------------------

    @Test
    void missingFormat() throws Exception {
        assertThat(messageAfter(r -> r.remove("format")))
                .isEqualTo("m.json: format is missing; a model file has \"format\": \"sharp-minima-lab/model\"");
    }

    @Test
    void wrongFormat() throws Exception {
        assertThat(messageAfter(r -> r.put("format", "keras")))
                .isEqualTo("m.json: format must be \"sharp-minima-lab/model\", got the string \"keras\"");
    }

    @Test
    void missingVersion() throws Exception {
        assertThat(messageAfter(r -> r.remove("version"))).isEqualTo("m.json: version is missing (the integer 1)");
    }

    @Test
    void unsupportedVersion() throws Exception {
        assertThat(messageAfter(r -> r.put("version", 2)))
                .isEqualTo("m.json: version 2 is not supported (this reader knows version 1)");
    }

    @Test
    void versionAsString() throws Exception {
        assertThat(messageAfter(r -> r.put("version", "1")))
                .isEqualTo("m.json: version must be the integer 1, got the string \"1\"");
    }

    @Test
    void notAnObject() {
        assertThat(messageOf("[1, 2]")).isEqualTo("m.json: a model file must hold one JSON object, got an array of 2");
    }

    @Test
    void invalidJsonGivesLineAndColumn() {
        String m = messageReplacing("\"version\": 1,", "\"version\": 1,,");
        assertThat(m).startsWith("m.json: invalid JSON at line 3, column 16: ");
    }

    @Test
    void emptyText() {
        assertThat(messageOf("  ")).isEqualTo("m.json: the file is empty; a model file holds one JSON object");
    }

    @Test
    void duplicateKeyIsRejected() {
        assertThat(messageReplacing("\"version\": 1,", "\"version\": 1, \"version\": 1,"))
                .startsWith("m.json: invalid JSON at line 3").contains("Duplicate field 'version'");
    }

    @Test
    void trailingContentIsRejected() {
        assertThat(messageOf(BASE + "{}")).startsWith("m.json: invalid JSON at line 18, column 1: ")
                .endsWith("more content after the end of the model's JSON object");
    }

    // --- layers ----------------------------------------------------------------------------------

    @Test
    void missingLayers() throws Exception {
        assertThat(messageAfter(r -> r.remove("layers")))
                .isEqualTo("m.json: layers is missing (an array of {\"in\", \"out\", \"activation\", \"bias\"} objects)");
    }

    @Test
    void emptyLayers() throws Exception {
        assertThat(messageAfter(r -> r.putArray("layers")))
                .isEqualTo("m.json: layers is empty; a network needs at least one layer");
    }

    @Test
    void layersThatDoNotChain() throws Exception {
        assertThat(messageAfter(r -> layer(r, 1).put("in", 7)))
                .isEqualTo("m.json: layers[1].in = 7 does not match layers[0].out = 3");
    }

    @Test
    void sizeThatIsNotAPositiveInteger() throws Exception {
        assertThat(messageAfter(r -> layer(r, 0).put("out", 2.5)))
                .isEqualTo("m.json: layers[0].out must be a positive integer, got 2.5");
        assertThat(messageAfter(r -> layer(r, 0).put("out", 0)))
                .isEqualTo("m.json: layers[0].out must be a positive integer, got 0");
        assertThat(messageAfter(r -> layer(r, 0).put("in", "2")))
                .isEqualTo("m.json: layers[0].in must be a positive integer, got the string \"2\"");
    }

    @Test
    void missingSize() throws Exception {
        assertThat(messageAfter(r -> layer(r, 1).remove("in")))
                .isEqualTo("m.json: layers[1].in is missing (a positive integer)");
    }

    @Test
    void unknownActivation() throws Exception {
        assertThat(messageAfter(r -> layer(r, 0).put("activation", "sigmoid")))
                .isEqualTo("m.json: layers[0].activation \"sigmoid\" is unknown (use relu, leaky_relu, linear or tanh)");
    }

    @Test
    void missingActivation() throws Exception {
        assertThat(messageAfter(r -> layer(r, 1).remove("activation")))
                .isEqualTo("m.json: layers[1].activation is missing (relu, leaky_relu, linear or tanh)");
    }

    @Test
    void slopeOnALayerThatIsNotLeakyRelu() throws Exception {
        assertThat(messageAfter(r -> layer(r, 1).put("slope", 0.1)))
                .isEqualTo("m.json: layers[1].slope is only allowed for leaky_relu layers, this one is linear");
    }

    @Test
    void nonFiniteSlope() {
        assertThat(messageReplacing("\"slope\": 0.2", "\"slope\": NaN"))
                .isEqualTo("m.json: layers[0].slope is not finite (NaN); model files hold finite numbers only");
    }

    @Test
    void biasFlagThatIsNotBoolean() throws Exception {
        assertThat(messageAfter(r -> layer(r, 0).put("bias", "yes")))
                .isEqualTo("m.json: layers[0].bias must be true or false, got the string \"yes\"");
    }

    @Test
    void missingBiasFlag() throws Exception {
        assertThat(messageAfter(r -> layer(r, 1).remove("bias")))
                .isEqualTo("m.json: layers[1].bias is missing (true or false)");
    }

    @Test
    void unknownLayerField() throws Exception {
        assertThat(messageAfter(r -> layer(r, 0).put("dropout", 0.5)))
                .isEqualTo("m.json: layers[0].dropout is not a known field (expected in, out, activation, slope, bias)");
    }

    // --- weights and biases ----------------------------------------------------------------------

    @Test
    void missingWeights() throws Exception {
        assertThat(messageAfter(r -> r.remove("weights")))
                .isEqualTo("m.json: weights is missing (an array of matrices, one in × out matrix per layer)");
    }

    @Test
    void wrongNumberOfWeightMatrices() throws Exception {
        assertThat(messageAfter(r -> arr(r, "weights").remove(1)))
                .isEqualTo("m.json: weights must hold 2 matrices, one per layer, got 1");
    }

    @Test
    void weightMatrixWithTooManyRows() throws Exception {
        assertThat(messageAfter(r -> ((ArrayNode) r.get("weights").get(0)).addArray().add(1).add(2).add(3)))
                .isEqualTo("m.json: weights[0] must have 2 rows of 3 numbers, got 3 rows");
    }

    @Test
    void raggedWeightRow() throws Exception {
        assertThat(messageAfter(r -> ((ArrayNode) r.get("weights").get(0).get(1)).remove(2)))
                .isEqualTo("m.json: weights[0] must have 2 rows of 3 numbers, row 1 has 2");
    }

    @Test
    void weightMatrixThatIsNotAnArray() throws Exception {
        assertThat(messageAfter(r -> arr(r, "weights").set(1, JSON.getNodeFactory().numberNode(1.0))))
                .isEqualTo("m.json: weights[1] must have 3 rows of 2 numbers, got 1.0");
    }

    @Test
    void numberGivenAsString() throws Exception {
        assertThat(messageAfter(r -> ((ArrayNode) r.get("weights").get(1).get(0)).set(0, "0.5")))
                .isEqualTo("m.json: weights[1][0][0] must be a number, got the string \"0.5\"");
    }

    @Test
    void nanWeight() {
        assertThat(messageReplacing("[4.0, 5.0, 6.0]", "[4.0, NaN, 6.0]"))
                .isEqualTo("m.json: weights[0][1][1] is not finite (NaN); model files hold finite numbers only");
    }

    @Test
    void infiniteWeight() {
        assertThat(messageReplacing("[4.0, 5.0, 6.0]", "[4.0, 5.0, -Infinity]"))
                .isEqualTo("m.json: weights[0][1][2] is not finite (-Infinity); model files hold finite numbers only");
    }

    @Test
    void overflowingLiteralIsNotFinite() {
        assertThat(messageReplacing("[4.0, 5.0, 6.0]", "[1e400, 5.0, 6.0]"))
                .isEqualTo("m.json: weights[0][1][0] is not finite (Infinity); model files hold finite numbers only");
    }

    @Test
    void biasOfTheWrongLength() {
        assertThat(messageReplacing("[[0.1, 0.2, 0.3], null]", "[[0.1, 0.2], null]"))
                .isEqualTo("m.json: biases[0] must have 3 numbers (layers[0].out), got 2");
    }

    @Test
    void nullBiasForALayerWithBias() {
        assertThat(messageReplacing("[[0.1, 0.2, 0.3], null]", "[null, null]"))
                .isEqualTo("m.json: biases[0] is null but layers[0].bias is true (give 3 numbers)");
    }

    @Test
    void biasForALayerWithoutBias() {
        assertThat(messageReplacing("[[0.1, 0.2, 0.3], null]", "[[0.1, 0.2, 0.3], [0.0, 0.0]]"))
                .isEqualTo("m.json: biases[1] must be null because layers[1].bias is false, got an array of 2");
    }

    @Test
    void wrongNumberOfBiasEntries() {
        assertThat(messageReplacing("[[0.1, 0.2, 0.3], null]", "[[0.1, 0.2, 0.3]]"))
                .isEqualTo("m.json: biases must hold 2 entries (null or numbers), one per layer, got 1");
    }

    @Test
    void missingBiasesWhenALayerHasOne() throws Exception {
        assertThat(messageAfter(r -> r.remove("biases")))
                .isEqualTo("m.json: biases is missing but layers[0].bias is true "
                        + "(give null or the layer's out numbers for each layer)");
    }

    @Test
    void infiniteBias() {
        assertThat(messageReplacing("[0.1, 0.2, 0.3]", "[0.1, Infinity, 0.3]"))
                .isEqualTo("m.json: biases[0][1] is not finite (Infinity); model files hold finite numbers only");
    }

    // --- loss ------------------------------------------------------------------------------------

    @Test
    void unknownLoss() throws Exception {
        assertThat(messageAfter(r -> r.put("loss", "hinge")))
                .isEqualTo("m.json: loss \"hinge\" is unknown (use mse or cross_entropy)");
    }

    @Test
    void missingLoss() throws Exception {
        assertThat(messageAfter(r -> r.remove("loss")))
                .isEqualTo("m.json: loss is missing (\"mse\" or \"cross_entropy\")");
    }

    // --- data ------------------------------------------------------------------------------------

    @Test
    void inputRowOfTheWrongWidth() throws Exception {
        assertThat(messageAfter(r -> ((ArrayNode) data(r, "data").get("x").get(2)).add(3.0)))
                .isEqualTo("m.json: data.x[2] has 3 numbers, expected 2 (layers[0].in)");
    }

    @Test
    void raggedInputRows() throws Exception {
        assertThat(messageAfter(r -> ((ArrayNode) data(r, "data").get("x").get(1)).remove(0)))
                .isEqualTo("m.json: data.x[1] has 1 number, expected 2 (layers[0].in)");
    }

    @Test
    void inputRowThatIsNotAnArray() throws Exception {
        assertThat(messageAfter(r -> ((ArrayNode) data(r, "data").get("x")).set(0, "0, 1")))
                .isEqualTo("m.json: data.x[0] has the string \"0, 1\", expected 2 (layers[0].in)");
    }

    @Test
    void targetRowOfTheWrongWidth() throws Exception {
        assertThat(messageAfter(r -> ((ArrayNode) data(r, "data").get("y").get(0)).remove(1)))
                .isEqualTo("m.json: data.y[0] has 1 number, expected 2 (layers[1].out)");
    }

    @Test
    void inputsAndTargetsOfDifferentLengths() throws Exception {
        assertThat(messageAfter(r -> ((ArrayNode) data(r, "data").get("y")).remove(2)))
                .isEqualTo("m.json: data.x has 3 rows but data.y has 2");
    }

    @Test
    void emptyData() throws Exception {
        assertThat(messageAfter(r -> {
            data(r, "data").putArray("x");
            data(r, "data").putArray("y");
        })).isEqualTo("m.json: data has no samples (data.x and data.y are empty); a loss needs data");
    }

    @Test
    void dataThatIsNotAnObject() throws Exception {
        assertThat(messageAfter(r -> r.putArray("data")))
                .isEqualTo("m.json: data must be an object with x and y, got an array of 0");
    }

    @Test
    void dataWithoutTargets() throws Exception {
        assertThat(messageAfter(r -> data(r, "data").remove("y")))
                .isEqualTo("m.json: data.y is missing (an array of rows, one per sample)");
    }

    @Test
    void unknownDataField() throws Exception {
        assertThat(messageAfter(r -> data(r, "data").put("w", 1)))
                .isEqualTo("m.json: data.w is not a known field (expected x, y)");
    }

    @Test
    void nonFiniteInput() {
        assertThat(messageReplacing("[1.0, 0.0], [1.0, 1.0]]", "[1.0, NaN], [1.0, 1.0]]"))
                .isEqualTo("m.json: data.x[1][1] is not finite (NaN); model files hold finite numbers only");
    }

    @Test
    void crossEntropyTargetsThatDoNotSumToOne() {
        assertThat(messageReplacing("[0.5, 0.5]]", "[0.9, 0.0]]"))
                .isEqualTo("m.json: data.y[2] must be non-negative and sum to 1 for cross_entropy (sums to 0.9)");
    }

    @Test
    void crossEntropyTargetsThatAreNegative() {
        assertThat(messageReplacing("[0.5, 0.5]]", "[1.5, -0.5]]"))
                .isEqualTo("m.json: data.y[2] must be non-negative and sum to 1 for cross_entropy "
                        + "(data.y[2][1] = -0.5)");
    }

    @Test
    void crossEntropySumToleranceIsOneInABillion() {
        String inside = BASE.replace("[0.5, 0.5]]", "[0.5, 0.5000000005]]");
        String outside = BASE.replace("[0.5, 0.5]]", "[0.5, 0.500000002]]");
        org.assertj.core.api.Assertions.assertThatCode(() -> ModelFiles.parse(inside, "m.json"))
                .doesNotThrowAnyException();
        assertThat(messageOf(outside)).contains("data.y[2] must be non-negative and sum to 1");
    }

    @Test
    void mseTargetsNeedNotBeDistributions() throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(BASE.replace("[0.5, 0.5]]", "[-3.0, 7.5]]"));
        root.put("loss", "mse");
        assertThat(ModelFiles.parse(JSON.writeValueAsString(root), "m.json").data().y().get(2, 1)).isEqualTo(7.5);
    }

    // --- test data: the same checks --------------------------------------------------------------

    @Test
    void testInputOfTheWrongWidth() throws Exception {
        assertThat(messageAfter(r -> ((ArrayNode) data(r, "test").get("x").get(0)).add(1.0)))
                .isEqualTo("m.json: test.x[0] has 3 numbers, expected 2 (layers[0].in)");
    }

    @Test
    void emptyTestData() throws Exception {
        assertThat(messageAfter(r -> {
            data(r, "test").putArray("x");
            data(r, "test").putArray("y");
        })).isEqualTo("m.json: test has no samples (test.x and test.y are empty); a loss needs data");
    }

    @Test
    void testTargetsOfDifferentLength() throws Exception {
        assertThat(messageAfter(r -> ((ArrayNode) data(r, "test").get("y")).addArray().add(1.0).add(0.0)))
                .isEqualTo("m.json: test.x has 1 row but test.y has 2");
    }

    @Test
    void crossEntropyTestTargets() {
        assertThat(messageReplacing("\"y\": [[0.0, 1.0]]", "\"y\": [[0.0, 2.0]]"))
                .isEqualTo("m.json: test.y[0] must be non-negative and sum to 1 for cross_entropy (sums to 2.0)");
    }

    // --- extras ----------------------------------------------------------------------------------

    @Test
    void nonFiniteNumberInAnExtraField() {
        assertThat(messageReplacing("\"seed\": 1", "\"seed\": NaN"))
                .isEqualTo("m.json: meta.seed is not finite (NaN); model files hold finite numbers only");
    }

    @Test
    void sourceNameIsOptional() throws Exception {
        String missing = "format is missing; a model file has \"format\": \"sharp-minima-lab/model\"";
        assertThatThrownBy(() -> ModelFiles.parse("{}", null)).hasMessage(missing);
        assertThatThrownBy(() -> ModelFiles.parse("{}", "")).hasMessage(missing);
    }
}
