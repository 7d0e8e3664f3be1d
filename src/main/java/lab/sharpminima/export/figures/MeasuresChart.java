package lab.sharpminima.export.figures;

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
import lab.sharpminima.figure.MeasuresTable;
import org.jfree.chart.ui.Drawable;

/**
 * The measures table (Theorems 3–5, Section 4 of Dinh et al. 2017) drawn with Graphics2D, for the
 * {@code render} command and File → Export view…: one line per measure with its value before and
 * after the map, its declared invariance and whether it moved (vermillion when it did); the test loss
 * and max |Δf| rows, which show the function kept, are drawn in bold. The row order and values are
 * those of {@link MeasuresTable}, which the Measures view shows.
 */
public final class MeasuresChart implements Drawable {

    static final Color MOVED = ColorMaps.OKABE_ITO.get(1);
    static final Color KEPT = ColorMaps.OKABE_ITO.get(2);
    private static final Color RULE = new Color(0xBBBBBB);
    private static final Color STRIPE = new Color(0xF2F4F7);
    private static final String[] HEADERS = {"measure", "before (θ)", "after", "declared", "moved?"};
    /** Column starts as fractions of the width. */
    private static final double[] COLUMNS = {0.0, 0.40, 0.57, 0.74, 0.88};

    private final List<MeasuresTable.Row> rows;
    private final String title;
    private final ChartTheme theme;

    /** The table of {@code rows} under {@code title} (e.g. "Measures before and after T_α, α = (2, 0.5)"). */
    public MeasuresChart(List<MeasuresTable.Row> rows, String title, ChartTheme theme) {
        this.rows = List.copyOf(rows);
        this.title = title;
        this.theme = theme;
    }

    public String title() {
        return title;
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area) {
        double margin = area.getWidth() * 0.04;
        double x0 = area.getX() + margin;
        double w = area.getWidth() - 2 * margin;
        g2.setColor(Color.WHITE);
        g2.fill(area);
        Font titleFont = theme.titleFont();
        g2.setFont(titleFont);
        g2.setColor(Color.BLACK);
        double y = area.getY() + margin + g2.getFontMetrics().getAscent();
        g2.drawString(title, (float) x0, (float) y);
        // Rows share what is left; the font shrinks when there are many.
        double rowHeight = (area.getMaxY() - margin - y - 8) / (rows.size() + 1);
        float size = (float) Math.min(theme.labelFont().getSize2D(), rowHeight * 0.62);
        Font plain = theme.labelFont().deriveFont(Font.PLAIN, size);
        Font bold = plain.deriveFont(Font.BOLD);
        y += 8;
        g2.setFont(bold);
        drawRow(g2, HEADERS, COLUMNS, x0, w, y, rowHeight, null);
        y += rowHeight;
        g2.setColor(RULE);
        g2.setStroke(theme.stroke(0.5f));
        g2.draw(new Line2D.Double(x0, y, x0 + w, y));
        for (int i = 0; i < rows.size(); i++) {
            MeasuresTable.Row r = rows.get(i);
            if (i % 2 == 1) {
                // Faint stripes guide the eye along a row across the wide gaps.
                g2.setColor(STRIPE);
                g2.fill(new Rectangle2D.Double(x0, y, w, rowHeight));
            }
            boolean proof = r.key().equals("testLoss") || r.key().equals("maxOutputChange");
            g2.setFont(proof ? bold : plain);
            String[] cells = {r.name(), number(r.before()), number(r.after()),
                r.declared().name().toLowerCase(Locale.ROOT), r.moved() ? "moved" : "kept"};
            drawRow(g2, cells, COLUMNS, x0, w, y, rowHeight, r.moved() ? MOVED : KEPT);
            y += rowHeight;
        }
    }

    /**
     * Cells at the column starts ({@code columns}: fractions of the width {@code w}), text baseline centred
     * in the row; the last cell in {@code lastColour}. Also draws the Lab's experiment table.
     */
    public static void drawRow(Graphics2D g2, String[] cells, double[] columns, double x0, double w, double top,
                               double h, Color lastColour) {
        FontMetrics fm = g2.getFontMetrics();
        float base = (float) (top + (h + fm.getAscent() - fm.getDescent()) / 2);
        for (int c = 0; c < cells.length; c++) {
            g2.setColor(c == cells.length - 1 && lastColour != null ? lastColour : Color.BLACK);
            g2.drawString(cells[c], (float) (x0 + columns[c] * w), base);
        }
    }

    /** Six significant digits without trailing zeros, an exponent below 10⁻³ and from 10⁶ up, as the view shows them. */
    public static String number(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        double a = Math.abs(v);
        String s = String.format(Locale.ROOT, a < 1e-3 || a >= 1e6 ? "%.5e" : "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.indexOf('.') >= 0) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return e < 0 ? mantissa : mantissa + "e" + Integer.parseInt(s.substring(e + 1).replace("+", ""));
    }
}
