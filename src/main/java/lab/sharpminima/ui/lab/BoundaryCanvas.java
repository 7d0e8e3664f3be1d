package lab.sharpminima.ui.lab;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.export.ColorMaps;
import lab.sharpminima.export.ColorScale;

/**
 * The decision boundary as TensorFlow Playground draws it: the network's score on a grid as one
 * diverging heat map (blue: class 0 / negative, red: class 1 / positive), the training points as filled
 * dots and the test points as rings. With one input, the regression fit f(x) as a curve over the points.
 */
final class BoundaryCanvas extends CanvasRegion {

    private static final Color CLASS0 = Color.web("#2166ac");
    private static final Color CLASS1 = Color.web("#b2182b");
    private BoundaryGrid grid;
    private Dataset train;
    private Dataset test;
    private WritableImage image;
    /** What the canvas says while it has no grid. */
    private String note = NO_GRID;
    static final String NO_GRID = "the boundary is drawn for data with 1 or 2 inputs";

    BoundaryCanvas(String id) {
        setId(id);
        getStyleClass().add("lab-boundary");
    }

    /** Shows {@code grid} (null: a note) with the data points; redraws at once. */
    void show(BoundaryGrid g, Dataset trainData, Dataset testData) {
        this.note = NO_GRID;
        this.grid = g;
        this.train = trainData;
        this.test = testData;
        this.image = g != null && g.inputs() == 2 ? heatMap(g) : null;
        redraw();
    }

    /** No boundary, and this note in its place (e.g. why there is none yet); redraws at once. */
    void showNote(String text) {
        grid = null;
        train = null;
        test = null;
        image = null;
        note = text;
        redraw();
    }

    BoundaryGrid grid() {
        return grid;
    }

    /** One pixel per grid point; row 0 of the image is the top (largest y). */
    private static WritableImage heatMap(BoundaryGrid g) {
        int s = g.size();
        WritableImage img = new WritableImage(s, s);
        PixelWriter pw = img.getPixelWriter();
        double m = 1e-12;
        for (double v : g.score()) {
            m = Math.max(m, Math.abs(v));
        }
        ColorScale scale = ColorScale.symmetric(ColorMaps.DIVERGING, Math.min(m, 4));
        for (int r = 0; r < g.score().length; r++) {
            int argb = scale.argb(Math.max(-4, Math.min(4, g.score()[r])));
            pw.setArgb(r % s, s - 1 - r / s, (argb & 0x00ffffff) | 0xb0000000);
        }
        return img;
    }

    @Override
    void draw(GraphicsContext g, double w, double h) {
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (grid == null) {
            g.setFill(Color.GRAY);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(note, w / 2, h / 2, Math.max(1, w - 8)); // narrowed to fit rather than clipped at both ends
            return;
        }
        if (grid.inputs() == 2) {
            double side = Math.min(w, h);
            double x0 = (w - side) / 2;
            double y0 = (h - side) / 2;
            g.setImageSmoothing(true);
            g.drawImage(image, x0, y0, side, side);
            points2d(g, train, x0, y0, side, true);
            points2d(g, test, x0, y0, side, false);
            g.setStroke(Color.gray(0.6));
            g.strokeRect(x0 + 0.5, y0 + 0.5, side - 1, side - 1);
        } else {
            fit1d(g, w, h);
        }
    }

    private void points2d(GraphicsContext g, Dataset d, double x0, double y0, double side, boolean filled) {
        if (d == null) {
            return;
        }
        double[] win = grid.window();
        for (int i = 0; i < d.size(); i++) {
            double px = x0 + side * (d.x().get(i, 0) - win[0]) / (win[1] - win[0]);
            double py = y0 + side * (1 - (d.x().get(i, 1) - win[2]) / (win[3] - win[2]));
            Color c = label(d, i) > 0.5 ? CLASS1 : CLASS0;
            if (filled) {
                g.setFill(c);
                g.fillOval(px - 3.5, py - 3.5, 7, 7);
                g.setStroke(Color.WHITE);
                g.setLineWidth(1);
                g.strokeOval(px - 3.5, py - 3.5, 7, 7);
            } else {
                g.setFill(Color.WHITE);
                g.fillOval(px - 4, py - 4, 8, 8);
                g.setStroke(c);
                g.setLineWidth(2);
                g.strokeOval(px - 3.5, py - 3.5, 7, 7);
            }
        }
    }

    /** The class (one-hot: arg-max; one column: the value) or the target of row i. */
    private static double label(Dataset d, int i) {
        int k = d.y().numCols;
        if (k == 1) {
            return d.y().get(i, 0);
        }
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (d.y().get(i, j) > d.y().get(i, best)) {
                best = j;
            }
        }
        return best;
    }

    private void fit1d(GraphicsContext g, double w, double h) {
        double[] win = grid.window();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : grid.score()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        for (Dataset d : new Dataset[] {train, test}) {
            for (int i = 0; d != null && i < d.size(); i++) {
                lo = Math.min(lo, d.y().get(i, 0));
                hi = Math.max(hi, d.y().get(i, 0));
            }
        }
        double pad = hi > lo ? 0.1 * (hi - lo) : 1;
        double ylo = lo - pad;
        double yhi = hi + pad;
        double m = 10;
        java.util.function.DoubleUnaryOperator sx = x -> m + (w - 2 * m) * (x - win[0]) / (win[1] - win[0]);
        java.util.function.DoubleUnaryOperator sy = y -> h - m - (h - 2 * m) * (y - ylo) / (yhi - ylo);
        g.setStroke(Color.gray(0.6));
        g.strokeRect(m, m, w - 2 * m, h - 2 * m);
        g.setStroke(CLASS1);
        g.setLineWidth(2);
        g.beginPath();
        for (int i = 0; i < grid.size(); i++) {
            double x = win[0] + (win[1] - win[0]) * i / (grid.size() - 1);
            double px = sx.applyAsDouble(x);
            double py = sy.applyAsDouble(grid.score()[i]);
            if (i == 0) {
                g.moveTo(px, py);
            } else {
                g.lineTo(px, py);
            }
        }
        g.stroke();
        g.setLineWidth(1.5);
        for (Dataset d : new Dataset[] {train, test}) {
            for (int i = 0; d != null && i < d.size(); i++) {
                double px = sx.applyAsDouble(d.x().get(i, 0));
                double py = sy.applyAsDouble(d.y().get(i, 0));
                if (d == train) {
                    g.setFill(CLASS0);
                    g.fillOval(px - 3, py - 3, 6, 6);
                } else {
                    g.setStroke(CLASS0);
                    g.strokeOval(px - 3.5, py - 3.5, 7, 7);
                }
            }
        }
    }
}
