package lab.sharpminima.export.figures;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.export.ContourRenderer;
import lab.sharpminima.export.RedrawableXYPlot;
import lab.sharpminima.figure.Curve;
import lab.sharpminima.figure.Figure5;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Figure 5 of Dinh et al. (2017), Section 5: three panels sharing the loss axis (a
 * {@link CombinedRangeXYPlot}, since each panel has its own abscissa): L over θ with three minima of
 * about the same curvature, then L over η = (|θ − θ̂|² + b)^a (θ − θ̂) for two radial
 * reparametrizations, with the regular θ grid carried into η as dots, θ̂ as a red vertical line and
 * d²L/dη² at each minimum. The θ panel is drawn once; {@link #showOverlay} redraws the η panels.
 */
public final class Figure5Chart {

    static final Color CENTRE = new Color(0xD7191C);
    private static final Color GRID_DOTS = new Color(0x0072B2);
    /** Behind a red line's label: translucent white (JFreeChart's default is a grey box). */
    private static final Color MARKER_LABEL_BACK = new Color(255, 255, 255, 200);

    private final JFreeChart chart;
    private final List<RedrawableXYPlot> panels = new ArrayList<>();
    private final List<AnnotationLayer> layers = new ArrayList<>();
    private final ChartTheme theme;
    /** The panel each η plot shows (index 1, 2), to leave a plot alone when a step changes the other. */
    private final Figure5.Panel[] shown = new Figure5.Panel[3];

    /** The static layer: the θ panel; the η panels are filled by {@link #showOverlay}. */
    public Figure5Chart(Figure5.Panel theta, ChartTheme theme) {
        this.theme = theme;
        NumberAxis loss = new NumberAxis("L");
        loss.setRange(-0.22, 1.08);
        CombinedRangeXYPlot combined = new CombinedRangeXYPlot(loss);
        combined.setGap(14);
        for (int i = 0; i < 3; i++) {
            RedrawableXYPlot p = new RedrawableXYPlot(new DefaultXYDataset(), new NumberAxis(i == 0 ? "θ" : "η"), null,
                    renderer());
            ((NumberAxis) p.getDomainAxis()).setAutoRangeIncludesZero(false);
            panels.add(p);
            layers.add(new AnnotationLayer(p));
            combined.add(p, 1);
        }
        fill(0, theta);
        chart = new JFreeChart("One loss, three parametrizations: flatness depends on the coordinates", combined);
        chart.removeLegend();
        TextTitle formula = new TextTitle("η = (|θ − c|² + b)^a (θ − c);  dots: a regular grid in θ;  red line: the centre c;"
                + "  L″ = d²L/d(coordinate)² at each minimum");
        chart.addSubtitle(formula);
        theme.apply(chart);
        formula.setFont(theme.tickFont());
        // The theme's drawing supplier recolours series: curves in black, the carried grid in blue.
        panels.forEach(p -> p.setRenderer(renderer()));
    }

    private XYLineAndShapeRenderer renderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setDrawSeriesLineAsPath(true); // one path per curve, not a draw call per segment: redrawn per slider step
        r.setSeriesLinesVisible(0, true);
        r.setSeriesShapesVisible(0, false);
        r.setSeriesPaint(0, Color.BLACK);
        r.setSeriesStroke(0, theme.stroke(1.1f));
        r.setSeriesLinesVisible(1, false);
        r.setSeriesShapesVisible(1, true);
        r.setSeriesPaint(1, GRID_DOTS);
        double d = 2.2 * theme.lineWidth();
        r.setSeriesShape(1, new java.awt.geom.Ellipse2D.Double(-d, -d, 2 * d, 2 * d));
        return r;
    }

    public JFreeChart chart() {
        return chart;
    }

    /**
     * The θ panel (0) and the η₁ and η₂ panels (1, 2), each redrawable alone: a view that draws a new
     * frame per step redraws only the panels whose drawing changed (see {@link #changedPanels}).
     */
    public RedrawableXYPlot panel(int i) {
        return panels.get(i);
    }

    /**
     * Which panels draw differently for next than for shown (both given to {@link #showOverlay}): the θ
     * panel when a centre moved (its red lines), an η panel when its map changed. The θ curve, grid and
     * minima are the same in every {@link Figure5.Data} of the same θ range and sample counts.
     */
    public static boolean[] changedPanels(Figure5.Data shown, Figure5.Data next) {
        boolean[] changed = new boolean[3];
        for (int i = 1; i <= 2; i++) {
            Figure5.Reparam before = shown.panels().get(i).reparam();
            Figure5.Reparam after = next.panels().get(i).reparam();
            changed[i] = !before.equals(after);
            changed[0] |= before.centre() != after.centre();
        }
        return changed;
    }

    /** The η panels' annotations (index 1, 2) or the θ panel's (0). */
    public List<XYAnnotation> overlayAnnotations(int panel) {
        return layers.get(panel).items();
    }

    /** Redraws the two η panels from d (its panels 1 and 2) and θ̂ in the θ panel. */
    public void showOverlay(Figure5.Data d) {
        XYPlot thetaPanel = panels.get(0);
        thetaPanel.clearDomainMarkers();
        for (int i = 1; i <= 2; i++) {
            Figure5.Panel p = d.panels().get(i);
            thetaPanel.addDomainMarker(marker(p.reparam().centre(), "c" + (i == 1 ? "₁" : "₂")));
            if (sameDrawing(shown[i], p)) {
                continue; // a step of the other map: this panel's dataset and annotations stay
            }
            fill(i, p);
            shown[i] = p;
            Figure5.Reparam r = p.reparam();
            panels.get(i).getDomainAxis().setLabel("η" + (i == 1 ? "₁" : "₂") + ":  a = " + Numbers.compact(r.a())
                    + ", b = " + Numbers.compact(r.b()) + ", c = " + Numbers.compact(r.centre()));
        }
    }

    private ValueMarker marker(double at, String label) {
        ValueMarker m = new ValueMarker(at, CENTRE, theme.stroke(1.1f));
        m.setLabel(label);
        m.setLabelFont(theme.tickFont());
        m.setLabelPaint(CENTRE);
        m.setLabelBackgroundColor(MARKER_LABEL_BACK);
        m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        return m;
    }

    private void fill(int i, Figure5.Panel p) {
        XYPlot plot = panels.get(i);
        // The arrays as they are: no per-point series events (a step rebuilds a panel's 1,030 points).
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries("L", new double[][] {p.curve().x(), p.curve().y()});
        data.addSeries("grid", new double[][] {p.grid().x(), p.grid().y()});
        plot.setDataset(data);
        AnnotationLayer layer = layers.get(i);
        layer.clear();
        plot.clearDomainMarkers();
        if (!Double.isNaN(p.centre())) {
            plot.addDomainMarker(marker(p.centre(), "c"));
        }
        Font font = ChartTheme.font(Font.PLAIN, theme.tickFont().getSize2D() - 1);
        double[] at = p.minima();
        double[] thetas = Figure5.minima();
        double[] k = p.curvatures();
        for (int m = 0; m < at.length; m++) {
            double y = Figure5.loss(thetas[m]);
            layer.add(ContourRenderer.addPoint(plot, at[m], y, Color.BLACK, 4));
            // Staggered: minima close in η (a sharpened pair) would overwrite each other's labels.
            double below = m % 2 == 0 ? 0.04 : 0.12;
            layer.add(ContourRenderer.addText(plot, "L″ = " + Numbers.compact(k[m]), at[m], y - below, font,
                    Color.BLACK, TextAnchor.TOP_CENTER));
        }
    }

    /** Whether b draws as a, shown last (null: none yet): the same map, points, minima and curvatures. */
    private static boolean sameDrawing(Figure5.Panel a, Figure5.Panel b) {
        return a != null && java.util.Objects.equals(a.reparam(), b.reparam()) && same(a.curve(), b.curve())
                && same(a.grid(), b.grid()) && java.util.Arrays.equals(a.minima(), b.minima())
                && java.util.Arrays.equals(a.curvatures(), b.curvatures()) && Double.compare(a.centre(), b.centre()) == 0;
    }

    private static boolean same(Curve a, Curve b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int k = 0; k < a.size(); k++) {
            if (Double.compare(a.x(k), b.x(k)) != 0 || Double.compare(a.y(k), b.y(k)) != 0) {
                return false;
            }
        }
        return true;
    }
}
