package lab.sharpminima.ui.figure5;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.function.UnaryOperator;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.export.figures.Figure5Chart;
import lab.sharpminima.figure.Figure5;
import lab.sharpminima.figure.Presets;
import org.junit.jupiter.api.Test;

/**
 * The frames of Figure 5 redraw only the panels a step changes: each such frame is pixel for pixel the
 * frame drawn whole from the same panels (so nothing of the previous drawing is left behind, tick
 * labels of a moved axis included), and the panels a step does not change keep their pixels.
 */
class Figure5FramesTest {

    private static final double WIDTH = 1000;
    private static final double HEIGHT = 430;
    /** One theme for every request: a new theme object makes the frames start a new chart, drawn whole. */
    private static final ChartTheme THEME = ChartTheme.standard();

    private static Figure5.Settings data(UnaryOperator<Figure5.Reparam> first, UnaryOperator<Figure5.Reparam> second) {
        Figure5.Settings p = Presets.figure5();
        return new Figure5.Settings(p.lo(), p.hi(), p.samples(), p.gridPoints(), first.apply(p.first()),
                second.apply(p.second()));
    }

    private static Figure5.Reparam centre(Figure5.Reparam r, double c) {
        return new Figure5.Reparam(r.a(), r.b(), c);
    }

    private static Figure5Frames.Request request(Figure5.Settings d, double scale) {
        return new Figure5Frames.Request(d, WIDTH, HEIGHT, scale, THEME);
    }

    /** A sequence of steps, each of one slider, as a user makes them. */
    private static Figure5.Settings[] steps() {
        return new Figure5.Settings[] {
            data(r -> r, r -> r),
            data(r -> centre(r, 0.8), r -> r), // θ̂₁: the θ panel's red line and η₁
            data(r -> new Figure5.Reparam(1.2, r.b(), 0.8), r -> r), // a₁: η₁ alone, its axis rescaled
            data(r -> new Figure5.Reparam(1.2, r.b(), 0.8), r -> centre(r, -2.4)), // θ̂₂
            data(r -> new Figure5.Reparam(1.2, r.b(), 0.8), r -> new Figure5.Reparam(r.a(), 1e-4, -2.4)), // b₂
            data(r -> new Figure5.Reparam(-0.4, 1, -3.5), r -> new Figure5.Reparam(1.5, 0.5, 3.5)), // all at once
        };
    }

    @Test
    void eachRedrawnFrameIsTheFrameDrawnWhole() {
        for (double scale : new double[] {1, 1.25, 2}) {
            Figure5Frames stepping = new Figure5Frames();
            Figure5Chart chart = null;
            for (Figure5.Settings d : steps()) {
                BufferedImage redrawn = composed(stepping.draw(request(d, scale)));
                // One chart all along: the frames after the first are redrawn in part, not drawn anew.
                chart = chart == null ? stepping.chart() : chart;
                assertThat(stepping.chart()).isSameAs(chart);
                BufferedImage whole = composed(new Figure5Frames().draw(request(d, scale)));
                assertThat(differing(redrawn, whole, new Rectangle(0, 0, whole.getWidth(), whole.getHeight())))
                        .as("pixels of the redrawn frame that differ from the whole drawing, scale %s", scale)
                        .isZero();
            }
        }
    }

