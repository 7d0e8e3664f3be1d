package lab.sharpminima.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The experiment is reproducible from its seed and the reversal holds with the function unchanged. */
class BatchSizeExperimentTest {

    /** The defaults with fewer epochs and sharpness restarts, to keep the test quick. */
    private static BatchSizeExperiment.Settings quick(long seed) {
        return new BatchSizeExperiment.Settings(seed, 200, 0.1, 0.5, new int[] {2, 12, 12, 2}, 16, 0, 0.1, 60,
                1e-3, 2, 40);
    }

    @Test
    void twoRunsAreEqualBitForBit() {
        BatchSizeExperiment.Result a = BatchSizeExperiment.run(quick(3));
        BatchSizeExperiment.Result b = BatchSizeExperiment.run(quick(3));
        assertThat(b.rows()).isEqualTo(a.rows());
        assertThat(b.alpha()).isEqualTo(a.alpha());
        assertThat(b.thetaSmall()).isEqualTo(a.thetaSmall());
        assertThat(b.thetaLarge()).isEqualTo(a.thetaLarge());
        assertThat(a.thetaSmall()).isNotEqualTo(a.thetaLarge());
    }

    @Test
    void theTransformedSmallBatchMinimumIsSharperWithTheSameFunction() {
        BatchSizeExperiment.Result r = BatchSizeExperiment.run(quick(7));
        BatchSizeExperiment.Row h = r.row("hessian.spectralNorm");
        BatchSizeExperiment.Row e = r.row("epsSharpness");
        assertThat(h.smallAfter()).isGreaterThan(h.large());
        assertThat(e.smallAfter()).isGreaterThan(e.large());
        for (String invariant : new String[] {"trainLoss", "testLoss", "trainAccuracy", "testAccuracy"}) {
            BatchSizeExperiment.Row row = r.row(invariant);
            assertThat(row.invariant()).isTrue();
            assertThat(row.smallAfter()).as(invariant).isCloseTo(row.small(), within(1e-12));
        }
        double product = 1;
        for (double a : r.alpha()) {
            product *= a;
        }
        assertThat(product).isCloseTo(1, within(1e-9));
        assertThat(r.thetaSmallAfter()).isNotEqualTo(r.thetaSmall());
        // Every measure declared invariant stays (to a relative 1e-6: some are estimated iteratively).
        for (BatchSizeExperiment.Row row : r.rows()) {
            if (row.invariant()) {
                assertThat(row.smallAfter()).as(row.measure())
                        .isCloseTo(row.small(), within(1e-6 * Math.max(1, Math.abs(row.small()))));
            }
        }
    }
}
