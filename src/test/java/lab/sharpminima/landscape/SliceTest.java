package lab.sharpminima.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.TestNets;
import lab.sharpminima.linalg.Lanczos;

/** Slices, directions, interpolation and trajectory PCA against direct evaluation and known answers. */
class SliceTest {

    private static double[] plus(double[] t, double a, double[] d1, double b, double[] d2) {
        double[] p = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            p[i] = t[i] + a * d1[i] + b * d2[i];
        }
        return p;
    }

    private static void assertGridMatchesDirect(Network net, LossKind kind, long seed, int threads) {
        Random rnd = new Random(seed);
        Dataset data = TestNets.data(net, kind, 150, rnd, false);
        LossFunction f = new LossFunction(net, kind, data);
        double[] theta = TestNets.theta(net, rnd);
        double[] d1 = Directions.random(theta.length, rnd);
        double[] d2 = Directions.filterNormalized(net, theta, rnd);
        Window w = new Window(-1.5, 1, -0.75, 2);
        Slice2D s = Slice2D.compute(f, theta, d1, d2, w, 13, threads);
        for (int i = 0; i < 13; i++) {
            for (int j = 0; j < 13; j++) {
                double direct = f.value(plus(theta, s.grid().a(j), d1, s.grid().b(i), d2));
                assertThat(s.grid().value(i, j)).as("(%d, %d)", i, j).isCloseTo(direct, within(1e-12));
            }
        }
    }

    @Test
    void sliceEqualsDirectEvaluationMseReluBiases() {
        assertGridMatchesDirect(TestNets.net(new int[] {2, 16, 16, 1}, Activation.RELU, true), LossKind.MSE, 1, 3);
    }

    @Test
    void sliceEqualsDirectEvaluationCrossEntropyTanhNoBias() {
        assertGridMatchesDirect(TestNets.net(new int[] {3, 8, 5, 4}, Activation.TANH, false),
                LossKind.CROSS_ENTROPY, 2, 1);
    }

    @Test
    void sliceEqualsDirectEvaluationLeakyReluSingleLayerAndDeep() {
        assertGridMatchesDirect(TestNets.net(new int[] {4, 3}, Activation.LEAKY_RELU, true), LossKind.MSE, 3, 2);
        assertGridMatchesDirect(TestNets.net(new int[] {2, 6, 6, 6, 2}, Activation.LEAKY_RELU, true),
                LossKind.CROSS_ENTROPY, 4, 2);
    }

    @Test
    void smallProductsGiveTheSameDoubleAsLossFunction() {
        Network net = TestNets.net(new int[] {2, 16, 16, 1}, Activation.RELU, true);
        Random rnd = new Random(21);
        LossFunction f = new LossFunction(net, LossKind.MSE, TestNets.data(net, LossKind.MSE, 100, rnd, false));
        double[] theta = TestNets.theta(net, rnd);
        double[] d1 = Directions.filterNormalized(net, theta, rnd);
        double[] d2 = Directions.filterNormalized(net, theta, rnd);
        Slice2D s = Slice2D.compute(f, theta, d1, d2, Window.square(-3, 3), 7, 2);
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                double[] p = s.plane().point(s.grid().a(j), s.grid().b(i), new double[theta.length]);
                assertThat(s.grid().value(i, j)).isEqualTo(f.value(p));
            }
        }
    }

    /** More samples than one block of {@link PlaneLoss#BLOCK}, and not a multiple of it. */
    @Test
    void severalSampleBlocksGiveTheSameDoubleAsLossFunction() {
        int n = 2 * PlaneLoss.BLOCK + 37;
        for (Activation act : new Activation[] {Activation.RELU, Activation.TANH, Activation.LEAKY_RELU}) {
            Network net = TestNets.net(new int[] {3, 9, 6, 2}, act, true);
            Random rnd = new Random(22);
            LossKind kind = act == Activation.TANH ? LossKind.CROSS_ENTROPY : LossKind.MSE;
            LossFunction f = new LossFunction(net, kind, TestNets.data(net, kind, n, rnd, false));
            double[] theta = TestNets.theta(net, rnd);
            double[] d1 = Directions.random(theta.length, rnd);
            double[] d2 = Directions.filterNormalized(net, theta, rnd);
            Slice2D s = Slice2D.compute(f, theta, d1, d2, Window.square(-2, 2), 5, 2);
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 5; j++) {
                    double[] p = s.plane().point(s.grid().a(j), s.grid().b(i), new double[theta.length]);
                    assertThat(s.grid().value(i, j)).as("%s (%d, %d)", act, i, j).isEqualTo(f.value(p));
                }
            }
        }
    }

    /**
     * A relu unit whose pre-activation is ∞ − ∞ = NaN outputs 0 in {@code LossFunction}; the fast
     * relu keeps the NaN, so the point is recomputed and the slice still gives the finite loss.
     */
    @Test
    void aNanPreActivationIsZeroedByTheReluAsInLossFunction() {
        Network net = TestNets.net(new int[] {2, 4, 1}, Activation.RELU, true);
        Random rnd = new Random(23);
        Dataset data = TestNets.data(net, LossKind.MSE, 300, rnd, false);
        // Unit 0 sees 1e308·x0 − 1e308·x1 with x1 = x0: 0 for |x0| < 1, ∞ − ∞ for x0 = 2.
        for (int s = 0; s < 300; s++) {
            double x0 = s % 7 == 0 ? 2 : Math.tanh(data.x().get(s, 0)) * 0.9;
            data.x().set(s, 0, x0);
            data.x().set(s, 1, x0);
        }
        LossFunction f = new LossFunction(net, LossKind.MSE, data);
        double[] theta = TestNets.theta(net, rnd);
        theta[net.offset(0)] = 1e308;
        theta[net.offset(0) + 4] = -1e308;
        double[] zero = new double[theta.length];
        double direct = f.value(theta);
        assertThat(direct).isFinite();
        assertThat(new PlaneLoss(net, LossKind.MSE, data, theta, zero, zero).value(0, 0)).isEqualTo(direct);
    }

    @Test
    void threadCountDoesNotChangeTheValues() {
        Network net = TestNets.net(new int[] {2, 10, 1}, Activation.RELU, true);
        Random rnd = new Random(5);
        LossFunction f = new LossFunction(net, LossKind.MSE, TestNets.data(net, LossKind.MSE, 80, rnd, false));
        double[] theta = TestNets.theta(net, rnd);
        Directions.Pair p = Directions.pair(Directions.Kind.RANDOM, f, theta, 9);
        Window w = Window.square(-1, 1);
        double[][] one = Slice2D.compute(f, theta, p.d1(), p.d2(), w, 9, 1).grid().rows();
        double[][] four = Slice2D.compute(f, theta, p.d1(), p.d2(), w, 9, 4).grid().rows();
        assertThat(four).isDeepEqualTo(one);
    }

    @Test
    void slice1dEqualsDirectEvaluation() {
        Network net = TestNets.net(new int[] {2, 7, 3}, Activation.RELU, true);
        Random rnd = new Random(6);
        LossFunction f = new LossFunction(net, LossKind.CROSS_ENTROPY,
                TestNets.data(net, LossKind.CROSS_ENTROPY, 60, rnd, true));
        double[] theta = TestNets.theta(net, rnd);
        double[] d = Directions.random(theta.length, rnd);
        Slice1D s = Slice1D.compute(f, theta, d, -2, 2, 21);
        double[] zero = new double[theta.length];
        for (int j = 0; j < 21; j++) {
            assertThat(s.loss()[j]).isCloseTo(f.value(plus(theta, s.a()[j], d, 0, zero)), within(1e-12));
        }
        assertThat(s.a()[0]).isEqualTo(-2.0);
        assertThat(s.a()[20]).isEqualTo(2.0);
        assertThat(s.loss()[10]).isCloseTo(f.value(theta), within(1e-12));
    }

    @Test
    void filterNormalisedBlocksHaveTheNormsOfThetaAndZeroBiases() {
        Network net = TestNets.net(new int[] {3, 5, 4, 2}, Activation.RELU, true);
        double[] theta = TestNets.theta(net, new Random(7));
        // One unit with zero incoming weights gets a zero block.
        for (int r = 0; r < 5; r++) {
            theta[net.offset(1) + r * 4 + 2] = 0;
        }
        double[] d = Directions.filterNormalized(net, theta, new Random(8));
        int checked = 0;
        for (int k = 0; k < net.depth(); k++) {
            Layer l = net.layer(k);
            for (int j = 0; j < l.out(); j++) {
                double dn = 0;
                double tn = 0;
                for (int r = 0; r < l.in(); r++) {
                    int i = net.offset(k) + r * l.out() + j;
                    dn += d[i] * d[i];
                    tn += theta[i] * theta[i];
                }
                assertThat(Math.sqrt(dn)).as("layer %d unit %d", k, j).isCloseTo(Math.sqrt(tn), within(1e-12));
                checked++;
            }
            for (int i = net.biasOffset(k); i < net.end(k); i++) {
                assertThat(d[i]).isZero();
            }
        }
        assertThat(checked).isEqualTo(5 + 4 + 2);
        // A direction that is not just θ: the blocks point elsewhere.
        assertThat(d[0] / theta[0]).isNotCloseTo(d[5] / theta[5], within(1e-6));
    }

    @Test
    void filterNormalisationFollowsTheAlphaScaleOfALayer() {
        Network net = TestNets.net(new int[] {2, 6, 1}, Activation.RELU, false);
        double[] theta = TestNets.theta(net, new Random(10));
        double[] scaled = theta.clone();
        for (int i = 0; i < net.end(0); i++) {
            scaled[i] *= 4;
        }
        for (int i = net.offset(1); i < net.end(1); i++) {
            scaled[i] /= 4;
        }
        double[] d = Directions.filterNormalized(net, theta, new Random(11));
        double[] ds = Directions.filterNormalized(net, scaled, new Random(11));
        for (int i = 0; i < theta.length; i++) {
            double factor = i < net.end(0) ? 4 : 0.25;
            assertThat(ds[i]).isCloseTo(factor * d[i], within(1e-12));
        }
    }

    @Test
    void randomDirectionsAreSeededUnitVectors() {
        double[] d = Directions.random(50, new Random(3));
        assertThat(Directions.norm(d)).isCloseTo(1.0, within(1e-14));
        assertThat(Directions.random(50, new Random(3))).isEqualTo(d);
        assertThat(Directions.random(50, new Random(4))).isNotEqualTo(d);
    }

    @Test
    void eigenDirectionsAreUnitHessianEigenvectors() {
        Network net = TestNets.net(new int[] {2, 6, 2}, Activation.TANH, true);
        Random rnd = new Random(12);
        LossFunction f = new LossFunction(net, LossKind.MSE, TestNets.data(net, LossKind.MSE, 40, rnd, false));
        double[] theta = TestNets.theta(net, rnd);
        Directions.Pair p = Directions.pair(Directions.Kind.EIGEN, f, theta, 1);
        double[] dense = lab.sharpminima.linalg.SymmetricEigen.decompose(f.hessian(theta), false).values();
        assertThat(p.lambda1()).isCloseTo(dense[0], within(1e-8 * Math.abs(dense[0])));
        assertThat(p.lambda2()).isCloseTo(dense[1], within(1e-8 * Math.abs(dense[0])));
        double[][] vs = {p.d1(), p.d2()};
        double[] ls = {p.lambda1(), p.lambda2()};
        double[] hv = new double[theta.length];
        for (int v = 0; v < 2; v++) {
            assertThat(Directions.norm(vs[v])).isCloseTo(1.0, within(1e-10));
            f.hessianVectorProduct(theta, vs[v], hv);
            double r = 0;
            for (int i = 0; i < hv.length; i++) {
                r += Math.pow(hv[i] - ls[v] * vs[v][i], 2);
            }
            assertThat(Math.sqrt(r)).isLessThan(1e-7 * Math.abs(dense[0]));
        }
        double dot = 0;
        for (int i = 0; i < theta.length; i++) {
            dot += p.d1()[i] * p.d2()[i];
        }
        assertThat(dot).isCloseTo(0, within(1e-8));
    }

    @Test
    void interpolationEndpointsAreTheTwoMinima() {
        Network net = TestNets.net(new int[] {2, 5, 1}, Activation.RELU, true);
        Random rnd = new Random(13);
        LossFunction train = new LossFunction(net, LossKind.MSE, TestNets.data(net, LossKind.MSE, 30, rnd, false));
        LossFunction test = new LossFunction(net, LossKind.MSE, TestNets.data(net, LossKind.MSE, 20, rnd, false));
        double[] a = TestNets.theta(net, rnd);
        double[] b = TestNets.theta(net, rnd);
        Interpolation in = Interpolation.between(train, test, a, b, 0, 1, 11);
        assertThat(in.train()[0]).isEqualTo(train.value(a));
        assertThat(in.train()[10]).isEqualTo(train.value(b));
        assertThat(in.test()[0]).isEqualTo(test.value(a));
        assertThat(in.test()[10]).isEqualTo(test.value(b));
        Interpolation wide = Interpolation.between(train, null, a, b, Interpolation.DEFAULT_FROM,
                Interpolation.DEFAULT_TO, 41);
        assertThat(wide.test()).isNull();
        assertThat(wide.t()[0]).isEqualTo(-0.5);
        assertThat(wide.t()[40]).isEqualTo(1.5);
        double[] p = Interpolation.point(a, b, wide.t()[3], new double[a.length]);
        assertThat(wide.train()[3]).isEqualTo(train.value(p));
        assertThat(wide.train()[3]).isNotEqualTo(in.train()[0]);
    }

    @Test
    void pcaRecoversTheTrajectoryPlane() {
        int n = 30;
        Random rnd = new Random(14);
        double[] center = new double[n];
        double[] u = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            center[i] = rnd.nextGaussian();
            u[i] = rnd.nextGaussian();
            v[i] = rnd.nextGaussian() + 0.5 * u[i];
        }
        List<double[]> traj = new ArrayList<>();
        double[] ca = new double[25];
        double[] cb = new double[25];
        for (int s = 0; s < 25; s++) {
            double t = 1 - s / 24.0;
            ca[s] = 3 * t * Math.cos(4 * t);
            cb[s] = t * Math.sin(4 * t);
            traj.add(plus(center, ca[s], u, cb[s], v));
        }
        TrajectoryPca pca = TrajectoryPca.of(traj);
        assertThat(pca.center()).isEqualTo(center);
        assertThat(Directions.norm(pca.d1())).isCloseTo(1, within(1e-12));
        assertThat(Directions.norm(pca.d2())).isCloseTo(1, within(1e-12));
        assertThat(pca.explained()[0] + pca.explained()[1]).isCloseTo(1, within(1e-12));
        assertThat(pca.explained()[0]).isGreaterThanOrEqualTo(pca.explained()[1]);
        // u and v lie in span(d1, d2): their residuals after projection vanish.
        for (double[] w : new double[][] {u, v}) {
            double[] r = project(w, pca.d1(), pca.d2());
            assertThat(Directions.norm(r)).isLessThan(1e-10 * Directions.norm(w));
        }
        // Every point is reconstructed from its coordinates.
        for (int s = 0; s < 25; s++) {
            double[] rec = plus(center, pca.a()[s], pca.d1(), pca.b()[s], pca.d2());
            for (int i = 0; i < n; i++) {
                assertThat(rec[i]).isCloseTo(traj.get(s)[i], within(1e-10));
            }
        }
        assertThat(pca.a()[24]).isZero();
        assertThat(pca.b()[24]).isZero();
    }

    private static double[] project(double[] w, double[] d1, double[] d2) {
        double p1 = 0;
        double p2 = 0;
        for (int i = 0; i < w.length; i++) {
            p1 += w[i] * d1[i];
            p2 += w[i] * d2[i];
        }
        double[] r = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            r[i] = w[i] - p1 * d1[i] - p2 * d2[i];
        }
        return r;
    }
}
