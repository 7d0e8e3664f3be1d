package lab.sharpminima.export;

import java.awt.Color;
import lab.sharpminima.landscape.Polyline;

/**
 * A curve θ1θ2 = product on the branch θ1 &gt; 0, stroked in a colour at a width (user-space units,
 * as a {@code BasicStroke}'s), over a heat map: the level curves of the toy landscape and its curves
 * of equal function are all of this kind (Section 4: L depends on θ only through θ1θ2 there). On a
 * raster the heat map's annotation draws it per pixel from the product ({@link ProductCurves});
 * elsewhere (SVG, PDF) it strokes the sampled path, which must lie on the curve. The two agree but
 * at the window's edge: the path stops there with a round cap, the pixels' stroke is the whole
 * branch's, cut at the window's pixels (they differ within a stroke's width of where the curve leaves
 * the window at a shallow angle).
 *
 * @param product the constant p of θ1θ2 = p (finite)
 * @param path    the branch sampled inside the heat map's window, for vector targets
 * @param colour  the stroke's colour (its alpha included)
 * @param width   the stroke's width in user-space units (positive)
 */
public record ProductCurve(double product, Polyline path, Color colour, float width) {

    public ProductCurve {
        if (!Double.isFinite(product)) {
            throw new IllegalArgumentException("a product curve needs a finite product, got " + product);
        }
        if (!(width > 0) || !Float.isFinite(width)) {
            throw new IllegalArgumentException("a product curve needs a positive width, got " + width);
        }
        if (path == null || colour == null) {
            throw new IllegalArgumentException("a product curve needs a path and a colour");
        }
    }
}
