package lab.sharpminima.symmetry.reparam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.TestNets;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

/** Section 5.2: affine input maps keep the function on corresponding inputs but move input gradients. */
class InputPreprocessingTest {

    private static final Network NET = TestNets.net(new int[] {3, 5, 2}, Activation.TANH, true);

    /** Correlated inputs with feature scales 10, 0.1 and 1 and means 5, −2, 0.5. */
    private static DMatrixRMaj correlatedInputs(int n, long seed) {
        Random rnd = new Random(seed);
        DMatrixRMaj x = new DMatrixRMaj(n, 3);
        for (int i = 0; i < n; i++) {
            double z0 = rnd.nextGaussian();
            double z1 = rnd.nextGaussian();
            double z2 = rnd.nextGaussian();
            x.set(i, 0, 5 + 10 * z0);
            x.set(i, 1, -2 + 0.1 * (0.6 * z0 + 0.8 * z1));
            x.set(i, 2, 0.5 + z2 - 0.3 * z1);
        }
        return x;
    }

    private static DMatrixRMaj covariance(DMatrixRMaj u) {
        DMatrixRMaj mean = CommonOps_DDRM.sumCols(u, null);
        CommonOps_DDRM.scale(1.0 / u.numRows, mean);
        DMatrixRMaj centred = u.copy();
        for (int i = 0; i < u.numRows; i++) {
            for (int j = 0; j < u.numCols; j++) {
                centred.set(i, j, u.get(i, j) - mean.get(j));
            }
        }
        DMatrixRMaj cov = new DMatrixRMaj(u.numCols, u.numCols);
        CommonOps_DDRM.multTransA(centred, centred, cov);
        CommonOps_DDRM.scale(1.0 / u.numRows, cov);
        return cov;
    }

