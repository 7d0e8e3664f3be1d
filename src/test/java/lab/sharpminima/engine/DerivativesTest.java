package lab.sharpminima.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gradient against central differences, Hessian-vector products against differences of the
 * gradient, and the dense Hessian against independent R-operator products, column by column.
 */
class DerivativesTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new int[] {2, 5, 1}, Activation.RELU, false, LossKind.MSE),
                Arguments.of(new int[] {3, 4, 3, 2}, Activation.RELU, true, LossKind.MSE),
                Arguments.of(new int[] {2, 4, 4, 3}, Activation.LEAKY_RELU, true, LossKind.CROSS_ENTROPY),
                Arguments.of(new int[] {2, 3, 2}, Activation.LINEAR, false, LossKind.MSE),
                Arguments.of(new int[] {3, 5, 4, 2}, Activation.TANH, true, LossKind.MSE),
                Arguments.of(new int[] {2, 4, 3, 3}, Activation.TANH, false, LossKind.CROSS_ENTROPY),
                Arguments.of(new int[] {3, 4, 3, 1}, Activation.LEAKY_RELU, true, LossKind.MSE),
                Arguments.of(new int[] {2, 6, 1}, Activation.TANH, true, LossKind.MSE),
                Arguments.of(new int[] {1, 1, 1}, Activation.RELU, false, LossKind.MSE));
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void gradientMatchesCentralDifferences(int[] widths, Activation act, boolean bias, LossKind kind) {
        Random rnd = new Random(11);
        Network net = TestNets.net(widths, act, bias);
        LossFunction f = new LossFunction(net, kind, TestNets.data(net, kind, 37, rnd, true));
        double[] theta = TestNets.theta(net, rnd);
        double[] g = new double[net.parameterCount()];
        f.gradient(theta, g);
        double[] fd = new double[g.length];
        double h = 1e-6;
        for (int i = 0; i < g.length; i++) {
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[i] += h;
            tm[i] -= h;
            fd[i] = (f.value(tp) - f.value(tm)) / (2 * h);
        }
        double[] diff = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            diff[i] = g[i] - fd[i];
        }
        assertThat(norm(diff) / norm(g)).isLessThan(1e-6);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void hessianVectorProductMatchesGradientDifferences(int[] widths, Activation act, boolean bias, LossKind kind) {
        Random rnd = new Random(12);
        Network net = TestNets.net(widths, act, bias);
        LossFunction f = new LossFunction(net, kind, TestNets.data(net, kind, 29, rnd, false));
        double[] theta = TestNets.theta(net, rnd);
        int n = net.parameterCount();
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextGaussian();
        }
        double[] hv = new double[n];
        f.hessianVectorProduct(theta, v, hv);
        double h = 1e-5;
        double[] gp = new double[n];
        double[] gm = new double[n];
        double[] tp = theta.clone();
        double[] tm = theta.clone();
        for (int i = 0; i < n; i++) {
            tp[i] += h * v[i];
            tm[i] -= h * v[i];
        }
        f.gradient(tp, gp);
        f.gradient(tm, gm);
        double[] diff = new double[n];
        for (int i = 0; i < n; i++) {
            diff[i] = hv[i] - (gp[i] - gm[i]) / (2 * h);
        }
        assertThat(norm(diff) / norm(hv)).isLessThan(1e-6);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void denseHessianIsSymmetricAndMatchesProducts(int[] widths, Activation act, boolean bias, LossKind kind) {
        Random rnd = new Random(13);
        Network net = TestNets.net(widths, act, bias);
        LossFunction f = new LossFunction(net, kind, TestNets.data(net, kind, 41, rnd, true));
        double[] theta = TestNets.theta(net, rnd);
        int n = net.parameterCount();
        DMatrixRMaj h = f.hessian(theta);
        HessianOperator op = f.hessianOperator(theta);
        double maxAbs = 0;
        double maxDiff = 0;
        double[] e = new double[n];
        double[] col = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = 1;
            op.apply(e, col);
            e[j] = 0;
            for (int i = 0; i < n; i++) {
                maxAbs = Math.max(maxAbs, Math.abs(col[i]));
                maxDiff = Math.max(maxDiff, Math.abs(col[i] - h.get(i, j)));
                assertThat(h.get(i, j)).isEqualTo(h.get(j, i));
            }
        }
        assertThat(maxAbs).isGreaterThan(0);
        assertThat(maxDiff).isLessThan(1e-12 * maxAbs);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void eigenvectorsReconstructTheHessian(int[] widths, Activation act, boolean bias, LossKind kind) {
        Random rnd = new Random(14);
        Network net = TestNets.net(widths, act, bias);
        LossFunction f = new LossFunction(net, kind, TestNets.data(net, kind, 33, rnd, false));
        DMatrixRMaj h = f.hessian(TestNets.theta(net, rnd));
        lab.sharpminima.linalg.SymmetricEigen eig = lab.sharpminima.linalg.SymmetricEigen.decompose(h, true);
        DMatrixRMaj v = eig.vectors();
        DMatrixRMaj hv = new DMatrixRMaj(h.numRows, h.numCols);
        org.ejml.dense.row.CommonOps_DDRM.mult(h, v, hv);
        DMatrixRMaj vl = v.copy();
        for (int j = 0; j < vl.numCols; j++) {
            for (int i = 0; i < vl.numRows; i++) {
                vl.set(i, j, vl.get(i, j) * eig.value(j));
            }
        }
        org.ejml.dense.row.CommonOps_DDRM.subtractEquals(hv, vl);
        double hNorm = org.ejml.dense.row.NormOps_DDRM.normP2(h);
        assertThat(hNorm).isGreaterThan(0);
        assertThat(org.ejml.dense.row.NormOps_DDRM.normP2(hv)).isLessThanOrEqualTo(1e-9 * hNorm);
        double sum = 0;
        for (double l : eig.values()) {
            sum += l;
        }
        assertThat(sum).isCloseTo(org.ejml.dense.row.CommonOps_DDRM.trace(h),
                org.assertj.core.data.Offset.offset(1e-10 * hNorm * h.numRows));
    }
}
