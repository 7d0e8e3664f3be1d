package lab.sharpminima.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.HessianOperator;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.TestNets;
import lab.sharpminima.linalg.Lanczos.Which;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The matrix-free solvers on real Hessians — 3-16-16-2 networks with biases (370 parameters) on 64
 * samples under MSE, ReLU (86 negative and 91 zero eigenvalues at this θ) and tanh — through
 * R-operator products, against EJML's eigenvalues of the exact dense Hessian.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealHessianTest {

    private record Case(String name, HessianOperator op, SymmetricEigen dense) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Case relu;
    private Case tanh;

    @BeforeAll
    void hessians() {
        relu = build(Activation.RELU);
        tanh = build(Activation.TANH);
    }

    private static Case build(Activation act) {
        Random rnd = new Random(51);
        Network net = TestNets.net(new int[] {3, 16, 16, 2}, act, true);
        LossFunction f = new LossFunction(net, LossKind.MSE, TestNets.data(net, LossKind.MSE, 64, rnd, false));
        double[] theta = TestNets.theta(net, rnd);
        return new Case(act.toString(), f.hessianOperator(theta), SymmetricEigen.decompose(f.hessian(theta), false));
    }

    Stream<Arguments> lanczosCases() {
        return Stream.of(relu, tanh).flatMap(c -> Stream.of(Which.values()).map(w -> Arguments.of(c, w)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("lanczosCases")
    void lanczosTopFiveAgreesWithDenseHessian(Case c, Which which) {
        double norm = c.dense().spectralNorm();
        Lanczos.Result r = Lanczos.of(5, which).withTolerance(1e-10).withVectors(true).solve(c.op());
        double[] expected = Spectra.wanted(c.dense().values(), 5, which);
        assertThat(r.converged()).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(r.eigenvalues()[i]).as("eigenvalue %d", i)
                    .isCloseTo(expected[i], within(1e-8 * Math.abs(expected[i])));
            assertThat(Spectra.residual(c.op(), r.vectors()[i], r.eigenvalues()[i])).isLessThan(1e-6 * norm);
        }
    }

    @Test
    void hutchinsonWithinFourStandardErrorsOfTheTrace() {
        for (Case c : new Case[] {relu, tanh}) {
            Hutchinson.Result r = Hutchinson.defaults().withMaxSamples(200).withRelativeTolerance(0).withSeed(6)
                    .estimate(c.op());
            assertThat(Math.abs(r.estimate() - c.dense().trace())).as(c.name())
                    .isLessThanOrEqualTo(4 * r.standardError());
        }
    }

    @Test
    void slqMomentsWithinFourStandardErrorsOfTheExactOnes() {
        for (Case c : new Case[] {relu, tanh}) {
            int n = c.dense().size();
            int runs = 30;
            SpectralDensity d = SpectralDensity.estimate(c.op(), runs, 25, 7);
            for (int p = 1; p <= 2; p++) {
                double exact = 0;
                for (double l : c.dense().values()) {
                    exact += Math.pow(l, p) / n;
                }
                double se = runStandardError(d, p);
                assertThat(Math.abs(d.moment(p) - exact)).as("%s moment %d", c.name(), p)
                        .isLessThanOrEqualTo(4 * se);
                // the check has teeth: 30 runs pin the moment to a fraction of its natural scale rms(λ)ᵖ
                // (1–2% for p = 1; 6–13% for p = 2, whose variance comes from the two or three
                // dominant eigenvalues)
                assertThat(se).isLessThan(0.15 * Math.pow(rms(c.dense()), p));
            }
        }
    }

    private static double rms(SymmetricEigen e) {
        double s = 0;
        for (double l : e.values()) {
            s += l * l;
        }
        return Math.sqrt(s / e.size());
    }

    /** The standard error of the mean over runs of each run's moment Σ_i w_i θ_iᵖ. */
    private static double runStandardError(SpectralDensity d, int p) {
        int runs = d.runs();
        double[] x = new double[runs];
        for (int r = 0; r < runs; r++) {
            double[] t = d.nodes(r);
            double[] w = d.weights(r);
            for (int i = 0; i < t.length; i++) {
                x[r] += w[i] * Math.pow(t[i], p);
            }
        }
        double mean = Arrays.stream(x).average().orElseThrow();
        double ss = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(ss / (runs - 1) / runs);
    }

    @Test
    void fullLanczosOnTheTanhHessianRecoversItsTrace() {
        // m = n steps: T is similar to H, so the nodes are all the eigenvalues and Σθ = tr H
        int n = tanh.dense().size();
        SpectralDensity d = SpectralDensity.estimate(tanh.op(), 1, n, 8);
        double sum = 0;
        for (double t : d.nodes(0)) {
            sum += t;
        }
        assertThat(d.nodes(0)).hasSize(n);
        assertThat(sum).isCloseTo(tanh.dense().trace(), within(1e-9 * n * tanh.dense().spectralNorm()));
    }
}
