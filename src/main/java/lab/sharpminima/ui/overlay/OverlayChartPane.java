package lab.sharpminima.ui.overlay;

import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.event.ChartProgressEvent;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.Range;
import org.jfree.fx.FXGraphics2D;

/**
 * A {@link ChartViewer} showing a static chart, with a transparent canvas above it on which the
 * overlay's annotations (from an off-screen twin chart) are drawn in the on-screen plot's
 * coordinates. {@link #requestRedraw(Runnable)} takes a callback that updates the twin; it runs on
 * the next pulse, and several requests within one pulse draw once.
 */
public final class OverlayChartPane {

    private final ChartViewer viewer = new ChartViewer();
    private final Canvas canvas = new Canvas();
    private final FXGraphics2D graphics;
    private final Label placeholder;
    private final StackPane root;
    private Supplier<List<XYAnnotation>> annotations = List::of;
    private Runnable update;
    private Range homeDomain;
    private Range homeRange;
    private long frameNanos;
    /** Width/height in pixels the data area should have, or NaN for "fill the pane". */
    private double aspect = Double.NaN;
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drawPending();
        }
    };

    /** @param id the chart's node id (tests look it up); the canvas gets id + "-overlay" */
    public OverlayChartPane(String id, String placeholderText) {
        viewer.setId(id);
        placeholder = new Label(placeholderText);
        placeholder.getStyleClass().add("figure-placeholder");
        canvas.setId(id + "-overlay");
        canvas.setMouseTransparent(true);
        canvas.widthProperty().bind(viewer.widthProperty());
        canvas.heightProperty().bind(viewer.heightProperty());
        canvas.widthProperty().addListener((obs, old, w) -> drawOverlay());
        canvas.heightProperty().addListener((obs, old, h) -> drawOverlay());
        graphics = new CachedTextGraphics(canvas.getGraphicsContext2D());
        CachedTextGraphics.install(viewer);
        root = new StackPane(viewer, canvas, placeholder);
        // Both centred: the canvas has the viewer's size, so it lies exactly over it even when the
        // viewer is narrowed to keep the data area's aspect (keepAspect).
        StackPane.setAlignment(viewer, Pos.CENTER);
        StackPane.setAlignment(canvas, Pos.CENTER);
        root.getStyleClass().add("figure-chart-pane");
    }

    public Node root() {
        return root;
    }

    public ChartViewer viewer() {
        return viewer;
    }

    /**
     * Shows {@code chart} as the static layer (its text subtitles hidden: the side panel has the
     * readouts, and a subtitle that changed with every slider move would repaint the whole chart);
     * {@code overlay} supplies the annotations of the twin chart to draw above it.
     */
    public void setChart(JFreeChart chart, Supplier<List<XYAnnotation>> overlay) {
        chart.getSubtitles().stream().filter(t -> t instanceof TextTitle).forEach(t -> t.setVisible(false));
        chart.addProgressListener(e -> {
            if (e.getType() == ChartProgressEvent.DRAWING_FINISHED) {
                fitAspect();
                drawOverlay();
            }
        });
        annotations = overlay;
        viewer.setChart(chart);
        XYPlot plot = chart.getXYPlot();
        homeDomain = plot.getDomainAxis().getRange();
        homeRange = plot.getRangeAxis().getRange();
        placeholder.setVisible(false);
    }

    /**
     * Keeps the plot's data area at width/height = {@code widthOverHeight} by narrowing the viewer
     * (centred in the pane), so that circles in data coordinates (Figure 4's balls) are round when the
     * axes span equal lengths. Re-fitted after each drawing and whenever the pane is resized.
     */
    public void keepAspect(double widthOverHeight) {
        aspect = widthOverHeight;
        root.widthProperty().addListener((obs, old, w) -> unfit());
        root.heightProperty().addListener((obs, old, h) -> unfit());
    }

    private void unfit() {
        viewer.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
    }

    /** One step: the viewer loses the data area's excess width (or height); the next drawing checks. */
    private void fitAspect() {
        Rectangle2D area = dataArea();
        if (Double.isNaN(aspect) || area == null || area.isEmpty()) {
            return;
        }
        double excessWidth = area.getWidth() - aspect * area.getHeight();
        double excessHeight = area.getHeight() - area.getWidth() / aspect;
        if (excessWidth > 1) {
            viewer.setMaxSize(viewer.getWidth() - excessWidth, Double.MAX_VALUE);
        } else if (excessHeight > 1) {
            viewer.setMaxSize(Double.MAX_VALUE, viewer.getHeight() - excessHeight);
        }
    }

    /** Runs {@code updateTwin} and redraws the overlay on the next pulse; a newer request replaces it. */
    public void requestRedraw(Runnable updateTwin) {
        update = updateTwin;
        pulse.start();
    }

    /** Nanoseconds the last overlay took to update and draw (on the FX thread). */
    public long frameNanos() {
        return frameNanos;
    }

    private void drawPending() {
        pulse.stop();
        if (update != null && viewer.getChart() != null) {
            long start = System.nanoTime();
            update.run();
            update = null;
            drawOverlay();
            frameNanos = System.nanoTime() - start;
        }
    }

    private void drawOverlay() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        Rectangle2D area = dataArea();
        if (viewer.getChart() == null || area == null || area.isEmpty()) {
            return;
        }
        XYPlot plot = viewer.getChart().getXYPlot();
        Shape clip = graphics.getClip();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.clip(area);
        for (XYAnnotation a : annotations.get()) {
            a.draw(graphics, plot, area, plot.getDomainAxis(), plot.getRangeAxis(), 0, null);
        }
        graphics.setClip(clip);
    }

    /** Back to the chart's first axis ranges after a zoom. */
    public void restoreZoom() {
        if (viewer.getChart() != null && homeDomain != null) {
            XYPlot plot = viewer.getChart().getXYPlot();
            plot.getDomainAxis().setRange(homeDomain);
            plot.getRangeAxis().setRange(homeRange);
        }
    }

    private Rectangle2D dataArea() {
        ChartRenderingInfo info = viewer.getRenderingInfo();
        return info == null ? null : info.getPlotInfo().getDataArea();
    }

    /** Canvas pixels → data coordinates, or {@code null} outside the plot's data area. */
    public Point2D toData(double x, double y) {
        JFreeChart c = viewer.getChart();
        Rectangle2D area = dataArea();
        if (c == null || area == null || area.isEmpty() || !area.contains(x, y)) {
            return null;
        }
        XYPlot plot = c.getXYPlot();
        return new Point2D.Double(plot.getDomainAxis().java2DToValue(x, area, plot.getDomainAxisEdge()),
                plot.getRangeAxis().java2DToValue(y, area, plot.getRangeAxisEdge()));
    }

    /** Data coordinates → canvas pixels, or {@code null} before the first rendering. */
    public Point2D toScreen(double a, double b) {
        JFreeChart c = viewer.getChart();
        Rectangle2D area = dataArea();
        if (c == null || area == null || area.isEmpty()) {
            return null;
        }
        XYPlot plot = c.getXYPlot();
        return new Point2D.Double(plot.getDomainAxis().valueToJava2D(a, area, plot.getDomainAxisEdge()),
                plot.getRangeAxis().valueToJava2D(b, area, plot.getRangeAxisEdge()));
    }
}
