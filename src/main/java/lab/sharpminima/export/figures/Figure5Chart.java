package lab.sharpminima.export.figures;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.export.ContourRenderer;
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
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

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

    private final JFreeChart chart;
    private final List<XYPlot> panels = new ArrayList<>();
    private final List<AnnotationLayer> layers = new ArrayList<>();
    private final ChartTheme theme;

    /** The static layer: the θ panel; the η panels are filled by {@link #showOverlay}. */
    public Figure5Chart(Figure5.Panel theta, ChartTheme theme) {
        this.theme = theme;
        NumberAxis loss = new NumberAxis("L");
        loss.setRange(-0.22, 1.08);
        CombinedRangeXYPlot combined = new CombinedRangeXYPlot(loss);
        combined.setGap(14);
        for (int i = 0; i < 3; i++) {
            XYPlot p = new XYPlot(new XYSeriesCollection(), new NumberAxis(i == 0 ? "θ" : "η"), null, renderer());
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
            fill(i, p);
            thetaPanel.addDomainMarker(marker(p.reparam().centre(), "c" + (i == 1 ? "₁" : "₂")));
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
        m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        return m;
    }

    private void fill(int i, Figure5.Panel p) {
        XYPlot plot = panels.get(i);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("L", p.curve()));
        data.addSeries(series("grid", p.grid()));
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

    private static XYSeries series(String name, Curve c) {
        XYSeries s = new XYSeries(name, false, true);
        for (int k = 0; k < c.size(); k++) {
            s.add(c.x(k), c.y(k));
        }
        return s;
    }
}
