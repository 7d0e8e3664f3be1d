package lab.sharpminima.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import lab.sharpminima.engine.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and atomically writing files: messages name the file; failures leave nothing behind. */
class ModelFilesTest {

    @TempDir
    Path dir;

    private static Model sample() {
        return ModelWriteTest.tiny(Map.of("meta", "{\"seed\":7}"));
    }

    private long entries() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void writeThenReadGivesTheSameModelAndNoTemporaryFileRemains() throws Exception {
        Path f = dir.resolve("model.json");
        ModelFiles.write(sample(), f);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("model.json");
        }
        String text = Files.readString(f, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo(ModelFiles.toJson(sample())).endsWith("}\n");
        Model back = ModelFiles.read(f);
        assertThat(back.theta()).containsExactly(sample().theta());
        assertThat(back.extras()).isEqualTo(sample().extras());
    }

    @Test
    void writeReplacesAnExistingFile() throws Exception {
        Path f = dir.resolve("model.json");
        Files.writeString(f, "old contents that are longer than nothing");
        ModelFiles.write(sample(), f);
        assertThat(Files.readString(f)).isEqualTo(ModelFiles.toJson(sample()));
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void writeIntoAMissingDirectoryFailsAndCreatesNothing() throws Exception {
        Path f = dir.resolve("missing").resolve("model.json");
        assertThatThrownBy(() -> ModelFiles.write(sample(), f)).isInstanceOf(IOException.class);
        assertThat(entries()).isZero();
    }

    @Test
    void failedMoveDeletesTheTemporaryFile() throws Exception {
        // The target is a non-empty directory: the temporary file is written, the move fails.
        Path f = dir.resolve("model.json");
        Files.createDirectory(f);
        Files.writeString(f.resolve("keep.txt"), "x");
        assertThatThrownBy(() -> ModelFiles.write(sample(), f)).isInstanceOf(IOException.class);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("model.json");
        }
        assertThat(Files.readString(f.resolve("keep.txt"))).isEqualTo("x");
    }

    @Test
    void modelThatCannotBeWrittenLeavesTheOldFileAlone() throws Exception {
        Path f = dir.resolve("model.json");
        ModelFiles.write(sample(), f);
        String before = Files.readString(f);
        double[] t = sample().theta().clone();
        t[0] = Double.NaN;
        assertThatThrownBy(() -> ModelFiles.write(sample().withTheta(t), f))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.readString(f)).isEqualTo(before);
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void readingAMissingFileGivesACleanMessage() {
        Path f = dir.resolve("nope.json");
        assertThatThrownBy(() -> ModelFiles.read(f)).isInstanceOf(ModelFormatException.class)
                .hasMessage("nope.json: no such file (" + f.toAbsolutePath() + ")");
    }

    @Test
    void readingADirectoryGivesACleanMessage() {
        assertThatThrownBy(() -> ModelFiles.read(dir)).isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith(dir.getFileName() + ": cannot be read (");
    }

    @Test
    void messagesFromAFileStartWithItsName() throws Exception {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, ModelRejectionTest.BASE.replace("[4.0, 5.0, 6.0]", "[4.0, 5.0]"));
        assertThatThrownBy(() -> ModelFiles.read(f))
                .hasMessage("broken.json: weights[0] must have 2 rows of 3 numbers, row 1 has 2");
    }

    @Test
    void textThatIsNotUtf8IsRejected() throws Exception {
        Path f = dir.resolve("latin1.json");
        Files.write(f, new byte[] {'{', '"', (byte) 0xE9, '"', ':', '1', '}'});
        assertThatThrownBy(() -> ModelFiles.read(f))
                .hasMessage("latin1.json: is not UTF-8 text; model files are UTF-8 JSON");
    }

    @Test
    void nonAsciiTextSurvivesAsUtf8() throws Exception {
        Path f = dir.resolve("u.json");
        ModelFiles.write(ModelWriteTest.tiny(Map.of("note", "\"θ₁θ₂ = 1, ε-ball\"")), f);
        assertThat(ModelFiles.read(f).extras().get("note")).isEqualTo("\"θ₁θ₂ = 1, ε-ball\"");
    }
}
