package lab.sharpminima.export;

import java.awt.AlphaComposite;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;

/**
 * An {@link XYPlot} that can be drawn again alone, into an image that holds the whole chart's last
 * drawing: a subplot of a combined plot whose data changed is redrawn without the chart's titles, the
 * shared axis and the other subplots. It remembers the area it was last drawn in and its parent's state
 * (the shared axis's ticks, for its gridlines).
 *
 * <p>With a cell set ({@link #setCell}), every drawing of the plot, whole chart or alone, is clipped to
 * the cell, and {@link #redraw} first clears the cell, so that a pixel belongs to exactly one cell and
 * a redrawn plot leaves no trace of its previous drawing (a tick label reaching into the gap between
 * subplots included). The cell should hold the plot's area and lie on whole device pixels. Without a
 * cell (exports), the plot draws as a plain {@link XYPlot}.
 *
 * <p>A redraw is the drawing the whole chart would make of the cell as long as the chart's size, the
 * shared axis and the plot's area are those of its last drawing; the caller ensures it. A plot whose
 * foreground markers alone move (a red line over a curve that stays) can be drawn in two parts that
 * make the whole: {@link #redrawUnder} (everything before the foreground markers, kept as pixels) and
 * {@link #drawOver} (the foreground markers, the plot's annotations and its outline, the last things
 * {@link XYPlot#draw} draws). Not thread-safe, as JFreeChart's plots.
 */
public class RedrawableXYPlot extends XYPlot {

    private static final long serialVersionUID = 1L;

    private transient Rectangle2D lastArea;
    private transient PlotState lastParentState;
    private transient Rectangle2D cell;
    private transient Rectangle2D lastDataArea;
    /** While true, the foreground markers, the plot's annotations and the outline are left out. */
    private transient boolean under;

    public RedrawableXYPlot(XYDataset dataset, ValueAxis domainAxis, ValueAxis rangeAxis, XYItemRenderer renderer) {
        super(dataset, domainAxis, rangeAxis, renderer);
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState, PlotRenderingInfo info) {
        lastArea = (Rectangle2D) area.clone(); // XYPlot.draw trims the area it is given in place
        lastParentState = parentState;
        PlotRenderingInfo in = info != null ? info : new PlotRenderingInfo(new ChartRenderingInfo(null));
        Shape clip = g2.getClip();
        if (cell != null) {
            g2.clip(cell);
        }
        try {
            super.draw(g2, area, anchor, parentState, in);
        } finally {
            g2.setClip(clip);
        }
        lastDataArea = in.getDataArea() == null ? null : (Rectangle2D) in.getDataArea().clone();
    }

    @Override
    protected void drawDomainMarkers(Graphics2D g2, Rectangle2D dataArea, int index, Layer layer) {
        if (!(under && layer == Layer.FOREGROUND)) {
            super.drawDomainMarkers(g2, dataArea, index, layer);
        }
    }

    @Override
    protected void drawRangeMarkers(Graphics2D g2, Rectangle2D dataArea, int index, Layer layer) {
        if (!(under && layer == Layer.FOREGROUND)) {
            super.drawRangeMarkers(g2, dataArea, index, layer);
        }
    }

    @Override
    public void drawAnnotations(Graphics2D g2, Rectangle2D dataArea, PlotRenderingInfo info) {
        if (!under) {
            super.drawAnnotations(g2, dataArea, info);
        }
    }

    @Override
    public void drawOutline(Graphics2D g2, Rectangle2D area) {
        if (!under) {
            super.drawOutline(g2, area);
        }
    }

    /**
     * Like {@link #redraw}, without the foreground markers, the plot's annotations and the outline:
     * the pixels that stay while only those change ({@link #drawOver} then completes the plot).
     */
    public void redrawUnder(Graphics2D g2, Paint background) {
        under = true;
        try {
            redraw(g2, background, null);
        } finally {
            under = false;
        }
    }

    /**
     * Draws the foreground markers, the plot's annotations and its outline, clipped to the cell, as
     * {@link XYPlot#draw} draws them last: over the pixels {@link #redrawUnder} left, the whole plot.
     *
     * @throws IllegalStateException before the plot's first drawing or without a cell
     */
    public void drawOver(Graphics2D g2) {
        if (lastDataArea == null || cell == null) {
            throw new IllegalStateException("a plot's foreground is drawn only after a first drawing, into a cell");
        }
        Rectangle2D dataArea = (Rectangle2D) lastDataArea.clone();
        Shape clip = g2.getClip();
        Composite composite = g2.getComposite();
        try {
            g2.clip(cell);
            Shape cellClip = g2.getClip();
            g2.clip(dataArea);
            g2.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, getForegroundAlpha()));
            for (int i = 0; i < getRendererCount(); i++) {
                if (getRenderer(i) != null) {
                    super.drawDomainMarkers(g2, dataArea, i, Layer.FOREGROUND);
                }
            }
            for (int i = 0; i < getRendererCount(); i++) {
                if (getRenderer(i) != null) {
                    super.drawRangeMarkers(g2, dataArea, i, Layer.FOREGROUND);
                }
            }
            super.drawAnnotations(g2, dataArea, null);
            g2.setClip(cellClip);
            g2.setComposite(composite);
            super.drawOutline(g2, dataArea);
        } finally {
            g2.setClip(clip);
            g2.setComposite(composite);
        }
    }

    /** The area (user space) the plot was last drawn in, or {@code null} before its first drawing. */
    public Rectangle2D lastArea() {
        return lastArea == null ? null : (Rectangle2D) lastArea.clone();
    }

    /** The cell every drawing is clipped to ({@code null}: none). */
    public void setCell(Rectangle2D cell) {
        this.cell = cell == null ? null : (Rectangle2D) cell.clone();
    }

    public Rectangle2D cell() {
        return cell == null ? null : (Rectangle2D) cell.clone();
    }

    /**
     * Clears the cell with background and draws the plot again into its last area, with the rendering
     * hints g2 has (set the chart's first: {@code g2.addRenderingHints(chart.getRenderingHints())}).
     *
     * @throws IllegalStateException before the plot's first drawing or without a cell
     */
    public void redraw(Graphics2D g2, Paint background, PlotRenderingInfo info) {
        if (lastArea == null || cell == null) {
            throw new IllegalStateException("a plot is redrawn alone only after a first drawing, into a cell");
        }
        Object aa = g2.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g2.setPaint(background);
        g2.fill(cell);
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa == null ? RenderingHints.VALUE_ANTIALIAS_DEFAULT : aa);
        draw(g2, (Rectangle2D) lastArea.clone(), null, lastParentState, info);
    }
}
