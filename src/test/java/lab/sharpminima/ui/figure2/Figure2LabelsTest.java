package lab.sharpminima.ui.figure2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The view's notation, without a stage: slider ticks and the α readout. */
class Figure2LabelsTest {

    @Test
    void theSliderTicksAreWrittenAsPowersOfTen() {
        assertThat(Figure2View.powerOfTen(-3)).isEqualTo("10⁻³");
        assertThat(Figure2View.powerOfTen(0)).isEqualTo("10⁰");
        assertThat(Figure2View.powerOfTen(12)).isEqualTo("10¹²");
    }

    @Test
    void alphaIsWrittenWithItsExponent() {
        assertThat(Figure2ViewModel.formatAlpha(0.5)).isEqualTo("α = 3.16228   ·   log₁₀ α = 0.5");
        assertThat(Figure2ViewModel.formatAlpha(-0.001)).isEqualTo("α = 0.9977   ·   log₁₀ α = 0");
        assertThat(Figure2ViewModel.formatAlpha(-2.25)).isEqualTo("α = 0.00562341   ·   log₁₀ α = −2.25");
    }
}
