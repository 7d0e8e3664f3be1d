package lab.sharpminima.ui.lab;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.Network;
import org.ejml.data.DMatrixRMaj;

/**
 * The network as TensorFlow Playground draws it: units as circles in columns, weights as edges whose
 * width grows with |w| (on a fixed scale, so that T_α's rescaling shows) and whose colour is the sign
 * (blue +, orange −); a unit's fill shows its bias the same way. At most {@link #MAX_UNITS} units per
 * layer are drawn.
 */
final class NetworkDiagram extends CanvasRegion {

    static final int MAX_UNITS = 24;
    private static final Color POSITIVE = Color.web("#0072B2");
    private static final Color NEGATIVE = Color.web("#D55E00");
    private Network net;
    private double[] theta;

    NetworkDiagram(String id) {
        setId(id);
        getStyleClass().add("lab-diagram");
    }

    void show(Network network, double[] parameters) {
        // A result computed for an earlier network (the run was reset with other widths meanwhile) is not drawn.
        boolean fits = network != null && parameters != null && parameters.length == network.parameterCount();
        this.net = fits ? network : null;
        this.theta = fits ? parameters : null;
        redraw();
    }

    /** The line width of an edge of weight w, in pixels: 0.3 + 2|w|, capped at 8. */
    static double width(double w) {
        return Math.min(8, 0.3 + 2 * Math.abs(w));
    }

    @Override
    void draw(GraphicsContext g, double w, double h) {
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (net == null || theta == null) {
            return;
        }
        int columns = net.depth() + 1;
        double dx = (w - 40) / Math.max(1, columns - 1);
        for (int k = 0; k < net.depth(); k++) {
            edges(g, k, 20 + k * dx, 20 + (k + 1) * dx, h);
        }
        for (int c = 0; c < columns; c++) {
            int units = c == 0 ? net.inputs() : net.layer(c - 1).out();
            double[] bias = c == 0 || !net.layer(c - 1).bias() ? null : net.bias(theta, c - 1);
            double r = Math.max(2.5, Math.min(7, 0.4 * (h - 40) / Math.max(1, shown(units) - 1)));
            for (int i = 0; i < shown(units); i++) {
                double y = y(i, shown(units), h);
                g.setFill(bias == null ? Color.WHITE : tint(bias[i]));
                g.fillOval(20 + c * dx - r, y - r, 2 * r, 2 * r);
                g.setStroke(Color.gray(0.25));
                g.setLineWidth(1);
                g.strokeOval(20 + c * dx - r, y - r, 2 * r, 2 * r);
            }
            if (w >= 250) {
                g.setFill(Color.gray(0.3));
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText(c == 0 ? "input" : c == columns - 1 ? "output" : "h" + c + " (" + units + ")",
                        20 + c * dx, h - 4);
            }
        }
    }

    private void edges(GraphicsContext g, int k, double x0, double x1, double h) {
        Layer l = net.layer(k);
        DMatrixRMaj wk = net.weights(theta, k);
        int in = shown(l.in());
        int out = shown(l.out());
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                double v = wk.get(i, j);
                g.setStroke(v >= 0 ? POSITIVE : NEGATIVE);
                g.setGlobalAlpha(0.75);
                g.setLineWidth(width(v));
                g.strokeLine(x0, y(i, in, h), x1, y(j, out, h));
            }
        }
        g.setGlobalAlpha(1);
    }

    private static int shown(int units) {
        return Math.min(units, MAX_UNITS);
    }

    private static double y(int i, int count, double h) {
        double top = 16;
        double bottom = h - 24;
        return count == 1 ? (top + bottom) / 2 : top + (bottom - top) * i / (count - 1);
    }

    private static Color tint(double b) {
        double t = Math.min(1, Math.abs(b));
        return (b >= 0 ? POSITIVE : NEGATIVE).interpolate(Color.WHITE, 1 - t);
    }
}
