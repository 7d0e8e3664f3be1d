package lab.sharpminima.symmetry.reparam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.TestNets;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The radial maps of Figure 5: inverse, closed-form derivatives, and minima made sharp or flat. */
class RadialMapTest {

    /** L(θ) = ½(θ − θ*)ᵀQ(θ − θ*), Q symmetric positive definite. */
    private static Objective quadratic(double[] minimum, DMatrixRMaj q) {
        return new Objective() {
            @Override
            public int dimension() {
                return minimum.length;
            }

            @Override
            public double value(double[] theta) {
                double[] d = displacement(theta);
                double[] qd = new double[d.length];
                CommonOps_DDRM.mult(q, DMatrixRMaj.wrap(d.length, 1, d), DMatrixRMaj.wrap(d.length, 1, qd));
                double v = 0;
                for (int i = 0; i < d.length; i++) {
                    v += 0.5 * d[i] * qd[i];
                }
                return v;
            }

            @Override
            public double gradient(double[] theta, double[] grad) {
                double[] d = displacement(theta);
                CommonOps_DDRM.mult(q, DMatrixRMaj.wrap(d.length, 1, d), DMatrixRMaj.wrap(d.length, 1, grad));
                return value(theta);
            }

            private double[] displacement(double[] theta) {
                double[] d = new double[theta.length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = theta[i] - minimum[i];
                }
                return d;
            }

            @Override
            public DMatrixRMaj hessian(double[] theta) {
                return q.copy();
            }
        };
    }

    /** The 1-D double well L(θ) = (θ² − 1)², minima at ±1 with L'' = 8, like Figure 5(a). */
    private static final Objective DOUBLE_WELL = new Objective() {
        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public double value(double[] t) {
            return (t[0] * t[0] - 1) * (t[0] * t[0] - 1);
        }

        @Override
        public double gradient(double[] t, double[] g) {
            g[0] = 4 * t[0] * (t[0] * t[0] - 1);
            return value(t);
        }

        @Override
        public DMatrixRMaj hessian(double[] t) {
            return new DMatrixRMaj(new double[][] {{12 * t[0] * t[0] - 4}});
        }
    };

