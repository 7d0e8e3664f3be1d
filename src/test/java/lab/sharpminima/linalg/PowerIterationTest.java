package lab.sharpminima.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Deflated power iteration against the dense eigen-decomposition of a matrix with known spectrum. */
class PowerIterationTest {

    /** Dominant eigenvalues 10, −8, 6 (by magnitude) over a bulk in [−2, 2], n = 200. */
    private static DMatrixRMaj matrix(Random rnd) {
        return Spectra.withSpectrum(Spectra.concat(new double[] {10, -8, 6}, Spectra.uniform(197, -2, 2, rnd)), rnd);
    }

    @Test
    void topThreeAgreeWithDenseAtTightTolerance() {
        Random rnd = new Random(21);
        DMatrixRMaj a = matrix(rnd);
        SymmetricEigen dense = SymmetricEigen.of(a);
        PowerIteration.Result r = PowerIteration.of(3).withTolerance(1e-12).withMaxIterations(2000).withSeed(3)
                .solve(new DenseOperator(a));
        double[] expected = {10, -8, 6};
        int[] column = {0, dense.size() - 1, 1};
        for (int i = 0; i < 3; i++) {
            assertThat(r.converged()[i]).isTrue();
            assertThat(r.eigenvalues()[i]).isCloseTo(expected[i], within(1e-8 * Math.abs(expected[i])));
            // the eigenvector up to sign: |⟨v, u⟩| = 1
            double overlap = Math.abs(Vectors.dot(r.vectors()[i], dense.vector(column[i])));
            assertThat(overlap).isCloseTo(1.0, within(1e-5));
        }
        assertThat(r.applications()).isEqualTo(r.iterations()[0] + r.iterations()[1] + r.iterations()[2]);
    }

    @Test
    void pyHessianDefaultsGiveThreeDigits() {
        Random rnd = new Random(22);
        DMatrixRMaj a = matrix(rnd);
        PowerIteration.Result r = PowerIteration.of(3).solve(new DenseOperator(a));
        double[] expected = {10, -8, 6};
        for (int i = 0; i < 3; i++) {
            // stopping on a relative change below 1e-3 leaves an error of about that size
            assertThat(r.eigenvalues()[i]).isCloseTo(expected[i], within(1e-2 * Math.abs(expected[i])));
            assertThat(r.iterations()[i]).isLessThanOrEqualTo(100);
        }
    }

    @Test
    void stopsAtMaxIterationsWithoutConverging() {
        Random rnd = new Random(23);
        PowerIteration.Result r = PowerIteration.of(1).withTolerance(1e-15).withMaxIterations(7)
                .solve(new DenseOperator(matrix(rnd)));
        assertThat(r.converged()[0]).isFalse();
        assertThat(r.iterations()[0]).isEqualTo(7);
        assertThat(r.applications()).isEqualTo(7);
    }
}
