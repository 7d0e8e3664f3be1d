package lab.sharpminima.export.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.figure.Figure1;
import lab.sharpminima.figure.Figure2;
import lab.sharpminima.figure.Figure4;
import lab.sharpminima.figure.Figure5;
import lab.sharpminima.figure.LandscapeLayer;
import lab.sharpminima.figure.Presets;
import lab.sharpminima.figure.ToyProblem;
import lab.sharpminima.landscape.Window;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

class FigureChartsTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
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

    @ParameterizedTest
    @ValueSource(strings = {"fig1", "fig2", "fig3", "fig4", "fig5"})
    void eachFigureRendersToPngSvgAndPdfNotBlank(String name) throws Exception {
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        Path pdf = dir.resolve(name + ".pdf");
        FigureRenderer.write(name, Map.of(), png, 480, 360, 1, false);
        FigureRenderer.write(name, Map.of(), svg, 480, 360, 1, false);
        FigureRenderer.write(name, Map.of(), pdf, 480, 360, 1, true);

        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(480);
        assertThat(img.getHeight()).isEqualTo(360);
        // A loss curve with its overlays has anti-aliased edges in several colours; a landscape, hundreds.
        assertThat(colours(img)).hasSizeGreaterThan(name.equals("fig1") || name.equals("fig5") ? 50 : 300);

        Document doc;
        try (InputStream in = Files.newInputStream(svg)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            // The SVG 1.1 DOCTYPE names a DTD on w3.org; tests run offline and need only well-formedness.
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            doc = f.newDocumentBuilder().parse(in);
        }
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        // Curves are paths; boxes (Figure 1's ε-sharpness rectangle, Figure 3's boxes) are rects.
        int shapes = 0;
        for (String tag : new String[] {"path", "rect", "line", "ellipse"}) {
            shapes += doc.getElementsByTagNameNS("*", tag).getLength();
        }
        assertThat(doc.getElementsByTagNameNS("*", "path").getLength()).isGreaterThan(3);
        assertThat(shapes).isGreaterThan(8);

        byte[] bytes = Files.readAllBytes(pdf);
        String head = new String(bytes, 0, 8, StandardCharsets.ISO_8859_1);
        String tail = new String(bytes, Math.max(0, bytes.length - 64), Math.min(64, bytes.length),
                StandardCharsets.ISO_8859_1);
        assertThat(head).startsWith("%PDF-");
        assertThat(tail).contains("%%EOF");
        assertThat(bytes.length).isGreaterThan(2000);
    }

    @Test
    void figure2OverlayShownTwiceLeavesOneOverlay() {
        ToyProblem toy = ToyProblem.of(Presets.toy());
        LandscapeLayer.Settings ls = new LandscapeLayer.Settings(new Window(0.01, 3, 0.01, 3), 48, 8,
                new double[] {0.5, 1, 2});
        Figure2Chart c = new Figure2Chart(LandscapeLayer.build(toy, ls), ChartTheme.standard());
        XYPlot plot = c.chart().getXYPlot();
        int staticCount = plot.getAnnotations().size();

        c.showOverlay(Figure2.overlay(toy, ls.window(), new Figure2.Settings(1, 1, 1, 0.1)));
        List<XYAnnotation> first = c.overlayAnnotations();
        int once = plot.getAnnotations().size();
        c.showOverlay(Figure2.overlay(toy, ls.window(), new Figure2.Settings(1, 1, 2, 0.1)));
        List<XYAnnotation> second = c.overlayAnnotations();

        assertThat(first).isNotEmpty();
        assertThat(once).isEqualTo(staticCount + first.size());
        assertThat(plot.getAnnotations()).hasSize(staticCount + second.size());
        assertThat(plot.getAnnotations()).doesNotContainAnyElementsOf(first).containsAll(second);
        assertThat(c.chart().getSubtitle(0).toString()).isNotNull();
        assertThat(Figure2Chart.readoutText(Figure2.overlay(toy, ls.window(), new Figure2.Settings(1, 1, 2, 0.1))))
                .startsWith("α = 2   L = ");
    }

    @Test
    void otherOverlaysAreReplacedNotStacked() {
        Figure1.Settings s1 = Presets.figure1();
        Figure1Chart c1 = new Figure1Chart(Figure1.build(s1).curve(), ChartTheme.standard());
        XYPlot p1 = c1.chart().getXYPlot();
        int base1 = p1.getAnnotations().size();
        c1.showOverlay(Figure1.overlay(s1, Figure1.LOSS));
        c1.showOverlay(Figure1.overlay(new Figure1.Settings(1, 0.3, -5, 5, 1001), Figure1.LOSS));
        assertThat(p1.getAnnotations()).hasSize(base1 + c1.overlayAnnotations().size());

        ToyProblem toy = ToyProblem.of(Presets.toy());
        LandscapeLayer.Settings ls = new LandscapeLayer.Settings(new Window(-1, 3, -0.5, 3.5), 32, 6,
                new double[] {1});
        Figure4Chart c4 = new Figure4Chart(LandscapeLayer.build(toy, ls), ChartTheme.standard());
        XYPlot p4 = c4.chart().getXYPlot();
        int base4 = p4.getAnnotations().size();
        c4.showOverlay(Figure4.build(toy, ls.window(), new Figure4.Settings(1.5, 2.0 / 3, 0.5, 2)));
        c4.showOverlay(Figure4.build(toy, ls.window(), new Figure4.Settings(1.2, 0.8, 0.3, 2)));
        assertThat(p4.getAnnotations()).hasSize(base4 + c4.overlayAnnotations().size());

        Figure5.Data d = Figure5.build(Presets.figure5());
        Figure5Chart c5 = new Figure5Chart(d.panels().get(0), ChartTheme.standard());
        c5.showOverlay(d);
        c5.showOverlay(d);
        // Three minima, each a marker and a label, in each η panel.
        assertThat(c5.overlayAnnotations(1)).hasSize(6);
        assertThat(((XYPlot) ((org.jfree.chart.plot.CombinedRangeXYPlot) c5.chart().getPlot()).getSubplots().get(1))
                .getAnnotations()).hasSize(6);
    }

    @Test
    void overridesAreAppliedAndUnknownKeysNamed() {
        assertThat(FigureRenderer.render("fig2", Map.of("alpha", 10.0, "epsilon", 0.1), ChartTheme.standard())
                .getSubtitle(0).toString()).isNotNull();
        assertThatThrownBy(() -> FigureRenderer.check("fig2", Map.of("beta", 1.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown preset key 'beta' for fig2; known keys: [alpha, epsilon, theta1, theta2]");
        assertThatThrownBy(() -> FigureRenderer.check("fig9", Map.of()))
                .hasMessageStartingWith("unknown figure 'fig9'");
        assertThatThrownBy(() -> FigureRenderer.render("fig2", Map.of("alpha", -1.0), ChartTheme.standard()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
    }

    @Test
    void numbersAreCompact() {
        assertThat(Numbers.compact(0.25)).isEqualTo("0.25");
        assertThat(Numbers.compact(4)).isEqualTo("4");
        assertThat(Numbers.compact(395.7)).isEqualTo("396");
        assertThat(Numbers.compact(1.5e-5)).isEqualTo("1.5e-5");
        assertThat(Figure3Chart.name(3)).isEqualTo("T_α³(B∞)");
    }

    /**
     * The landscape's curves: with the closed form's products they travel with the heat map (drawn per
     * pixel on a raster) and are still vector paths in SVG, one per contour piece and two per
     * equal-function curve; without products (level curves of any shape) each curve is a shape of its own.
     */
    @Test
    void landscapeCurvesAreVectorPathsInSvgAndShapesWithoutProducts() throws Exception {
        LandscapeLayer layer = LandscapeLayer.build(ToyProblem.of(Presets.toy()), Presets.landscape());
        XYPlot withProducts = LandscapePlot.build(layer, ChartTheme.standard(), LandscapePlot.scale(layer));
        assertThat(withProducts.getAnnotations()).noneMatch(a -> a instanceof org.jfree.chart.annotations.XYShapeAnnotation);
        LandscapeLayer general = new LandscapeLayer(layer.grid(), layer.levels(), layer.contours(), layer.products(),
                layer.equalFunction(), null);
        XYPlot shapes = LandscapePlot.build(general, ChartTheme.standard(), LandscapePlot.scale(general));
        long drawnLevels = java.util.Arrays.stream(layer.levels())
                .filter(l -> l >= LandscapePlot.scale(layer).hi() * LandscapePlot.LOWEST_LEVEL).count();
        assertThat(shapes.getAnnotations().stream().filter(a -> a instanceof org.jfree.chart.annotations.XYShapeAnnotation))
                .hasSize((int) drawnLevels + 2 * layer.products().length);

        Path svg = dir.resolve("fig2.svg");
        FigureRenderer.write("fig2", Map.of(), svg, 480, 360, 1, false);
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        // The equal-function curves' colours (Okabe–Ito) stroke paths; the contours are white at 110/255.
        for (int i = 0; i < layer.products().length; i++) {
            java.awt.Color c = LandscapePlot.curveColour(i);
            String stroke = "stroke: ?rgb\\(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + "\\)";
            assertThat(java.util.regex.Pattern.compile(stroke).matcher(text).find()).as("a path stroked in curve %d's colour", i)
                    .isTrue();
        }
        assertThat(java.util.regex.Pattern.compile("stroke: ?rgb\\(255,255,255\\); ?stroke-opacity: ?0\\.43").matcher(text)
                .results().count()).as("contour paths").isGreaterThanOrEqualTo(drawnLevels);
    }
}
