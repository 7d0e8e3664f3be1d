package lab.sharpminima.ui.figure5;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.export.figures.Figure5Chart;
import lab.sharpminima.figure.Figure5;
import lab.sharpminima.ui.overlay.ChartFrame;
import lab.sharpminima.ui.overlay.ChartImages;
import lab.sharpminima.ui.overlay.OffThreadFrames;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/**
 * Draws the frames of Figure 5 on one thread that is not the FX thread: the export's
 * {@link Figure5Chart}, updated with the newest panels, drawn whole with Java2D (the η panels and the
 * red lines change with every step of a, b or θ̂). Not thread-safe: the chart belongs to the thread
 * that calls {@link #render} (one at a time).
 */
final class Figure5Frames implements OffThreadFrames.Painter<Figure5Frames.Request> {

    /** What to draw: the panels at a size (layout pixels) and scale, in a theme. */
    record Request(Figure5.Data data, double width, double height, double scale, ChartTheme theme) {

        /** Same drawing as other: the same objects (by identity) and numbers. */
        boolean sameAs(Request other) {
            return other != null && data == other.data && width == other.width && height == other.height
                    && scale == other.scale && theme == other.theme;
        }
    }

    /** Throwaway drawings while idle, to warm the JIT up. */
    static final int WARM_UPS = 60;

    private Figure5Chart chart;
    private int warmUps;
    private ChartTheme theme;

    /** The frame for r; its plots are the θ, η₁ and η₂ panels, in that order. */
    @Override
    public ChartFrame render(Request r) {
        if (chart == null || r.theme() != theme) {
            theme = r.theme();
            chart = new Figure5Chart(r.data().panels().get(0), theme);
        }
        chart.showOverlay(r.data());
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = ChartImages.draw(chart.chart(), r.width(), r.height(), r.scale(), info);
        CombinedRangeXYPlot combined = (CombinedRangeXYPlot) chart.chart().getPlot();
        PlotRenderingInfo plots = info.getPlotInfo();
        List<ChartFrame.PlotGeometry> geometry = new ArrayList<>();
        for (int i = 0; i < plots.getSubplotCount() && i < combined.getSubplots().size(); i++) {
            geometry.add(ChartImages.geometry((XYPlot) combined.getSubplots().get(i), plots.getSubplotInfo(i).getDataArea()));
        }
        return new ChartFrame(ChartImages.toFx(img), null, 0, 0, r.width(), r.height(), r.scale(), geometry, r.data());
    }

    /**
     * Idle: the chart as last drawn, at half r's size, thrown away, {@value #WARM_UPS} times in all
     * (the JIT compiles the drawing code meanwhile, see {@link OffThreadFrames}).
     */
    @Override
    public boolean idle(Request r, int round) {
        if (chart == null || warmUps >= WARM_UPS) {
            return false;
        }
        ChartImages.draw(chart.chart(), r.width() / 2, r.height() / 2, r.scale(), new ChartRenderingInfo());
        warmUps++;
        return true;
    }
}
