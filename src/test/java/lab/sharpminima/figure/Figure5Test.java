package lab.sharpminima.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import lab.sharpminima.symmetry.reparam.RadialMap;
import org.junit.jupiter.api.Test;

class Figure5Test {

    @Test
    void threeMinimaOfSimilarCurvature() {
        double[] m = Figure5.minima();
        assertThat(m).hasSize(3);
        for (int k = 0; k < 3; k++) {
            assertThat(Figure5.slope(m[k])).isCloseTo(0, within(1e-15));
            assertThat(m[k]).isCloseTo(2.0 * (k - 1), within(1e-2));
            // 1/s² = 4, less (d²/s⁴ − 1/s²)e^{−d²/2s²} = 60e^{−8} ≈ 0.02 per neighbour at d = 2
            double neighbours = k == 1 ? 2 : 1;
            assertThat(Figure5.curvature(m[k])).isCloseTo(4 - neighbours * 60 * Math.exp(-8), within(5e-4)); // first order in e^{-8}
        }
    }

    @Test
    void etaCurvatureIsThetaCurvatureTimesJacobianSquared() {
        Figure5.Data d = Figure5.build(Presets.figure5());
        double[] m = d.minimaTheta();
        for (int p = 1; p <= 2; p++) {
            Figure5.Panel panel = d.panels().get(p);
            Figure5.Reparam r = panel.reparam();
            RadialMap map = new RadialMap(new double[] {r.centre()}, r.a(), r.b());
            for (int k = 0; k < 3; k++) {
                double eta = panel.minima()[k];
                assertThat(map.theta(new double[] {eta})[0]).isCloseTo(m[k], within(1e-12));
                double dThetaDEta = map.jacobian(new double[] {eta}).get(0, 0);
                double expected = Figure5.curvature(m[k]) * dThetaDEta * dThetaDEta;
                assertThat(panel.curvatures()[k]).isCloseTo(expected, within(1e-9 * expected));
                // independent: central second difference of L(g(η))
                double h = 1e-4; // truncation O(h²) and rounding O(ulp/h²) both below the tolerance here
                double fd = (lossAt(map, eta + h) - 2 * lossAt(map, eta) + lossAt(map, eta - h)) / (h * h);
                assertThat(panel.curvatures()[k]).isCloseTo(fd, within(2e-4 * expected + 1e-6));
            }
        }
    }

    private static double lossAt(RadialMap map, double eta) {
        return Figure5.loss(map.theta(new double[] {eta})[0]);
    }

    @Test
    void presetMakesTheMiddleMinimumSharpAndTheRightOneFlat() {
        Figure5.Data d = Figure5.build(Presets.figure5());
        double[] c0 = d.panels().get(0).curvatures();
        double[] c1 = d.panels().get(1).curvatures();
        double[] c2 = d.panels().get(2).curvatures();
        assertThat(c1[1] / c0[1]).isCloseTo(100, within(1e-6));
        assertThat(c1[0]).isLessThan(c0[0] / 10);
        assertThat(c2[2]).isLessThan(c0[2] / 10);
        assertThat(c2[1]).isGreaterThan(c0[1] * 10);
    }

    @Test
    void gridIsRegularInThetaAndCarriedIntoEta() {
        Figure5.Data d = Figure5.build(Presets.figure5());
        Curve g0 = d.panels().get(0).grid();
        Curve g1 = d.panels().get(1).grid();
        assertThat(g0.size()).isEqualTo(29);
        for (int k = 0; k < 29; k++) {
            assertThat(g0.x(k)).isCloseTo(-3.5 + 0.25 * k, within(1e-14));
            double t = g0.x(k);
            assertThat(g1.x(k)).isCloseTo(Math.sqrt(t * t + 0.01) * t, within(1e-14));
            assertThat(g1.y(k)).isEqualTo(g0.y(k));
        }
        assertThat(d.panels().get(1).centre()).isZero();
    }

    @Test
    void limitsAtTheCentreWithoutOffset() {
        assertThat(Figure5.etaSlope(new Figure5.Reparam(0.5, 0, 1), 1)).isZero();
        assertThat(Figure5.etaSlope(new Figure5.Reparam(-0.2, 0, 1), 1)).isInfinite();
        assertThat(Figure5.etaSlope(new Figure5.Reparam(0, 0, 1), 1)).isEqualTo(1);
    }

    @Test
    void settingsNameTheBadField() {
        assertThatThrownBy(() -> new Figure5.Reparam(-0.5, 0, 0)).hasMessageContaining("a must");
        assertThatThrownBy(() -> new Figure5.Reparam(0, -1, 0)).hasMessageContaining("b must");
        assertThatThrownBy(() -> new Figure5.Settings(1, 0, 10, 10, null, null)).hasMessageContaining("lo");
        assertThatThrownBy(() -> new Figure5.Settings(0, 1, 10, 1, new Figure5.Reparam(0, 0, 0),
                new Figure5.Reparam(0, 0, 0))).hasMessageContaining("gridPoints");
    }
}
