package lab.sharpminima.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import lab.sharpminima.engine.Model;
import lab.sharpminima.engine.io.ModelFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Session files: exact round trip, one validation rule per damaged file, atomic writes. */
class SessionFilesTest {

    static final Path XOR = Path.of("assets", "models", "xor-2-4-1.json");

    @TempDir
    Path dir;

    /** A session with every value away from the presets, on the 2-layer XOR model. */
    static Session sample() throws Exception {
        Model m = ModelFiles.read(XOR);
        return new Session(new Session.ModelEntry(XOR, m), new double[] {0.7, -0.7},
                new Session.Figure1(1.25, 0.3), new Session.Figure2(1.5, 0.5, 1.2345678901234567, 0.05),
                new Session.Figure3(0.3, 0.4, 6), new Session.Figure4(2.0, 0.75, 0.8),
                new Session.Figure5(new Session.Radial(0.25, -1.5, 0.5), new Session.Radial(-0.2, -3, 1.75)),
                "figure2", Session.Seeds.CURRENT);
    }

    @Test
    void aSessionRoundTripsExactlyThroughAFile() throws Exception {
        Session s = sample();
        Path file = dir.resolve("lecture.session.json");
        SessionFiles.write(s, file);
        Session back = SessionFiles.read(file);

        assertThat(SessionFiles.toJson(back)).isEqualTo(SessionFiles.toJson(s));
        assertThat(back.figure2().alphaExponent()).isEqualTo(1.2345678901234567); // all 17 digits kept
        assertThat(back.transform()).containsExactly(0.7, -0.7);
        assertThat(back.model().source()).isEqualTo(XOR);
        assertThat(back.model().model().theta()).containsExactly(s.model().model().theta());
        assertThat(back.tab()).isEqualTo("figure2");
        JsonNode tree = SessionFiles.MAPPER.readTree(Files.readString(file));
        assertThat(tree.get("format").asText()).isEqualTo("sharp-minima-lab-session");
        assertThat(tree.get("version").asInt()).isEqualTo(1);
    }

    @Test
    void aSessionWithoutAModelHasNoExponents() throws Exception {
        Session s = sample();
        Session none = new Session(null, new double[0], s.figure1(), s.figure2(), s.figure3(), s.figure4(),
                s.figure5(), "model", s.seeds());
        Session back = SessionFiles.parse(SessionFiles.toJson(none));
        assertThat(back.model()).isNull();
        assertThat(back.transform()).isEmpty();
    }

    static Stream<Arguments> damaged() {
        return Stream.of(
                damage(r -> r.put("format", "something-else"), "session.format: must be \"sharp-minima-lab-session\""),
                damage(r -> r.remove("format"), "session.format: is missing"),
                damage(r -> r.put("version", 2), "session.version: 2 is not supported; this app reads version 1"),
                damage(r -> r.put("version", "1"), "session.version: must be an integer"),
                damage(r -> r.remove("version"), "session.version: is missing"),
                damage(r -> r.put("tab", 3), "session.tab: must be text"),
                damage(r -> r.put("tab", "Figure 2!"), "session.tab: must be a tab name"),
                damage(r -> obj(r, "seeds").put("spectrum", 7), "session.seeds.spectrum: is 7, but this app draws with seed 1"),
                damage(r -> obj(r, "seeds").put("toyData", 1.5), "session.seeds.toyData: must be an integer"),
                damage(r -> r.remove("seeds"), "session.seeds: is missing"),
                damage(r -> r.put("model", 5), "session.model: must be an object"),
                damage(r -> obj(r, "model").remove("content"), "session.model.content: is missing"),
                damage(r -> obj(r, "model").put("source", 4), "session.model.source: must be a path"),
                damage(r -> obj(obj(r, "model"), "content").put("loss", "hinge"),
                        "session.model.content: loss \"hinge\" is unknown"),
                damage(r -> obj(r, "transform").putArray("alphaExponents").add(0.5),
                        "session.transform.alphaExponents: has 1 entries, but the model has 2 layers"),
                damage(r -> obj(r, "transform").putArray("alphaExponents").add(0.5).add(0.5),
                        "session.transform.alphaExponents: must sum to 0"),
                damage(r -> obj(r, "transform").putArray("alphaExponents").add(3).add(-3),
                        "session.transform.alphaExponents[0]: must be a number in [-2, 2]"),
                damage(r -> obj(r, "transform").putArray("alphaExponents").add("x").add(0),
                        "session.transform.alphaExponents[0]: must be a number in [-2, 2]"),
                damage(r -> obj(r, "transform").put("alphaExponents", 0), "session.transform.alphaExponents: must be an array"),
                damage(r -> obj(r, "figure1").put("theta", 6), "session.figure1.theta: must be a number in [-5, 5]"),
                damage(r -> obj(r, "figure1").put("epsilon", "0.3"), "session.figure1.epsilon: must be a number in [0.01, 2]"),
                damage(r -> obj(r, "figure2").put("alphaExponent", "big"),
                        "session.figure2.alphaExponent: must be a number in [-3, 3]"),
                damage(r -> obj(r, "figure2").put("alphaExponent", 3.5),
                        "session.figure2.alphaExponent: must be a number in [-3, 3]"),
                damage(r -> obj(r, "figure2").remove("theta2"), "session.figure2.theta2: is missing"),
                damage(r -> obj(r, "figure2").put("epsilon", 0), "session.figure2.epsilon: must be a number in [0.001, 1]"),
                damage(r -> obj(r, "figure3").put("count", 2.5), "session.figure3.count: must be an integer in [1, 12]"),
                damage(r -> obj(r, "figure3").put("count", 13), "session.figure3.count: must be an integer in [1, 12]"),
                damage(r -> obj(r, "figure3").put("radius", 2), "session.figure3.radius: must be a number in [0.05, 1.5]"),
                damage(r -> obj(r, "figure4").put("theta1", 0), "session.figure4.theta1: must be a number in [0.05, 3]"),
                damage(r -> obj(r, "figure4").putNull("epsilon"), "session.figure4.epsilon: must be a number in [0.05, 1.5]"),
                damage(r -> obj(obj(r, "figure5"), "second").put("logB", 1),
                        "session.figure5.second.logB: must be a number in [-4, 0]"),
                damage(r -> obj(r, "figure5").remove("first"), "session.figure5.first: is missing"),
                damage(r -> r.put("figure5", "[]"), "session.figure5: must be a JSON object"));
    }

