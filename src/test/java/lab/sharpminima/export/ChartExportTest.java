package lab.sharpminima.export;

import lab.sharpminima.engine.io.AtomicFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ChartExportTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static JFreeChart chart() {
        return DemoChart.build(ChartTheme.standard());
    }

    private static Set<Integer> colours(BufferedImage img) {
        Set<Integer> s = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                s.add(img.getRGB(x, y));
            }
        }
        return s;
    }

    @Test
    void pngAtScaleTwoHasTwiceTheSideAndIsNotBlank() throws IOException {
        Path one = dir.resolve("demo.png");
        Path two = dir.resolve("demo@2x.PNG");
        ChartExport.write(chart(), one, 320, 240);
        ChartExport.write(chart(), two, 320, 240, 2);
        BufferedImage a = ImageIO.read(one.toFile());
        BufferedImage b = ImageIO.read(two.toFile());
        assertThat(a.getWidth()).isEqualTo(320);
        assertThat(a.getHeight()).isEqualTo(240);
        assertThat(b.getWidth()).isEqualTo(640);
        assertThat(b.getHeight()).isEqualTo(480);
        assertThat(colours(a)).hasSizeGreaterThan(200);
        assertThat(colours(b)).hasSizeGreaterThan(200);
        // White background, not JFreeChart's grey: the corner is the chart background.
        assertThat(b.getRGB(1, 1) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void scaledPngIsRenderedNotUpscaled() {
        // An upscaled bitmap repeats each pixel in 2×2 blocks; a true 2× render has detail inside them.
        BufferedImage b = ChartExport.toImage(chart(), 320, 240, 2);
        int differing = 0;
        for (int y = 0; y + 1 < b.getHeight(); y += 2) {
            for (int x = 0; x + 1 < b.getWidth(); x += 2) {
                int p = b.getRGB(x, y);
                if (b.getRGB(x + 1, y) != p || b.getRGB(x, y + 1) != p || b.getRGB(x + 1, y + 1) != p) {
                    differing++;
                }
            }
        }
        assertThat(differing).isGreaterThan(1000);
    }

    @Test
    void svgIsWellFormedXmlWithDrawing() throws Exception {
        Path svg = dir.resolve("demo.svg");
        ChartExport.write(chart(), svg, 320, 240);
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertThat(text).contains("<svg");
        Document doc;
        try (InputStream in = Files.newInputStream(svg)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            // The SVG 1.1 DOCTYPE names a DTD on w3.org; tests run offline and need only well-formedness.
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            doc = f.newDocumentBuilder().parse(in);
        }
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagNameNS("*", "path").getLength()).isGreaterThan(10);
        assertThat(doc.getElementsByTagNameNS("*", "image").getLength()).isEqualTo(1); // the heat map, once
        assertThat(doc.getElementsByTagNameNS("*", "text").getLength()).isGreaterThan(5);
        assertThat(text).contains("θ₁");
    }

    @Test
    void pdfHasHeaderTrailerAndContent() throws IOException {
        Path pdf = dir.resolve("demo.pdf");
        ChartExport.write(chart(), pdf, 320, 240);
        byte[] bytes = Files.readAllBytes(pdf);
        String head = new String(bytes, 0, 5, StandardCharsets.ISO_8859_1);
        String tail = new String(bytes, bytes.length - 8, 8, StandardCharsets.ISO_8859_1).trim();
        assertThat(head).isEqualTo("%PDF-");
        assertThat(tail).endsWith("%%EOF");
        assertThat(bytes.length).isGreaterThan(1024);
    }

    @Test
    void writesLeaveNoTemporaryFileAndReplaceTheOldOne() throws IOException {
        Path png = dir.resolve("fig.png");
        Files.writeString(png, "old");
        ChartExport.write(chart(), png, 200, 150, 1);
        ChartExport.write(chart(), dir.resolve("fig.svg"), 200, 150);
        ChartExport.write(chart(), dir.resolve("fig.pdf"), 200, 150);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("fig.png", "fig.svg", "fig.pdf");
        }
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(200);
    }

    @Test
    void failedWriteKeepsTheOldFileAndRemovesTheTemporary() throws IOException {
        Path target = dir.resolve("session.json");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("old");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void badExtensionIsNamedInOneLine() {
        assertThatThrownBy(() -> ChartExport.write(chart(), dir.resolve("fig.jpg"), 200, 150))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot export to fig.jpg: unknown extension \".jpg\"; use .png, .svg or .pdf");
        assertThatThrownBy(() -> ChartExport.Format.of(Path.of("figure")))
                .hasMessage("cannot export to figure: no extension; use .png, .svg or .pdf");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void badSizeOrScaleIsRejected() {
        assertThatThrownBy(() -> ChartExport.write(chart(), dir.resolve("a.png"), 0, 100))
                .hasMessageContaining("export size");
        assertThatThrownBy(() -> ChartExport.write(chart(), dir.resolve("a.png"), 100, 100, 16))
                .hasMessageContaining("PNG scale");
    }

    @Test
    void presentationThemeHasLargerFontsAndThickerLines() {
        ChartTheme std = ChartTheme.standard();
        ChartTheme big = ChartTheme.presentation();
        assertThat(std.titleFont().getSize2D()).isEqualTo(18f);
        assertThat(std.labelFont().getSize2D()).isEqualTo(15f);
        assertThat(std.tickFont().getSize2D()).isEqualTo(13f);
        assertThat(big.tickFont().getSize2D()).isGreaterThan(std.tickFont().getSize2D());
        assertThat(big.lineWidth()).isGreaterThan(std.lineWidth());
        JFreeChart c = chart();
        assertThat(c.getBackgroundPaint()).isEqualTo(java.awt.Color.WHITE);
        assertThat(c.getXYPlot().getBackgroundPaint()).isEqualTo(java.awt.Color.WHITE);
        assertThat(c.getXYPlot().getDomainAxis().getTickLabelFont().getSize2D()).isEqualTo(13f);
    }
}
