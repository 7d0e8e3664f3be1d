package lab.sharpminima.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class Figure1Test {

    @Test
    void intervalEndsSitOnTheLevel() {
        for (double theta : new double[] {0, 0.3, -1.2, 2.5}) {
            for (double eps : new double[] {0.01, 0.2, 0.9, 3}) {
                Figure1.Overlay o = Figure1.overlay(new Figure1.Settings(theta, eps, -20, 20, 401), Figure1.LOSS);
                assertThat(o.bounded()).isTrue();
                assertThat(Figure1.LOSS.applyAsDouble(o.left())).isCloseTo(o.level(), within(1e-10));
                assertThat(Figure1.LOSS.applyAsDouble(o.right())).isCloseTo(o.level(), within(1e-10));
                assertThat(o.left()).isLessThanOrEqualTo(theta);
                assertThat(o.right()).isGreaterThanOrEqualTo(theta);
                assertThat(o.width()).isEqualTo(o.right() - o.left());
            }
        }
    }

    @Test
    void symmetricWellAtTheMinimumHasTheClosedFormWidth() {
        // L(t) = 1 − exp(−t²/2) + t²/20 is even; at θ = 0 the ends are ±t with L(t) = ε.
        Figure1.Overlay o = Figure1.overlay(new Figure1.Settings(0, 0.5, -5, 5, 1001), Figure1.LOSS);
        assertThat(o.left()).isCloseTo(-o.right(), within(1e-12));
        assertThat(Figure1.LOSS.applyAsDouble(o.right())).isCloseTo(0.5, within(1e-12));
        // the height over [−ε, ε] is L(ε) − 0, attained at either end
        assertThat(o.height()).isCloseTo(Figure1.LOSS.applyAsDouble(0.5), within(1e-14));
        assertThat(Math.abs(o.argmax())).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void heightFindsAnInteriorMaximumOfABump() {
        // L = −(t − 0.3)² has its maximum on [−1, 1] at 0.3, inside the interval.
        Figure1.Overlay o = Figure1.overlay(new Figure1.Settings(0, 1, -2, 2, 11), t -> -(t - 0.3) * (t - 0.3));
        assertThat(o.argmax()).isCloseTo(0.3, within(1e-7));
        assertThat(o.height()).isCloseTo(0.09, within(1e-14));
        assertThat(o.sharpness()).isCloseTo(0.09 / (1 - 0.09), within(1e-13));
    }

    @Test
    void unboundedIntervalIsReported() {
        Figure1.Overlay o = Figure1.overlay(new Figure1.Settings(0, 5, -1, 1, 11), Figure1.LOSS);
        assertThat(o.bounded()).isFalse();
        assertThat(o.left()).isEqualTo(-1);
        assertThat(o.right()).isEqualTo(1);
    }

    @Test
    void curveSamplesTheRange() {
        Curve c = Figure1.build(Presets.figure1()).curve();
        assertThat(c.size()).isEqualTo(1001);
        assertThat(c.x(0)).isEqualTo(-5);
        assertThat(c.x(1000)).isEqualTo(5);
        assertThat(c.y(500)).isEqualTo(0);
    }

    @Test
    void settingsNameTheBadField() {
        assertThatThrownBy(() -> new Figure1.Settings(0, -1, -1, 1, 10)).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> new Figure1.Settings(3, 1, -1, 1, 10)).hasMessageContaining("theta");
        assertThatThrownBy(() -> new Figure1.Settings(0, 1, 1, -1, 10)).hasMessageContaining("lo");
        assertThatThrownBy(() -> new Figure1.Settings(0, 1, -1, 1, 1)).hasMessageContaining("samples");
    }
}
