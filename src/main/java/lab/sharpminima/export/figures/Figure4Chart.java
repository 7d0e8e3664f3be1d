package lab.sharpminima.export.figures;

import java.awt.Color;
import java.awt.Font;
import java.util.List;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.export.ColorScale;
import lab.sharpminima.export.ContourRenderer;
import lab.sharpminima.figure.Figure4;
import lab.sharpminima.figure.LandscapeLayer;
import lab.sharpminima.measure.EpsilonSharpness;
import lab.sharpminima.landscape.Polyline;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;

/**
 * Figure 4 of Dinh et al. (2017), Section 4.3: the ball B₂(ε, θ) in green and B₂(ε, θ′) in red, with
 * θ′ = T_α θ and α = ε/|θ1|, over the landscape; the line θ1 = 0 where the model is constant; each
 * ball's ε-sharpness maximiser (Definition 2) and both values in the subtitle. The landscape is drawn
 * once; {@link #showOverlay} replaces the rest. Circles are round on screen only where the plot's data
 * area has the window's aspect ratio.
 */
public final class Figure4Chart {

    static final Color GREEN = new Color(0x009E73);
    static final Color RED = new Color(0xD7191C);

    private final JFreeChart chart;
    private final XYPlot plot;
    private final ChartTheme theme;
    private final AnnotationLayer overlay;
    private final TextTitle readout = new TextTitle(" ");

    public Figure4Chart(LandscapeLayer landscape, ChartTheme theme) {
        this.theme = theme;
        ColorScale scale = LandscapePlot.scale(landscape);
        plot = LandscapePlot.build(landscape, theme, scale);
        overlay = new AnnotationLayer(plot);
        chart = new JFreeChart("ε-balls around θ and its equivalent θ′ = T_α θ", plot);
        chart.removeLegend();
        chart.addSubtitle(readout);
        chart.addSubtitle(LandscapePlot.legend(scale));
        theme.apply(chart);
        readout.setFont(theme.tickFont());
    }

    public JFreeChart chart() {
        return chart;
    }

    public List<XYAnnotation> overlayAnnotations() {
        return overlay.items();
    }

    public void showOverlay(Figure4.Data d) {
        overlay.clear();
        Polyline line = d.constantLine();
        // A line annotation: a path of zero width is culled as empty by the shape annotation.
        overlay.add(ContourRenderer.addLine(plot, line.a(0), line.b(0), line.a(1), line.b(1), Color.WHITE,
                ContourRenderer.dashed(1.3f * theme.lineWidth())));
        Font font = ChartTheme.font(Font.BOLD, theme.tickFont().getSize2D());
        overlay.add(LandscapePlot.label(plot, " θ₁ = 0: f ≡ 0 ", 0, line.b(1), font, TextAnchor.TOP_LEFT));
        ball(d.ball().a(), d.ball().b(), d.ball().radius(), GREEN, d.sharpness(), "θ", font);
        ball(d.sharpenedBall().a(), d.sharpenedBall().b(), d.sharpenedBall().radius(), RED, d.sharpenedSharpness(),
                "θ′", font);
        double[] c = d.constantPoint();
        overlay.add(ContourRenderer.addPoint(plot, c[0], c[1], Color.WHITE, 3.5));
        readout.setText("ε = " + Numbers.compact(d.ball().radius()) + "   α = ε/|θ₁| = " + Numbers.compact(d.alpha())
                + "   ε-sharpness at θ = " + Numbers.compact(d.sharpness().value())
                + "   at θ′ = " + Numbers.compact(d.sharpenedSharpness().value())
                + "   (≥ " + Numbers.compact(d.constantExcess()) + " from f ≡ 0)");
    }

    private void ball(double a, double b, double r, Color colour, EpsilonSharpness.Result s, String name, Font font) {
        Color fill = new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 55);
        // A dark casing: the green ball sits on the map's green, where a white casing fades.
        overlay.add(ContourRenderer.addCircle(plot, a, b, r, new Color(0, 0, 0, 150), theme.stroke(2.8f), null));
        overlay.add(ContourRenderer.addCircle(plot, a, b, r, colour, theme.stroke(1.4f), fill));
        overlay.add(ContourRenderer.addPoint(plot, a, b, colour, 5));
        overlay.add(LandscapePlot.label(plot, " " + name + " ", a, b, font, TextAnchor.TOP_LEFT));
        double[] m = s.argmax();
        if (m != null && m.length == 2) {
            overlay.add(ContourRenderer.addLine(plot, a, b, m[0], m[1], colour, theme.stroke(0.8f)));
            overlay.add(ContourRenderer.addPoint(plot, m[0], m[1], colour, 3.5));
        }
    }
}
