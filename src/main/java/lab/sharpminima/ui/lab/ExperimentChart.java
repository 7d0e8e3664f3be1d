package lab.sharpminima.ui.lab;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.export.ColorMaps;
import lab.sharpminima.export.figures.MeasuresChart;
import org.jfree.chart.ui.Drawable;

/**
 * The experiment's table drawn with Graphics2D for File → Export view…, in the manner of the Measures
 * export (export/figures MeasuresChart): title with α, one striped line per measure — small batch, large
 * batch, small after T_α, moved (vermillion) or kept — and the verdict line under it.
 */
final class ExperimentChart implements Drawable {

    private static final Color MOVED = ColorMaps.OKABE_ITO.get(1);
    private static final Color KEPT = ColorMaps.OKABE_ITO.get(2);
    private static final Color STRIPE = new Color(0xF2F4F7);
    private static final String[] HEADERS = {"measure", "small batch", "large batch", "small after T_α", "moved?"};
    private static final double[] COLUMNS = {0.0, 0.36, 0.52, 0.68, 0.87};

    private final List<ExperimentViewModel.Row> rows;
    private final String title;
    private final String verdict;
    private final ChartTheme theme;

    ExperimentChart(List<ExperimentViewModel.Row> rows, String title, String verdict, ChartTheme theme) {
        this.rows = List.copyOf(rows);
        this.title = title;
        this.verdict = verdict;
        this.theme = theme;
    }

    String title() {
        return title;
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area) {
        double margin = area.getWidth() * 0.04;
        double x0 = area.getX() + margin;
        double w = area.getWidth() - 2 * margin;
        g2.setColor(Color.WHITE);
        g2.fill(area);
        g2.setFont(theme.titleFont());
        g2.setColor(Color.BLACK);
        double y = area.getY() + margin + g2.getFontMetrics().getAscent();
        g2.drawString(title, (float) x0, (float) y);
        double rowHeight = (area.getMaxY() - margin - y - 8) / (rows.size() + 2);
        float size = (float) Math.min(theme.labelFont().getSize2D(), rowHeight * 0.62);
        Font plain = theme.labelFont().deriveFont(Font.PLAIN, size);
        Font bold = plain.deriveFont(Font.BOLD);
        y += 8;
        g2.setFont(bold);
        MeasuresChart.drawRow(g2, HEADERS, COLUMNS, x0, w, y, rowHeight, null);
        y += rowHeight;
        g2.setColor(new Color(0xBBBBBB));
        g2.setStroke(theme.stroke(0.5f));
        g2.draw(new Line2D.Double(x0, y, x0 + w, y));
        for (int i = 0; i < rows.size(); i++) {
            ExperimentViewModel.Row r = rows.get(i);
            if (i % 2 == 1) {
                g2.setColor(STRIPE);
                g2.fill(new Rectangle2D.Double(x0, y, w, rowHeight));
            }
            g2.setFont(r.measure().equals("testLoss") ? bold : plain);
            String[] cells = {r.measure(), MeasuresChart.number(r.small()), MeasuresChart.number(r.large()),
                MeasuresChart.number(r.smallAfter()), r.moved() ? "moved" : "kept"};
            MeasuresChart.drawRow(g2, cells, COLUMNS, x0, w, y, rowHeight, r.moved() ? MOVED : KEPT);
            y += rowHeight;
        }
        g2.setFont(plain);
        g2.setColor(Color.BLACK);
        FontMetrics fm = g2.getFontMetrics();
        g2.drawString(verdict, (float) x0, (float) (y + (rowHeight + fm.getAscent() - fm.getDescent()) / 2));
    }

    /** "(α₁, …, α_K)" with four significant digits. */
    static String alpha(double[] a) {
        StringBuilder sb = new StringBuilder("(");
        for (int k = 0; k < a.length; k++) {
            sb.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4g", a[k]));
        }
        return sb.append(")").toString();
    }
}
