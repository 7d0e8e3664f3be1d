package lab.sharpminima.ui.figure5;

import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.List;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.export.RedrawableXYPlot;
import lab.sharpminima.export.figures.Figure5Chart;
import lab.sharpminima.figure.Figure5;
import lab.sharpminima.ui.overlay.ChartFrame;
import lab.sharpminima.ui.overlay.ChartImages;
import lab.sharpminima.ui.overlay.OffThreadFrames;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.plot.PlotRenderingInfo;

/**
 * Draws the frames of Figure 5 on one thread that is not the FX thread: the export's
 * {@link Figure5Chart}, updated with the newest panels and drawn with Java2D. A frame of the same size
 * as the last starts from a copy of the last frame and redraws only the panels whose drawing changed
 * ({@link Figure5Chart#changedPanels}: a step of θ̂₁ redraws the θ panel, for its red lines, and the η₁
 * panel; a step of a₁ or b₁ the η₁ panel alone). Each panel owns a cell of the image (its area, out to
 * the middle of the gaps between panels, on whole device pixels) that every drawing of it is clipped
 * to, so a redrawn panel is the panel the whole chart would draw. Not thread-safe: the chart belongs to
 * the thread that calls {@link #render} (one at a time).
 */
final class Figure5Frames implements OffThreadFrames.Painter<Figure5Frames.Request> {

    /**
     * What to draw: the panels of settings (built here, on the drawing thread: a step costs no trip
     * through the FX thread between its computation and its drawing) at a size (layout pixels) and
     * scale, in a theme.
     */
    record Request(Figure5.Settings settings, double width, double height, double scale, ChartTheme theme) {

        /** Same drawing as other: equal settings and numbers, the same theme. */
        boolean sameAs(Request other) {
            return other != null && settings.equals(other.settings) && width == other.width && height == other.height
                    && scale == other.scale && theme == other.theme;
        }

        /** Same image size as other. */
        boolean sameSize(Request other) {
            return other != null && width == other.width && height == other.height && scale == other.scale;
        }
    }

    /**
     * Throwaway redrawings of the three panels while idle, to warm the JIT up: Java2D's rasteriser and
     * JFreeChart run several times slower until compiled, which takes a few hundred drawings.
     */
    static final int WARM_UPS = 200;
    /** How far inside the θ panel's area its cell starts (layout pixels): clear of the shared axis's line. */
    private static final double AXIS_CLEARANCE = 3;

    private Figure5Chart chart;
    private ChartTheme theme;
    private int warmUps;
    /** The last frame drawn: its request, panels and image (shared with the FX thread from then on: only read). */
    private Request last;
    private Figure5.Data lastData;
    private BufferedImage lastImage;
    /** The panels' data areas in the last whole drawing (a redrawn panel keeps its area). */
    private final List<Rectangle2D> dataAreas = new ArrayList<>();
    private BufferedImage scratch;
    /**
     * The θ panel's cell without its red lines (device pixels, row by row), drawn at the first step after a
     * whole drawing; {@code null} until then.
     */
    private int[] thetaUnder;

    /** The frame for r; its plots are the θ, η₁ and η₂ panels, in that order. */
    @Override
    public ChartFrame render(Request r) {
        BufferedImage img = image(r);
        Figure5.Data data = lastData;
        List<ChartFrame.PlotGeometry> geometry = new ArrayList<>();
        for (int i = 0; i < dataAreas.size(); i++) {
            geometry.add(ChartImages.geometry(chart.panel(i), dataAreas.get(i)));
        }
        return new ChartFrame(ChartImages.toFx(img), null, 0, 0, r.width(), r.height(), r.scale(), geometry, data);
    }

    /** The chart drawn last ({@code null} before the first frame). */
    Figure5Chart chart() {
        return chart;
    }

    /**
     * The image of r's frame: the last one's copy with the changed panels redrawn, or the whole chart;
     * lastData then holds its panels.
     */
    BufferedImage image(Request r) {
        Figure5.Data data = Figure5.build(r.settings());
        if (chart == null || r.theme() != theme) {
            theme = r.theme();
            chart = new Figure5Chart(data.panels().get(0), theme);
            last = null;
        }
        BufferedImage img;
        if (r.sameSize(last)) {
            boolean[] changed = Figure5Chart.changedPanels(lastData, data);
            chart.showOverlay(data);
            img = copyExcept(lastImage, redrawnCells(changed, r.scale()));
            redraw(img, r.scale(), changed);
        } else {
            chart.showOverlay(data);
            img = drawWhole(r);
        }
        last = r;
        lastData = data;
        lastImage = img;
        return img;
    }

    /**
     * The whole chart: a first pass clipped to nothing lays it out (the panels' areas), which gives the
     * cells; the second draws it, each panel in its cell.
     */
    private BufferedImage drawWhole(Request r) {
        for (int i = 0; i < 3; i++) {
            chart.panel(i).setCell(null);
        }
        thetaUnder = null;
        BufferedImage img = new BufferedImage(ChartImages.pixels(r.width(), r.scale()),
                ChartImages.pixels(r.height(), r.scale()), BufferedImage.TYPE_INT_ARGB_PRE);
        Rectangle2D bounds = new Rectangle2D.Double(0, 0, r.width(), r.height());
        Graphics2D layout = img.createGraphics();
        try {
            layout.clipRect(0, 0, 0, 0);
            layout.scale(r.scale(), r.scale());
            chart.chart().draw(layout, bounds, new ChartRenderingInfo(null));
        } finally {
            layout.dispose();
        }
        setCells(r.width(), r.scale());
        ChartRenderingInfo info = new ChartRenderingInfo(null); // no entities: nothing here asks for them
        Graphics2D g = img.createGraphics();
        try {
            g.scale(r.scale(), r.scale());
            chart.chart().draw(g, bounds, info);
        } finally {
            g.dispose();
        }
        PlotRenderingInfo plots = info.getPlotInfo();
        dataAreas.clear();
        for (int i = 0; i < plots.getSubplotCount(); i++) {
            dataAreas.add(plots.getSubplotInfo(i).getDataArea());
        }
        return img;
    }

