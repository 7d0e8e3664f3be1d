package lab.sharpminima.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Stochastic Lanczos quadrature: exact quadrature identities, unbiased moments, and the smoothed curve. */
class SpectralDensityTest {

    @Test
    void weightsOfEachRunSumToOne() {
        Random rnd = new Random(41);
        DenseOperator op = new DenseOperator(Spectra.withSpectrum(Spectra.uniform(150, -2, 6, rnd), rnd));
        SpectralDensity d = SpectralDensity.estimate(op, 4, 30, SpectralDensity.Start.GAUSSIAN, 1);
        assertThat(d.runs()).isEqualTo(4);
        assertThat(d.applications()).isEqualTo(4 * 30);
        for (int r = 0; r < 4; r++) {
            assertThat(Arrays.stream(d.weights(r)).sum()).isCloseTo(1.0, within(1e-12));
            assertThat(d.nodes(r)).hasSize(30);
        }
    }

    @Test
    void quadratureIsExactForLowMomentsOfDiagonalMatrices() {
        // Rademacher v = z/√n gives vᵀDᵖv = tr(Dᵖ)/n exactly, and m-point Gauss quadrature is exact
        // up to degree 2m − 1: one run of 10 steps reproduces the first moments to rounding
        double[] lambda = Spectra.uniform(400, -1, 3, new Random(42));
        SpectralDensity d = SpectralDensity.estimate(new DenseOperator(Spectra.diagonal(lambda)), 1, 10, 2);
        for (int p = 1; p <= 4; p++) {
            int power = p;
            double exact = Arrays.stream(lambda).map(x -> Math.pow(x, power)).average().orElseThrow();
            assertThat(d.moment(p)).as("moment %d", p).isCloseTo(exact, within(1e-12 * Math.max(1, Math.abs(exact))));
        }
    }

    @Test
    void momentsEstimateTraceOverNWithinAFewPercent() {
        Random rnd = new Random(43);
        int n = 300;
        double[] lambda = Spectra.concat(new double[] {-2, -1.5, 9, 10}, Spectra.uniform(n - 4, 0, 6, rnd));
        DenseOperator op = new DenseOperator(Spectra.withSpectrum(lambda, rnd));
        // per run, vᵀAv has standard deviation ≈ √(2/n)·rms(λ) ≈ 0.3 against a mean ≈ 3: 50 runs give ≈ 1.5%
        SpectralDensity d = SpectralDensity.estimate(op, 50, 20, 3);
        double m1 = Arrays.stream(lambda).average().orElseThrow();
        double m2 = Arrays.stream(lambda).map(x -> x * x).average().orElseThrow();
        assertThat(d.moment(1)).isCloseTo(m1, within(0.05 * m1));
        assertThat(d.moment(2)).isCloseTo(m2, within(0.05 * m2));
        assertThat(d.min()).isCloseTo(-2, within(1e-6));
        assertThat(d.max()).isCloseTo(10, within(1e-6));
    }

    @Test
    void fullLanczosNodesAreTheEigenvalues() {
        Random rnd = new Random(44);
        int n = 80;
        double[] lambda = Spectra.uniform(n, -5, 5, rnd);
        DMatrixRMaj a = Spectra.withSpectrum(lambda, rnd);
        SpectralDensity d = SpectralDensity.estimate(new DenseOperator(a), 1, n, 4);
        double[] sorted = lambda.clone();
        Arrays.sort(sorted);
        double[] nodes = d.nodes(0);
        assertThat(nodes).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(nodes[n - 1 - i]).isCloseTo(sorted[i], within(1e-10 * 5));
        }
    }

    @Test
    void curveIntegratesToOneAndKeepsTheMoments() {
        Random rnd = new Random(45);
        DenseOperator op = new DenseOperator(Spectra.withSpectrum(Spectra.uniform(200, -1, 4, rnd), rnd));
        SpectralDensity d = SpectralDensity.estimate(op, 3, 25, 5);
        double sigma = 0.05;
        SpectralDensity.Curve c = d.curve(4000, sigma);
        double dt = c.grid()[1] - c.grid()[0];
        double mass = 0;
        double first = 0;
        double second = 0;
        for (int j = 0; j < c.grid().length; j++) {
            mass += c.density()[j] * dt;
            first += c.grid()[j] * c.density()[j] * dt;
            second += c.grid()[j] * c.grid()[j] * c.density()[j] * dt;
        }
        assertThat(mass).isCloseTo(1.0, within(1e-12));
        // smoothing by N(0, σ²) keeps the mean and adds σ² to the second moment
        assertThat(first).isCloseTo(d.moment(1), within(1e-6));
        assertThat(second).isCloseTo(d.moment(2) + sigma * sigma, within(1e-5));
        assertThat(c.grid()[0]).isCloseTo(d.min() - 5 * sigma, within(1e-12));
        assertThat(d.pyHessianSigma()).isCloseTo(Math.sqrt(1e-5 * (d.max() - d.min())), within(1e-15));
    }
}
