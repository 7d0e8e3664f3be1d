package lab.sharpminima.export;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.List;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.TextAnchor;
import lab.sharpminima.landscape.Polyline;

/**
 * Drawing primitives for the paper's Figures 1–5 on an {@link XYPlot} in data coordinates (a, b):
 * level curves ({@link Polyline}s), lines, point markers, ε-balls (circles, Section 4.3, Figure 4),
 * boxes B∞(r, θ) (rectangles, Theorem 2, Figure 3), arrows (Hessian eigenvectors, Figure 2) and text.
 *
 * <p>Each method adds one annotation to the plot and returns it, so a view can remove exactly its
 * overlay before redrawing it. Shapes in data coordinates are transformed by JFreeChart; stroke
 * widths, marker radii and arrow heads are in device units (points), so they stay thin when zooming.
 */
public final class ContourRenderer {

    private ContourRenderer() {
    }

    /** A solid stroke with round caps and joins, which keeps polylines free of spikes at sharp turns. */
    public static Stroke solid(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** A dashed stroke (dash 3·width, gap 2·width), for curves that are guides rather than data. */
    public static Stroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {3 * width, 2 * width}, 0f);
    }

    /** All the pieces of a level set as one path (one annotation), closed pieces closed. */
    public static XYAnnotation addPolylines(XYPlot plot, List<Polyline> curves, Paint paint, Stroke stroke) {
        Path2D.Double path = new Path2D.Double();
        for (Polyline c : curves) {
            append(path, c.a(), c.b(), c.closed());
        }
        return add(plot, new XYShapeAnnotation(path, stroke, paint));
    }

    /** One polyline. */
    public static XYAnnotation addPolyline(XYPlot plot, Polyline curve, Paint paint, Stroke stroke) {
        return addPolylines(plot, List.of(curve), paint, stroke);
    }

    /**
     * The path through (a_k, b_k); non-finite points break it into pieces (so a curve such as
     * θ1θ2 = c can be sampled straight across its asymptote).
     */
    public static XYAnnotation addPath(XYPlot plot, double[] a, double[] b, boolean closed, Paint paint,
                                       Stroke stroke) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("a path needs as many a as b coordinates, got " + a.length + " and "
                    + b.length);
        }
        Path2D.Double path = new Path2D.Double();
        append(path, a, b, closed);
        return add(plot, new XYShapeAnnotation(path, stroke, paint));
    }

    /** The segment from (a0, b0) to (a1, b1). */
    public static XYAnnotation addLine(XYPlot plot, double a0, double b0, double a1, double b1, Paint paint,
                                       Stroke stroke) {
        return add(plot, new XYLineAnnotation(a0, b0, a1, b1, stroke, paint));
    }

    /** A point marker: a disc of the given radius in points, white-ringed so it shows on any colour. */
    public static XYAnnotation addPoint(XYPlot plot, double a, double b, Paint fill, double radius) {
        return add(plot, new PixelAnnotation.Marker(a, b, radius, fill));
    }

    /**
     * The circle of radius r around (a, b) in data units, e.g. the ε-ball B2(ε, θ) of Section 4.3;
     * fill may be null (outline only) or translucent.
     */
    public static XYAnnotation addCircle(XYPlot plot, double a, double b, double r, Paint outline, Stroke stroke,
                                         Paint fill) {
        Shape s = new Ellipse2D.Double(a - r, b - r, 2 * r, 2 * r);
        return add(plot, new XYShapeAnnotation(s, stroke, outline, fill));
    }

    /**
     * The rectangle [a0, a1] × [b0, b1] in data units, e.g. a box B∞(r, θ) of Theorem 2; fill may be
     * null. Drawn as a rectangle in device space with mitred corners: Java2D fills and strokes it as
     * parallelograms, where a general path (an {@link XYShapeAnnotation}'s, and round joins) goes through
     * its rasteriser, several times slower for a large translucent box.
     */
    public static XYAnnotation addRectangle(XYPlot plot, double a0, double b0, double a1, double b1, Paint outline,
                                            Stroke stroke, Paint fill) {
        return add(plot, new XYBoxAnnotation(Math.min(a0, a1), Math.min(b0, b1), Math.max(a0, a1), Math.max(b0, b1),
                mitred(stroke), outline, fill));
    }

    /** stroke with mitred joins, when a BasicStroke (the parallelogram path of Java2D needs them). */
    static Stroke mitred(Stroke stroke) {
        if (stroke instanceof BasicStroke b && b.getLineJoin() != BasicStroke.JOIN_MITER) {
            return new BasicStroke(b.getLineWidth(), b.getEndCap(), BasicStroke.JOIN_MITER, Math.max(1f, b.getMiterLimit()),
                    b.getDashArray(), b.getDashPhase());
        }
        return stroke;
    }

    /** An arrow from (a, b) to (a + da, b + db), e.g. a Hessian eigenvector; head length in points. */
    public static XYAnnotation addArrow(XYPlot plot, double a, double b, double da, double db, Paint paint,
                                        Stroke stroke, double headLength) {
        return add(plot, new PixelAnnotation.Arrow(a, b, da, db, paint, stroke, headLength));
    }

    /** Text at (a, b) with the given anchor, e.g. "θ" or "T_α(θ)" beside a marker. */
    public static XYAnnotation addText(XYPlot plot, String text, double a, double b, Font font, Paint paint,
                                       TextAnchor anchor) {
        XYTextAnnotation t = new XYTextAnnotation(text, a, b);
        t.setFont(font);
        t.setPaint(paint);
        t.setTextAnchor(anchor);
        return add(plot, t);
    }

    private static XYAnnotation add(XYPlot plot, XYAnnotation annotation) {
        plot.addAnnotation(annotation);
        return annotation;
    }

    private static void append(Path2D.Double path, double[] a, double[] b, boolean closed) {
        boolean pen = false;
        int start = -1;
        for (int k = 0; k < a.length; k++) {
            if (!(Double.isFinite(a[k]) && Double.isFinite(b[k]))) {
                pen = false;
                continue;
            }
            if (pen) {
                path.lineTo(a[k], b[k]);
            } else {
                path.moveTo(a[k], b[k]);
                pen = true;
                start = start < 0 ? k : start;
            }
        }
        if (closed && start >= 0 && pen) {
            path.closePath();
        }
    }
}
