package lab.sharpminima.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import lab.sharpminima.engine.Dataset;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class SplitTest {

    /** Rows whose x is the row index and y twice it, so rows can be traced. */
    static Dataset indexed(int n) {
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        DMatrixRMaj y = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            x.data[i] = i;
            y.data[i] = 2 * i;
        }
        return new Dataset(x, y);
    }

    @Test
    void splitsIntoDisjointPartsThatCoverEveryRowOnce() {
        Split s = Split.trainTest(indexed(10), 0.3, 42);
        assertThat(s.train().size()).isEqualTo(7);
        assertThat(s.test().size()).isEqualTo(3);
        Set<Double> seen = new HashSet<>();
        for (Dataset part : new Dataset[] {s.train(), s.test()}) {
            for (int i = 0; i < part.size(); i++) {
                assertThat(part.y().get(i, 0)).isEqualTo(2 * part.x().get(i, 0));
                assertThat(seen.add(part.x().get(i, 0))).isTrue();
            }
        }
        assertThat(seen).hasSize(10);
    }

    @Test
    void sameSeedSameSplitAnotherSeedAnother() {
        Dataset d = indexed(50);
        Split a = Split.trainTest(d, 0.2, 1);
        Split b = Split.trainTest(d, 0.2, 1);
        Split c = Split.trainTest(d, 0.2, 2);
        assertThat(Arrays.equals(a.test().x().data, b.test().x().data)).isTrue();
        assertThat(Arrays.equals(a.train().x().data, b.train().x().data)).isTrue();
        assertThat(Arrays.equals(a.test().x().data, c.test().x().data)).isFalse();
    }

    @Test
    void zeroFractionGivesNoTestSetAndTheTrainSetIsNeverEmpty() {
        Split none = Split.trainTest(indexed(10), 0, 1);
        assertThat(none.test()).isNull();
        assertThat(none.train().size()).isEqualTo(10);
        Split tiny = Split.trainTest(indexed(10), 0.04, 1);  // round(0.4) = 0
        assertThat(tiny.test()).isNull();
        Split most = Split.trainTest(indexed(5), 0.99, 1);  // round(4.95) = 5, capped at 4
        assertThat(most.train().size()).isEqualTo(1);
        assertThat(most.test().size()).isEqualTo(4);
    }

    @Test
    void fractionOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> Split.trainTest(indexed(5), 1.0, 1))
                .hasMessage("the test fraction must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> Split.trainTest(indexed(5), -0.1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Split.trainTest(indexed(5), Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
