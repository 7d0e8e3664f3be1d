package lab.sharpminima.export;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
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
 */
final class ImageAnnotation extends AbstractXYAnnotation {

    private final transient BufferedImage image;
    private final double x0;
    private final double x1;
    private final double y0;
    private final double y1;
    private final boolean smooth;

    ImageAnnotation(BufferedImage image, double x0, double x1, double y0, double y1, boolean smooth) {
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
        int left = (int) Math.round(domainAxis.valueToJava2D(x0, dataArea, xEdge));
        int right = (int) Math.round(domainAxis.valueToJava2D(x1, dataArea, xEdge));
        int top = (int) Math.round(rangeAxis.valueToJava2D(y1, dataArea, yEdge));
        int bottom = (int) Math.round(rangeAxis.valueToJava2D(y0, dataArea, yEdge));
        Shape savedClip = g2.getClip();
        Object savedInterp = g2.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g2.clip(dataArea);
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, smooth
                ? RenderingHints.VALUE_INTERPOLATION_BILINEAR : RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        // Destination corners may come in either order (inverted axes); drawImage flips accordingly.
        g2.drawImage(image, left, top, right, bottom, 0, 0, image.getWidth(), image.getHeight(), null);
        if (savedInterp != null) {
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, savedInterp);
        }
        g2.setClip(savedClip);
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