    private static InputPreprocessing[] maps(DMatrixRMaj x) {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{2, 0.5, -1}, {0.3, -1.5, 0.2}, {0, 0.7, 3}});
        return new InputPreprocessing[] {
            InputPreprocessing.standardisation(x), InputPreprocessing.pcaWhitening(x),
            InputPreprocessing.zcaWhitening(x), InputPreprocessing.of(a, new double[] {1, -2, 0.25})};
    }

    @Test
    void singularOrConstantInputsAreRefused() {
        DMatrixRMaj singular = new DMatrixRMaj(new double[][] {{1, 2}, {2, 4}});
        assertThatThrownBy(() -> InputPreprocessing.of(singular, new double[2])).hasMessageContaining("condition number");
        DMatrixRMaj x = correlatedInputs(50, 1);
        for (int i = 0; i < x.numRows; i++) {
            x.set(i, 1, 3.0);
        }
        assertThatThrownBy(() -> InputPreprocessing.standardisation(x)).hasMessageContaining("feature 1 is constant");
        assertThatThrownBy(() -> InputPreprocessing.zcaWhitening(x)).hasMessageContaining("covariance is singular");
    }

    @Test
    void preprocessingInvertsTheMapAndWhitens() {
        DMatrixRMaj x = correlatedInputs(400, 2);
        for (InputPreprocessing xi : maps(x)) {
            DMatrixRMaj u = xi.toPreprocessed(x);
            assertThat(Differences.relativeError(xi.toOriginal(u), x, 1e-300)).isLessThan(1e-13);
        }
        DMatrixRMaj standard = covariance(InputPreprocessing.standardisation(x).toPreprocessed(x));
        for (int j = 0; j < 3; j++) {
            assertThat(standard.get(j, j)).isCloseTo(1.0, offset(1e-12));
        }
        assertThat(Math.abs(standard.get(0, 1))).isGreaterThan(0.1); // standardising keeps correlations
        for (InputPreprocessing xi : new InputPreprocessing[] {
            InputPreprocessing.pcaWhitening(x), InputPreprocessing.zcaWhitening(x)}) {
            DMatrixRMaj cov = covariance(xi.toPreprocessed(x));
            assertThat(Differences.relativeError(cov, CommonOps_DDRM.identity(3), 1)).isLessThan(1e-11);
        }
        DMatrixRMaj zca = InputPreprocessing.zcaWhitening(x).matrix();
        DMatrixRMaj zcaT = CommonOps_DDRM.transpose(zca, null);
        assertThat(Differences.relativeError(zca, zcaT, 1e-300)).isLessThan(1e-12);
    }

    @Test
    void transformedNetworkComputesTheSameFunctionOnCorrespondingInputs() {
        DMatrixRMaj x = correlatedInputs(200, 3);
        double[] theta = TestNets.theta(NET, new Random(4));
        DMatrixRMaj f = LossFunction.outputs(NET, theta, x);
        for (InputPreprocessing xi : maps(x)) {
            double[] thetaU = xi.transformNetwork(NET, theta);
            DMatrixRMaj fU = LossFunction.outputs(NET, thetaU, xi.toPreprocessed(x));
            assertThat(Differences.relativeError(fU, f, 1e-300)).isLessThan(1e-12);
            // only the first layer changes
            for (int i = NET.offset(1); i < theta.length; i++) {
                assertThat(thetaU[i]).isEqualTo(theta[i]);
            }
        }
        Network noBias = TestNets.net(new int[] {3, 5, 2}, Activation.TANH, false);
        InputPreprocessing shifted = InputPreprocessing.standardisation(x);
        assertThatThrownBy(() -> shifted.transformNetwork(noBias, TestNets.theta(noBias, new Random(5))))
                .hasMessageContaining("no bias");
    }

    @Test
    void lossOnPreprocessedDataWithTransformedNetworkIsUnchanged() {
        DMatrixRMaj x = correlatedInputs(100, 6);
        Dataset data = new Dataset(x, TestNets.data(NET, LossKind.MSE, 100, new Random(7), false).y());
        double[] theta = TestNets.theta(NET, new Random(8));
        InputPreprocessing xi = InputPreprocessing.zcaWhitening(x);
        double before = new LossFunction(NET, LossKind.MSE, data).value(theta);
        double after = new LossFunction(NET, LossKind.MSE, xi.preprocess(data)).value(xi.transformNetwork(NET, theta));
        assertThat(after).isCloseTo(before, offset(1e-12 * before));
    }

    @Test
    void inputGradientsMatchFiniteDifferences() {
        double[] theta = TestNets.theta(NET, new Random(9));
        DMatrixRMaj x = correlatedInputs(1, 10);
        CommonOps_DDRM.scale(0.2, x);
        for (int o = 0; o < 2; o++) {
            int out = o;
            DMatrixRMaj fd = Differences.jacobian(
                    p -> new double[] {LossFunction.outputs(NET, theta, DMatrixRMaj.wrap(1, 3, p)).get(0, out)},
                    x.data.clone(), 1e-6);
            assertThat(Differences.relativeError(InputGradients.of(NET, theta, x, o), fd, 1e-300)).isLessThan(1e-8);
        }
    }

    /** ∂f_ξ/∂u computed on the transformed network equals ∂f/∂x(ξ(u))·Aᵀ (Section 5.2's chain rule). */
    @Test
    void inputGradientsFollowTheChainRule() {
        DMatrixRMaj x = correlatedInputs(50, 11);
        double[] theta = TestNets.theta(NET, new Random(12));
        for (InputPreprocessing xi : maps(x)) {
            DMatrixRMaj u = xi.toPreprocessed(x);
            double[] thetaU = xi.transformNetwork(NET, theta);
            for (int o = 0; o < 2; o++) {
                DMatrixRMaj direct = InputGradients.of(NET, thetaU, u, o);
                DMatrixRMaj chained = xi.gradientInPreprocessed(InputGradients.of(NET, theta, x, o));
                assertThat(Differences.relativeError(direct, chained, 1e-300)).isLessThan(1e-11);
            }
        }
    }

    /**
     * Standardisation has A = diag(σ), so ∂f_ξ/∂u_j = σ_j ∂f/∂x_j: with σ ≈ (10, 0.1, 1) the gradient's
     * components move by those factors and its norm moves, while the outputs are identical.
     */
    @Test
    void standardisationRescalesInputGradientsByTheFeatureScales() {
        DMatrixRMaj x = correlatedInputs(300, 13);
        double[] theta = TestNets.theta(NET, new Random(14));
        InputPreprocessing xi = InputPreprocessing.standardisation(x);
        DMatrixRMaj gx = InputGradients.of(NET, theta, x, 0);
        DMatrixRMaj gu = InputGradients.of(NET, xi.transformNetwork(NET, theta), xi.toPreprocessed(x), 0);
        DMatrixRMaj sigma = xi.matrix();
        assertThat(sigma.get(0, 0)).isCloseTo(10, offset(1.5));
        assertThat(sigma.get(1, 1)).isCloseTo(0.1, offset(0.015));
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(gu.get(i, j)).isCloseTo(sigma.get(j, j) * gx.get(i, j), offset(1e-12 * Math.abs(gu.get(i, j))
                        + 1e-15));
            }
        }
        double ratio = NormOps_DDRM.normF(gu) / NormOps_DDRM.normF(gx);
        assertThat(Math.abs(ratio - 1)).isGreaterThan(0.1);

        // an isotropic scale σ·I moves every gradient norm by exactly σ
        InputPreprocessing scale = InputPreprocessing.of(CommonOps_DDRM.diag(5, 5, 5), new double[3]);
        DMatrixRMaj gs = InputGradients.of(NET, scale.transformNetwork(NET, theta), scale.toPreprocessed(x), 1);
        DMatrixRMaj g1 = InputGradients.of(NET, theta, x, 1);
        for (int i = 0; i < x.numRows; i++) {
            double nu = NormOps_DDRM.normF(CommonOps_DDRM.extractRow(gs, i, null));
            double nx = NormOps_DDRM.normF(CommonOps_DDRM.extractRow(g1, i, null));
            assertThat(nu).isCloseTo(5 * nx, offset(1e-12 * nu));
        }
    }
}
