package lab.sharpminima.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import lab.sharpminima.landscape.Polyline;
import org.junit.jupiter.api.Test;

class Figure4Test {

    private static final ToyProblem TOY = ToyProblem.of(Presets.toy());

    @Test
    void sharpenedBallReachesTheConstantFunction() {
        Figure4.Data d = Figure4.build(TOY, Presets.landscapeAcrossAxis().window(), Presets.figure4());
        double alpha = 0.5 / 1.5;
        assertThat(d.alpha()).isCloseTo(alpha, within(1e-15));
        assertThat(d.sharpenedBall().a()).isCloseTo(0.5, within(1e-15));
        assertThat(d.sharpenedBall().b()).isCloseTo(2, within(1e-14));
        assertThat(d.constantPoint()[0]).isZero();
        assertThat(d.constantPoint()[1]).isCloseTo(2, within(1e-14));
        assertThat(d.sharpenedBall().contains(0, 2, 1e-12)).isTrue();
        assertThat(d.ball().contains(0, 2, 0)).isFalse();
        // the constant f ≡ 0 has loss mean(x²) against L = 0 at the minimum
        double meanSquare = 0;
        for (double x : TOY.data().x().data) {
            meanSquare += x * x / TOY.data().size();
        }
        assertThat(d.constantExcess()).isCloseTo(meanSquare, within(1e-12));
        assertThat(d.sharpenedSharpness().value()).isGreaterThanOrEqualTo(d.constantExcess() * (1 - 1e-9));
        assertThat(d.sharpenedSharpness().value()).isGreaterThan(d.sharpness().value());
    }

    @Test
    void maximisersLieInTheirBalls() {
        Figure4.Data d = Figure4.build(TOY, Presets.landscapeAcrossAxis().window(), Presets.figure4());
        double[] m = d.sharpness().argmax();
        double[] ms = d.sharpenedSharpness().argmax();
        assertThat(d.ball().contains(m[0], m[1], 1e-12)).isTrue();
        assertThat(d.sharpenedBall().contains(ms[0], ms[1], 1e-12)).isTrue();
        Polyline line = d.constantLine();
        assertThat(line.a()).containsExactly(0, 0);
        assertThat(line.b()).containsExactly(-0.5, 3.5);
        assertThat(d.ball().polyline(64).closed()).isTrue();
    }

    @Test
    void settingsNameTheBadField() {
        assertThatThrownBy(() -> new Figure4.Settings(0, 1, 0.5, 3)).hasMessageContaining("theta1");
        assertThatThrownBy(() -> new Figure4.Settings(1, 1, -0.5, 3)).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> new Figure4.Settings(1, 1, 0.5, 0)).hasMessageContaining("restarts");
    }
}
