package lab.sharpminima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static void assertBadInput(CliTest.Run r, String message) {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("error: " + message);
    }

    private long files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void rendersAFigureWithAPresetAndPrintsJson() throws IOException {
        Path preset = dir.resolve("p.json");
        Files.writeString(preset, "{\"alpha\": 10, \"epsilon\": 0.1, \"theta1\": 1, \"theta2\": 1}");
        Path out = dir.resolve("f.png");
        CliTest.Run r = CliTest.run("render", "--figure", "fig2", "--preset", preset.toString(), "--out",
                out.toString(), "--width", "300", "--height", "200", "--scale", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("figure").asText()).isEqualTo("fig2");
        assertThat(r.json().get("format").asText()).isEqualTo("png");
        byte[] png = Files.readAllBytes(out);
        assertThat(new String(png, 1, 3, StandardCharsets.ISO_8859_1)).isEqualTo("PNG");
        // IHDR width and height, big-endian at bytes 16 and 20: 2× the points.
        assertThat(((png[18] & 0xFF) << 8) | (png[19] & 0xFF)).isEqualTo(600);
        assertThat(((png[22] & 0xFF) << 8) | (png[23] & 0xFF)).isEqualTo(400);
    }

    @Test
    void badFigureNameIsExitTwoAndWritesNothing() throws IOException {
        assertBadInput(CliTest.run("render", "--figure", "fig9", "--out", dir.resolve("x.png").toString()),
                "unknown figure 'fig9'; use one of [fig1, fig2, fig3, fig4, fig5, spectrum, measures]");
        assertThat(files()).isZero();
    }

    @Test
    void badExtensionIsExitTwoAndWritesNothing() throws IOException {
        CliTest.Run r = CliTest.run("render", "--figure", "fig1", "--out", dir.resolve("x.jpg").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: ").contains(".jpg").contains("use .png, .svg or .pdf");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(files()).isZero();
    }

    @Test
    void badSizesAndScaleAreExitTwo() throws IOException {
        String out = dir.resolve("x.svg").toString();
        assertBadInput(CliTest.run("render", "--figure", "fig1", "--out", out, "--width", "0"),
                "--width and --height must be 1 … 10000, got 0 × 675");
        assertBadInput(CliTest.run("render", "--figure", "fig1", "--out", out, "--scale", "9"),
                "--scale must be 1 … 8, got 9");
        assertThat(files()).isZero();
    }

    @Test
    void unknownOrNonNumericPresetKeysAreNamed() throws IOException {
        Path preset = dir.resolve("p.json");
        Files.writeString(preset, "{\"beta\": 1}");
        String out = dir.resolve("x.pdf").toString();
        assertBadInput(CliTest.run("render", "--figure", "fig4", "--preset", preset.toString(), "--out", out),
                "unknown preset key 'beta' for fig4; known keys: [epsilon, theta1, theta2]");
        Files.writeString(preset, "{\"alpha\": \"ten\"}");
        assertBadInput(CliTest.run("render", "--figure", "fig2", "--preset", preset.toString(), "--out", out),
                "--preset " + preset + ": key 'alpha' must be a number");
        Files.writeString(preset, "[1]");
        CliTest.Run r = CliTest.run("render", "--figure", "fig2", "--preset", preset.toString(), "--out", out);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("must hold a JSON object");
        assertThat(files()).isEqualTo(1);
    }
}
