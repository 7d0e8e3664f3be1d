package lab.sharpminima.export.figures;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.List;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.export.ColorMaps;
import lab.sharpminima.export.ColorScale;
import lab.sharpminima.export.ContourRenderer;
import lab.sharpminima.export.CurveLabels;
import lab.sharpminima.export.HeatMapImage;
import lab.sharpminima.export.ProductCurve;
import lab.sharpminima.figure.LandscapeLayer;
import lab.sharpminima.landscape.LossGrid;
import lab.sharpminima.landscape.Polyline;
import lab.sharpminima.landscape.Window;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The static layer shared by Figures 2–4: L of the toy model as one heat-map image on a log viridis
 * scale, its level curves in translucent white, and the curves of equal function θ1θ2 = k in
 * Okabe–Ito colours (on a white casing so they read over any colour of the map), each labelled.
 */
final class LandscapePlot {

    /** Contour lines: white at this opacity, thin, so the colour beneath still reads. */
    private static final Color CONTOUR = new Color(255, 255, 255, 110);
    private static final Color CASING = new Color(255, 255, 255, 200);

    private LandscapePlot() {
    }

    /**
     * Okabe–Ito colours that read on viridis: no green (the map's middle), no vermillion (kept for the
     * moving point and its curve), the dark blue last (it shows only on the bright walls).
     */
    private static final Color[] CURVES = {new Color(0x56B4E9), new Color(0xCC79A7), new Color(0xE69F00),
        new Color(0x000000), new Color(0x0072B2), new Color(0xF0E442)};
    /** Label boxes: translucent white behind dark text, legible on every colour of the map. */
    private static final Color LABEL_BACK = new Color(255, 255, 255, 190);
    /** Levels below this fraction of the largest loss are left to the colour alone (they crowd the valley). */
    static final double LOWEST_LEVEL = 1e-3;
    /** The colour scale's floor, as a fraction of the largest loss: the valley keeps a gradient. */
    static final double LOWEST_COLOUR = 1e-5;

    /** The colour of the k-th equal-function curve. */
    static Color curveColour(int k) {
        return CURVES[Math.floorMod(k, CURVES.length)];
    }

    /** The log colour scale over [lowest contour level, largest loss] of the layer. */
    static ColorScale scale(LandscapeLayer layer) {
        double hi = 0;
        for (double[] row : layer.grid().rows()) {
            for (double v : row) {
                hi = Math.max(hi, v);
            }
        }
        double[] levels = layer.levels();
        double lo = Math.max(levels.length > 0 ? levels[0] : 0, hi * LOWEST_COLOUR);
        return ColorScale.logarithmic(ColorMaps.VIRIDIS, lo, Math.max(hi, lo * 10));
    }

