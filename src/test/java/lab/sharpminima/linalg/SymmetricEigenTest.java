package lab.sharpminima.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The dense path against matrices built from a known spectrum. */
class SymmetricEigenTest {

    /** 60 eigenvalues: 10 exact zeros, negatives, positives, a close pair. */
    private static double[] spectrum(Random rnd) {
        double[] l = Spectra.concat(new double[10], Spectra.uniform(46, -3, 7, rnd));
        return Spectra.concat(l, new double[] {9.0, 9.0 + 1e-6, -5.0, 12.0});
    }

    @Test
    void valuesAreTheSpectrumDescendingAndVectorsAreEigenvectors() {
        Random rnd = new Random(1);
        double[] lambda = spectrum(rnd);
        DMatrixRMaj a = Spectra.withSpectrum(lambda, rnd);
        DMatrixRMaj before = a.copy();
        SymmetricEigen e = SymmetricEigen.of(a);
        double[] sorted = lambda.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertThat(e.value(i)).isCloseTo(sorted[sorted.length - 1 - i], within(1e-12 * 12));
        }
        DenseOperator op = new DenseOperator(a);
        for (int i = 0; i < e.size(); i++) {
            double[] v = e.vector(i);
            assertThat(Spectra.norm(v)).isCloseTo(1.0, within(1e-12));
            assertThat(Spectra.residual(op, v, e.value(i))).isLessThan(1e-12 * 12);
        }
        assertThat(a.data).containsExactly(before.data);
    }

    @Test
    void summariesOfTheSpectrum() {
        Random rnd = new Random(2);
        double[] lambda = spectrum(rnd);
        SymmetricEigen e = SymmetricEigen.decompose(Spectra.withSpectrum(lambda, rnd), false);
        assertThat(e.hasVectors()).isFalse();
        assertThat(e.spectralNorm()).isCloseTo(12.0, within(1e-11));
        assertThat(e.trace()).isCloseTo(Arrays.stream(lambda).sum(), within(1e-10));
        assertThat(e.rank()).isEqualTo(50);
        assertThat(e.defaultTolerance()).isCloseTo(60 * Math.ulp(1.0) * 12.0, within(1e-20));
        assertThat(e.rank(4.999)).isEqualTo((int) Arrays.stream(lambda).filter(x -> Math.abs(x) > 4.999).count());
        assertThat(e.countAbove(8.5)).isEqualTo(3);
        assertThat(e.countAbove(-100)).isEqualTo(60);
        assertThatThrownBy(e::vectors).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tridiagonalPathAgreesWithTheDensePath() {
        Random rnd = new Random(3);
        int m = 120;
        double[] diag = Spectra.uniform(m, -2, 2, rnd);
        double[] off = Spectra.uniform(m - 1, 0, 1, rnd);
        off[40] = 0; // a split into two blocks, as after a Lanczos restart
        SymmetricEigen t = SymmetricEigen.ofTridiagonal(diag, off);
        SymmetricEigen d = SymmetricEigen.of(SymmetricEigen.dense(diag, off));
        assertThat(t.values()).containsExactly(d.values(), within(1e-13));
        DenseOperator op = new DenseOperator(SymmetricEigen.dense(diag, off));
        for (int i = 0; i < m; i++) {
            assertThat(Spectra.norm(t.vector(i))).isCloseTo(1.0, within(1e-13));
            assertThat(Spectra.residual(op, t.vector(i), t.value(i))).isLessThan(1e-13);
        }
    }

    @Test
    void rejectsNonSquare() {
        assertThatThrownBy(() -> SymmetricEigen.of(new DMatrixRMaj(3, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("square");
        assertThatThrownBy(() -> new DenseOperator(new DMatrixRMaj(3, 4)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
