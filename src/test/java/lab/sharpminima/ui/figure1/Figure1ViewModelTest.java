package lab.sharpminima.ui.figure1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import lab.sharpminima.figure.Figure1;
import lab.sharpminima.ui.SameThreadExecutor;
import org.junit.jupiter.api.Test;

/** Figure 1's ViewModel without a stage: the flatness interval's ends lie on the level L(θ) + ε. */
class Figure1ViewModelTest {

    private static Figure1ViewModel started() {
        Figure1ViewModel vm = new Figure1ViewModel(new SameThreadExecutor());
        vm.start();
        return vm;
    }

    @Test
    void intervalEndsLieOnTheLevelAndWidthShrinksWithEpsilon() {
        Figure1ViewModel vm = started();
        assertThat(vm.curveProperty().get().size()).isEqualTo(1001);
        for (double theta : new double[] {0, 0.7, -1.3}) {
            vm.setTheta(theta);
            double previous = Double.POSITIVE_INFINITY;
            for (double eps : new double[] {1.2, 0.8, 0.5, 0.2, 0.05}) {
                vm.setEpsilon(eps);
                Figure1.Overlay o = vm.overlayProperty().get();
                assertThat(o.bounded()).isTrue();
                double level = Figure1.LOSS.applyAsDouble(theta) + eps;
                assertThat(Figure1.LOSS.applyAsDouble(o.left())).isCloseTo(level, within(1e-10));
                assertThat(Figure1.LOSS.applyAsDouble(o.right())).isCloseTo(level, within(1e-10));
                assertThat(o.left()).isLessThan(theta);
                assertThat(o.right()).isGreaterThan(theta);
                assertThat(o.width()).isLessThan(previous);
                assertThat(vm.widthTextProperty().get()).isEqualTo(lab.sharpminima.ui.summary.Numbers.format(o.width()));
                previous = o.width();
            }
        }
    }

    @Test
    void atTheMinimumTheHeightIsTheRiseAtEitherEndAndTheSharpnessDividesByOnePlusL() {
        Figure1ViewModel vm = started();
        // L is even with its minimum L(0) = 0 and increasing in |θ|: max over [−ε, ε] is L(±ε).
        vm.setEpsilon(0.5);
        Figure1.Overlay o = vm.overlayProperty().get();
        double expected = Figure1.LOSS.applyAsDouble(0.5);
        assertThat(o.height()).isCloseTo(expected, within(1e-12));
        assertThat(Math.abs(o.argmax())).isCloseTo(0.5, within(1e-12));
        assertThat(o.sharpness()).isCloseTo(expected, within(1e-12));
        vm.setTheta(1);
        o = vm.overlayProperty().get();
        assertThat(o.sharpness()).isCloseTo(o.height() / (1 + Figure1.LOSS.applyAsDouble(1)), within(1e-14));
    }

    @Test
    void anIntervalReachingThePlotsEdgeReadsUnbounded() {
        Figure1ViewModel vm = started();
        // L(3) ≈ 1.44 and L(±5) ≈ 2.25 < L(3) + 1: the sublevel set runs past the drawn range.
        vm.setTheta(3);
        vm.setEpsilon(1);
        assertThat(vm.overlayProperty().get().bounded()).isFalse();
        assertThat(vm.widthTextProperty().get()).isEqualTo("unbounded");
        vm.reset();
        assertThat(vm.thetaProperty().get()).isEqualTo(0);
        assertThat(vm.widthTextProperty().get()).isNotEqualTo("unbounded");
    }
}
