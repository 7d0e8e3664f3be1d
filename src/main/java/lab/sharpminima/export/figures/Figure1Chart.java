package lab.sharpminima.export.figures;

import java.awt.Color;
import java.awt.Font;
import java.util.List;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.export.ContourRenderer;
import lab.sharpminima.figure.Curve;
import lab.sharpminima.figure.Figure1;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Figure 1 of Dinh et al. (2017), the notions of flatness: the loss L(θ) in black; the volume
 * ε-flatness (Definition 1, in one dimension) as a purple segment at height L(θ) + ε across the
 * connected interval where L &lt; L(θ) + ε, its length the width; the ε-sharpness (Definition 2) as a red
 * box over [θ − ε, θ + ε] whose height is max L − L(θ) there. The curve is drawn once; {@link #showOverlay}
 * redraws the rest.
 */
public final class Figure1Chart {

    static final Color FLATNESS = new Color(0x7B3294);
    static final Color SHARPNESS = new Color(0xD7191C);
    private static final Color SHARPNESS_FILL = new Color(215, 25, 28, 60);

    private final JFreeChart chart;
    private final XYPlot plot;
    private final ChartTheme theme;
    private final AnnotationLayer overlay;
    private final TextTitle readout = new TextTitle(" ");

    /** The static layer: the loss curve over its θ range. */
    public Figure1Chart(Curve loss, ChartTheme theme) {
        this.theme = theme;
        XYSeries s = new XYSeries("L(θ)", false, true);
        double top = 0;
        for (int k = 0; k < loss.size(); k++) {
            s.add(loss.x(k), loss.y(k));
            top = Math.max(top, loss.y(k));
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true); // one path, not a draw call per segment
        NumberAxis x = new NumberAxis("θ");
        NumberAxis y = new NumberAxis("L(θ)");
        x.setRange(loss.x(0), loss.x(loss.size() - 1));
        // A little room below 0, so the point at a minimum and the box's floor are not hidden by the axis.
        y.setRange(-0.04 * top, top * 1.08);
        plot = new XYPlot(new XYSeriesCollection(s), x, y, r);
        overlay = new AnnotationLayer(plot);
        chart = new JFreeChart("Flatness: ε-flatness width and ε-sharpness height", plot);
        chart.removeLegend();
        chart.addSubtitle(readout);
        theme.apply(chart);
        // The theme's drawing supplier recolours series: the paper draws L in black.
        r.setSeriesPaint(0, Color.BLACK);
        r.setSeriesStroke(0, theme.stroke(1.2f));
        readout.setFont(theme.tickFont());
    }

    public JFreeChart chart() {
        return chart;
    }

    /** The annotations of the current overlay. */
    public List<XYAnnotation> overlayAnnotations() {
        return overlay.items();
    }

    /** Replaces the flatness segment, the sharpness box and the point by those of o. */
    public void showOverlay(Figure1.Overlay o) {
        overlay.clear();
        Font font = ChartTheme.font(Font.BOLD, theme.tickFont().getSize2D());
        double top = o.loss() + o.height();
        overlay.add(ContourRenderer.addRectangle(plot, o.heightFrom(), o.loss(), o.heightTo(), top, SHARPNESS,
                theme.stroke(0.9f), SHARPNESS_FILL));
        overlay.add(ContourRenderer.addText(plot, "height " + Numbers.compact(o.height()) + " ", o.heightFrom(),
                0.5 * (o.loss() + top), font, SHARPNESS, TextAnchor.CENTER_RIGHT));
        overlay.add(ContourRenderer.addLine(plot, o.left(), o.level(), o.right(), o.level(), FLATNESS,
                theme.stroke(1.6f)));
        double tick = 0.04 * plot.getRangeAxis().getRange().getLength();
        for (double end : new double[] {o.left(), o.right()}) {
            overlay.add(ContourRenderer.addLine(plot, end, o.level() - tick, end, o.level() + tick, FLATNESS,
                    theme.stroke(1.6f)));
        }
        overlay.add(ContourRenderer.addText(plot, "width " + Numbers.compact(o.width()) + (o.bounded() ? "" : "+"),
                0.5 * (o.left() + o.right()), o.level() + tick, font, FLATNESS, TextAnchor.BOTTOM_CENTER));
        overlay.add(ContourRenderer.addPoint(plot, o.theta(), o.loss(), Color.BLACK, 5));
        readout.setText("θ = " + Numbers.compact(o.theta()) + "   L(θ) = " + Numbers.compact(o.loss())
                + "   ε-flatness width = " + Numbers.compact(o.width())
                + "   height on [θ−ε, θ+ε] = " + Numbers.compact(o.height())
                + "   ε-sharpness = " + Numbers.compact(o.sharpness()));
    }
}
