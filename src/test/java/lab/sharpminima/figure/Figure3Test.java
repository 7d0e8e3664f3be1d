package lab.sharpminima.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import lab.sharpminima.landscape.Window;
import org.junit.jupiter.api.Test;

class Figure3Test {

    @Test
    void everyImageHasAreaFourRSquaredAndTheTotalGrows() {
        Figure3.Data d = Figure3.build(new Figure3.Settings(1.2, -0.7, 0.3, 2.5, 10));
        assertThat(d.count()).isEqualTo(10);
        double[] areas = d.areas();
        for (int i = 0; i < areas.length; i++) {
            assertThat(areas[i]).isCloseTo(4 * 0.3 * 0.3, within(1e-12));
            assertThat(d.runningTotal()[i]).isCloseTo((i + 1) * 0.36, within(1e-11));
        }
        Window w3 = d.boxes().get(3);
        double s = Math.pow(2.5, 3);
        assertThat(w3.a0()).isCloseTo(s * 0.9, within(1e-12));
        assertThat(w3.b1()).isCloseTo(-0.4 / s, within(1e-15));
    }

    @Test
    void disjointExactlyFromTheThresholdAlpha() {
        // θ1 = 1, r = 0.25: threshold (1.25)/(0.75) = 5/3 along θ1, same along θ2.
        double threshold = 5.0 / 3;
        assertThat(Figure3.build(new Figure3.Settings(1, 1, 0.25, 1.6, 5)).disjoint()).isFalse();
        assertThat(Figure3.build(new Figure3.Settings(1, 1, 0.25, 1.7, 5)).disjoint()).isTrue();
        assertThat(Figure3.build(new Figure3.Settings(1, 1, 0.25, 1 / 1.7, 5)).disjoint()).isTrue();
        assertThat(Figure3.build(new Figure3.Settings(1, 1, 0.25, 1.7, 5)).disjointAlpha())
                .isCloseTo(threshold, within(1e-15));
        // A box across both axes never separates.
        Figure3.Data across = Figure3.build(new Figure3.Settings(0.1, 0.1, 0.25, 100, 3));
        assertThat(across.disjoint()).isFalse();
        assertThat(across.disjointAlpha()).isInfinite();
        assertThat(Figure3.build(new Figure3.Settings(1, 1, 0.25, 1, 2)).disjoint()).isFalse();
    }

    @Test
    void presetIsDisjoint() {
        Figure3.Data d = Figure3.build(Presets.figure3());
        assertThat(d.disjoint()).isTrue();
        assertThat(d.runningTotal()[3]).isCloseTo(4 * 4 * 0.0625, within(1e-12));
    }

    @Test
    void settingsNameTheBadField() {
        assertThatThrownBy(() -> new Figure3.Settings(1, 1, 0, 2, 3)).hasMessageContaining("radius");
        assertThatThrownBy(() -> new Figure3.Settings(1, 1, 1, -2, 3)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> new Figure3.Settings(1, 1, 1, 2, 0)).hasMessageContaining("count");
        assertThatThrownBy(() -> new Figure3.Settings(1, 1, 1, 1e300, 3)).hasMessageContaining("alpha");
    }
}
