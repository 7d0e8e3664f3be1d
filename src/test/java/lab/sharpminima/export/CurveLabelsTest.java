package lab.sharpminima.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import lab.sharpminima.figure.LandscapeLayer;
import lab.sharpminima.figure.Presets;
import lab.sharpminima.landscape.Window;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/** Labels of curves placed clear of each other: on their curves, inside the data area, boxes disjoint. */
class CurveLabelsTest {

    @Test
    void aLabelTakesItsPreferredPointWhenFreeElseTheNearestFreeOne() {
        Rectangle2D box = new Rectangle2D.Double(0, -10, 40, 10); // anchored at its lower left
        Rectangle2D area = new Rectangle2D.Double(0, 0, 200, 100);
        List<double[]> candidates = List.of(new double[] {50, 50}, new double[] {60, 50}, new double[] {50, 80});
        assertThat(CurveLabels.place(candidates, box, area, List.of())).containsExactly(50, 50);
        // A box placed over (50…90, 40…50) blocks the first two candidates (and their gap), not the third.
        List<Rectangle2D> placed = List.of(new Rectangle2D.Double(50, 40, 40, 10));
        assertThat(CurveLabels.place(candidates, box, area, placed)).containsExactly(50, 80);
        // Outside the area (the box would stick out at the top) does not count as free.
        List<double[]> high = List.of(new double[] {10, 5}, new double[] {10, 30});
        assertThat(CurveLabels.place(high, box, area, List.of())).containsExactly(10, 30);
        // Nothing free: the preferred point.
        assertThat(CurveLabels.place(List.of(new double[] {50, 50}), box, area, placed)).containsExactly(50, 50);
    }

    /**
     * The landscape's five labels in a chart so small, and with type so large, that their preferred
     * points collide (as in presentation mode): placed, their boxes are pairwise disjoint and inside
     * the data area, and each moved label sits on a vertex of its curve.
     */
    @Test
    void crowdedLabelsAreDrawnClearOfEachOther() {
        LandscapeLayer layer = LandscapeLayer.build(lab.sharpminima.figure.ToyProblem.of(Presets.toy()),
                Presets.landscape());
        Window w = layer.grid().window();
        Font font = ChartTheme.font(Font.PLAIN, 16);
        List<CurveLabels.Label> labels = new ArrayList<>();
        for (int i = 0; i < layer.products().length; i++) {
            // Each preferred on its curve's lower branch, on one ray from the origin (as the landscape's are).
            double k = layer.products()[i];
            labels.add(new CurveLabels.Label("θ₁θ₂ = " + k, layer.equalFunction().get(i), 1.6 * Math.sqrt(k),
                    Math.sqrt(k) / 1.6));
        }
        NumberAxis x = new NumberAxis();
        NumberAxis y = new NumberAxis();
        x.setRange(w.a0(), w.a1());
        y.setRange(w.b0(), w.b1());
        XYPlot plot = new XYPlot(new XYSeriesCollection(), x, y, new XYLineAndShapeRenderer());
        Rectangle2D area = new Rectangle2D.Double(10, 10, 300, 180);
        Graphics2D g = new BufferedImage(330, 210, BufferedImage.TYPE_INT_ARGB).createGraphics();
        g.setFont(font);
        List<double[]> anchors = new CurveLabels(labels, font, Color.BLACK, Color.WHITE).anchors(g, plot, area, x, y);
        List<Rectangle2D> boxes = new ArrayList<>();
        List<Rectangle2D> preferred = new ArrayList<>();
        int moved = 0;
        for (int i = 0; i < labels.size(); i++) {
            CurveLabels.Label l = labels.get(i);
            double[] at = anchors.get(i);
            boxes.add(TextUtils.calcAlignedStringBounds(l.text(), g, (float) at[0], (float) at[1], TextAnchor.BOTTOM_LEFT));
            double px = x.valueToJava2D(l.a(), area, RectangleEdge.BOTTOM);
            double py = y.valueToJava2D(l.b(), area, RectangleEdge.LEFT);
            preferred.add(TextUtils.calcAlignedStringBounds(l.text(), g, (float) px, (float) py, TextAnchor.BOTTOM_LEFT));
            if (at[0] != px || at[1] != py) {
                moved++;
                // Moved: onto a vertex of its curve.
                boolean onCurve = false;
                for (int k = 0; k < l.curve().size(); k++) {
                    onCurve |= Math.abs(x.valueToJava2D(l.curve().a(k), area, RectangleEdge.BOTTOM) - at[0]) < 1e-9
                            && Math.abs(y.valueToJava2D(l.curve().b(k), area, RectangleEdge.LEFT) - at[1]) < 1e-9;
                }
                assertThat(onCurve).as("label %d moved onto its curve", i).isTrue();
            }
            assertThat(area.contains(boxes.get(i))).as("label %d inside the data area", i).isTrue();
        }
        g.dispose();
        // At this size the preferred points collide; placed, no two boxes overlap.
        boolean collided = false;
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                collided |= preferred.get(i).intersects(preferred.get(j));
                assertThat(boxes.get(i).intersects(boxes.get(j))).as("labels %d and %d overlap: %s, %s", i, j, boxes.get(i),
                        boxes.get(j)).isFalse();
            }
        }
        assertThat(collided).as("the preferred points collide at this size").isTrue();
        assertThat(moved).isPositive();
    }
}
