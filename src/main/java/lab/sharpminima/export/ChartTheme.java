package lab.sharpminima.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.util.Arrays;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.RectangleInsets;

/**
 * Our look in place of JFreeChart's grey default: white background, a light grid, one sans-serif
 * typeface ("DejaVu Sans", else the logical SansSerif) at legible sizes, thin dark axis lines and
 * the Okabe–Ito palette for series. {@link #standard()} suits a screen or a paper (title 18, axis
 * labels 15, ticks 13 points); {@link #presentation()} is for projectors: larger type, thicker lines.
 * Sizes are in points at 1×; a 2× PNG doubles them with everything else (see {@link ChartExport}).
 */
public final class ChartTheme {

    /** The preferred typeface; wide Unicode coverage (θ₁, ε, ∇², α) and installed on most Linux desktops. */
    public static final String PREFERRED_FAMILY = "DejaVu Sans";

    private static final Color GRID = new Color(0xE3E3E3);
    private static final Color AXIS = new Color(0x404040);
    private static final Color TEXT = new Color(0x1A1A1A);

    private final String name;
    private final float title;
    private final float label;
    private final float tick;
    private final float axisWidth;
    private final float lineWidth;

    private ChartTheme(String name, float title, float label, float tick, float axisWidth, float lineWidth) {
        this.name = name;
        this.title = title;
        this.label = label;
        this.tick = tick;
        this.axisWidth = axisWidth;
        this.lineWidth = lineWidth;
    }

    /** Screen and paper: title 18, axis labels 15, tick labels 13 points; axis lines 1, curves 1.75. */
    public static ChartTheme standard() {
        return new ChartTheme("sharp-minima", 18, 15, 13, 1f, 1.75f);
    }

    /** Projector: title 26, axis labels 22, tick labels 19 points; axis lines 2, curves 3.5. */
    public static ChartTheme presentation() {
        return new ChartTheme("sharp-minima-presentation", 26, 22, 19, 2f, 3.5f);
    }

    /** The family used: {@link #PREFERRED_FAMILY} when installed, else {@link Font#SANS_SERIF}. */
    public static String family() {
        return Holder.FAMILY;
    }

    /** The theme's font of the given style and size in points. */
    public static Font font(int style, float size) {
        return new Font(family(), style, Math.round(size)).deriveFont(size);
    }

    public Font titleFont() {
        return font(Font.BOLD, title);
    }

    public Font labelFont() {
        return font(Font.PLAIN, label);
    }

    public Font tickFont() {
        return font(Font.PLAIN, tick);
    }

    /** Two points under the ticks: JFreeChart's "small" font, which it gives the text annotations of a chart it styles. */
    public Font smallFont() {
        return font(Font.PLAIN, tick - 2);
    }

    /** The width of a data curve (contours, loss curves) in points. */
    public float lineWidth() {
        return lineWidth;
    }

    /** A round-capped stroke of {@code factor} × the curve width, e.g. 0.6 for secondary contours. */
    public Stroke stroke(float factor) {
        return ContourRenderer.solid(lineWidth * factor);
    }

    /** Restyles the chart in place: its title, subtitles, legend, plots (combined plots included) and axes. */
    public void apply(JFreeChart chart) {
        base().apply(chart);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        chart.getRenderingHints().put(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        chart.getRenderingHints().put(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        chart.setPadding(new RectangleInsets(8, 8, 8, 8));
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(titleFont());
            chart.getTitle().setPaint(TEXT);
        }
        for (int k = 0; k < chart.getSubtitleCount(); k++) {
            styleTitle(chart.getSubtitle(k));
        }
        stylePlot(chart.getPlot());
    }

    private StandardChartTheme base() {
        StandardChartTheme t = new StandardChartTheme(name);
        t.setExtraLargeFont(titleFont());
        t.setLargeFont(labelFont());
        t.setRegularFont(tickFont());
        t.setSmallFont(smallFont());
        t.setChartBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setLegendBackgroundPaint(Color.WHITE);
        t.setLegendItemPaint(TEXT);
        t.setTitlePaint(TEXT);
        t.setSubtitlePaint(TEXT);
        t.setAxisLabelPaint(TEXT);
        t.setTickLabelPaint(TEXT);
        t.setItemLabelPaint(TEXT);
        t.setPlotOutlinePaint(AXIS);
        t.setDomainGridlinePaint(GRID);
        t.setRangeGridlinePaint(GRID);
        t.setBaselinePaint(AXIS);
        t.setAxisOffset(RectangleInsets.ZERO_INSETS);
        t.setBarPainter(new StandardBarPainter());
        t.setXYBarPainter(new StandardXYBarPainter());
        t.setShadowVisible(false);
        Paint[] series = ColorMaps.OKABE_ITO.toArray(new Paint[0]);
        Stroke[] strokes = new Stroke[] {stroke(1f)};
        t.setDrawingSupplier(new DefaultDrawingSupplier(series, series, series, strokes, strokes,
                DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
        return t;
    }

    private void styleTitle(Title t) {
        if (t instanceof TextTitle tt) {
            tt.setFont(labelFont());
            tt.setPaint(TEXT);
        } else if (t instanceof LegendTitle lt) {
            lt.setItemFont(tickFont());
            lt.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        } else if (t instanceof PaintScaleLegend ps) {
            styleAxis(ps.getAxis());
            ps.setStripWidth(Math.max(14, tick * 1.1));
        }
    }

    private void stylePlot(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(AXIS);
        plot.setOutlineStroke(new BasicStroke(axisWidth));
        if (plot instanceof CombinedDomainXYPlot c) {
            c.getSubplots().forEach(this::stylePlot);
        } else if (plot instanceof CombinedRangeXYPlot c) {
            c.getSubplots().forEach(this::stylePlot);
        }
        Stroke grid = new BasicStroke(Math.max(0.5f, axisWidth * 0.75f));
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlineStroke(grid);
            xy.setRangeGridlineStroke(grid);
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
            for (int k = 0; k < xy.getDomainAxisCount(); k++) {
                styleAxis(xy.getDomainAxis(k));
            }
            for (int k = 0; k < xy.getRangeAxisCount(); k++) {
                styleAxis(xy.getRangeAxis(k));
            }
        } else if (plot instanceof CategoryPlot cat) {
            cat.setRangeGridlineStroke(grid);
            cat.setRangeGridlinePaint(GRID);
            cat.setDomainGridlinesVisible(false);
            styleAxis(cat.getDomainAxis());
            styleAxis(cat.getRangeAxis());
        }
    }

    private void styleAxis(Axis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(labelFont());
        axis.setLabelPaint(TEXT);
        axis.setTickLabelFont(tickFont());
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLinePaint(AXIS);
        axis.setAxisLineStroke(new BasicStroke(axisWidth));
        axis.setTickMarkPaint(AXIS);
        axis.setTickMarkStroke(new BasicStroke(axisWidth));
        axis.setTickMarkOutsideLength(Math.max(4f, tick * 0.35f));
        axis.setTickMarkInsideLength(0f);
        if (axis instanceof ValueAxis v) {
            v.setMinorTickMarksVisible(false);
        }
    }

    /** Looks the family up once: the font list is slow to build and does not change while we run. */
    private static final class Holder {
        static final String FAMILY = Arrays.asList(
                GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                .contains(PREFERRED_FAMILY) ? PREFERRED_FAMILY : Font.SANS_SERIF;
    }
}
