package lab.sharpminima.ui.figure4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import lab.sharpminima.figure.Figure4;
import lab.sharpminima.ui.SameThreadExecutor;
import org.junit.jupiter.api.Test;

/** Figure 4's ViewModel without a stage: α = ε/|θ₁|, the red ball reaches θ₁ = 0, sharpness ≥ excess. */
class Figure4ViewModelTest {

    private static Figure4ViewModel started() {
        Figure4ViewModel vm = new Figure4ViewModel(new SameThreadExecutor());
        vm.start();
        return vm;
    }

    @Test
    void thePresetReproducesThePapersFigure() {
        Figure4ViewModel vm = started();
        assertThat(vm.landscapeProperty().get()).isNotNull();
        Figure4.Data d = vm.dataProperty().get();
        // θ = (1.5, 2/3), ε = 0.5: α = 1/3, θ′ = (0.5, 2).
        assertThat(d.alpha()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(d.sharpenedBall().a()).isCloseTo(0.5, within(1e-15));
        assertThat(d.sharpenedBall().b()).isCloseTo(2, within(1e-14));
        assertThat(vm.reachTextProperty().get()).startsWith("yes");
    }

    @Test
    void sharpnessAtThetaPrimeIsAtLeastTheConstantFunctionsExcess() {
        Figure4ViewModel vm = started();
        double[][] points = {{1.5, 2.0 / 3}, {1, 1}, {2, 0.5}, {0.5, 1.5}, {2.5, 1.2}};
        for (double[] p : points) {
            vm.setTheta(p[0], p[1]);
            for (double eps : new double[] {0.1, 0.5, 1.0}) {
                vm.setEpsilon(eps);
                Figure4.Data d = vm.dataProperty().get();
                assertThat(d.alpha()).isCloseTo(eps / p[0], within(1e-14 * eps / p[0]));
                if (Math.abs(p[0] * p[1] - 1) < 1e-12) {
                    // On the minimum curve θ₁θ₂ = 1 (L = 0), f ≡ 0 is strictly worse: the bound says something.
                    assertThat(d.constantExcess()).isGreaterThan(0);
                }
                // The ascent is a local search; the bound is exact, so allow only rounding.
                assertThat(d.sharpenedSharpness().value()).isGreaterThanOrEqualTo(d.constantExcess() - 1e-9);
                assertThat(vm.reachTextProperty().get()).startsWith("yes");
                assertThat(vm.alphaTextProperty().get())
                        .isEqualTo(lab.sharpminima.ui.summary.Numbers.format(d.alpha()));
            }
        }
    }
}
