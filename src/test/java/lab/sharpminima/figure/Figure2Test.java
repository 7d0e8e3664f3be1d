package lab.sharpminima.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import lab.sharpminima.landscape.Polyline;
import lab.sharpminima.landscape.Window;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class Figure2Test {

    private static final ToyProblem NOISY = ToyProblem.of(new ToyProblem.Settings(20, 1.3, 0.1, 7));
    private static final Window WINDOW = Window.square(-3, 3);

    @Test
    void alphaKeepsLossAndOutputsAndFollowsTheHessianIdentity() {
        double[] theta = {0.8, 1.7};
        Figure2.Overlay base = Figure2.overlay(NOISY, WINDOW, new Figure2.Settings(theta[0], theta[1], 1, 0.1));
        DMatrixRMaj h = base.hessian();
        double[] before = NOISY.outputs(theta);
        for (int e = -3; e <= 3; e++) {
            double alpha = Math.pow(10, e);
            Figure2.Overlay o = Figure2.overlay(NOISY, WINDOW, new Figure2.Settings(theta[0], theta[1], alpha, 0.1));
            assertThat(o.point()[0]).isEqualTo(alpha * theta[0]);
            assertThat(o.point()[0] * o.point()[1]).isCloseTo(theta[0] * theta[1], within(1e-14));
            assertThat(o.loss()).isCloseTo(base.loss(), within(1e-12 * base.loss()));
            double[] after = NOISY.outputs(o.point());
            for (int i = 0; i < after.length; i++) {
                assertThat(after[i]).isCloseTo(before[i], within(1e-12 * Math.abs(before[i])));
            }
            assertThat(o.maxOutputChange()).isLessThanOrEqualTo(1e-12 * 5);
            // ∇²L(T_α θ) = D_α ∇²L(θ) D_α, D_α = diag(1/α, α)
            double[] d = {1 / alpha, alpha};
            DMatrixRMaj ht = o.hessian();
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    double expected = d[i] * h.get(i, j) * d[j];
                    assertThat(ht.get(i, j)).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
                }
            }
            assertThat(o.trace()).isCloseTo(o.eigenvalues()[0] + o.eigenvalues()[1],
                    within(1e-9 * Math.max(1, o.trace())));
        }
    }

    @Test
    void eigenvectorsAreUnitAndSatisfyTheEigenEquation() {
        Figure2.Overlay o = Figure2.overlay(NOISY, WINDOW, new Figure2.Settings(0.8, 1.7, 3, 0.1));
        DMatrixRMaj h = o.hessian();
        for (int k = 0; k < 2; k++) {
            double[] v = o.eigenvectors()[k];
            assertThat(Math.hypot(v[0], v[1])).isCloseTo(1, within(1e-12));
            for (int i = 0; i < 2; i++) {
                double hv = h.get(i, 0) * v[0] + h.get(i, 1) * v[1];
                assertThat(hv).isCloseTo(o.eigenvalues()[k] * v[i], within(1e-10 * Math.abs(o.eigenvalues()[0])));
            }
        }
        assertThat(o.eigenvalues()[0]).isGreaterThanOrEqualTo(o.eigenvalues()[1]);
    }

    @Test
    void sharpnessGrowsWhenAlphaSqueezesTheValley() {
        ToyProblem toy = ToyProblem.of(Presets.toy());
        Figure2.Overlay at1 = Figure2.overlay(toy, WINDOW, new Figure2.Settings(1, 1, 1, 0.1));
        Figure2.Overlay at10 = Figure2.overlay(toy, WINDOW, new Figure2.Settings(1, 1, 0.1, 0.1));
        assertThat(at1.loss()).isCloseTo(0, within(1e-28));
        assertThat(at10.eigenvalues()[0]).isGreaterThan(10 * at1.eigenvalues()[0]);
        assertThat(at10.sharpness().value()).isGreaterThan(at1.sharpness().value());
    }

    @Test
    void orbitPassesThroughThePointAndKeepsTheProduct() {
        Figure2.Overlay o = Figure2.overlay(NOISY, WINDOW, new Figure2.Settings(0.8, 1.7, 2, 0.1));
        Polyline orbit = o.orbit();
        assertThat(orbit.size()).isGreaterThan(10);
        for (int k = 0; k < orbit.size(); k++) {
            assertThat(orbit.a(k) * orbit.b(k)).isCloseTo(0.8 * 1.7, within(1e-12));
            assertThat(orbit.a(k)).isBetween(0.0, 3.0);
            assertThat(orbit.b(k)).isBetween(-3.0, 3.0 + 1e-12);
        }
    }

    @Test
    void landscapeHasTheGridContoursAndClippedCurves() {
        LandscapeLayer l = LandscapeLayer.build(ToyProblem.of(Presets.toy()), Presets.landscape());
        assertThat(l.grid().steps()).isEqualTo(256);
        double[] lv = l.levels();
        assertThat(lv).hasSize(24);
        for (int i = 1; i < lv.length; i++) {
            assertThat(lv[i] / lv[i - 1]).isCloseTo(lv[1] / lv[0], within(1e-9));
        }
        assertThat(l.contours()).hasSize(24);
        assertThat(l.contours().get(12)).isNotEmpty();
        Window w = Presets.landscape().window();
        for (int i = 0; i < l.products().length; i++) {
            Polyline c = l.equalFunction().get(i);
            assertThat(c.size()).isGreaterThan(2);
            for (int k = 0; k < c.size(); k++) {
                assertThat(c.a(k) * c.b(k)).isCloseTo(l.products()[i], within(1e-12));
                assertThat(c.a(k)).isBetween(w.a0() - 1e-12, w.a1() + 1e-12);
                assertThat(c.b(k)).isBetween(w.b0() - 1e-12, w.b1() + 1e-12);
            }
        }
        // A curve that misses the window is empty; a negative product lives below the θ1 axis.
        assertThat(LandscapeLayer.equalFunctionCurve(100, w, 10).size()).isZero();
        Polyline neg = LandscapeLayer.equalFunctionCurve(-1, Window.square(-3, 3), 10);
        assertThat(neg.b(0)).isEqualTo(-3);
    }

    @Test
    void settingsNameTheBadField() {
        assertThatThrownBy(() -> new Figure2.Settings(1, 1, 0, 0.1)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> new Figure2.Settings(1, 1, 1e7, 0.1)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> new Figure2.Settings(Double.NaN, 1, 1, 0.1)).hasMessageContaining("theta1");
        assertThatThrownBy(() -> new Figure2.Settings(1, 1, 1, 0)).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> new ToyProblem.Settings(0, 1, 0, 1)).hasMessageContaining("samples");
        assertThatThrownBy(() -> new LandscapeLayer.Settings(WINDOW, 1, 5, new double[0]))
                .hasMessageContaining("steps");
    }
}