    /** Heat-map images by grid (weakly held), with the scale they were coloured by. */
    private static final Map<LossGrid, Map.Entry<ColorScale, BufferedImage>> IMAGES =
            Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * The layer's heat map coloured by scale, rendered once per grid and scale and kept while the grid
     * lives: a view that builds a chart per layer (Figure 3) renders it in the background beforehand
     * ({@link Figure3Chart#prepare}), so the FX thread only assembles the chart.
     */
    static BufferedImage image(LandscapeLayer layer, ColorScale scale) {
        Map.Entry<ColorScale, BufferedImage> e = IMAGES.get(layer.grid());
        if (e != null && e.getKey().equals(scale)) {
            return e.getValue();
        }
        BufferedImage img = HeatMapImage.render(layer.grid(), scale);
        IMAGES.put(layer.grid(), Map.entry(scale, img));
        return img;
    }

    /** An empty plot with θ₁/θ₂ axes fixed to the window. */
    static XYPlot emptyPlot(Window w) {
        NumberAxis x = new NumberAxis("θ₁");
        NumberAxis y = new NumberAxis("θ₂");
        x.setRange(w.a0(), w.a1());
        y.setRange(w.b0(), w.b1());
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(new XYSeriesCollection(), x, y, new XYLineAndShapeRenderer(true, false));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return plot;
    }

    /**
     * The heat map, contours and labelled equal-function curves of the layer, on a new plot. When the
     * level curves are hyperbolas θ1θ2 = p (the toy's closed form), they and the equal-function curves
     * go with the heat map's image ({@link ProductCurve}: drawn per pixel on a raster), labels after;
     * otherwise each curve is a path of its own, each label after its curve.
     */
    static XYPlot build(LandscapeLayer layer, ChartTheme theme, ColorScale scale) {
        XYPlot plot = emptyPlot(layer.grid().window());
        Window w = layer.grid().window();
        double[][] contourProducts = layer.contourProducts();
        if (contourProducts == null) {
            plot.addAnnotation(HeatMapImage.annotation(image(layer, scale), w.a0(), w.a1(), w.b0(), w.b1(), true), false);
            double[] levels = layer.levels();
            for (int i = 0; i < levels.length; i++) {
                if (levels[i] >= scale.hi() * LOWEST_LEVEL) {
                    ContourRenderer.addPolylines(plot, layer.contours().get(i), CONTOUR, theme.stroke(CONTOUR_WIDTH));
                }
            }
            addEqualFunctionCurves(plot, layer, theme, true);
        } else {
            plot.addAnnotation(HeatMapImage.annotation(image(layer, scale), w.a0(), w.a1(), w.b0(), w.b1(),
                    curves(layer, contourProducts, theme, scale)), false);
            addEqualFunctionCurves(plot, layer, theme, false);
        }
        return plot;
    }

    /** Widths, in data curves' widths: the contours; an equal-function curve's white casing and its colour. */
    private static final float CONTOUR_WIDTH = 0.45f;
    private static final float CASING_WIDTH = 2.2f;
    private static final float CURVE_WIDTH = 1.2f;

    /** The level curves (above {@link #LOWEST_LEVEL}), then each equal-function curve on its casing, as product curves. */
    private static List<ProductCurve> curves(LandscapeLayer layer, double[][] contourProducts, ChartTheme theme,
                                             ColorScale scale) {
        List<ProductCurve> out = new ArrayList<>();
        double[] levels = layer.levels();
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] >= scale.hi() * LOWEST_LEVEL) {
                List<Polyline> pieces = layer.contours().get(i);
                for (int j = 0; j < pieces.size(); j++) {
                    out.add(new ProductCurve(contourProducts[i][j], pieces.get(j), CONTOUR,
                            theme.lineWidth() * CONTOUR_WIDTH));
                }
            }
        }
        double[] ks = layer.products();
        for (int i = 0; i < ks.length; i++) {
            Polyline c = layer.equalFunction().get(i);
            if (c.size() > 0) {
                out.add(new ProductCurve(ks[i], c, CASING, theme.lineWidth() * CASING_WIDTH));
                out.add(new ProductCurve(ks[i], c, curveColour(i), theme.lineWidth() * CURVE_WIDTH));
            }
        }
        return out;
    }

    /**
     * The equal-function curves as shapes when strokes, and their labels (those that cross the window),
     * placed clear of each other when drawn ({@link CurveLabels}).
     */
    private static void addEqualFunctionCurves(XYPlot plot, LandscapeLayer layer, ChartTheme theme, boolean strokes) {
        double[] ks = layer.products();
        Window w = layer.grid().window();
        List<CurveLabels.Label> labels = new ArrayList<>();
        for (int i = 0; i < ks.length; i++) {
            Polyline c = layer.equalFunction().get(i);
            if (c.size() == 0) {
                continue;
            }
            if (strokes) {
                ContourRenderer.addPolyline(plot, c, CASING, theme.stroke(CASING_WIDTH));
                ContourRenderer.addPolyline(plot, c, curveColour(i), theme.stroke(CURVE_WIDTH));
            }
            double[] at = labelPoint(c, ks[i], w);
            labels.add(new CurveLabels.Label("θ₁θ₂ = " + Numbers.compact(ks[i]), c, at[0], at[1]));
        }
        // The small font: the labels were text annotations, which the theme's styling gave it.
        plot.addAnnotation(new CurveLabels(labels, theme.smallFont(), Color.BLACK, LABEL_BACK), false);
    }

    /**
     * Where a curve's label would go: at (1.6√k, √k/1.6) on the curve's lower branch when inside the window
     * (off the vertex (√k, √k), where the preset points sit), else mid-curve; {@link CurveLabels} moves it
     * along the curve when it would cover another label.
     */
    static double[] labelPoint(Polyline c, double k, Window w) {
        double a = 1.6 * Math.sqrt(Math.abs(k));
        double b = k / a;
        if (k > 0 && a > w.a0() && a < w.a1() && b > w.b0() && b < w.b1()) {
            return new double[] {a, b};
        }
        int m = c.size() / 2;
        return new double[] {c.a(m), c.b(m)};
    }

    /** Dark text on a translucent white box, legible over the heat map; returns the annotation. */
    static XYAnnotation label(XYPlot plot, String text, double a, double b, Font font, TextAnchor anchor) {
        XYTextAnnotation t = (XYTextAnnotation) ContourRenderer.addText(plot, text, a, b, font, Color.BLACK, anchor);
        t.setBackgroundPaint(LABEL_BACK);
        return t;
    }

    /** The colour bar of the scale, labelled L. */
    static PaintScaleLegend legend(ColorScale scale) {
        return HeatMapImage.legend(scale, "L");
    }
}
