package lab.sharpminima.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import lab.sharpminima.landscape.Contours;
import lab.sharpminima.landscape.LossGrid;
import lab.sharpminima.landscape.Plane;
import lab.sharpminima.landscape.Polyline;
import lab.sharpminima.landscape.Window;
import org.junit.jupiter.api.Test;

/**
 * The toy problem's closed form against the network's own loss (forward pass over the data): the same
 * values everywhere, the grids behind Figures 2–4 the same, and its level curves on their levels.
 */
class ToyProblemTest {

    /** Toy problems no other test uses: several sizes, slopes, noise levels and seeds. */
    private static final List<ToyProblem.Settings> PROBLEMS = List.of(
            new ToyProblem.Settings(20, 1.0, 0.0, 1),
            new ToyProblem.Settings(7, -0.6, 0.3, 11),
            new ToyProblem.Settings(333, 2.5, 1.7, 29),
            new ToyProblem.Settings(1, 0.4, 0.05, 5));

    @Test
    void closedFormIsTheNetworksLoss() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (ToyProblem.Settings s : PROBLEMS) {
            ToyProblem p = ToyProblem.of(s);
            ToyProblem.ProductForm form = p.productForm();
            assertThat(form).isNotNull();
            for (int i = 0; i < 2000; i++) {
                // Both half-planes, θ1 = 0 exactly, and products near and far from the minimum.
                double t1 = i % 50 == 0 ? 0 : (rnd.nextDouble() - 0.3) * Math.pow(10, rnd.nextDouble(-2, 2));
                double t2 = i % 7 == 0 && t1 != 0 ? form.pStar() / t1 * (1 + rnd.nextDouble(-1e-3, 1e-3))
                        : (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextDouble(-2, 2));
                double engine = p.loss().value(new double[] {t1, t2});
                assertThat(form.value(t1, t2)).as("L(%s, %s) of %s", t1, t2, s)
                        .isCloseTo(engine, within(1e-12 * Math.max(engine, form.flat()) + 1e-300));
            }
            // At the minimum the form is L*, the network's minimum over the curve θ1θ2 = p*.
            double atMin = p.loss().value(new double[] {2, form.pStar() / 2});
            assertThat(form.lStar()).isCloseTo(atMin, within(1e-12 * form.flat()));
        }
    }

    /** The products of the level curves must match them, level by level and piece by piece. */
    @Test
    void contourProductsMustMatchTheContours() {
        LandscapeLayer layer = LandscapeLayer.build(ToyProblem.of(PROBLEMS.get(0)),
                new LandscapeLayer.Settings(new Window(0.1, 2, 0.1, 2), 32, 6, new double[] {1}));
        double[][] products = layer.contourProducts();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LandscapeLayer(layer.grid(), layer.levels(),
                layer.contours(), layer.products(), layer.equalFunction(), java.util.Arrays.copyOf(products, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contour products for 5 levels");
        products[2] = new double[products[2].length + 1];
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LandscapeLayer(layer.grid(), layer.levels(),
                layer.contours(), layer.products(), layer.equalFunction(), products))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("level 2 has");
        // A layer without products (level curves of any shape) is valid.
        assertThat(new LandscapeLayer(layer.grid(), layer.levels(), layer.contours(), layer.products(),
                layer.equalFunction(), null).contourProducts()).isNull();
    }

    @Test
    void gridIsTheNetworksGrid() {
        ToyProblem p = ToyProblem.of(PROBLEMS.get(1));
        Window w = new Window(-0.7, 3.1, -2.2, 1.9);
        LandscapeLayer layer = LandscapeLayer.build(p, new LandscapeLayer.Settings(w, 64, 12, new double[] {0.5}));
        LossGrid engine = LossGrid.compute(Plane.absolute(new double[2]), p.loss(), w, 64);
        double[][] a = layer.grid().rows();
        double[][] b = engine.rows();
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                assertThat(a[i][j]).isCloseTo(b[i][j], within(1e-12 * Math.max(1, b[i][j])));
            }
        }
    }

    @Test
    void levelCurvesLieOnTheirLevelsAndMatchMarchingSquares() {
        for (ToyProblem.Settings s : PROBLEMS) {
            ToyProblem p = ToyProblem.of(s);
            Window w = new Window(-0.4, 3.3, -1.6, 2.7);
            LandscapeLayer layer = LandscapeLayer.build(p, new LandscapeLayer.Settings(w, 256, 16, new double[] {1}));
            double[] levels = layer.levels();
            List<List<Polyline>> grid = Contours.levelCurves(layer.grid(), levels);
            int drawn = 0;
            double[][] products = layer.contourProducts();
            assertThat(products.length).isEqualTo(levels.length);
            for (int k = 0; k < levels.length; k++) {
                double level = levels[k];
                assertThat(products[k]).hasSize(layer.contours().get(k).size());
                for (int j = 0; j < products[k].length; j++) {
                    // The curve per pixel (ProductCurves) is drawn from this product alone: each piece lies on it.
                    Polyline c = layer.contours().get(k).get(j);
                    for (int i = 0; i < c.size(); i++) {
                        assertThat(c.a(i) * c.b(i)).isCloseTo(products[k][j], within(1e-12 * Math.abs(products[k][j]) + 1e-15));
                    }
                }
                for (Polyline c : layer.contours().get(k)) {
                    for (int i = 0; i < c.size(); i++) {
                        double engine = p.loss().value(new double[] {c.a(i), c.b(i)});
                        assertThat(engine).as("L on the level curve %s of %s", level, s)
                                .isCloseTo(level, within(1e-9 * level));
                        assertThat(c.a(i)).isBetween(w.a0(), w.a1());
                        assertThat(c.b(i)).isBetween(w.b0() - 1e-12, w.b1() + 1e-12);
                        drawn++;
                    }
                }
                // Marching squares on the grid finds the level where the closed form does: every vertex of
                // its curves lies within a grid cell of one of the closed form's hyperbolas θ1θ2 = p.
                double[] ps = p.productForm().productsAt(level);
                double cell = Math.max(w.a1() - w.a0(), w.b1() - w.b0()) / 255;
                for (Polyline c : grid.get(k)) {
                    for (int i = 0; i < c.size(); i++) {
                        double best = Double.POSITIVE_INFINITY;
                        for (double q : ps) {
                            best = Math.min(best, Math.abs(c.a(i) * c.b(i) - q));
                        }
                        double slack = cell * (Math.abs(c.a(i)) + Math.abs(c.b(i)) + cell);
                        assertThat(best).as("marching squares vertex (%s, %s) at level %s", c.a(i), c.b(i), level)
                                .isLessThanOrEqualTo(slack);
                    }
                }
                assertThat(layer.contours().get(k).isEmpty()).isEqualTo(grid.get(k).isEmpty());
            }
            assertThat(drawn).isGreaterThan(1000);
        }
    }
}
