package lab.sharpminima.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BuiltinDatasetTest {

    @ParameterizedTest
    @EnumSource(BuiltinDataset.class)
    void sameSeedGivesSameBitsAndAnotherSeedDifferentData(BuiltinDataset set) {
        Dataset a = set.generate(101, 0.1, 7);
        Dataset b = set.generate(101, 0.1, 7);
        Dataset c = set.generate(101, 0.1, 8);
        assertThat(Arrays.equals(a.x().data, b.x().data)).isTrue();
        assertThat(Arrays.equals(a.y().data, b.y().data)).isTrue();
        assertThat(Arrays.equals(a.x().data, c.x().data)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(BuiltinDataset.class)
    void shapeAndClassCountsAreAsDocumented(BuiltinDataset set) {
        int n = 101;
        Dataset d = set.generate(n, set.defaultNoise(), 3);
        assertThat(d.size()).isEqualTo(n);
        assertThat(d.inputDimension()).isEqualTo(set.inputs());
        assertThat(Arrays.stream(d.x().data).allMatch(Double::isFinite)).isTrue();
        if (!set.isClassification()) {
            assertThat(d.outputDimension()).isEqualTo(1);
            assertThat(set.defaultLoss()).isEqualTo(LossKind.MSE);
            return;
        }
        int k = set.classes();
        assertThat(d.outputDimension()).isEqualTo(k);
        assertThat(set.defaultLoss()).isEqualTo(LossKind.CROSS_ENTROPY);
        int[] counts = classCounts(d);
        for (int c = 0; c < k; c++) {
            // class c gets ⌊n/k⌋ rows, the first n mod k classes one more (for 2 classes: n/2, n − n/2)
            int expected = k == 2 ? (c == 0 ? n / 2 : n - n / 2) : n / k + (c < n % k ? 1 : 0);
            assertThat(counts[c]).as("class %d", c).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(value = BuiltinDataset.class, names = {"MOONS", "CIRCLES", "XOR", "SPIRALS", "BLOBS"})
    void labelColumnMatchesOneHotRows(BuiltinDataset set) {
        Dataset oneHot = set.generate(60, 0.1, 5, Targets.CLASSES);
        Dataset column = set.generate(60, 0.1, 5, Targets.REGRESSION);
        assertThat(column.outputDimension()).isEqualTo(1);
        assertThat(Arrays.equals(oneHot.x().data, column.x().data)).isTrue();
        for (int i = 0; i < 60; i++) {
            assertThat(oneHot.y().get(i, (int) column.y().get(i, 0))).isEqualTo(1.0);
        }
    }

    @Test
    void classesAreShuffled() {
        Dataset d = BuiltinDataset.MOONS.generate(200, 0.1, 1);
        // sorted by class would put every class-0 row first
        long class1InFirstHalf = 0;
        for (int i = 0; i < 100; i++) {
            class1InFirstHalf += (long) d.y().get(i, 1);
        }
        assertThat(class1InFirstHalf).isBetween(30L, 70L);
    }

    @Test
    void toy1dIsALineThroughTheOriginOnPositiveInputs() {
        Dataset d = BuiltinDataset.TOY1D.generate(500, 0, 2);
        for (int i = 0; i < d.size(); i++) {
            double x = d.x().get(i, 0);
            assertThat(x).isBetween(0.1, 2.0);
            assertThat(d.y().get(i, 0)).isEqualTo(x);
        }
        Dataset slope = BuiltinDatasets.toy1d(10, 0, 2, -3);
        assertThat(slope.y().get(4, 0)).isEqualTo(-3 * slope.x().get(4, 0));
    }

    @Test
    void noiseMovesOnlyTheTargetsOfRegressionSets() {
        Dataset clean = BuiltinDataset.SINE.generate(4000, 0, 9);
        Dataset noisy = BuiltinDataset.SINE.generate(4000, 0.3, 9);
        assertThat(Arrays.equals(clean.x().data, noisy.x().data)).isTrue();
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < clean.size(); i++) {
            double x = clean.x().get(i, 0);
            assertThat(x).isBetween(-Math.PI, Math.PI);
            assertThat(clean.y().get(i, 0)).isEqualTo(StrictMath.sin(x));
            double r = noisy.y().get(i, 0) - clean.y().get(i, 0);
            sum += r;
            sq += r * r;
        }
        double mean = sum / clean.size();
        // sample std of 4000 N(0, 0.3²) draws: relative standard error ≈ 1/√8000 ≈ 1.1 %, allow 5 %
        assertThat(Math.sqrt(sq / clean.size() - mean * mean)).isCloseTo(0.3, within(0.015));
        assertThat(mean).isCloseTo(0, within(0.03));
    }

    @Test
    void noiselessMoonsLieOnTheirHalfCircles() {
        Dataset d = BuiltinDataset.MOONS.generate(100, 0, 4);
        for (int i = 0; i < d.size(); i++) {
            double x = d.x().get(i, 0);
            double y = d.x().get(i, 1);
            if (d.y().get(i, 0) == 1) {
                assertThat(Math.hypot(x, y)).isCloseTo(1, within(1e-12));
                assertThat(y).isGreaterThanOrEqualTo(0);
            } else {
                assertThat(Math.hypot(x - 1, y - 0.5)).isCloseTo(1, within(1e-12));
                assertThat(y).isLessThanOrEqualTo(0.5 + 1e-12);
            }
        }
    }

    @Test
    void noiselessCirclesHaveRadiiOneAndAHalf() {
        Dataset d = BuiltinDataset.CIRCLES.generate(100, 0, 4);
        for (int i = 0; i < d.size(); i++) {
            double r = Math.hypot(d.x().get(i, 0), d.x().get(i, 1));
            assertThat(r).isCloseTo(d.y().get(i, 0) == 1 ? 1.0 : 0.5, within(1e-12));
        }
    }

    @Test
    void noiselessXorLabelIsTheSignOfTheProduct() {
        Dataset d = BuiltinDataset.XOR.generate(400, 0, 4);
        for (int i = 0; i < d.size(); i++) {
            double x1 = d.x().get(i, 0);
            double x2 = d.x().get(i, 1);
            assertThat(Math.abs(x1)).isBetween(0.0, 1.0);
            assertThat(Math.abs(x2)).isBetween(0.0, 1.0);
            assertThat(d.y().get(i, 1)).isEqualTo(x1 * x2 > 0 ? 1.0 : 0.0);
        }
    }

    @Test
    void noiselessSpiralsStayInTheUnitDiscAndTheArmsAreHalfATurnApart() {
        Dataset d = BuiltinDataset.SPIRALS.generate(200, 0, 4);
        for (int i = 0; i < d.size(); i++) {
            assertThat(Math.hypot(d.x().get(i, 0), d.x().get(i, 1))).isLessThan(1.0);
        }
        // the same index i of each arm: same radius, angles π apart, so the points are opposite
        Dataset arm = BuiltinDatasets.spirals(4, 0, 0, Targets.REGRESSION);
        double[] p0 = null;
        double[] p1 = null;
        for (int i = 0; i < 4; i++) {
            double[] p = {arm.x().get(i, 0), arm.x().get(i, 1)};
            boolean second = Math.hypot(p[0], p[1]) > 0.4;  // index 1 of 2: r = 1/2
            if (second && arm.y().get(i, 0) == 0) {
                p0 = p;
            } else if (second) {
                p1 = p;
            }
        }
        assertThat(p0).isNotNull();
        assertThat(p1).isNotNull();
        assertThat(p0[0] + p1[0]).isCloseTo(0, within(1e-12));
        assertThat(p0[1] + p1[1]).isCloseTo(0, within(1e-12));
    }

    @Test
    void noiselessBlobsSitOnTheirCentres() {
        Dataset d = BuiltinDatasets.blobs(40, 0, 1, 4, Targets.CLASSES);
        for (int i = 0; i < d.size(); i++) {
            int c = (int) Math.round(d.y().get(i, 1) + 2 * d.y().get(i, 2) + 3 * d.y().get(i, 3));
            assertThat(d.x().get(i, 0)).isCloseTo(Math.cos(2 * Math.PI * c / 4), within(1e-12));
            assertThat(d.x().get(i, 1)).isCloseTo(Math.sin(2 * Math.PI * c / 4), within(1e-12));
        }
    }

    @Test
    void idsRoundTripAndBadArgumentsAreRefused() {
        for (BuiltinDataset set : BuiltinDataset.values()) {
            assertThat(BuiltinDataset.fromId(set.id())).isSameAs(set);
        }
        assertThat(BuiltinDataset.fromId("MOONS")).isSameAs(BuiltinDataset.MOONS);
        assertThat(BuiltinDataset.fromId("mnist")).isNull();
        assertThat(BuiltinDataset.ids()).isEqualTo("toy1d, sine, moons, circles, xor, spirals, blobs");
        assertThatThrownBy(() -> BuiltinDataset.MOONS.generate(0, 0.1, 1))
                .hasMessage("the number of samples n must be at least 1, got 0");
        assertThatThrownBy(() -> BuiltinDataset.MOONS.generate(10, Double.NaN, 1))
                .hasMessage("noise must be a finite number ≥ 0, got NaN");
        assertThatThrownBy(() -> BuiltinDataset.SINE.generate(10, 0.1, 1, Targets.CLASSES))
                .hasMessage("sine is a regression data set; it has no classes");
    }

    static int[] classCounts(Dataset d) {
        int[] counts = new int[d.outputDimension()];
        for (int i = 0; i < d.size(); i++) {
            double s = 0;
            for (int j = 0; j < d.outputDimension(); j++) {
                double v = d.y().get(i, j);
                assertThat(v).isIn(0.0, 1.0);
                s += v;
                counts[j] += (int) v;
            }
            assertThat(s).isEqualTo(1.0);
        }
        return counts;
    }
}