    /**
     * Each panel's cell: its area, widened to the middle of the gaps beside it (the last panel's to the
     * chart's right edge), the θ panel's starting {@value #AXIS_CLEARANCE} px inside its area (the shared
     * axis's line lies on the area's edge), rounded to whole device pixels.
     */
    private void setCells(double width, double scale) {
        Rectangle2D[] areas = new Rectangle2D[3];
        for (int i = 0; i < 3; i++) {
            areas[i] = chart.panel(i).lastArea();
        }
        for (int i = 0; i < 3; i++) {
            double left = i == 0 ? areas[0].getMinX() + AXIS_CLEARANCE : (areas[i - 1].getMaxX() + areas[i].getMinX()) / 2;
            double right = i == 2 ? width : (areas[i].getMaxX() + areas[i + 1].getMinX()) / 2;
            double x0 = Math.round(left * scale) / scale;
            double x1 = Math.round(right * scale) / scale;
            double y0 = Math.round(areas[i].getMinY() * scale) / scale;
            double y1 = Math.round(areas[i].getMaxY() * scale) / scale;
            chart.panel(i).setCell(new Rectangle2D.Double(x0, y0, x1 - x0, y1 - y0));
        }
    }

    /** Redraws the panels marked in which into img, a copy of the last frame. */
    private void redraw(BufferedImage img, double scale, boolean[] which) {
        Graphics2D g = img.createGraphics();
        try {
            g.scale(scale, scale);
            g.addRenderingHints(chart.chart().getRenderingHints());
            Paint background = chart.chart().getBackgroundPaint();
            if (which[0]) {
                // The θ panel: only its red lines move; the rest is drawn once and kept as pixels.
                RedrawableXYPlot theta = chart.panel(0);
                Rectangle cell = devicePixels(theta.cell(), scale);
                int[] pixels = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
                if (thetaUnder == null) {
                    theta.redrawUnder(g, background);
                    thetaUnder = new int[cell.width * cell.height];
                    for (int y = 0; y < cell.height; y++) {
                        System.arraycopy(pixels, (cell.y + y) * img.getWidth() + cell.x, thetaUnder, y * cell.width, cell.width);
                    }
                } else {
                    for (int y = 0; y < cell.height; y++) {
                        System.arraycopy(thetaUnder, y * cell.width, pixels, (cell.y + y) * img.getWidth() + cell.x, cell.width);
                    }
                }
                theta.drawOver(g);
            }
            for (int i = 1; i < which.length; i++) {
                if (which[i]) {
                    chart.panel(i).redraw(g, background, null);
                }
            }
        } finally {
            g.dispose();
        }
    }

    /** A cell (layout pixels, on whole device pixels) in device pixels. */
    private static Rectangle devicePixels(Rectangle2D cell, double scale) {
        int x0 = (int) Math.round(cell.getMinX() * scale);
        int y0 = (int) Math.round(cell.getMinY() * scale);
        return new Rectangle(x0, y0, (int) Math.round(cell.getMaxX() * scale) - x0,
                (int) Math.round(cell.getMaxY() * scale) - y0);
    }

    /** The cells (device pixels) that {@link #redraw} rewrites whole for which: every changed panel's. */
    private List<Rectangle> redrawnCells(boolean[] which, double scale) {
        List<Rectangle> cells = new ArrayList<>();
        for (int i = 0; i < which.length; i++) {
            if (which[i]) {
                cells.add(devicePixels(chart.panel(i).cell(), scale));
            }
        }
        return cells;
    }

    /**
     * A copy of img, but for the pixels inside skip (left as zero): those are about to be rewritten,
     * and a frame is mostly its panels (copying a 1200×500 frame whole takes about a millisecond).
     */
    static BufferedImage copyExcept(BufferedImage img, List<Rectangle> skip) {
        int w = img.getWidth();
        BufferedImage out = new BufferedImage(w, img.getHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
        int[] from = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int[] to = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        List<Rectangle> spans = new ArrayList<>(skip);
        spans.sort(java.util.Comparator.comparingInt(c -> c.x));
        for (int y = 0; y < img.getHeight(); y++) {
            int x = 0;
            for (Rectangle c : spans) {
                if (y < c.y || y >= c.y + c.height || c.x + c.width <= x) {
                    continue;
                }
                if (c.x > x) {
                    System.arraycopy(from, y * w + x, to, y * w + x, Math.min(c.x, w) - x);
                }
                x = Math.max(x, c.x + c.width);
            }
            if (x < w) {
                System.arraycopy(from, y * w + x, to, y * w + x, w - x);
            }
        }
        return out;
    }

    /**
     * Idle: the three panels as last drawn, redrawn into a throwaway image, {@value #WARM_UPS} times in
     * all (the JIT compiles the drawing code meanwhile, see {@link OffThreadFrames}).
     */
    @Override
    public boolean idle(Request r, int round) {
        if (chart == null || last == null || warmUps >= WARM_UPS) {
            return false;
        }
        if (scratch == null || scratch.getWidth() != lastImage.getWidth() || scratch.getHeight() != lastImage.getHeight()) {
            scratch = new BufferedImage(lastImage.getWidth(), lastImage.getHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
        }
        redraw(scratch, last.scale(), new boolean[] {true, true, true});
        warmUps++;
        return true;
    }
}
