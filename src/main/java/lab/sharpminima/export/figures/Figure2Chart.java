package lab.sharpminima.export.figures;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.export.ContourRenderer;
import lab.sharpminima.figure.Figure2;
import lab.sharpminima.figure.LandscapeLayer;
import lab.sharpminima.landscape.Window;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;

/**
 * Figure 2 of Dinh et al. (2017): the level curves of L for y = φ_rect(x·θ1)·θ2 with the curves of
 * equal function θ1θ2 = k (Section 4, Definition 5), and the point T_α θ = (αθ1, θ2/α) moving along
 * its curve. The landscape is drawn once in the constructor; {@link #showOverlay} replaces only the
 * point, its highlighted curve, the Hessian's eigenvectors (∇²L(T_α θ) = D_α ∇²L(θ) D_α, Section 4.2),
 * the ε-sharpness maximiser (Definition 2) and the readout subtitle.
 */
public final class Figure2Chart {

    /** Longest eigenvector arrow, as a fraction of the window's smaller side. */
    static final double ARROW_FRACTION = 0.18;
    /** Shortest eigenvector arrow, relative to the longest. */
    static final double MIN_ARROW = 0.3;
    private static final Color POINT = new Color(0xD55E00);
    private static final Color ARROW = Color.WHITE;
    private static final Color MAXIMISER = new Color(0xCC79A7);

    private final JFreeChart chart;
    private final XYPlot plot;
    private final ChartTheme theme;
    private final Window window;
    private final TextTitle readout;
    private final List<XYAnnotation> overlay = new ArrayList<>();

    /** Builds the static layer: heat map (log viridis, colour bar), contours, labelled θ1θ2 = k curves. */
    public Figure2Chart(LandscapeLayer landscape, ChartTheme theme) {
        this.theme = theme;
        this.window = landscape.grid().window();
        var scale = LandscapePlot.scale(landscape);
        this.plot = LandscapePlot.build(landscape, theme, scale);
        this.chart = new JFreeChart("Level curves of L and curves of equal function θ₁θ₂ = k", plot);
        chart.removeLegend();
        this.readout = new TextTitle(" ");
        chart.addSubtitle(readout);
        chart.addSubtitle(LandscapePlot.legend(scale));
        theme.apply(chart);
        readout.setFont(theme.tickFont());
    }

    public JFreeChart chart() {
        return chart;
    }

    /** The annotations of the current overlay (for tests and hit-testing), in drawing order. */
    public List<XYAnnotation> overlayAnnotations() {
        return List.copyOf(overlay);
    }

    /** Replaces the previous overlay by this one; no landscape work. */
    public void showOverlay(Figure2.Overlay o) {
        for (XYAnnotation a : overlay) {
            plot.removeAnnotation(a, false);
        }
        overlay.clear();
        if (o.orbit().size() > 1) {
            overlay.add(ContourRenderer.addPolyline(plot, o.orbit(), Color.WHITE, theme.stroke(3.2f)));
            overlay.add(ContourRenderer.addPolyline(plot, o.orbit(), POINT, theme.stroke(1.8f)));
        }
        double[] p = o.point();
        addEigenvectors(p, o.eigenvalues(), o.eigenvectors());
        double[] m = o.sharpness().argmax();
        if (m != null && m.length == 2 && Double.isFinite(m[0]) && Double.isFinite(m[1])) {
            overlay.add(ContourRenderer.addPoint(plot, m[0], m[1], MAXIMISER, 3.5));
        }
        overlay.add(ContourRenderer.addPoint(plot, p[0], p[1], POINT, 5.5));
        Font label = ChartTheme.font(Font.BOLD, theme.tickFont().getSize2D());
        overlay.add(LandscapePlot.label(plot, " T_α(θ) ", p[0] - 0.03 * window.width(), p[1], label,
                TextAnchor.CENTER_RIGHT));
        readout.setText(readoutText(o));
    }

    /**
     * Arrows v_i at the point, of length ∝ √(|λ_i|/λ_max), so the sharp direction dominates; a
     * direction shorter than {@link #MIN_ARROW} of the longest (the flat one along the curve, λ ≈ 0 at a
     * minimum) is drawn dashed at that length so that it stays visible.
     */
    private void addEigenvectors(double[] p, double[] values, double[][] vectors) {
        double max = Math.max(Math.abs(values[0]), Math.abs(values[1]));
        if (!(max > 0) || !Double.isFinite(max)) {
            return;
        }
        double side = Math.min(window.width(), window.height()) * ARROW_FRACTION;
        for (int i = 0; i < 2; i++) {
            double rel = Math.sqrt(Math.abs(values[i]) / max);
            boolean floored = !(rel >= MIN_ARROW);
            double len = side * (floored ? MIN_ARROW : rel);
            overlay.add(ContourRenderer.addArrow(plot, p[0], p[1], len * vectors[i][0], len * vectors[i][1], ARROW,
                    floored ? ContourRenderer.dashed(1.1f * theme.lineWidth()) : theme.stroke(1.1f),
                    9 * theme.lineWidth() / 1.75));
        }
    }

    static String readoutText(Figure2.Overlay o) {
        double[] ev = o.eigenvalues();
        return "α = " + Numbers.compact(o.alpha()) + "   L = " + Numbers.compact(o.loss())
                + "   max|Δf| = " + Numbers.compact(o.maxOutputChange())
                + "   λ = " + Numbers.compact(ev[0]) + ", " + Numbers.compact(ev[1])
                + "   tr ∇²L = " + Numbers.compact(o.trace())
                + "   ε-sharpness = " + Numbers.compact(o.sharpness().value());
    }
}
