package lab.sharpminima.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/**
 * Annotations anchored at data coordinates but sized in device units, so a marker or an arrow head
 * keeps its size when the plot zooms: a point marker (filled disc with a white ring, visible on any
 * colour map) and an arrow from (a, b) to (a + da, b + db) with a fixed-size head; and
 * {@link CurveLabels}, placed in device space when drawn.
 */
abstract class PixelAnnotation extends AbstractXYAnnotation {

    /** The data point (x, y) in device coordinates of this plot's data area. */
    static Point2D toJava2D(double x, double y, XYPlot plot, Rectangle2D area, ValueAxis xAxis, ValueAxis yAxis) {
        double px = xAxis.valueToJava2D(x, area,
                Plot.resolveDomainAxisLocation(plot.getDomainAxisLocation(), plot.getOrientation()));
        double py = yAxis.valueToJava2D(y, area,
                Plot.resolveRangeAxisLocation(plot.getRangeAxisLocation(), plot.getOrientation()));
        return new Point2D.Double(px, py);
    }

    /** Identity, so that removing one overlay never removes an equal-looking other. */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** A filled disc of the given radius (device units) with a white ring. */
    static final class Marker extends PixelAnnotation {
        private final double x;
        private final double y;
        private final double radius;
        private final transient Paint fill;

        Marker(double x, double y, double radius, Paint fill) {
            this.x = x;
            this.y = y;
            this.radius = radius;
            this.fill = fill;
        }

        @Override
        public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis xAxis, ValueAxis yAxis, int index,
                         PlotRenderingInfo info) {
            Point2D p = toJava2D(x, y, plot, area, xAxis, yAxis);
            Ellipse2D disc = new Ellipse2D.Double(p.getX() - radius, p.getY() - radius, 2 * radius, 2 * radius);
            g2.setPaint(fill);
            g2.fill(disc);
            g2.setPaint(Color.WHITE);
            g2.setStroke(new BasicStroke((float) Math.max(1, radius / 3)));
            g2.draw(disc);
        }
    }

    /** A line from the tail to the tip with a filled triangular head of the given length. */
    static final class Arrow extends PixelAnnotation {
        private final double x;
        private final double y;
        private final double dx;
        private final double dy;
        private final transient Paint paint;
        private final transient Stroke stroke;
        private final double headLength;

        Arrow(double x, double y, double dx, double dy, Paint paint, Stroke stroke, double headLength) {
            this.x = x;
            this.y = y;
            this.dx = dx;
            this.dy = dy;
            this.paint = paint;
            this.stroke = stroke;
            this.headLength = headLength;
        }

        @Override
        public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis xAxis, ValueAxis yAxis, int index,
                         PlotRenderingInfo info) {
            Point2D tail = toJava2D(x, y, plot, area, xAxis, yAxis);
            Point2D tip = toJava2D(x + dx, y + dy, plot, area, xAxis, yAxis);
            double len = tail.distance(tip);
            if (!(len > 0)) {
                return;
            }
            double ux = (tip.getX() - tail.getX()) / len;
            double uy = (tip.getY() - tail.getY()) / len;
            double head = Math.min(headLength, 0.5 * len);
            double baseX = tip.getX() - head * ux;
            double baseY = tip.getY() - head * uy;
            g2.setPaint(paint);
            g2.setStroke(stroke);
            // The shaft stops at the head's base so a thick round cap cannot poke through the tip.
            g2.draw(new Line2D.Double(tail.getX(), tail.getY(), baseX, baseY));
            Path2D.Double tri = new Path2D.Double();
            double half = 0.45 * head;
            tri.moveTo(tip.getX(), tip.getY());
            tri.lineTo(baseX - half * uy, baseY + half * ux);
            tri.lineTo(baseX + half * uy, baseY - half * ux);
            tri.closePath();
            g2.fill(tri);
        }
    }
}
