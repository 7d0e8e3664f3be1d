package lab.sharpminima.symmetry.reparam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.TestNets;
import lab.sharpminima.linalg.SymmetricEigen;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Weight normalization (Section 5.1): the map, its derivatives, and T'_α moving the Hessian's spectrum. */
class WeightNormalizationTest {

    private static final Network NET = TestNets.net(new int[] {3, 4, 2}, Activation.TANH, true);

    /** Random MSE data: θ is not a critical point, so the curvature term is nonzero. */
    private static LossFunction randomLoss(long seed) {
        return new LossFunction(NET, LossKind.MSE, TestNets.data(NET, LossKind.MSE, 20, new Random(seed), false));
    }

    /** Targets produced by the teacher θ*: L(θ*) = 0, a global minimum and a critical point. */
    private static LossFunction teacherLoss(double[] teacher, long seed) {
        Dataset random = TestNets.data(NET, LossKind.MSE, 30, new Random(seed), false);
        return new LossFunction(NET, LossKind.MSE, new Dataset(random.x(), LossFunction.outputs(NET, teacher, random.x())));
    }

    @Test
    void layoutPutsScalesAfterEachNormalizedLayersV() {
        WeightNormalization wn = WeightNormalization.layers(NET, 0);
        // layer 0: V 3×4 (0..11), s (12..15), b (16..19); layer 1 copied: θ_1 4×2 (20..27), b (28..29)
        assertThat(wn.etaDimension()).isEqualTo(NET.parameterCount() + 4).isEqualTo(30);
        assertThat(wn.scaleOffset(0)).isEqualTo(12);
        assertThat(wn.biasOffset(0)).isEqualTo(16);
        assertThat(wn.vOffset(1)).isEqualTo(20);
        assertThat(wn.isV(11)).isTrue();
        assertThat(wn.isV(12)).isFalse();
        assertThat(wn.isV(21)).isFalse();
    }