    private static double[] gaussian(int n, Random rnd, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * rnd.nextGaussian();
        }
        return v;
    }

    @Test
    void parametersOutsideTheBijectiveRangeAreRefused() {
        assertThatThrownBy(() -> new RadialMap(new double[2], -0.5, 1)).hasMessageContaining("a = -0.5");
        assertThatThrownBy(() -> new RadialMap(new double[2], 0.3, -1e-3)).hasMessageContaining("b = -0.001");
        assertThatThrownBy(() -> new RadialMap(new double[] {Double.NaN}, 0.3, 1)).hasMessageContaining("centre[0]");
        RadialMap singular = new RadialMap(new double[2], 0.5, 0);
        assertThatThrownBy(() -> singular.jacobian(new double[2])).hasMessageContaining("not twice differentiable");
    }

    @ParameterizedTest
    @CsvSource({"1.0, 0.01", "-0.4, 0", "-0.49, 2.0", "2.5, 0.5", "0.5, 0", "-0.3, 1e-3", "0, 3"})
    void radiusInvertsTheProfileAndInverseUndoesForward(double a, double b) {
        for (double rho = 1e-8; rho < 1e9; rho *= 7.3) {
            RadialMap map = new RadialMap(new double[1], a, b);
            double r = map.radius(rho);
            if (Double.isInfinite(r)) {
                // r ≥ ρ^{1/(1+2a)} is beyond the double range (a near −½): only then may it overflow
                assertThat(Math.log(rho) / (1 + 2 * a)).isGreaterThan(Math.log(Double.MAX_VALUE));
                continue;
            }
            assertThat(map.profile(r)).isCloseTo(rho, offset(1e-12 * rho));
        }
        Random rnd = new Random(21);
        double[] centre = gaussian(5, rnd, 1.0);
        RadialMap map = new RadialMap(centre, a, b);
        for (double scale : new double[] {1e-5, 1e-2, 1, 30, 1e4}) {
            double[] theta = centre.clone();
            double[] step = gaussian(5, rnd, scale);
            for (int i = 0; i < 5; i++) {
                theta[i] += step[i];
            }
            double[] back = map.theta(map.eta(theta));
            double err = 0;
            double size = 0;
            for (int i = 0; i < 5; i++) {
                err = Math.max(err, Math.abs(back[i] - theta[i]));
                size = Math.max(size, Math.abs(step[i]));
            }
            // relative to the displacement θ − θ̂ (what g computes), up to the rounding of θ̂ + (θ − θ̂)
            assertThat(err).isLessThanOrEqualTo(1e-12 * size + 4 * Math.ulp(10.0));
        }
    }

    @ParameterizedTest
    @CsvSource({"1.0, 0.01", "-0.4, 0", "2.5, 0.5", "-0.3, 1e-3", "0.7, 0"})
    void jacobianAndSecondDerivativesMatchDifferences(double a, double b) {
        Random rnd = new Random(22);
        RadialMap map = new RadialMap(gaussian(4, rnd, 1.0), a, b);
        double[] eta = gaussian(4, rnd, 0.8);
        DMatrixRMaj fd = Differences.jacobian(map::theta, eta, 1e-6);
        assertThat(Differences.relativeError(map.jacobian(eta), fd, 1e-300)).isLessThan(1e-8);
        DMatrixRMaj fdJac = Differences.jacobian(e -> map.jacobian(e).data.clone(), eta, 1e-5);
        for (int i = 0; i < 4; i++) {
            double[] unit = new double[4];
            unit[i] = 1;
            DMatrixRMaj row = CommonOps_DDRM.extract(fdJac, 4 * i, 4 * i + 4, 0, 4);
            assertThat(Differences.relativeError(map.curvature(eta, unit), row, 1e-300)).isLessThan(1e-7);
        }
    }

    @Test
    void jacobianIsTangentiallyROverRhoAndRadiallyOneOverPhiPrime() {
        double a = 0.8;
        double b = 0.3;
        RadialMap map = new RadialMap(new double[3], a, b);
        double[] eta = {0.6, -1.2, 0.4};
        double rho = Math.sqrt(0.36 + 1.44 + 0.16);
        double r = map.radius(rho);
        double phiPrime = Math.pow(r * r + b, a - 1) * ((1 + 2 * a) * r * r + b);
        DMatrixRMaj jac = map.jacobian(eta);
        double[] radial = new double[3];
        CommonOps_DDRM.mult(jac, DMatrixRMaj.wrap(3, 1, eta), DMatrixRMaj.wrap(3, 1, radial));
        for (int i = 0; i < 3; i++) {
            assertThat(radial[i]).isCloseTo(eta[i] / phiPrime, offset(1e-14));
        }
        double[] tangent = {1.2, 0.6, 0};
        double[] image = new double[3];
        CommonOps_DDRM.mult(jac, DMatrixRMaj.wrap(3, 1, tangent), DMatrixRMaj.wrap(3, 1, image));
        for (int i = 0; i < 3; i++) {
            assertThat(image[i]).isCloseTo(tangent[i] * r / rho, offset(1e-14));
        }
    }

    /** At θ̂ = θ* (η = 0): ∇g = b^{−a} I, so ∇²L_η = b^{−2a} Q — sharper for a &gt; 0, flatter for a &lt; 0. */
    @ParameterizedTest
    @CsvSource({"1.0, 0.01, 1e4", "-0.4, 0.01, 0.025118864315095794", "0.5, 4, 0.25"})
    void minimumAtTheCentreHasItsHessianScaledByBToTheMinusTwoA(double a, double b, double factor) {
        Random rnd = new Random(23);
        double[] minimum = gaussian(3, rnd, 1.0);
        DMatrixRMaj m = new DMatrixRMaj(3, 3, true, gaussian(9, rnd, 1.0));
        DMatrixRMaj q = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.multTransA(m, m, q);
        RadialMap map = new RadialMap(minimum, a, b);
        ReparametrizedLoss lEta = new ReparametrizedLoss(quadratic(minimum, q), map);
        TransformedHessian h = lEta.hessianTerms(new double[3]);
        DMatrixRMaj expected = q.copy();
        CommonOps_DDRM.scale(factor, expected);
        assertThat(Differences.relativeError(h.total(), expected, 1e-300)).isLessThan(1e-12);
        assertThat(CommonOps_DDRM.elementMaxAbs(h.curvature())).isZero();
    }

    /**
     * Figure 5 in one dimension: with θ̂ = 1, a = 1, b = 0.01 the minimum at θ = 1 gets L_η'' = 8·b⁻² = 8·10⁴,
     * the one at θ = −1 (r = 2) gets 8/φ'(2)² with φ'(r) = (r² + b)^{a−1}((1 + 2a)r² + b) — and the loss
     * values stay 0 at both.
     */
    @Test
    void oneDimensionalDoubleWellMinimaBecomeSharpAndFlat() {
        RadialMap map = new RadialMap(new double[] {1}, 1.0, 0.01);
        ReparametrizedLoss lEta = new ReparametrizedLoss(DOUBLE_WELL, map);
        double[] right = map.eta(new double[] {1});
        double[] left = map.eta(new double[] {-1});
        assertThat(lEta.value(right)).isZero();
        assertThat(lEta.value(left)).isZero();
        assertThat(lEta.hessian(right).get(0, 0)).isCloseTo(8e4, offset(1e-8));
        double phiPrime = 3 * 4 + 0.01;
        assertThat(lEta.hessian(left).get(0, 0)).isCloseTo(8 / (phiPrime * phiPrime), offset(1e-14));
        // away from a critical point the curvature term is needed to match differences of the gradient
        double[] eta = map.eta(new double[] {0.3});
        TransformedHessian h = lEta.hessianTerms(eta);
        double fd = Differences.hessianFromGradient(lEta, eta, 1e-6).get(0, 0);
        assertThat(h.total().get(0, 0)).isCloseTo(fd, offset(1e-6 * Math.abs(fd)));
        assertThat(Math.abs(h.curvature().get(0, 0))).isGreaterThan(1e-2 * Math.abs(fd));
    }

    @Test
    void networkLossInRadialCoordinatesMatchesDifferencesOfItsGradient() {
        Network net = TestNets.net(new int[] {2, 3, 1}, Activation.TANH, true);
        Random rnd = new Random(24);
        LossFunction loss = new LossFunction(net, LossKind.MSE, TestNets.data(net, LossKind.MSE, 15, rnd, false));
        RadialMap map = new RadialMap(TestNets.theta(net, rnd), 0.6, 0.2);
        ReparametrizedLoss lEta = new ReparametrizedLoss(Objective.of(loss), map);
        double[] eta = map.eta(TestNets.theta(net, rnd));
        DMatrixRMaj fd = Differences.hessianFromGradient(lEta, eta, 1e-5);
        TransformedHessian h = lEta.hessianTerms(eta);
        assertThat(Differences.relativeError(h.total(), fd, 1e-300)).isLessThan(1e-7);
        assertThat(Differences.relativeError(h.gaussNewton(), fd, 1e-300)).isGreaterThan(1e-3);
    }
}
