package lab.sharpminima.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import lab.sharpminima.linalg.Lanczos.Which;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lanczos against EJML's dense eigenvalues of A = Q diag(λ) Qᵀ (n = 300) for spectra with distinct,
 * clustered, dominant negative and many zero eigenvalues, for each {@link Which}.
 */
class LanczosTest {

    private static final int N = 300;
    /** Each spectrum's matrix and dense eigenvalues, built once for the three {@link Which}. */
    private static final Map<String, DMatrixRMaj> MATRICES = new ConcurrentHashMap<>();
    private static final Map<String, SymmetricEigen> DENSE = new ConcurrentHashMap<>();

    static double[] spectrum(String name, Random rnd) {
        return switch (name) {
            case "distinct" -> Spectra.uniform(N, -4, 10, rnd);
            case "clustered" -> Spectra.concat(
                    new double[] {8, 8 + 1e-3, 8 + 2e-3, 8 + 3e-3, -3, -3 - 1e-4, -3 - 2e-4},
                    Spectra.uniform(N - 7, -1, 5, rnd));
            case "negative" -> Spectra.concat(
                    new double[] {-20, -15, -12, -11, -10.5, 6, 5.5},
                    Spectra.uniform(N - 7, -2, 5, rnd));
            case "zeros" -> Spectra.concat(Spectra.uniform(40, 0.5, 10, rnd), new double[N - 40]);
            default -> throw new IllegalArgumentException(name);
        };
    }