    @Test
    void roundTripAndChosenNorms() {
        double[] theta = TestNets.theta(NET, new Random(1));
        WeightNormalization wn = WeightNormalization.allLayers(NET);
        assertThat(Differences.relativeError(wn.theta(wn.eta(theta)), theta)).isLessThan(1e-14);
        double[] eta = wn.eta(theta, 3.0);
        assertThat(Differences.relativeError(wn.theta(eta), theta)).isLessThan(1e-14);
        for (int j = 0; j < 4; j++) {
            double n2 = 0;
            for (int r = 0; r < 3; r++) {
                n2 += eta[r * 4 + j] * eta[r * 4 + j];
            }
            assertThat(Math.sqrt(n2)).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-14));
        }
    }

    @Test
    void aZeroWeightColumnGetsScaleZeroAndAUnitV() {
        double[] theta = TestNets.theta(NET, new Random(31));
        for (int r = 0; r < 4; r++) {
            theta[NET.offset(1) + r * 2 + 1] = 0; // unit 1 of layer 1
        }
        WeightNormalization wn = WeightNormalization.allLayers(NET);
        double[] eta = wn.eta(theta, 2.5);
        assertThat(eta[wn.scaleOffset(1) + 1]).isZero();
        assertThat(eta[wn.vOffset(1) + 1]).isEqualTo(2.5);
        assertThat(Differences.relativeError(wn.theta(eta), theta)).isLessThan(1e-14);
    }

    @Test
    void tPrimeAlphaKeepsThetaAndTheFunction() {
        double[] theta = TestNets.theta(NET, new Random(2));
        WeightNormalization wn = WeightNormalization.allLayers(NET);
        double[] eta = wn.eta(theta);
        Dataset data = TestNets.data(NET, LossKind.MSE, 10, new Random(3), false);
        DMatrixRMaj before = LossFunction.outputs(NET, theta, data.x());
        for (double[] alphas : new double[][] {{1e-3, 1e-3}, {1e3, 1e3}, {0.2, 70}}) {
            double[] moved = wn.theta(wn.scaleV(eta, alphas));
            assertThat(Differences.relativeError(moved, theta)).isLessThan(1e-14);
            DMatrixRMaj after = LossFunction.outputs(NET, moved, data.x());
            assertThat(Differences.relativeError(after, before, 1e-300)).isLessThan(1e-13);
        }
        assertThatThrownBy(() -> wn.scaleV(eta, -1.0)).hasMessageContaining("alpha[0]");
    }

    @Test
    void zeroVIsRefused() {
        WeightNormalization wn = WeightNormalization.allLayers(NET);
        double[] eta = wn.eta(TestNets.theta(NET, new Random(4)));
        for (int r = 0; r < 3; r++) {
            eta[r * 4 + 2] = 0;
        }
        assertThatThrownBy(() -> wn.theta(eta)).hasMessageContaining("unit 2 in layer 0");
    }

    @Test
    void jacobianMatchesFiniteDifferences() {
        WeightNormalization wn = WeightNormalization.layers(NET, 1);
        double[] eta = wn.eta(TestNets.theta(NET, new Random(5)), 0.7);
        DMatrixRMaj fd = Differences.jacobian(wn::theta, eta, 1e-6);
        // central differences: error ~ h²·|g'''| ≈ 1e-12 relative to entries of order 1
        assertThat(Differences.relativeError(wn.jacobian(eta), fd, 1)).isLessThan(1e-8);
    }

    @Test
    void secondDerivativesMatchDifferencesOfTheJacobian() {
        WeightNormalization wn = WeightNormalization.allLayers(NET);
        double[] eta = wn.eta(TestNets.theta(NET, new Random(6)), 1.3);
        for (int i : new int[] {0, 5, 11, 13, 24}) {
            int row = i;
            DMatrixRMaj fd = Differences.jacobian(e -> wn.jacobian(e).data.clone(), eta, 1e-5);
            // row i of ∇g as a function of η: columns i·n_η .. (i+1)·n_η − 1 of the flattened Jacobian
            DMatrixRMaj fdRow = CommonOps_DDRM.extract(fd, row * wn.etaDimension(), (row + 1) * wn.etaDimension(), 0,
                    wn.etaDimension());
            double[] unit = new double[NET.parameterCount()];
            unit[row] = 1;
            assertThat(Differences.relativeError(wn.curvature(eta, unit), fdRow, 1)).isLessThan(1e-8);
        }
    }

    @Test
    void hessianAwayFromACriticalPointIncludesTheCurvatureTerm() {
        WeightNormalization wn = WeightNormalization.allLayers(NET);
        ReparametrizedLoss lEta = new ReparametrizedLoss(Objective.of(randomLoss(7)), wn);
        double[] eta = wn.eta(TestNets.theta(NET, new Random(8)), 1.0);
        TransformedHessian h = lEta.hessianTerms(eta);
        DMatrixRMaj fd = Differences.hessianFromGradient(lEta, eta, 1e-5);
        assertThat(Differences.relativeError(h.total(), fd, 1e-300)).isLessThan(1e-7);
        // without the curvature term the Hessian is wrong by far more than the difference error
        assertThat(Differences.relativeError(h.gaussNewton(), fd, 1e-300)).isGreaterThan(1e-3);
        assertThat(CommonOps_DDRM.elementMaxAbs(h.curvature())).isGreaterThan(1e-3);
    }

    @Test
    void atACriticalPointTheHessianIsJacobianSandwich() {
        double[] teacher = TestNets.theta(NET, new Random(9));
        WeightNormalization wn = WeightNormalization.allLayers(NET);
        ReparametrizedLoss lEta = new ReparametrizedLoss(Objective.of(teacherLoss(teacher, 10)), wn);
        double[] eta = wn.eta(teacher, 2.0);
        TransformedHessian h = lEta.hessianTerms(eta);
        double scale = CommonOps_DDRM.elementMaxAbs(h.gaussNewton());
        assertThat(CommonOps_DDRM.elementMaxAbs(h.curvature()) / scale).isLessThan(1e-13);
        DMatrixRMaj fd = Differences.hessianFromGradient(lEta, eta, 1e-5);
        assertThat(Differences.relativeError(h.gaussNewton(), fd, 1e-300)).isLessThan(1e-7);
    }

    @Test
    void hessianVectorProductMatchesTheDenseHessian() {
        WeightNormalization wn = WeightNormalization.layers(NET, 0);
        ReparametrizedLoss lEta = new ReparametrizedLoss(Objective.of(randomLoss(11)), wn);
        double[] eta = wn.eta(TestNets.theta(NET, new Random(12)), 0.5);
        Random rnd = new Random(13);
        double[] v = new double[wn.etaDimension()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextGaussian();
        }
        double[] hv = new double[v.length];
        lEta.hessianVectorProduct(eta, v, hv);
        double[] dense = new double[v.length];
        CommonOps_DDRM.mult(lEta.hessian(eta), DMatrixRMaj.wrap(v.length, 1, v), DMatrixRMaj.wrap(v.length, 1, dense));
        assertThat(Differences.relativeError(hv, dense)).isLessThan(1e-12);
    }

    /**
     * L_η∘T'_α = L_η with T'_α = diag(α on v, 1 elsewhere), so ∇²L_η(T'_α η) = D∇²L_η(η)D, D = T'_α⁻¹:
     * the vv block is divided by α², the v–(s, b) blocks by α, the (s, b) block unchanged.
     */
    @ParameterizedTest
    @ValueSource(doubles = {1e-2, 1e2})
    void tPrimeAlphaScalesTheHessianBlocksExactly(double alpha) {
        WeightNormalization wn = WeightNormalization.allLayers(NET);
        ReparametrizedLoss lEta = new ReparametrizedLoss(Objective.of(randomLoss(14)), wn);
        double[] eta = wn.eta(TestNets.theta(NET, new Random(15)), 1.0);
        DMatrixRMaj h = lEta.hessian(eta);
        DMatrixRMaj moved = lEta.hessian(wn.scaleV(eta, alpha));
        DMatrixRMaj predicted = new DMatrixRMaj(h.numRows, h.numCols);
        for (int i = 0; i < h.numRows; i++) {
            for (int k = 0; k < h.numCols; k++) {
                double d = (wn.isV(i) ? 1 / alpha : 1) * (wn.isV(k) ? 1 / alpha : 1);
                predicted.set(i, k, d * h.get(i, k));
            }
        }
        assertThat(Differences.relativeError(moved, predicted, 1e-300)).isLessThan(1e-10);
    }

    /**
     * Section 5.1 at a minimum: the nonzero eigenvalues of the v-block scale by exactly 1/α²; with
     * α = 10⁻² the largest eigenvalue of the whole Hessian is λ_max(H_vv)/α² up to a relative O(α²)
     * (off-diagonal blocks only O(1/α)); with α = 10² a nonzero eigenvalue at most λ_max(H_vv)/α² appears
     * (min-max over the v subspace, given fewer zero eigenvalues than v entries).
     */
    @Test
    void tPrimeAlphaMakesAMinimumArbitrarilySharpOrFlat() {
        double[] teacher = TestNets.theta(NET, new Random(16));
        WeightNormalization wn = WeightNormalization.allLayers(NET);
        ReparametrizedLoss lEta = new ReparametrizedLoss(Objective.of(teacherLoss(teacher, 17)), wn);
        double[] eta = wn.eta(teacher, 1.0);
        DMatrixRMaj h = lEta.hessian(eta);
        int[] v = vIndices(wn);
        double[] vBlock = SymmetricEigen.decompose(block(h, v), false).values();
        double[] full = SymmetricEigen.decompose(h, false).values();
        double zero = 1e-9 * full[0];
        int nullity = countBelow(full, zero);
        assertThat(nullity).isLessThan(v.length);

        double sharp = 1e-2;
        DMatrixRMaj hSharp = lEta.hessian(wn.scaleV(eta, sharp));
        double[] vSharp = SymmetricEigen.decompose(block(hSharp, v), false).values();
        for (int i = 0; i < vBlock.length; i++) {
            assertThat(vSharp[i] * sharp * sharp).isCloseTo(vBlock[i],
                    org.assertj.core.data.Offset.offset(1e-9 * vBlock[0]));
        }
        double lambdaSharp = SymmetricEigen.decompose(hSharp, false).values()[0];
        assertThat(lambdaSharp * sharp * sharp / vBlock[0]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(lambdaSharp).isGreaterThan(1e3 * full[0]);

        double flat = 1e2;
        double[] flatValues = SymmetricEigen.decompose(lEta.hessian(wn.scaleV(eta, flat)), false).values();
        double bound = vBlock[0] / (flat * flat) * (1 + 1e-9);
        double smallestNonzero = smallestAbove(flatValues, 1e-9 * flatValues[0]);
        assertThat(smallestNonzero).isLessThanOrEqualTo(bound).isLessThan(1e-3 * smallestAbove(full, zero));
    }

    private static int[] vIndices(WeightNormalization wn) {
        return java.util.stream.IntStream.range(0, wn.etaDimension()).filter(wn::isV).toArray();
    }

    private static DMatrixRMaj block(DMatrixRMaj h, int[] idx) {
        DMatrixRMaj b = new DMatrixRMaj(idx.length, idx.length);
        for (int i = 0; i < idx.length; i++) {
            for (int k = 0; k < idx.length; k++) {
                b.set(i, k, h.get(idx[i], idx[k]));
            }
        }
        return b;
    }

    private static int countBelow(double[] values, double tol) {
        int n = 0;
        for (double x : values) {
            n += Math.abs(x) <= tol ? 1 : 0;
        }
        return n;
    }

    private static double smallestAbove(double[] values, double tol) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : values) {
            if (x > tol) {
                m = Math.min(m, x);
            }
        }
        return m;
    }
}
