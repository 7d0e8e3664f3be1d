package lab.sharpminima.ui.overlay;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.plot.XYPlot;

/**
 * Java2D drawing of charts into images, for a thread other than the FX thread: JFreeChart's own
 * target ({@code JFreeChart.draw} on the {@code Graphics2D} of a {@code BufferedImage}, as the PNG
 * export draws), at the screen's output scale so that HiDPI stays crisp, handed to JavaFX without a
 * copy (a {@link PixelBuffer} over the image's pixels, premultiplied ARGB as both sides store them).
 * Touches no node; the charts drawn must belong to the calling thread while it draws.
 */
public final class ChartImages {

    private ChartImages() {
    }

    /** Device pixels for a length in layout pixels at a scale (at least one). */
    public static int pixels(double length, double scale) {
        return Math.max(1, (int) Math.round(length * scale));
    }

    /**
     * Draws chart over width × height layout pixels into a new image of that size times scale; info
     * receives the plot's areas in layout pixels.
     */
    public static BufferedImage draw(JFreeChart chart, double width, double height, double scale,
                                     ChartRenderingInfo info) {
        BufferedImage img = new BufferedImage(pixels(width, scale), pixels(height, scale),
                BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        try {
            g.scale(scale, scale);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height), info);
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * How many horizontal bands a chart is drawn in, each by its own thread: two where there are four
     * processors or more (Java2D's rasterising, the bulk of the work, then runs on two), else one. With
     * two processors the second band competes with the FX and render threads, which show the frames:
     * on the 2-core build machine, Figure 3's jumps took 42 ms median (p95 77) in two bands and 39 ms
     * (p95 62) in one.
     */
    public static final int BANDS = Runtime.getRuntime().availableProcessors() >= 4 ? 2 : 1;
    /** Draws the bands after the first (the caller draws the first). */
    private static final ExecutorService HELPERS = Executors.newFixedThreadPool(Math.max(1, BANDS - 1), r -> {
        Thread t = new Thread(r, "sml-chart-band");
        t.setDaemon(true);
        return t;
    });

    /**
     * Draws a chart over width × height layout pixels into a new image of that size times scale, in
     * {@code bands.size()} horizontal bands of whole device-pixel rows drawn at once: band i by the
     * chart that {@code bands.get(i)} returns, called on the thread that draws that band (band 0: the
     * caller's; the others: helper threads), so that each chart, a copy in the same state as the others
     * (or made so by its supplier), stays confined to one thread. Each band is the chart drawn whole
     * and clipped to its rows, so the image is pixel for pixel the one {@link #draw} makes. info
     * receives band 0's areas (the same in every band).
     */
    public static BufferedImage drawInBands(List<Supplier<JFreeChart>> bands, double width, double height,
                                            double scale, ChartRenderingInfo info) {
        BufferedImage img = new BufferedImage(pixels(width, scale), pixels(height, scale),
                BufferedImage.TYPE_INT_ARGB_PRE);
        int n = bands.size();
        List<Future<?>> others = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            int band = i;
            others.add(HELPERS.submit(() -> drawBand(bands.get(band).get(), img, band, n, width, height, scale,
                    new ChartRenderingInfo(null))));
        }
        drawBand(bands.get(0).get(), img, 0, n, width, height, scale, info);
        for (Future<?> f : others) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while a band of the chart was drawn", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a band of the chart could not be drawn", e.getCause());
            }
        }
        return img;
    }

    private static void drawBand(JFreeChart chart, BufferedImage img, int band, int bands, double width,
                                 double height, double scale, ChartRenderingInfo info) {
        int y0 = img.getHeight() * band / bands;
        int y1 = img.getHeight() * (band + 1) / bands;
        Graphics2D g = img.createGraphics();
        try {
            g.clipRect(0, y0, img.getWidth(), y1 - y0);
            g.scale(scale, scale);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height), info);
        } finally {
            g.dispose();
        }
    }

    /** The geometry of plot as last drawn over dataArea (layout pixels). */
    public static ChartFrame.PlotGeometry geometry(XYPlot plot, Rectangle2D dataArea) {
        return new ChartFrame.PlotGeometry((Rectangle2D) dataArea.clone(),
                plot.getDomainAxis().getLowerBound(), plot.getDomainAxis().getUpperBound(),
                plot.getRangeAxis().getLowerBound(), plot.getRangeAxis().getUpperBound());
    }

    /** An overlay image: where it goes (layout pixels, on whole device pixels) and the image. */
    public record Overlay(double x, double y, WritableImage image) {
    }

    /**
     * Draws annotations in plot's coordinates, clipped to dataArea (layout pixels), with the chart's
     * rendering hints, into a transparent image just covering the data area (its corner on a whole
     * device pixel, so the image lies 1:1 over the base and stays sharp): what {@code XYPlot.draw} does
     * with them, minus everything else.
     */
    public static Overlay overlay(JFreeChart chart, XYPlot plot, Rectangle2D dataArea, List<XYAnnotation> annotations,
                                  double scale) {
        int x0 = (int) Math.floor(dataArea.getMinX() * scale);
        int y0 = (int) Math.floor(dataArea.getMinY() * scale);
        int w = Math.max(1, (int) Math.ceil(dataArea.getMaxX() * scale) - x0);
        int h = Math.max(1, (int) Math.ceil(dataArea.getMaxY() * scale) - y0);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        try {
            g.translate(-x0, -y0);
            g.scale(scale, scale);
            g.addRenderingHints(chart.getRenderingHints());
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.clip(dataArea);
            for (XYAnnotation a : annotations) {
                a.draw(g, plot, dataArea, plot.getDomainAxis(), plot.getRangeAxis(), 0, null);
            }
        } finally {
            g.dispose();
        }
        return new Overlay(x0 / scale, y0 / scale, toFx(img));
    }

    /**
     * The image as a JavaFX image sharing its pixels (no copy). img must be TYPE_INT_ARGB_PRE and
     * never drawn into again: the FX render thread reads its pixels whenever it shows them.
     */
    public static WritableImage toFx(BufferedImage img) {
        if (img.getType() != BufferedImage.TYPE_INT_ARGB_PRE) {
            throw new IllegalArgumentException("expected a TYPE_INT_ARGB_PRE image, got type " + img.getType());
        }
        int[] pixels = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        PixelBuffer<IntBuffer> buffer = new PixelBuffer<>(img.getWidth(), img.getHeight(), IntBuffer.wrap(pixels),
                PixelFormat.getIntArgbPreInstance());
        return new WritableImage(buffer);
    }
}
