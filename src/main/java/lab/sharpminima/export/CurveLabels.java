package lab.sharpminima.export;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import lab.sharpminima.landscape.Polyline;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.TextAnchor;

/**
 * Labels of curves (the landscape's curves of equal function), each on a translucent white box whose
 * lower left corner sits on its curve, placed when drawn so that no two overlap: a label goes at its
 * preferred point if its box fits there inside the data area and clear of the boxes placed before it,
 * else at the nearest vertex of its curve (in device space) where it does. Fixed data positions
 * collided where the curves run close together for the size of the text: in presentation mode, with
 * large type on a small chart, "θ₁θ₂ = 0.25" and "θ₁θ₂ = 0.5" were drawn over each other. When no vertex
 * fits, the label keeps its preferred point.
 */
public final class CurveLabels extends PixelAnnotation {

    /** One label: its text, the curve it names and the data point it prefers. */
    public record Label(String text, Polyline curve, double a, double b) {
    }

    /** Space kept between label boxes, in user-space units. */
    static final double GAP = 2;

    private final List<Label> labels;
    private final Font font;
    private final Paint paint;
    private final Paint background;

    public CurveLabels(List<Label> labels, Font font, Paint paint, Color background) {
        this.labels = List.copyOf(labels);
        this.font = font;
        this.paint = paint;
        this.background = background;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        g2.setFont(font);
        List<double[]> anchors = anchors(g2, plot, dataArea, domainAxis, rangeAxis);
        for (int i = 0; i < labels.size(); i++) {
            double[] at = anchors.get(i);
            g2.setPaint(background);
            g2.fill(TextUtils.calcAlignedStringBounds(labels.get(i).text(), g2, (float) at[0], (float) at[1],
                    TextAnchor.BOTTOM_LEFT));
            g2.setPaint(paint);
            TextUtils.drawAlignedString(labels.get(i).text(), g2, (float) at[0], (float) at[1], TextAnchor.BOTTOM_LEFT);
        }
    }

    /** Where each label's lower left corner goes, in Java2D space, measured in g2's current font. */
    List<double[]> anchors(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis) {
        List<Rectangle2D> placed = new ArrayList<>();
        List<double[]> out = new ArrayList<>();
        for (Label l : labels) {
            // The box of the text anchored at the origin (bottom left), as the drawing will fill it.
            Rectangle2D box = TextUtils.calcAlignedStringBounds(l.text(), g2, 0, 0, TextAnchor.BOTTOM_LEFT);
            Point2D preferred = toJava2D(l.a(), l.b(), plot, dataArea, domainAxis, rangeAxis);
            List<double[]> candidates = new ArrayList<>();
            candidates.add(new double[] {preferred.getX(), preferred.getY()});
            List<double[]> vertices = new ArrayList<>();
            for (int k = 0; k < l.curve().size(); k++) {
                Point2D v = toJava2D(l.curve().a(k), l.curve().b(k), plot, dataArea, domainAxis, rangeAxis);
                vertices.add(new double[] {v.getX(), v.getY()});
            }
            vertices.sort(Comparator.comparingDouble(v -> preferred.distance(v[0], v[1])));
            candidates.addAll(vertices);
            double[] at = place(candidates, box, dataArea, placed);
            placed.add(new Rectangle2D.Double(at[0] + box.getX(), at[1] + box.getY(), box.getWidth(), box.getHeight()));
            out.add(at);
        }
        return out;
    }

    /**
     * The first candidate point at which box (relative to its anchor point) lies inside area and at
     * least {@link #GAP} clear of every box in placed; the first candidate when none does.
     */
    static double[] place(List<double[]> candidates, Rectangle2D box, Rectangle2D area, List<Rectangle2D> placed) {
        for (double[] c : candidates) {
            Rectangle2D r = new Rectangle2D.Double(c[0] + box.getX() - GAP, c[1] + box.getY() - GAP,
                    box.getWidth() + 2 * GAP, box.getHeight() + 2 * GAP);
            boolean inside = area.contains(c[0] + box.getX(), c[1] + box.getY(), box.getWidth(), box.getHeight());
            if (inside && placed.stream().noneMatch(r::intersects)) {
                return c;
            }
        }
        return candidates.get(0);
    }
}
