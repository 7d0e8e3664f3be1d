package lab.sharpminima.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Marching squares against known answers: a circle, the two saddle resolutions, a straight line. */
class ContoursTest {

    private static LossGrid grid(Window w, int steps, java.util.function.ToDoubleFunction<double[]> f) {
        return LossGrid.compute(Plane.absolute(new double[] {0, 0}), f, w, steps, 2);
    }

    @Test
    void circleOfRadiusRFromTheParaboloidHasLength2PiRAndAreaPiR2() {
        double r = 0.6;
        LossGrid g = grid(Window.square(-1, 1), 801, p -> p[0] * p[0] + p[1] * p[1]);
        List<Polyline> curves = Contours.levelCurves(g, r * r);
        assertThat(curves).hasSize(1);
        Polyline c = curves.get(0);
        assertThat(c.closed()).isTrue();
        assertThat(c.length() / (2 * Math.PI * r)).isCloseTo(1.0, within(1e-3));
        // Inside on the left: counter-clockwise around the disk.
        assertThat(c.signedArea() / (Math.PI * r * r)).isCloseTo(1.0, within(1e-3));
        for (int k = 0; k < c.size(); k += 97) {
            assertThat(Math.hypot(c.a(k), c.b(k))).isCloseTo(r, within(1e-4));
        }
    }

    @Test
    void saddleWithTheCentreOutsideCutsOffEachInsideCorner() {
        // Corners (0,0) and (1,1) at 0, the others at 1; the centre average 0.5 is not below 0.5.
        LossGrid g = LossGrid.of(Window.square(0, 1), new double[][] {{0, 1}, {1, 0}});
        List<Polyline> curves = Contours.levelCurves(g, 0.5);
        assertThat(curves).hasSize(2);
        for (Polyline p : curves) {
            assertThat(p.closed()).isFalse();
            assertThat(p.size()).isEqualTo(2);
            // Each piece is a diagonal chord at distance √2/4 from its own corner.
            double midA = 0.5 * (p.a(0) + p.a(1));
            double midB = 0.5 * (p.b(0) + p.b(1));
            assertThat(Math.min(Math.hypot(midA, midB), Math.hypot(1 - midA, 1 - midB)))
                    .isCloseTo(Math.sqrt(2) / 4, within(1e-12));
            assertThat(p.length()).isCloseTo(Math.sqrt(2) / 2, within(1e-12));
        }
    }

    @Test
    void saddleWithTheCentreInsideCutsOffEachOutsideCorner() {
        // Level 0.6 > centre 0.5: the inside corners join; the chords cut the corners (1,0) and (0,1).
        LossGrid g = LossGrid.of(Window.square(0, 1), new double[][] {{0, 1}, {1, 0}});
        List<Polyline> curves = Contours.levelCurves(g, 0.6);
        assertThat(curves).hasSize(2);
        for (Polyline p : curves) {
            double midA = 0.5 * (p.a(0) + p.a(1));
            double midB = 0.5 * (p.b(0) + p.b(1));
            double toCorner10 = Math.hypot(1 - midA, midB);
            double toCorner01 = Math.hypot(midA, 1 - midB);
            assertThat(Math.min(toCorner10, toCorner01)).isCloseTo(0.4 * Math.sqrt(2) / 2, within(1e-12));
        }
    }

    @Test
    void levelsAreComputedInTheOrderGiven() {
        LossGrid g = grid(Window.square(-1, 1), 201, p -> p[0] * p[0] + p[1] * p[1]);
        List<List<Polyline>> all = Contours.levelCurves(g, new double[] {0.04, 0.25, 9});
        assertThat(all).hasSize(3);
        assertThat(all.get(0).get(0).length()).isCloseTo(2 * Math.PI * 0.2, within(2e-3));
        assertThat(all.get(1).get(0).length()).isCloseTo(2 * Math.PI * 0.5, within(2e-3));
        assertThat(all.get(2)).isEmpty();
    }

    @Test
    void aLevelCurveAcrossTheWindowIsOpenWithItsEndsOnTheEdge() {
        LossGrid g = grid(new Window(-1, 1, -2, 2), 41, p -> p[0] + 0.5 * p[1]);
        List<Polyline> curves = Contours.levelCurves(g, 0.1);
        assertThat(curves).hasSize(1);
        Polyline p = curves.get(0);
        assertThat(p.closed()).isFalse();
        // Linear data: every crossing lies exactly on the line a + b/2 = 0.1.
        for (int k = 0; k < p.size(); k++) {
            assertThat(p.a(k) + 0.5 * p.b(k)).isCloseTo(0.1, within(1e-12));
        }
        // From the right edge at (1, −1.8) to the top one at (−0.9, 2): the inside, below-left of the
        // line, is then on the left.
        assertThat(p.a(0)).isCloseTo(1.0, within(1e-12));
        assertThat(p.b(0)).isCloseTo(-1.8, within(1e-12));
        assertThat(p.a(p.size() - 1)).isCloseTo(-0.9, within(1e-12));
        assertThat(p.b(p.size() - 1)).isCloseTo(2.0, within(1e-12));
    }
}
