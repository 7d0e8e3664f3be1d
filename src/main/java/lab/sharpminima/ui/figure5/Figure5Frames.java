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
 * {@link Figure5Chart}, updated with the newest panels and drawn with Java2D. A frame is a base image of
 * the whole chart, kept from step to step, and an overlay image of the cells of the panels that differ
 * from it ({@link Figure5Chart#changedPanels}: dragging θ̂₁ changes the θ panel, for its red lines, and
 * the η₁ panel; a₁ or b₁ the η₁ panel alone); each step redraws only the panels it changes
 * ({@link #draw}). Each panel owns a cell of the image (its area, out to the middle of the gaps between
 * panels, on whole device pixels) that every drawing of it is clipped to, so a redrawn panel is the
 * panel the whole chart would draw. Not thread-safe: the chart belongs to the thread that calls
 * {@link #render} (one at a time).
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
    /** The last frame drawn: its request, panels and drawing (shared with the FX thread from then on: only read). */
    private Request last;
    private Figure5.Data lastData;
    private Drawn lastDrawn;
    /** The panels the base shows. */
    private Figure5.Data baseData;
    /** The base as the FX thread shows it (one image object while the base stays: no new texture per step). */
    private BufferedImage fxBaseOf;
    private javafx.scene.image.WritableImage fxBase;
    /** The panels' data areas in the last whole drawing (a redrawn panel keeps its area). */
    private final List<Rectangle2D> dataAreas = new ArrayList<>();
    private BufferedImage scratch;
    /**
     * The θ panel's cell without its red lines (device pixels, row by row), drawn at the first step after a
     * whole drawing; {@code null} until then.
     */
    private int[] thetaUnder;
    /** The panels' cells in device pixels, set with their cells by the last whole drawing. */
    private final Rectangle[] cells = new Rectangle[3];

    /**
     * A frame's drawing: a base image of the whole chart and, over it at {@code at} (device pixels), an
     * image of the cells of the panels that differ from the base ({@code null}: none).
     */
    record Drawn(BufferedImage base, BufferedImage overlay, Rectangle at) {
    }

    /** The frame for r; its plots are the θ, η₁ and η₂ panels, in that order. */
    @Override
    public ChartFrame render(Request r) {
        Drawn d = draw(r);
        if (d.base() != fxBaseOf) {
            fxBaseOf = d.base();
            fxBase = ChartImages.toFx(d.base());
        }
        List<ChartFrame.PlotGeometry> geometry = new ArrayList<>();
        for (int i = 0; i < dataAreas.size(); i++) {
            geometry.add(ChartImages.geometry(chart.panel(i), dataAreas.get(i)));
        }
        return d.overlay() == null
                ? new ChartFrame(fxBase, null, 0, 0, r.width(), r.height(), r.scale(), geometry, lastData)
                : new ChartFrame(fxBase, ChartImages.toFx(d.overlay()), d.at().x / r.scale(), d.at().y / r.scale(),
                        r.width(), r.height(), r.scale(), geometry, lastData);
    }

    /** The chart drawn last ({@code null} before the first frame). */
    Figure5Chart chart() {
        return chart;
    }

    /**
     * The drawing of r's frame; lastData then holds its panels. A new size or theme draws the whole
     * chart as the base. Otherwise the base stays, and the cells of the panels that differ from it go on
     * an overlay image (a step of θ̂₁: the θ and η₁ cells, about 1.5 MB at 1200×500, where a whole frame
     * would be a 2.3 MB allocation of the kind that sets off a collection): cells the last step left alone
     * are copied from the last overlay, the others redrawn. When the changed panels are not side by side
     * (θ and η₂) or are all three, the frame becomes the new base.
     */
    Drawn draw(Request r) {
        Figure5.Data data = Figure5.build(r.settings());
        if (chart == null || r.theme() != theme) {
            theme = r.theme();
            chart = new Figure5Chart(data.panels().get(0), theme);
            last = null;
        }
        Drawn drawn;
        if (!r.sameSize(last)) {
            chart.showOverlay(data);
            drawn = new Drawn(drawWhole(r), null, null);
            baseData = data;
        } else {
            boolean[] sinceBase = Figure5Chart.changedPanels(baseData, data);
            boolean[] sinceLast = Figure5Chart.changedPanels(lastData, data);
            chart.showOverlay(data);
            Rectangle at = span(sinceBase);
            if (at == null) {
                drawn = new Drawn(lastDrawn.base(), null, null);
            } else if (at.width <= 0) {
                // A new base: the old one with every cell that differs from it redrawn.
                BufferedImage base = copyExcept(lastDrawn.base(), redrawnCells(sinceBase));
                redraw(base, 0, 0, r.scale(), sinceBase);
                drawn = new Drawn(base, null, null);
                baseData = data;
            } else {
                BufferedImage overlay = new BufferedImage(at.width, at.height, BufferedImage.TYPE_INT_ARGB_PRE);
                boolean[] redraw = sinceBase.clone();
                if (lastDrawn.overlay() != null && at.equals(lastDrawn.at())) {
                    for (int i = 0; i < 3; i++) {
                        if (sinceBase[i] && !sinceLast[i]) {
                            copyCell(lastDrawn.overlay(), overlay, at, cells[i]);
                            redraw[i] = false;
                        }
                    }
                }
                redraw(overlay, at.x, at.y, r.scale(), redraw);
                drawn = new Drawn(lastDrawn.base(), overlay, at);
            }
        }
        last = r;
        lastData = data;
        lastDrawn = drawn;
        return drawn;
    }

    /**
     * The cells of the marked panels as one rectangle (device pixels) when they are side by side and not
     * all three; {@code null} when none is marked; an empty rectangle when the frame should be a new base.
     */
    private Rectangle span(boolean[] which) {
        int first = -1;
        int count = 0;
        for (int i = 0; i < which.length; i++) {
            if (which[i]) {
                first = first < 0 ? i : first;
                count++;
            }
        }
        if (count == 0) {
            return null;
        }
        if (count == 3 || (count == 2 && !which[1])) {
            return new Rectangle();
        }
        Rectangle at = cells[first];
        for (int i = first + 1; i < first + count; i++) {
            Rectangle c = cells[i];
            if (c.y != at.y || c.height != at.height) {
                return new Rectangle(); // cells of unequal heights: not one rectangle
            }
            at = at.union(c);
        }
        return at;
    }

    /** Copies cell (device pixels of the frame) from one overlay at {@code at} to another there. */
    private static void copyCell(BufferedImage from, BufferedImage to, Rectangle at, Rectangle cell) {
        copyRect(pixels(from), at.width, cell.x - at.x, cell.y - at.y, pixels(to), at.width, cell.x - at.x,
                cell.y - at.y, cell.width, cell.height);
    }

    /** The pixels of a TYPE_INT_ARGB_PRE image, row by row. */
    private static int[] pixels(BufferedImage img) {
        return ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    }

    /**
     * Copies a width × height rectangle of pixels from (fromX, fromY) of one row-by-row array (rows
     * fromWidth long) to (toX, toY) of another (rows toWidth long).
     */
    private static void copyRect(int[] from, int fromWidth, int fromX, int fromY, int[] to, int toWidth, int toX, int toY,
                         int width, int height) {
        for (int y = 0; y < height; y++) {
            System.arraycopy(from, (fromY + y) * fromWidth + fromX, to, (toY + y) * toWidth + toX, width);
        }
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
            int x0 = (int) Math.round(left * scale);
            int y0 = (int) Math.round(areas[i].getMinY() * scale);
            Rectangle cell = new Rectangle(x0, y0, (int) Math.round(right * scale) - x0,
                    (int) Math.round(areas[i].getMaxY() * scale) - y0);
            cells[i] = cell;
            chart.panel(i).setCell(new Rectangle2D.Double(cell.x / scale, cell.y / scale, cell.width / scale,
                    cell.height / scale));
        }
    }

    /**
     * Redraws the panels marked in which into img, whose pixel (0, 0) is the frame's device pixel
     * (ox, oy) and which holds their cells.
     */
    private void redraw(BufferedImage img, int ox, int oy, double scale, boolean[] which) {
        Graphics2D g = img.createGraphics();
        try {
            g.translate(-ox, -oy);
            g.scale(scale, scale);
            g.addRenderingHints(chart.chart().getRenderingHints());
            Paint background = chart.chart().getBackgroundPaint();
            if (which[0]) {
                // The θ panel: only its red lines move; the rest is drawn once and kept as pixels.
                RedrawableXYPlot theta = chart.panel(0);
                Rectangle cell = cells[0];
                int x0 = cell.x - ox;
                int y0 = cell.y - oy;
                if (thetaUnder == null) {
                    theta.redrawUnder(g, background);
                    thetaUnder = new int[cell.width * cell.height];
                    copyRect(pixels(img), img.getWidth(), x0, y0, thetaUnder, cell.width, 0, 0, cell.width, cell.height);
                } else {
                    copyRect(thetaUnder, cell.width, 0, 0, pixels(img), img.getWidth(), x0, y0, cell.width, cell.height);
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

    /** The cells (device pixels) of the panels marked in which (each rewritten whole when redrawn). */
    private List<Rectangle> redrawnCells(boolean[] which) {
        List<Rectangle> redrawn = new ArrayList<>();
        for (int i = 0; i < which.length; i++) {
            if (which[i]) {
                redrawn.add(cells[i]);
            }
        }
        return redrawn;
    }

    /**
     * A copy of img, but for the pixels inside skip (left as zero): those are about to be rewritten,
     * and a frame is mostly its panels (copying a 1200×500 frame whole takes about a millisecond).
     */
    static BufferedImage copyExcept(BufferedImage img, List<Rectangle> skip) {
        int w = img.getWidth();
        BufferedImage out = new BufferedImage(w, img.getHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
        int[] from = pixels(img);
        int[] to = pixels(out);
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
        BufferedImage base = lastDrawn.base();
        if (scratch == null || scratch.getWidth() != base.getWidth() || scratch.getHeight() != base.getHeight()) {
            scratch = new BufferedImage(base.getWidth(), base.getHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
        }
        redraw(scratch, 0, 0, last.scale(), new boolean[] {true, true, true});
        warmUps++;
        return true;
    }
}
