package lab.sharpminima.ui.figure3;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.image.WritableImage;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.export.figures.Figure3Chart;
import lab.sharpminima.figure.Figure3;
import lab.sharpminima.figure.LandscapeLayer;
import lab.sharpminima.landscape.Window;
import lab.sharpminima.ui.overlay.ChartFrame;
import lab.sharpminima.ui.overlay.ChartImages;
import lab.sharpminima.ui.overlay.OffThreadFrames;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.Range;

/**
 * Draws the frames of Figure 3 on one thread that is not the FX thread, with Java2D and the export's
 * {@link Figure3Chart}: the chart of a layer (landscape, axes, legend) as the base image, drawn with its
 * boxes taken off the plot, and the boxes as an overlay image above the data area, drawn in the base's
 * axes (one chart per layer serves both). The axes are the layer's window ({@link #axesFor}), which
 * the ViewModel keeps while the boxes move within it ({@link Figure3ViewModel#movingWindow}): a drag's
 * small steps then draw the overlay alone (a few shapes) over the base already drawn. Recent bases are
 * kept ({@value #KEPT_BASE_BYTES} bytes of them, and a chart per landscape the ViewModel keeps), so
 * going back to a window, or toggling α between two values, draws no chart; a base is drawn in {@link ChartImages#BANDS} bands,
 * each on its own thread ({@link ChartImages#drawInBands}: the landscape's heat map and contours are
 * most of a frame's work). Not thread-safe: the charts and caches belong to the thread that calls {@link #render}
 * (one at a time), the band copies to the band threads.
 */
final class Figure3Frames implements OffThreadFrames.Painter<Figure3Frames.Request> {

    /** What to draw: the boxes over a layer, at a size (layout pixels) and scale, in a theme. */
    record Request(Figure3.Data data, LandscapeLayer layer, double width, double height, double scale,
                   ChartTheme theme) {

        /** Same drawing as other: the same objects (by identity) and numbers. */
        boolean sameAs(Request other) {
            return other != null && data == other.data && layer == other.layer && width == other.width
                    && height == other.height && scale == other.scale && theme == other.theme;
        }
    }

    /** One arrow-key step of the α slider, in log₁₀ α (its block increment). */
    static final double ALPHA_STEP = 0.1;
    /** Throwaway drawings while idle, to warm the JIT up. */
    static final int WARM_UPS = 60;
    /** Charts kept: one per landscape the ViewModel keeps, so going back to one builds no chart. */
    private static final int KEPT_CHARTS = Figure3ViewModel.CACHED_LAYERS;
    /**
     * Bytes of base images kept (most recent first, at least two): 26 bases of an 850×720 chart, 6 at
     * twice the scale. Toggling α between two values, or coming back along a jump, then draws only the boxes.
     */
    static final long KEPT_BASE_BYTES = 64L << 20;

    /**
     * The chart of one layer, and its copies for the bands after the first ({@link ChartImages#drawInBands}),
     * each built and used only by a thread that draws a band.
     */
    private record Charts(LandscapeLayer layer, Figure3Chart chart, Figure3Chart[] copies) {
    }

    /** A base image: the chart of a layer over axes a × b, and where its data area lies. */
    private record Base(LandscapeLayer layer, Range a, Range b, double width, double height, double scale,
                        WritableImage image, Rectangle2D dataArea) {

        /** The image's size in memory (4 bytes a pixel). */
        long bytes() {
            return 4L * (long) image.getWidth() * (long) image.getHeight();
        }

        /** Whether drawn for these: axes equal up to 1e-9 of their length (a base drawn ahead computed α its own way). */
        boolean drawnFor(LandscapeLayer l, Range a2, Range b2, double w, double h, double s) {
            return layer == l && close(a, a2) && close(b, b2) && width == w && height == h && scale == s;
        }

        private static boolean close(Range x, Range y) {
            double tol = 1e-9 * x.getLength();
            return Math.abs(x.getLowerBound() - y.getLowerBound()) <= tol
                    && Math.abs(x.getUpperBound() - y.getUpperBound()) <= tol;
        }
    }