    @Test
    void aStepRedrawsOnlyThePanelsItChanges() {
        Figure5.Settings[] s = steps();
        Figure5.Data[] d = new Figure5.Data[s.length];
        for (int i = 0; i < s.length; i++) {
            d[i] = Figure5.build(s[i]);
        }
        assertThat(Figure5Chart.changedPanels(d[0], d[1])).containsExactly(true, true, false);
        assertThat(Figure5Chart.changedPanels(d[1], d[2])).containsExactly(false, true, false);
        assertThat(Figure5Chart.changedPanels(d[2], d[3])).containsExactly(true, false, true);
        assertThat(Figure5Chart.changedPanels(d[3], d[4])).containsExactly(false, false, true);
        assertThat(Figure5Chart.changedPanels(d[4], d[4])).containsExactly(false, false, false);

        Figure5Frames frames = new Figure5Frames();
        BufferedImage before = composed(frames.draw(request(s[1], 1)));
        Rectangle[] cells = cells(frames, 1);
        BufferedImage after = composed(frames.draw(request(s[2], 1)));
        // a₁ moved: the η₁ panel changed, the θ and η₂ panels kept every pixel.
        assertThat(differing(before, after, cells[1])).isGreaterThan(500);
        assertThat(differing(before, after, cells[0])).isZero();
        assertThat(differing(before, after, cells[2])).isZero();
        // The cells tile the width between the θ panel's left edge and the chart's right edge.
        assertThat(cells[0].x + cells[0].width).isEqualTo(cells[1].x);
        assertThat(cells[1].x + cells[1].width).isEqualTo(cells[2].x);
        assertThat(cells[2].x + cells[2].width).isEqualTo(after.getWidth());
    }

    @Test
    void aDragKeepsTheBaseAndDrawsTheChangedCellsAsAnOverlay() {
        Figure5Frames frames = new Figure5Frames();
        Figure5.Settings p = Presets.figure5();
        Figure5Frames.Drawn first = frames.draw(request(p, 1));
        assertThat(first.overlay()).isNull();
        Rectangle[] cells = cells(frames, 1);
        Figure5Frames.Drawn drawn = first;
        for (double c = 0.1; c < 1; c += 0.1) {
            double centre = c;
            drawn = frames.draw(request(data(r -> centre(r, centre), r -> r), 1));
            // θ̂₁ moved: the overlay is the θ and η₁ cells, over the first frame's base (the same image).
            assertThat(drawn.base()).isSameAs(first.base());
            assertThat(drawn.at()).isEqualTo(cells[0].union(cells[1]));
            assertThat(drawn.overlay().getWidth()).isEqualTo(drawn.at().width);
        }
        // a₁ too: still one overlay over both (the θ cell copied from the last overlay, η₁ redrawn).
        Figure5Frames.Drawn a = frames.draw(request(data(r -> new Figure5.Reparam(0.9, r.b(), 0.9), r -> r), 1));
        assertThat(a.base()).isSameAs(first.base());
        assertThat(a.at()).isEqualTo(drawn.at());
        // θ̂₂ as well: θ and η₂ differ from the base, not side by side: a new base, no overlay.
        Figure5Frames.Drawn both = frames.draw(request(data(r -> new Figure5.Reparam(0.9, r.b(), 0.9),
                r -> centre(r, 1.1)), 1));
        assertThat(both.overlay()).isNull();
        assertThat(both.base()).isNotSameAs(first.base());
    }

    /** The frame as one image: the base with the overlay copied over it (an overlay is opaque: its cells are cleared). */
    private static BufferedImage composed(Figure5Frames.Drawn d) {
        BufferedImage out = Figure5Frames.copyExcept(d.base(), java.util.List.of());
        if (d.overlay() != null) {
            int[] src = ((java.awt.image.DataBufferInt) d.overlay().getRaster().getDataBuffer()).getData();
            int[] dst = ((java.awt.image.DataBufferInt) out.getRaster().getDataBuffer()).getData();
            for (int y = 0; y < d.at().height; y++) {
                System.arraycopy(src, y * d.at().width, dst, (d.at().y + y) * out.getWidth() + d.at().x, d.at().width);
            }
        }
        return out;
    }

    /** The panels' cells in device pixels. */
    private static Rectangle[] cells(Figure5Frames frames, double scale) {
        Rectangle[] out = new Rectangle[3];
        for (int i = 0; i < 3; i++) {
            Rectangle2D c = frames.chart().panel(i).cell();
            out[i] = new Rectangle((int) Math.round(c.getMinX() * scale), (int) Math.round(c.getMinY() * scale),
                    (int) Math.round(c.getWidth() * scale), (int) Math.round(c.getHeight() * scale));
        }
        return out;
    }

    private static int differing(BufferedImage a, BufferedImage b, Rectangle r) {
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        assertThat(a.getHeight()).isEqualTo(b.getHeight());
        int n = 0;
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                n += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        return n;
    }
}
