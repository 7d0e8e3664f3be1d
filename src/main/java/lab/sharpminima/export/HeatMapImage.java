package lab.sharpminima.export;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import lab.sharpminima.landscape.LossGrid;
import lab.sharpminima.landscape.Window;

/**
 * A grid of values as one image in a chart: {@link #render} colours each node by a fixed
 * {@link ColorScale}, {@link #annotation} places the image in the plot's data coordinates, and
 * {@link #legend} draws the matching colour bar.
 *
 * <p>Layout as {@link LossGrid}: {@code rows[i][j]} is the value at (a_j, b_i), rows over b
 * ascending. Image pixel (x = j, y = n_rows − 1 − i) holds node (i, j), so larger b is higher up,
 * as on the plot.
 */
public final class HeatMapImage {

    private HeatMapImage() {
    }

    /**
     * One ARGB pixel per node, coloured by the scale (NaN transparent).
     *
     * @throws IllegalArgumentException when the grid is empty or ragged
     */
    public static BufferedImage render(double[][] rows, ColorScale scale) {
        int h = rows.length;
        if (h == 0 || rows[0].length == 0) {
            throw new IllegalArgumentException("a heat map needs at least one row and one column");
        }
        int w = rows[0].length;
        int[] argb = new int[w * h];
        for (int i = 0; i < h; i++) {
            if (rows[i].length != w) {
                throw new IllegalArgumentException("heat map row " + i + " has " + rows[i].length + " values, expected "
                        + w);
            }
            int y = h - 1 - i;
            for (int j = 0; j < w; j++) {
                argb[y * w + j] = scale.argb(rows[i][j]);
            }
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, w, h, argb, 0, w);
        return img;
    }

    /** {@link #render(double[][], ColorScale)} of a loss grid. */
    public static BufferedImage render(LossGrid grid, ColorScale scale) {
        return render(grid.rows(), scale);
    }

    /**
     * The image as a plot annotation whose pixels are centred on the nodes: columns on a0 … a1 and
     * rows on b0 … b1 (node coordinates, equally spaced), so the image covers
     * [a0 − Δa/2, a1 + Δa/2] × [b0 − Δb/2, b1 + Δb/2]. Smooth: bilinear between cells (for dense
     * smooth fields); otherwise one flat cell per node.
     */
    public static XYAnnotation annotation(BufferedImage image, double a0, double a1, double b0, double b1,
                                          boolean smooth) {
        double ha = image.getWidth() > 1 ? 0.5 * (a1 - a0) / (image.getWidth() - 1) : 0.5;
        double hb = image.getHeight() > 1 ? 0.5 * (b1 - b0) / (image.getHeight() - 1) : 0.5;
        return new ImageAnnotation(image, a0 - ha, a1 + ha, b0 - hb, b1 + hb, smooth);
    }

    /**
     * As {@link #annotation(BufferedImage, double, double, double, double, boolean)}, smooth, with curves
     * θ1θ2 = p drawn over the image inside the window [a0, a1] × [b0, b1] of its nodes (per pixel on
     * a raster, as paths elsewhere: {@link ProductCurve}).
     */
    public static XYAnnotation annotation(BufferedImage image, double a0, double a1, double b0, double b1,
                                          List<ProductCurve> curves) {
        double ha = image.getWidth() > 1 ? 0.5 * (a1 - a0) / (image.getWidth() - 1) : 0.5;
        double hb = image.getHeight() > 1 ? 0.5 * (b1 - b0) / (image.getHeight() - 1) : 0.5;
        return new ImageAnnotation(image, a0 - ha, a1 + ha, b0 - hb, b1 + hb, true, curves,
                new Window(a0, a1, b0, b1));
    }

    /** A loss grid coloured by the scale, as one smooth image annotation over its window. */
    public static XYAnnotation annotation(LossGrid grid, ColorScale scale) {
        return annotation(render(grid, scale), grid.window().a0(), grid.window().a1(), grid.window().b0(),
                grid.window().b1(), true);
    }

    /**
     * A vertical colour bar at the chart's right for the scale, with the given axis label. A log
     * scale gets an axis over log10 values labelled 10^k, so each decade takes equal height.
     */
    public static PaintScaleLegend legend(ColorScale scale, String label) {
        NumberAxis axis = new NumberAxis(label);
        if (scale.log()) {
            TickUnits units = new TickUnits();
            for (int step : new int[] {1, 2, 5, 10, 20}) {
                units.add(new NumberTickUnit(step, new PowerOfTenFormat()));
            }
            axis.setStandardTickUnits(units);
            axis.setRange(Math.log10(scale.lo()), Math.log10(scale.hi()));
        } else {
            axis.setRange(scale.lo(), scale.hi());
        }
        axis.setTickLabelInsets(new RectangleInsets(2, 4, 2, 4));
        // A short label (L, λ) reads best upright; a long one turned to read bottom-up, as a y-axis label.
        axis.setLabelAngle(label != null && label.length() <= 3 ? -Math.PI / 2 : Math.PI);
        PaintScaleLegend legend = new PaintScaleLegend(scale.paintScale(), axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        legend.setSubdivisionCount(256);
        legend.setStripWidth(14);
        legend.setStripOutlineVisible(false);
        legend.setAxisOffset(4);
        legend.setMargin(new RectangleInsets(10, 8, 10, 8));
        legend.setBackgroundPaint(Color.WHITE);
        return legend;
    }

    /** Formats an exponent k as 10^k with Unicode superscripts (10⁻³), the labels of a log colour bar. */
    static final class PowerOfTenFormat extends NumberFormat {

        private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

        @Override
        public StringBuffer format(double number, StringBuffer out, FieldPosition pos) {
            long k = Math.round(number);
            if (Math.abs(number - k) > 1e-9) {
                return out.append(new DecimalFormat("0.###E0").format(Math.pow(10, number)));
            }
            out.append("10");
            if (k < 0) {
                out.append('⁻');
            }
            for (char c : Long.toString(Math.abs(k)).toCharArray()) {
                out.append(SUPERSCRIPTS.charAt(c - '0'));
            }
            return out;
        }

        @Override
        public StringBuffer format(long number, StringBuffer out, FieldPosition pos) {
            return format((double) number, out, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("labels only");
        }
    }
}