    /** Most recently used last. */
    private final List<Charts> charts = new ArrayList<>();
    private final List<Base> bases = new ArrayList<>();
    private ChartTheme theme;
    /** The way α moved last (±1), for the base drawn ahead first. */
    private double direction = 1;
    private double lastAlpha = Double.NaN;
    private int warmUps;

    /** The frame for r: the base kept or drawn, and the boxes drawn over it. */
    @Override
    public ChartFrame render(Request r) {
        if (r.theme() != theme) {
            charts.clear();
            bases.clear();
            theme = r.theme();
        }
        double alpha = r.data().settings().alpha();
        if (alpha != lastAlpha && !Double.isNaN(lastAlpha)) {
            direction = Math.signum(alpha - lastAlpha);
        }
        lastAlpha = alpha;
        Charts c = charts(r.layer());
        c.chart().showBoxes(r.data());
        Window w = axesFor(Figure3Chart.windowFor(r.data()), r.layer());
        Base base = base(c, new Range(w.a0(), w.a1()), new Range(w.b0(), w.b1()), r);
        Range a = base.a();
        Range b = base.b();
        XYPlot plot = c.chart().chart().getXYPlot();
        setAxes(plot, a, b);
        ChartImages.Overlay boxes = ChartImages.overlay(c.chart().chart(), plot, base.dataArea(),
                c.chart().overlayAnnotations(), r.scale());
        return new ChartFrame(base.image(), boxes.image(), boxes.x(), boxes.y(), r.width(), r.height(), r.scale(),
                List.of(new ChartFrame.PlotGeometry(base.dataArea(), a.getLowerBound(), a.getUpperBound(),
                        b.getLowerBound(), b.getUpperBound())), r.data());
    }

    /**
     * Idle after r's frame: rounds 0 and 1 draw ahead the bases the arrow keys would need next (α one
     * keyboard step, {@value #ALPHA_STEP} in log₁₀ α, further the way it moved last, then back), when
     * they are over another layer kept here; later rounds are throwaway drawings at half size, {@value #WARM_UPS} in
     * all, that warm the JIT up (see {@link OffThreadFrames}).
     */
    @Override
    public boolean idle(Request r, int round) {
        if (r.theme() != theme) {
            return false;
        }
        if (round < 2) {
            drawAhead(r, round == 0 ? direction : -direction);
            return true;
        }
        if (warmUps >= WARM_UPS) {
            return false;
        }
        ChartImages.draw(charts(r.layer()).chart().chart(), r.width() / 2, r.height() / 2, r.scale(),
                new ChartRenderingInfo(null));
        warmUps++;
        return true;
    }

    /**
     * Draws and keeps the base for r's boxes at α·10^(sign·step), when the layer the ViewModel would
     * show then ({@link Figure3ViewModel#movingWindow}) is one of those kept here and differs from r's.
     */
    private void drawAhead(Request r, double sign) {
        Figure3.Settings s = r.data().settings();
        double x = Math.log10(s.alpha()) + sign * ALPHA_STEP;
        if (x < Figure3ViewModel.MIN_EXPONENT - 1e-9 || x > Figure3ViewModel.MAX_EXPONENT + 1e-9) {
            return;
        }
        Figure3.Data next = Figure3.build(new Figure3.Settings(s.theta1(), s.theta2(), s.radius(), Math.pow(10, x),
                s.count()));
        Window boxes = Figure3Chart.windowFor(next);
        List<Window> kept = new ArrayList<>();
        charts.forEach(c -> kept.add(c.layer().grid().window()));
        Window layerWindow = Figure3ViewModel.movingWindow(boxes, Figure3Chart.windowFor(r.data()),
                r.layer().grid().window(), kept);
        for (Charts c : List.copyOf(charts)) {
            if (c.layer() != r.layer() && c.layer().grid().window().equals(layerWindow)) {
                Window w = axesFor(boxes, c.layer());
                base(charts(c.layer()), new Range(w.a0(), w.a1()), new Range(w.b0(), w.b1()),
                        new Request(next, c.layer(), r.width(), r.height(), r.scale(), r.theme()));
            }
        }
    }