    static Stream<Arguments> cases() {
        return Stream.of("distinct", "clustered", "negative", "zeros")
                .flatMap(s -> Arrays.stream(Which.values()).map(w -> Arguments.of(s, w)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void agreesWithDenseEigenvalues(String name, Which which) {
        DMatrixRMaj a = MATRICES.computeIfAbsent(name, s -> {
            Random rnd = new Random(s.hashCode());
            return Spectra.withSpectrum(spectrum(s, rnd), rnd);
        });
        SymmetricEigen dense = DENSE.computeIfAbsent(name, s -> SymmetricEigen.decompose(a, false));
        double norm = dense.spectralNorm();
        int k = 5;
        DenseOperator op = new DenseOperator(a);
        Lanczos.Result r = Lanczos.of(k, which).withTolerance(1e-10).withVectors(true).withSeed(7).solve(op);

        double[] all = dense.values();
        double[] expected = Spectra.wanted(all, k, which);
        assertThat(r.converged()).isTrue();
        assertThat(r.which()).isEqualTo(which);
        assertThat(r.applications()).isEqualTo(r.iterations());
        for (int i = 0; i < k; i++) {
            double theta = r.eigenvalues()[i];
            // 1e-8 relative; the 1e-12‖A‖ floor is for the exact zeros, which Lanczos finds to rounding
            if (name.equals("zeros") && which == Which.SMALLEST_ALGEBRAIC) {
                // 0 has multiplicity 260: a single-vector Krylov method reports it once or a few
                // times (as rounding lets it), so each value must be an eigenvalue and 0 comes first
                assertThat(distanceToSpectrum(theta, all)).as("eigenvalue %d", i).isLessThanOrEqualTo(1e-12 * norm);
                assertThat(i == 0 || theta >= r.eigenvalues()[i - 1]).isTrue();
            } else {
                assertThat(theta).as("eigenvalue %d", i)
                        .isCloseTo(expected[i], within(1e-8 * Math.abs(expected[i]) + 1e-12 * norm));
            }
            double[] v = r.vectors()[i];
            assertThat(Spectra.norm(v)).isCloseTo(1.0, within(1e-10));
            double res = Spectra.residual(op, v, theta);
            assertThat(res).as("residual %d", i).isLessThanOrEqualTo(1e-6 * norm);
            // the bound |β_m s_mi| is the true residual up to rounding
            assertThat(r.residuals()[i]).isCloseTo(res, within(1e-9 * norm));
        }
        assertThat(r.eigenvalues()[0]).isCloseTo(expected[0], within(1e-12 * norm));
    }

    private static double distanceToSpectrum(double x, double[] spectrum) {
        return Arrays.stream(spectrum).map(l -> Math.abs(l - x)).min().orElseThrow();
    }

    @Test
    void invariantSubspaceStopsExactly() {
        // three distinct eigenvalues, 100 copies each: the Krylov space has dimension 3
        double[] d = new double[N];
        for (int i = 0; i < N; i++) {
            d[i] = new double[] {4.0, -1.0, 2.5}[i % 3];
        }
        Lanczos.Result r = Lanczos.of(2, Which.LARGEST_ALGEBRAIC).solve(new DenseOperator(Spectra.diagonal(d)));
        assertThat(r.iterations()).isEqualTo(3);
        assertThat(r.converged()).isTrue();
        assertThat(r.eigenvalues()[0]).isCloseTo(4.0, within(1e-13));
        assertThat(r.eigenvalues()[1]).isCloseTo(2.5, within(1e-13));
    }

    @Test
    void restartsWhenTheKrylovSpaceHoldsFewerThanKValues() {
        // λ = 4 (×150), −1 (×150): breakdown after 2 steps; a restart orthogonal to the basis
        // explores the complement, which holds the second copies
        double[] d = new double[N];
        for (int i = 0; i < N; i++) {
            d[i] = i % 2 == 0 ? 4.0 : -1.0;
        }
        Lanczos.Result r = Lanczos.of(3, Which.SMALLEST_ALGEBRAIC).solve(new DenseOperator(Spectra.diagonal(d)));
        assertThat(r.iterations()).isEqualTo(4);
        assertThat(r.converged()).isTrue();
        assertThat(r.eigenvalues()).containsExactly(new double[] {-1, -1, 4}, within(1e-12));
    }

    @Test
    void iterationLimitIsReportedAsNotConverged() {
        Random rnd = new Random(3);
        DenseOperator op = new DenseOperator(Spectra.withSpectrum(Spectra.uniform(N, 0, 1, rnd), rnd));
        Lanczos.Result r = Lanczos.of(4, Which.LARGEST_ALGEBRAIC).withTolerance(1e-12).withMaxIterations(12).solve(op);
        assertThat(r.converged()).isFalse();
        assertThat(r.iterations()).isEqualTo(12);
        assertThat(r.vectors()).isNull();
    }

    @Test
    void sameSeedSameResult() {
        Random rnd = new Random(4);
        DenseOperator op = new DenseOperator(Spectra.withSpectrum(Spectra.uniform(N, -1, 1, rnd), rnd));
        Lanczos l = Lanczos.of(3, Which.LARGEST_MAGNITUDE).withTolerance(1e-3).withSeed(42);
        assertThat(l.solve(op).eigenvalues()).containsExactly(l.solve(op).eigenvalues());
    }

    @Test
    void largeOperatorUsesTheChunkedParallelKernels() {
        // n ≥ PARALLEL_MIN: a diagonal operator with a known top, to exercise the parallel Gram–Schmidt
        int n = LanczosProcess.PARALLEL_MIN + 1234;
        double[] d = new double[n];
        Random rnd = new Random(5);
        for (int i = 3; i < n; i++) {
            d[i] = 50 * rnd.nextDouble();
        }
        d[0] = 100;
        d[1] = 90;
        d[2] = 80;
        SymmetricOperator op = new SymmetricOperator() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public void apply(double[] x, double[] y) {
                for (int i = 0; i < n; i++) {
                    y[i] = d[i] * x[i];
                }
            }
        };
        Lanczos.Result r = Lanczos.of(3, Which.LARGEST_ALGEBRAIC).withTolerance(1e-10).withVectors(true).solve(op);
        assertThat(r.converged()).isTrue();
        assertThat(r.eigenvalues()).containsExactly(new double[] {100, 90, 80}, within(1e-8));
        assertThat(Math.abs(r.vectors()[0][0])).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void tinyOperatorsAndAllEigenvalues() {
        Lanczos.Result one = Lanczos.of(1, Which.SMALLEST_ALGEBRAIC).solve(new DenseOperator(Spectra.diagonal(new double[] {-2.5})));
        assertThat(one.eigenvalues()).containsExactly(-2.5);
        assertThat(one.converged()).isTrue();
        Random rnd = new Random(6);
        double[] lambda = Spectra.uniform(12, -3, 3, rnd);
        Lanczos.Result all = Lanczos.of(12, Which.LARGEST_ALGEBRAIC).withTolerance(1e-12)
                .solve(new DenseOperator(Spectra.withSpectrum(lambda, rnd)));
        double[] sorted = lambda.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 12; i++) {
            assertThat(all.eigenvalues()[i]).isCloseTo(sorted[11 - i], within(1e-12));
        }
    }

    @Test
    void rejectsBadArguments() {
        DenseOperator op = new DenseOperator(Spectra.diagonal(new double[] {1, 2}));
        assertThatThrownBy(() -> Lanczos.of(3, Which.LARGEST_ALGEBRAIC).solve(op))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension 2");
        assertThatThrownBy(() -> Lanczos.of(0, Which.LARGEST_ALGEBRAIC)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lanczos.of(1, Which.LARGEST_ALGEBRAIC).withTolerance(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