    private static Arguments damage(Consumer<ObjectNode> change, String message) {
        return Arguments.of(change, message);
    }

    private static ObjectNode obj(ObjectNode parent, String name) {
        return (ObjectNode) parent.get(name);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("damaged")
    void aDamagedFileIsRefusedWithOneLineNamingTheField(Consumer<ObjectNode> change, String message) throws Exception {
        ObjectNode root = (ObjectNode) SessionFiles.MAPPER.readTree(SessionFiles.toJson(sample()));
        change.accept(root);
        String text = SessionFiles.MAPPER.writeValueAsString(root);
        assertThatThrownBy(() -> SessionFiles.parse(text)).isInstanceOf(SessionFormatException.class)
                .hasMessageStartingWith(message).hasMessageNotContaining("\n");
    }

    @Test
    void truncatedEmptyAndNonObjectFilesAreRefused() throws Exception {
        String json = SessionFiles.toJson(sample());
        assertThatThrownBy(() -> SessionFiles.parse(json.substring(0, json.length() / 2)))
                .hasMessageStartingWith("session: invalid JSON at line").hasMessageContaining("damaged or truncated");
        assertThatThrownBy(() -> SessionFiles.parse("")).hasMessageStartingWith("session: the file is empty");
        assertThatThrownBy(() -> SessionFiles.parse("[1, 2]")).hasMessage("session: must be a JSON object");
        assertThatThrownBy(() -> SessionFiles.read(dir.resolve("missing.session.json")))
                .hasMessage("session: the file does not exist");
    }

    @Test
    void aWriteLeavesNoTemporaryFileAndReplacesTheOldOne() throws Exception {
        Path file = dir.resolve("a.session.json");
        Files.writeString(file, "old");
        SessionFiles.write(sample(), file);
        assertThat(SessionFiles.read(file).figure3().count()).isEqualTo(6);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.session.json");
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFileAsItWasAndNoTemporaryFile() throws Exception {
        Path file = dir.resolve("a.session.json");
        Files.writeString(file, "old session");
        Session s = sample();
        double[] theta = s.model().model().theta().clone();
        theta[0] = Double.NaN;
        Model bad = new Model(s.model().model().network(), theta, s.model().model().loss(), s.model().model().data(),
                s.model().model().test(), s.model().model().extras());
        Session unwritable = new Session(new Session.ModelEntry(XOR, bad), s.transform(), s.figure1(), s.figure2(),
                s.figure3(), s.figure4(), s.figure5(), s.tab(), s.seeds());
        assertThatThrownBy(() -> SessionFiles.write(unwritable, file)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.readString(file)).isEqualTo("old session");

        // A failure during the move: the target is a folder that is not empty.
        Path folder = Files.createDirectory(dir.resolve("b.session.json"));
        Files.writeString(folder.resolve("keep.txt"), "kept");
        assertThatThrownBy(() -> SessionFiles.write(s, folder)).isInstanceOf(IOException.class);
        assertThat(Files.readString(folder.resolve("keep.txt"))).isEqualTo("kept");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("a.session.json", "b.session.json");
        }
    }
}
