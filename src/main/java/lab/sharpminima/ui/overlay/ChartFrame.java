package lab.sharpminima.ui.overlay;

import java.awt.geom.Rectangle2D;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.image.Image;

/**
 * One drawn frame of a chart, made off the FX thread: the chart's image (and, optionally, a transparent
 * overlay image above part of it), their size in layout pixels, the geometry of each plot as drawn
 * (data area and axis ranges, to map the mouse to data coordinates without touching the chart, which
 * belongs to the drawing thread) and what it shows. Immutable once made.
 *
 * @param base     the whole chart, {@code width·scale × height·scale} pixels
 * @param overlay  a transparent image drawn over the base at ({@code overlayX}, {@code overlayY}), or {@code null}
 * @param overlayX left of the overlay, layout pixels (a whole number of device pixels)
 * @param overlayY top of the overlay, layout pixels
 * @param width    the chart's width, layout pixels
 * @param height   the chart's height, layout pixels
 * @param scale    device pixels per layout pixel (the window's output scale)
 * @param plots    each plot's geometry: index 0 the chart's (or a combined plot's first subplot), then the others
 * @param content  what the frame shows (the figure's data), for views and tests that ask
 */
public record ChartFrame(Image base, Image overlay, double overlayX, double overlayY, double width, double height,
                         double scale, List<PlotGeometry> plots, Object content) {

    public ChartFrame {
        plots = List.copyOf(plots);
    }

    /**
     * Where a plot was drawn: its data area (layout pixels) and axis ranges. Axes are linear
     * ({@code NumberAxis}), the plot vertical: θ grows to the right and upwards.
     */
    public record PlotGeometry(Rectangle2D dataArea, double xLow, double xHigh, double yLow, double yHigh) {

        /** Layout pixels → data coordinates (outside the data area too). */
        public Point2D toData(double x, double y) {
            return new Point2D(xLow + (x - dataArea.getMinX()) / dataArea.getWidth() * (xHigh - xLow),
                    yLow + (dataArea.getMaxY() - y) / dataArea.getHeight() * (yHigh - yLow));
        }

        /** Data coordinates → layout pixels. */
        public Point2D toLocal(double a, double b) {
            return new Point2D(dataArea.getMinX() + (a - xLow) / (xHigh - xLow) * dataArea.getWidth(),
                    dataArea.getMaxY() - (b - yLow) / (yHigh - yLow) * dataArea.getHeight());
        }

        /** Whether the layout point (x, y) lies in the data area. */
        public boolean contains(double x, double y) {
            return dataArea.contains(x, y);
        }
    }
}
