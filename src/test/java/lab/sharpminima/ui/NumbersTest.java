package lab.sharpminima.ui;

import static org.assertj.core.api.Assertions.assertThat;

import lab.sharpminima.ui.summary.Numbers;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void sixSignificantDigitsWithoutTrailingZeros() {
        assertThat(Numbers.format(0.0)).isEqualTo("0");
        assertThat(Numbers.format(-0.0)).isEqualTo("0");
        assertThat(Numbers.format(9.631112198396657)).isEqualTo("9.63111");
        assertThat(Numbers.format(0.0045060287051490715)).isEqualTo("0.00450603");
        assertThat(Numbers.format(2.8145584889266033E-4)).isEqualTo("2.81456e-4");
        assertThat(Numbers.format(-3.0957695928437485E-5)).isEqualTo("-3.09577e-5");
        assertThat(Numbers.format(17)).isEqualTo("17");
        assertThat(Numbers.format(1.5e12)).isEqualTo("1.5e12");
        assertThat(Numbers.format(0.5)).isEqualTo("0.5");
        assertThat(Numbers.format(0.00099999999)).isEqualTo("1e-3");
        assertThat(Numbers.format(123456.7)).isEqualTo("123457");
    }
}