    /**
     * The axes for boxes over layer: the layer's window when it holds them (a base per layer: while the
     * boxes move within it, frames draw only the boxes), else the boxes' window (the layer that holds
     * them is still being computed: a strip of the plot stays blank until it comes).
     */
    static Window axesFor(Window boxes, LandscapeLayer layer) {
        Window w = layer.grid().window();
        return w.contains(boxes) ? w : boxes;
    }

    /** The kept base for these axes and size, or a new one drawn now. */
    private Base base(Charts c, Range a, Range b, Request r) {
        for (int i = bases.size() - 1; i >= 0; i--) {
            Base k = bases.get(i);
            if (k.drawnFor(r.layer(), a, b, r.width(), r.height(), r.scale())) {
                bases.remove(i);
                bases.add(k);
                return k;
            }
        }
        XYPlot plot = c.chart().chart().getXYPlot();
        setAxes(plot, a, b);
        // The boxes go on the overlay: off the plot while the base is drawn (the next showBoxes puts
        // the new ones on; removing what is gone already is a no-op).
        for (XYAnnotation box : c.chart().overlayAnnotations()) {
            plot.removeAnnotation(box, false);
        }
        List<Supplier<JFreeChart>> bands = new ArrayList<>();
        bands.add(() -> c.chart().chart());
        ChartTheme t = theme;
        for (int i = 0; i < c.copies().length; i++) {
            int k = i;
            bands.add(() -> {
                if (c.copies()[k] == null) {
                    c.copies()[k] = newChart(c.layer(), t);
                }
                setAxes(c.copies()[k].chart().getXYPlot(), a, b);
                return c.copies()[k].chart();
            });
        }
        ChartRenderingInfo info = new ChartRenderingInfo(null); // no entities: only the data area is read
        BufferedImage img = ChartImages.drawInBands(bands, r.width(), r.height(), r.scale(), info);
        Base k = new Base(r.layer(), a, b, r.width(), r.height(), r.scale(), ChartImages.toFx(img),
                (Rectangle2D) info.getPlotInfo().getDataArea().clone());
        bases.add(k);
        long bytes = bases.stream().mapToLong(Base::bytes).sum();
        while (bases.size() > 2 && bytes > KEPT_BASE_BYTES) {
            bytes -= bases.remove(0).bytes();
        }
        return k;
    }

    private static void setAxes(XYPlot plot, Range a, Range b) {
        if (!plot.getDomainAxis().getRange().equals(a)) {
            plot.getDomainAxis().setRange(a);
        }
        if (!plot.getRangeAxis().getRange().equals(b)) {
            plot.getRangeAxis().setRange(b);
        }
    }

    /** The charts of layer (by identity), built now if not kept. */
    private Charts charts(LandscapeLayer layer) {
        for (int i = charts.size() - 1; i >= 0; i--) {
            Charts c = charts.get(i);
            if (c.layer() == layer) {
                charts.remove(i);
                charts.add(c);
                return c;
            }
        }
        Charts c = new Charts(layer, newChart(layer, theme), new Figure3Chart[ChartImages.BANDS - 1]);
        charts.add(c);
        if (charts.size() > KEPT_CHARTS) {
            LandscapeLayer dropped = charts.remove(0).layer();
            bases.removeIf(k -> k.layer() == dropped);
        }
        return c;
    }

    /** The export's chart of layer, without the readout subtitle (the side panel has the readouts). */
    private static Figure3Chart newChart(LandscapeLayer layer, ChartTheme theme) {
        Figure3Chart chart = new Figure3Chart(layer, theme);
        chart.chart().getSubtitles().stream().filter(t -> t instanceof TextTitle).forEach(t -> t.setVisible(false));
        return chart;
    }

}
