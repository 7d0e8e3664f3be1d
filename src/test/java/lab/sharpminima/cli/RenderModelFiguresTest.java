package lab.sharpminima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/** {@code render --figure spectrum|measures}: each format valid and not blank; bad options named. */
class RenderModelFiguresTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** Distinct colours on a 3-pixel lattice: a blank or one-colour image has 1 or 2. */
    static int distinctColours(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                colours.add(img.getRGB(x, y));
            }
        }
        return colours.size();
    }

    /** PNG decodes at the size asked and is not blank; SVG is XML with drawing elements; PDF has pages. */
    static void assertValid(Path png, Path svg, Path pdf, int width, int height) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isEqualTo(width);
        assertThat(img.getHeight()).isEqualTo(height);
        assertThat(distinctColours(img)).isGreaterThan(20);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        // JFreeSVG names the SVG 1.0 DTD; the test runs offline, so the DTD is not fetched.
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        int drawn = doc.getElementsByTagName("path").getLength() + doc.getElementsByTagName("rect").getLength()
                + doc.getElementsByTagName("line").getLength();
        assertThat(drawn).isGreaterThan(5);
        assertThat(doc.getElementsByTagName("text").getLength()).isGreaterThan(10);
        byte[] bytes = Files.readAllBytes(pdf);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("%PDF-");
        assertThat(text).contains("/Type /Page").contains("%%EOF");
    }

    @ParameterizedTest
    @ValueSource(strings = {"spectrum", "measures"})
    void rendersEachFormat(String figure) throws Exception {
        for (String ext : new String[] {"png", "svg", "pdf"}) {
            Path out = dir.resolve(figure + "." + ext);
            CliTest.Run r = CliTest.run("render", "--figure", figure, "--alpha", "3", "--out", out.toString(),
                    "--width", "600", "--height", "450", "--scale", "2");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.json().get("figure").asText()).isEqualTo(figure);
            assertThat(r.json().get("format").asText()).isEqualTo(ext);
        }
        assertValid(dir.resolve(figure + ".png"), dir.resolve(figure + ".svg"), dir.resolve(figure + ".pdf"),
                1200, 900);
    }

    @Test
    void theSpectrumShowsTheIdentityAndTheMap() throws Exception {
        Path svg = dir.resolve("s.svg");
        CliTest.Run r = CliTest.run("render", "--figure", "spectrum", "--neuron-scale", "1:2:5",
                "--log-eigenvalues", "--out", svg.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String text = Files.readString(svg);
        assertThat(text).contains("unit 2 of layer 1 × c, c = 5").contains("λ_max(D ∇²L(θ) D)")
                .contains("After: λ_i of ∇²L(θ′)");
        Path measures = dir.resolve("m.svg");
        r = CliTest.run("render", "--figure", "measures", "--alpha", "10,0.1", "--out", measures.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(measures)).contains("α = (10, 0.1)").contains("max |Δf| over the data")
                .contains("L test loss").contains("moved?");
    }

    private void assertBadInput(CliTest.Run r, String message) throws IOException {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("error: " + message);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.count()).isZero();
        }
    }

    @Test
    void badTransformationsAreNamedAndWriteNothing() throws IOException {
        String out = dir.resolve("x.png").toString();
        assertBadInput(CliTest.run("render", "--figure", "spectrum", "--alpha", "1,2,3", "--out", out),
                "--alpha needs 1 or 2 values for a model of 2 layers, got 3");
        assertBadInput(CliTest.run("render", "--figure", "measures", "--alpha", "2", "--neuron-scale", "1:1:2",
                "--out", out), "give --alpha or --neuron-scale, not both");
        assertBadInput(CliTest.run("render", "--figure", "spectrum", "--neuron-scale", "1-1-2", "--out", out),
                "--neuron-scale '1-1-2' is not LAYER:UNIT:C, e.g. 1:3:2.5 (layer and unit counted from 1)");
        assertBadInput(CliTest.run("render", "--figure", "spectrum", "--preset", "p.json", "--out", out),
                "--preset is for fig1 … fig5; spectrum takes --model, --alpha or --neuron-scale");
        CliTest.Run r = CliTest.run("render", "--figure", "spectrum", "--model", dir.resolve("none.json").toString(),
                "--out", out);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: ").contains("none.json");
    }
}
