package lab.sharpminima.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.geom.Rectangle2D;
import java.util.List;
import javafx.scene.canvas.Canvas;
import lab.sharpminima.ui.overlay.CachedTextGraphics;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.fx.FXFontMetrics;
import org.jfree.fx.FXGraphics2D;
import org.jfree.fx.FXHints;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@link CachedTextGraphics} measures text exactly as FXGraphics2D's own FX font metrics (same bounds
 * for every string and font, asked once or many times), and {@link CachedTextGraphics#install} puts it
 * into a chart viewer's canvas with the canvas's hints (FX font metrics on).
 */
class CachedTextGraphicsTest {

    @BeforeAll
    static void fx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void boundsAreThoseOfTheFxFontMetrics() throws Exception {
        List<String> texts = List.of("0.5", "λ_max = 12.3", "θ₁", "", "−1e-3", "a much longer label with spaces");
        List<Font> fonts = List.of(new Font("SansSerif", Font.PLAIN, 12), new Font("SansSerif", Font.BOLD, 18),
                new Font("Serif", Font.ITALIC, 9));
        WaitForAsyncUtils.asyncFx(() -> {
            Canvas c = new Canvas(10, 10);
            CachedTextGraphics cached = new CachedTextGraphics(c.getGraphicsContext2D());
            cached.setRenderingHint(FXHints.KEY_USE_FX_FONT_METRICS, true);
            FXGraphics2D plain = new FXGraphics2D(c.getGraphicsContext2D());
            for (Font f : fonts) {
                FontMetrics reference = new FXFontMetrics(f, plain);
                FontMetrics m = cached.getFontMetrics(f);
                assertThat(m).isNotInstanceOf(FXFontMetrics.class);
                for (int round = 0; round < 3; round++) {
                    for (String t : texts) {
                        Rectangle2D want = reference.getStringBounds(t, plain);
                        Rectangle2D got = m.getStringBounds(t, cached);
                        assertThat(got).isEqualTo(want);
                        got.setRect(0, 0, 1, 1); // a caller changing its copy changes nothing cached
                        assertThat(m.getStringBounds(t, cached)).isEqualTo(want);
                        assertThat(m.stringWidth(t)).isEqualTo(reference.stringWidth(t));
                        assertThat(m.getStringBounds(("[" + t + "]").toCharArray(), 1, t.length() + 1, cached))
                                .isEqualTo(want);
                    }
                }
                assertThat(m.getAscent()).isEqualTo(reference.getAscent());
                assertThat(m.getHeight()).isEqualTo(reference.getHeight());
            }
            return null;
        }).get();
    }

    @Test
    void installReplacesTheViewersGraphicsKeepingItsHints() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            ChartViewer viewer = new ChartViewer();
            CachedTextGraphics.install(viewer);
            java.lang.reflect.Field f = ChartCanvas.class.getDeclaredField("g2");
            f.setAccessible(true);
            Object g2 = f.get(viewer.getCanvas());
            assertThat(g2).isInstanceOf(CachedTextGraphics.class);
            assertThat(((CachedTextGraphics) g2).getRenderingHint(FXHints.KEY_USE_FX_FONT_METRICS))
                    .isEqualTo(Boolean.TRUE);
            CachedTextGraphics.install(viewer);
            assertThat(f.get(viewer.getCanvas())).isSameAs(g2);
            return null;
        }).get();
    }
}
