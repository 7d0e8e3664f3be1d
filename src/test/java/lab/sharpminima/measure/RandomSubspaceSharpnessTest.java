package lab.sharpminima.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import lab.sharpminima.measure.RandomSubspaceSharpness.Constraint;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keskar et al.'s random-subspace sharpness: the basis, the constraints, and the full-space bound. */
class RandomSubspaceSharpnessTest {

    @Test
    void basisHasOrthonormalColumns() {
        DMatrixRMaj a = RandomSubspaceSharpness.orthonormalBasis(50, 7, 3);
        DMatrixRMaj ata = new DMatrixRMaj(7, 7);
        CommonOps_DDRM.multTransA(a, a, ata);
        assertThat(CommonOps_DDRM.identity(7).data).containsExactly(ata.data, within(1e-13));
    }

    /** Ball ∩ subspace ⊂ ball: the subspace value cannot exceed the full one. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void subspaceValueIsAtMostTheFullValue(long seed) {
        SharpnessToys.Case c = seed % 2 == 0 ? SharpnessToys.atMinimum(new int[] {2, 6, 4, 1}, seed)
                : SharpnessToys.random(new int[] {3, 6, 4, 2}, true, seed);
        for (double eps : new double[] {1e-3, 1e-1}) {
            double full = EpsilonSharpness.of(eps).value(c.f(), c.theta());
            RandomSubspaceSharpness.Result sub = new RandomSubspaceSharpness(eps, 5, Constraint.BALL, 10, 200, seed)
                    .measure(c.f(), c.theta());
            assertThat(sub.value()).isLessThanOrEqualTo(full * (1 + 1e-9));
            assertThat(sub.value()).isGreaterThan(0);
            assertThat(SharpnessToys.distance(sub.argmax(), c.theta())).isLessThanOrEqualTo(eps * (1 + 1e-12));
            double l0 = c.f().value(c.theta());
            assertThat((c.f().value(sub.argmax()) - l0) / (1 + l0)).isEqualTo(sub.value());
        }
    }

    /** With p = n the subspace is the whole space (A orthogonal): the two maximisations agree. */
    @ParameterizedTest
    @ValueSource(longs = {5, 6})
    void fullDimensionalSubspaceGivesTheFullValue(long seed) {
        SharpnessToys.Case c = SharpnessToys.random(new int[] {2, 5, 3, 1}, false, seed);
        int n = c.theta().length;
        double eps = 0.05;
        double full = EpsilonSharpness.of(eps).value(c.f(), c.theta());
        double sub = new RandomSubspaceSharpness(eps, n, Constraint.BALL, 10, 200, seed).value(c.f(), c.theta());
        assertThat(sub).isCloseTo(full, within(1e-6 * full));
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 8})
    void boxVersionRespectsKeskarsSubspaceBox(long seed) {
        SharpnessToys.Case c = SharpnessToys.random(new int[] {3, 6, 2}, true, seed);
        double eps = 0.02;
        int p = 4;
        RandomSubspaceSharpness.Result r = new RandomSubspaceSharpness(eps, p, Constraint.BOX, 10, 200, seed)
                .measure(c.f(), c.theta());
        DMatrixRMaj a = RandomSubspaceSharpness.orthonormalBasis(c.theta().length, p, seed);
        DMatrixRMaj coords = new DMatrixRMaj(p, 1);
        CommonOps_DDRM.multTransA(a, DMatrixRMaj.wrap(c.theta().length, 1, c.theta()), coords);
        for (int i = 0; i < p; i++) {
            double w = eps * (Math.abs(coords.data[i]) + 1);
            assertThat(Math.abs(r.y()[i])).isLessThanOrEqualTo(w * (1 + 1e-12));
        }
        double l0 = c.f().value(c.theta());
        assertThat(100 * (c.f().value(r.argmax()) - l0) / (1 + l0)).isEqualTo(r.value());
        assertThat(r.value()).isGreaterThan(0);
        assertThat(r.dimension()).isEqualTo(p);
    }

    @Test
    void declaresAndValidates() {
        RandomSubspaceSharpness m = RandomSubspaceSharpness.of(1e-3);
        assertThat(m.key()).isEqualTo("subspaceSharpness");
        assertThat(m.underAlphaScale()).isEqualTo(Invariance.MOVED);
        assertThat(m.underNeuronScaling()).isEqualTo(Invariance.MOVED);
        assertThat(m.underWeightNormalization()).isEqualTo(Invariance.MOVED);
        assertThatThrownBy(() -> new RandomSubspaceSharpness(1e-3, 0, Constraint.BALL, 10, 200, 1))
                .hasMessageContaining("subspace dimension");
    }
}
