package lab.sharpminima.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import lab.sharpminima.ui.figure1.Figure1ViewModel;
import lab.sharpminima.ui.figure2.Figure2ViewModel;
import lab.sharpminima.ui.figure3.Figure3ViewModel;
import lab.sharpminima.ui.figure4.Figure4ViewModel;
import lab.sharpminima.ui.figure5.Figure5ViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File → Export view…: every figure view writes what it shows, in each format, without a stage. */
class ExportFigureTest {

    @TempDir
    Path dir;

    private static int distinctColours(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                colours.add(img.getRGB(x, y));
            }
        }
        return colours.size();
    }

    @Test
    void everyFigureViewExportsToPngSvgAndPdf() throws Exception {
        SameThreadExecutor ex = new SameThreadExecutor();
        MainViewModel main = new MainViewModel(ex);
        List<ExportableFigure> figures = List.of(new Figure1ViewModel(ex), new Figure2ViewModel(ex),
                new Figure3ViewModel(ex), new Figure4ViewModel(ex), new Figure5ViewModel(ex));
        for (ExportableFigure f : figures) {
            for (String ext : new String[] {"png", "svg", "pdf"}) {
                Path out = dir.resolve(f.figureName() + "." + ext);
                main.exportFigure(f, out);
                assertThat(main.errorProperty().get()).as(f.figureName() + " " + ext).isNull();
                assertThat(main.statusProperty().get()).startsWith("Exported " + f.figureName());
                assertThat(Files.size(out)).isGreaterThan(1000);
            }
            BufferedImage png = ImageIO.read(dir.resolve(f.figureName() + ".png").toFile());
            assertThat(png.getWidth()).isEqualTo(2 * MainViewModel.EXPORT_WIDTH);
            assertThat(distinctColours(png)).as(f.figureName()).isGreaterThan(30);
            assertThat(Files.readString(dir.resolve(f.figureName() + ".svg"))).contains("<svg");
            assertThat(new String(Files.readAllBytes(dir.resolve(f.figureName() + ".pdf")), 0, 5,
                    java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        }
    }

    @Test
    void theExportCarriesTheViewsCurrentSettings() {
        SameThreadExecutor ex = new SameThreadExecutor();
        Figure2ViewModel fig2 = new Figure2ViewModel(ex);
        fig2.setAlphaExponent(1);
        assertThat(fig2.exportSettings().get("alpha")).isCloseTo(10.0, org.assertj.core.data.Offset.offset(1e-12));
        Figure3ViewModel fig3 = new Figure3ViewModel(ex);
        fig3.setCount(7);
        assertThat(fig3.exportSettings().get("count")).isEqualTo(7.0);
    }

    @Test
    void aBadFileNameIsReportedAndWritesNothing() {
        SameThreadExecutor ex = new SameThreadExecutor();
        MainViewModel main = new MainViewModel(ex);
        Path out = dir.resolve("figure.jpg");
        main.exportFigure(new Figure1ViewModel(ex), out);
        assertThat(main.errorProperty().get()).startsWith("Export failed").contains(".jpg");
        assertThat(Files.exists(out)).isFalse();
    }
}
