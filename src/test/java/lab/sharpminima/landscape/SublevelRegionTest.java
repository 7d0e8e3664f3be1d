package lab.sharpminima.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Flood fill connectivity, the two areas and the edge test, on functions with known answers. */
class SublevelRegionTest {

    private static LossGrid grid(Window w, int steps, java.util.function.ToDoubleFunction<double[]> f) {
        return LossGrid.compute(Plane.absolute(new double[] {0, 0}), f, w, steps, 2);
    }

    /** Two disjoint basins of radius √0.1 centred at (±0.5, 0). */
    private static double twoBasins(double[] p) {
        double left = (p[0] + 0.5) * (p[0] + 0.5) + p[1] * p[1];
        double right = (p[0] - 0.5) * (p[0] - 0.5) + p[1] * p[1];
        return Math.min(left, right);
    }

    @Test
    void onlyTheBasinContainingTheSeedIsCounted() {
        LossGrid g = grid(Window.square(-1, 1), 601, SublevelRegionTest::twoBasins);
        SublevelRegion r = SublevelRegion.containing(g, 0.5, 0, 0.1);
        double disk = Math.PI * 0.1;
        assertThat(r.area() / disk).isCloseTo(1.0, within(1e-3));
        assertThat(r.countedArea() / disk).isCloseTo(1.0, within(2e-2));
        assertThat(r.touchesEdge()).isFalse();
        assertThat(r.isBoundedInWindow()).isTrue();
        assertThat(r.contains(g.nearestRow(0), g.nearestColumn(-0.5))).isFalse();
        assertThat(r.contains(g.nearestRow(0), g.nearestColumn(0.5))).isTrue();
        List<Polyline> boundary = r.boundary();
        assertThat(boundary).hasSize(1);
        assertThat(boundary.get(0).closed()).isTrue();
        assertThat(boundary.get(0).signedArea()).isCloseTo(r.area(), within(1e-12));
        // Both basins are level curves of the grid; only one is the component's boundary.
        assertThat(Contours.levelCurves(g, 0.1)).hasSize(2);
    }

    @Test
    void aHalfPlaneReachesTheEdgeAndItsAreaIsExactForLinearData() {
        LossGrid g = grid(Window.square(-1, 1), 31, p -> p[0] + 0.3 * p[1]);
        SublevelRegion r = SublevelRegion.containing(g, -0.5, 0, 0.05);
        // {a + 0.3 b < 0.05} ∩ [−1, 1]²: a trapezoid of area 2 · (0.05 + 1) = 2.1.
        assertThat(r.area()).isCloseTo(2.1, within(1e-12));
        assertThat(r.touchesEdge()).isTrue();
        assertThat(r.isBoundedInWindow()).isFalse();
        assertThat(r.boundary()).hasSize(1);
        assertThat(r.boundary().get(0).closed()).isFalse();
    }

    @Test
    void theWholeWindowHasTheWindowsArea() {
        LossGrid g = grid(new Window(2, 5, -1, 1), 11, p -> 0.0);
        SublevelRegion r = SublevelRegion.containing(g, 3, 0, 1);
        assertThat(r.area()).isCloseTo(6.0, within(1e-12));
        assertThat(r.cellCount()).isEqualTo(121);
        assertThat(r.boundary()).isEmpty();
    }

    @Test
    void diagonalNeighboursAreNotConnected() {
        // The saddle grid: (0,0) and (1,1) are below 0.6 but only diagonally adjacent.
        LossGrid g = LossGrid.of(Window.square(0, 1), new double[][] {{0, 1}, {1, 0}});
        SublevelRegion r = SublevelRegion.containing(g, 0, 0, 0.6);
        assertThat(r.cellCount()).isEqualTo(1);
        // Only the corner triangle with legs 0.6 belongs to the component.
        assertThat(r.area()).isCloseTo(0.5 * 0.6 * 0.6, within(1e-12));
    }

    @Test
    void aSeedAboveTheLevelGivesAnEmptyRegion() {
        LossGrid g = grid(Window.square(-1, 1), 21, p -> p[0] * p[0] + p[1] * p[1]);
        SublevelRegion r = SublevelRegion.containing(g, 0.9, 0.9, 0.5);
        assertThat(r.isEmpty()).isTrue();
        assertThat(r.area()).isZero();
        assertThat(r.isBoundedInWindow()).isFalse();
    }
}
