package lab.sharpminima.export.figures;

import java.awt.Color;
import java.awt.Font;
import java.util.List;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.export.ColorScale;
import lab.sharpminima.export.ContourRenderer;
import lab.sharpminima.figure.Figure3;
import lab.sharpminima.figure.LandscapeLayer;
import lab.sharpminima.landscape.Window;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;

/**
 * Figure 3 of Dinh et al. (2017) and Theorem 2: the box B∞(r, θ) and its images T_αⁱ(B∞) over the
 * landscape of Figure 2, each labelled with its area 4r² (T_α has determinant 1), and the running total
 * k·4r² in a subtitle: disjoint boxes of one level set whose union grows without bound.
 */
public final class Figure3Chart {

    private static final Color FILL = new Color(213, 94, 0, 70);
    private static final Color OUTLINE = new Color(0xD55E00);

    private final JFreeChart chart;
    private final XYPlot plot;
    private final ChartTheme theme;
    private final AnnotationLayer overlay;
    private final Window window;
    private final TextTitle readout = new TextTitle(" ");

    /** The static layer: the landscape behind the boxes (its window should hold them). */
    public Figure3Chart(LandscapeLayer landscape, ChartTheme theme) {
        this.theme = theme;
        this.window = landscape.grid().window();
        ColorScale scale = LandscapePlot.scale(landscape);
        plot = LandscapePlot.build(landscape, theme, scale);
        overlay = new AnnotationLayer(plot);
        chart = new JFreeChart("Disjoint boxes of equal volume: B∞, T_α(B∞), T_α²(B∞), …", plot);
        chart.removeLegend();
        chart.addSubtitle(readout);
        chart.addSubtitle(LandscapePlot.legend(scale));
        theme.apply(chart);
        readout.setFont(theme.tickFont());
    }

    /**
     * Renders the layer's heat-map image into the cache the constructor reads, so that a background
     * thread can take that cost off the thread that later builds and shows the chart.
     */
    public static void prepare(LandscapeLayer landscape) {
        LandscapePlot.image(landscape, LandscapePlot.scale(landscape));
    }

    /** The window of the landscape behind the boxes. */
    public Window landscapeWindow() {
        return window;
    }

    public JFreeChart chart() {
        return chart;
    }

    public List<XYAnnotation> overlayAnnotations() {
        return overlay.items();
    }

    /** Replaces the boxes, their labels and the running total by those of d. */
    public void showBoxes(Figure3.Data d) {
        overlay.clear();
        Font font = ChartTheme.font(Font.BOLD, theme.tickFont().getSize2D() - 1);
        double[] areas = d.areas();
        for (int i = 0; i < d.count(); i++) {
            Window b = d.boxes().get(i);
            overlay.add(ContourRenderer.addRectangle(plot, b.a0(), b.b0(), b.a1(), b.b1(), Color.WHITE,
                    theme.stroke(2.2f), null));
            overlay.add(ContourRenderer.addRectangle(plot, b.a0(), b.b0(), b.a1(), b.b1(), OUTLINE,
                    theme.stroke(1.1f), FILL));
            // Right of the middle, the label hangs left of the box's corner so it stays inside the plot.
            boolean right = b.a1() > 0.5 * (window.a0() + window.a1());
            overlay.add(LandscapePlot.label(plot, " " + name(i) + ": " + Numbers.compact(areas[i]) + " ",
                    right ? b.a1() : b.a0(), b.b1(), font, right ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT));
        }
        double[] total = d.runningTotal();
        readout.setText("r = " + Numbers.compact(d.settings().radius()) + "   α = "
                + Numbers.compact(d.settings().alpha()) + "   each area 4r² = " + Numbers.compact(areas[0])
                + "   total of " + d.count() + " = " + Numbers.compact(total[total.length - 1])
                + (d.disjoint() ? "   (pairwise disjoint)" : "   (overlapping: disjoint from α ≥ "
                + Numbers.compact(d.disjointAlpha()) + ")"));
    }

    /** "B∞", "T_α(B∞)", "T_α²(B∞)", … */
    static String name(int i) {
        if (i == 0) {
            return "B∞";
        }
        return "T_α" + (i == 1 ? "" : superscript(i)) + "(B∞)";
    }

    static String superscript(int n) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder s = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            s.append(digits.charAt(c - '0'));
        }
        return s.toString();
    }

    /** A window holding every box of d with a margin of 5% on each side, clipped at the axes' zero. */
    public static Window windowFor(Figure3.Data d) {
        double a0 = Double.POSITIVE_INFINITY;
        double a1 = Double.NEGATIVE_INFINITY;
        double b0 = Double.POSITIVE_INFINITY;
        double b1 = Double.NEGATIVE_INFINITY;
        for (Window w : d.boxes()) {
            a0 = Math.min(a0, w.a0());
            a1 = Math.max(a1, w.a1());
            b0 = Math.min(b0, w.b0());
            b1 = Math.max(b1, w.b1());
        }
        double ma = 0.05 * (a1 - a0);
        double mb = 0.05 * (b1 - b0);
        return new Window(a0 - ma, a1 + ma, b0 - mb, b1 + mb);
    }
}
