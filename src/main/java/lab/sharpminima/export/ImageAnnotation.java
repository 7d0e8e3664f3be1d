package lab.sharpminima.export;

import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import lab.sharpminima.landscape.Polyline;
import lab.sharpminima.landscape.Window;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * One image stretched over the data rectangle [x0, x1] × [y0, y1] of an {@link XYPlot} (vertical
 * orientation), image row 0 at the top (y1). Drawing one image instead of a block per cell keeps a
 * 256×256 heat map to one draw call on screen and one embedded image in SVG and PDF. Axis inversion
 * is honoured (the image flips with the axis); drawing is clipped to the data area.
 *
 * <p>Curves θ1θ2 = p over the image ({@link ProductCurve}) are drawn with it: on a raster, per pixel
 * into the resampled image before it is copied ({@link ProductCurves}: a few rows of arithmetic instead
 * of Java2D's rasterising of each curve across the whole plot); elsewhere as stroked paths, after it.
 */
final class ImageAnnotation extends AbstractXYAnnotation {

    private final transient BufferedImage image;
    private final double x0;
    private final double x1;
    private final double y0;
    private final double y1;
    private final boolean smooth;
    private final List<ProductCurve> curves;
    /** Where the curves are drawn (their paths' window). */
    private final Window curveWindow;

    ImageAnnotation(BufferedImage image, double x0, double x1, double y0, double y1, boolean smooth) {
        this(image, x0, x1, y0, y1, smooth, List.of(), null);
    }

    /** With curves drawn over the image inside curveWindow (required when there are curves). */
    ImageAnnotation(BufferedImage image, double x0, double x1, double y0, double y1, boolean smooth,
                    List<ProductCurve> curves, Window curveWindow) {
        if (!curves.isEmpty() && curveWindow == null) {
            throw new IllegalArgumentException("curves over a heat map need the window they are drawn in");
        }
        this.curves = List.copyOf(curves);
        this.curveWindow = curveWindow;
        this.image = image;
        this.x0 = x0;
        this.x1 = x1;
        this.y0 = y0;
        this.y1 = y1;
        this.smooth = smooth;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        if (plot.getOrientation() != PlotOrientation.VERTICAL) {
            throw new IllegalStateException("heat map images support vertical plots only");
        }
        RectangleEdge xEdge = org.jfree.chart.plot.Plot.resolveDomainAxisLocation(plot.getDomainAxisLocation(),
                plot.getOrientation());
        RectangleEdge yEdge = org.jfree.chart.plot.Plot.resolveRangeAxisLocation(plot.getRangeAxisLocation(),
                plot.getOrientation());
        double left = domainAxis.valueToJava2D(x0, dataArea, xEdge);
        double right = domainAxis.valueToJava2D(x1, dataArea, xEdge);
        double top = rangeAxis.valueToJava2D(y1, dataArea, yEdge);
        double bottom = rangeAxis.valueToJava2D(y0, dataArea, yEdge);
        Shape savedClip = g2.getClip();
        Object savedInterp = g2.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g2.clip(dataArea);
        Object interpolation = smooth
                ? RenderingHints.VALUE_INTERPOLATION_BILINEAR : RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR;
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        // Onto a raster, a smooth image is resampled by BilinearBlit: the same pixels, faster.
        boolean blitted = smooth && BilinearBlit.draw(g2, image, Math.round(left), Math.round(top),
                Math.round(right), Math.round(bottom), curves.isEmpty() ? null : this::paintCurves);
        if (!blitted && zoomedIn(left, right, top, bottom, dataArea)) {
            drawVisiblePart(g2, left, right, top, bottom, dataArea, interpolation);
        } else if (!blitted && Math.round(left) != Math.round(right) && Math.round(top) != Math.round(bottom)) {
            // Destination corners may come in either order (inverted axes); drawImage flips accordingly.
            // An image under one pixel wide or high is skipped: FXGraphics2D cannot scale to zero pixels.
            g2.drawImage(image, (int) Math.round(left), (int) Math.round(top), (int) Math.round(right),
                    (int) Math.round(bottom), 0, 0, image.getWidth(), image.getHeight(), null);
        }
        if (!blitted && !curves.isEmpty()) {
            strokeCurves(g2, dataArea, domainAxis, rangeAxis, xEdge, yEdge);
        }
        if (savedInterp != null) {
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, savedInterp);
        }
        g2.setClip(savedClip);
    }

    /**
     * The curves per pixel over the resampled image (see {@link BilinearBlit.Overlay}): the image spans
     * x0 … x1 from dx0 to dx1 and y1 … y0 from dy0 down to dy1, so a pixel's centre maps linearly.
     */
    private void paintCurves(int[] px, Rectangle area, double dx0, double dy0, double dx1, double dy1,
                             double scale) {
        double da = (x1 - x0) / (dx1 - dx0);
        double db = -(y1 - y0) / (dy1 - dy0);
        ProductCurves.paint(px, area.width, area.height, x0 + (area.x - dx0) * da, da, y1 + (area.y - dy0) * db, db,
                curveWindow, scale, curves);
    }

    /** The curves as stroked paths in Java2D space, in order (vector targets, and rasters the blit declines). */
    private void strokeCurves(Graphics2D g2, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
                              RectangleEdge xEdge, RectangleEdge yEdge) {
        Paint savedPaint = g2.getPaint();
        Stroke savedStroke = g2.getStroke();
        for (ProductCurve c : curves) {
            Polyline line = c.path();
            Path2D.Double path = new Path2D.Double();
            for (int k = 0; k < line.size(); k++) {
                double x = domainAxis.valueToJava2D(line.a(k), dataArea, xEdge);
                double y = rangeAxis.valueToJava2D(line.b(k), dataArea, yEdge);
                if (k == 0) {
                    path.moveTo(x, y);
                } else {
                    path.lineTo(x, y);
                }
            }
            g2.setPaint(c.colour());
            g2.setStroke(ContourRenderer.solid(c.width()));
            g2.draw(path);
        }
        g2.setPaint(savedPaint);
        g2.setStroke(savedStroke);
    }

    /**
     * True when the image's destination is far larger than the data area (a deep mouse zoom): scaled
     * whole, it would need a raster of that size (FXGraphics2D allocates one), or overflow int pixels.
     */
    private static boolean zoomedIn(double left, double right, double top, double bottom, Rectangle2D area) {
        double limit = 1e6;
        return Math.abs(right - left) > 4 * area.getWidth() + 16 || Math.abs(bottom - top) > 4 * area.getHeight() + 16
                || Math.abs(left) > limit || Math.abs(right) > limit || Math.abs(top) > limit || Math.abs(bottom) > limit;
    }

    /**
     * Only the part of the stretched image inside the data area, resampled into an image of at most
     * the data area's size and drawn unscaled: the cost stays that of the screen, whatever the zoom.
     */
    private void drawVisiblePart(Graphics2D g2, double left, double right, double top, double bottom,
                                 Rectangle2D area, Object interpolation) {
        Rectangle2D whole = new Rectangle2D.Double(Math.min(left, right), Math.min(top, bottom),
                Math.abs(right - left), Math.abs(bottom - top));
        Rectangle2D visible = whole.createIntersection(area);
        if (visible.isEmpty() || !Double.isFinite(visible.getWidth()) || !Double.isFinite(visible.getHeight())) {
            return;
        }
        int vx = (int) Math.floor(visible.getMinX());
        int vy = (int) Math.floor(visible.getMinY());
        int w = Math.max(1, (int) Math.ceil(visible.getMaxX()) - vx);
        int h = Math.max(1, (int) Math.ceil(visible.getMaxY()) - vy);
        BufferedImage part = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D pg = part.createGraphics();
        try {
            pg.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            AffineTransform t = AffineTransform.getTranslateInstance(left - vx, top - vy);
            // Negative scales flip the image with an inverted axis, as the corner order does above.
            t.scale((right - left) / image.getWidth(), (bottom - top) / image.getHeight());
            pg.drawImage(image, t, null);
        } finally {
            pg.dispose();
        }
        g2.drawImage(part, vx, vy, null);
    }

    /** Identity: two heat maps are never "the same annotation" for {@link XYPlot#removeAnnotation}. */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
