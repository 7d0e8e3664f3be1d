package lab.sharpminima.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.data.BuiltinDatasets;
import lab.sharpminima.landscape.Plane;
import lab.sharpminima.landscape.Window;
import lab.sharpminima.symmetry.AlphaScale;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Definition 1 and Theorem 2 of Dinh et al. 2017 as executable statements. */
class VolumeFlatnessTest {

    /** y = relu(x·θ1)·θ2 on the toy data y = x, x in [0.1, 2]: every θ with θ1·θ2 = 1, θ1 &gt; 0 is a minimum. */
    private static LossFunction twoParameterToy() {
        Network net = new Network(List.of(Layer.of(1, 1, Activation.RELU, false),
                Layer.of(1, 1, Activation.LINEAR, false)));
        return new LossFunction(net, LossKind.MSE, BuiltinDatasets.toy1d(20, 0, 11, 1.0));
    }

    /** y = w·x + b on the same data: no symmetry, a strictly convex loss. */
    private static LossFunction linearWithBias() {
        Network net = new Network(List.of(Layer.of(1, 1, Activation.LINEAR, true)));
        return new LossFunction(net, LossKind.MSE, BuiltinDatasets.toy1d(20, 0, 11, 1.0));
    }

    @Test
    void theorem2TheComponentReachesTheEdgeOfEveryWindowAlongTheOrbitOfTAlpha() {
        LossFunction loss = twoParameterToy();
        double[] theta = {1, 1};
        assertThat(loss.value(theta)).isCloseTo(0, within(1e-15));
        VolumeFlatness vf = new VolumeFlatness(0.1);
        double previous = 0;
        for (double r : new double[] {0.25, 1, 2, 4, 8}) {
            VolumeFlatness.Planar p = vf.planar(loss, Plane.absolute(theta), Window.around(1, 1, r), 401);
            assertThat(p.region().touchesEdge()).as("R = %s", r).isTrue();
            assertThat(p.bounded()).isFalse();
            // The proof's orbit: T_α θ = (α, 1/α) for α up to the window's edge lies in the component.
            double alpha = 1 + 0.95 * r;
            assertThat(p.region().contains(p.grid().nearestRow(1 / alpha), p.grid().nearestColumn(alpha)))
                    .as("T_alpha theta for alpha = %s", alpha).isTrue();
            assertThat(p.area()).as("area grows with the window").isGreaterThan(previous);
            previous = p.area();
        }
    }

    @Test
    void withoutTheSymmetryTheComponentIsBoundedAndItsAreaStopsGrowing() {
        LossFunction loss = linearWithBias();
        double[] theta = {1, 0};
        VolumeFlatness vf = new VolumeFlatness(0.1);
        VolumeFlatness.Planar small = vf.planar(loss, Plane.absolute(theta), Window.around(1, 0, 2), 401);
        VolumeFlatness.Planar large = vf.planar(loss, Plane.absolute(theta), Window.around(1, 0, 4), 801);
        assertThat(small.bounded()).isTrue();
        assertThat(large.bounded()).isTrue();
        assertThat(large.area() / small.area()).isCloseTo(1, within(1e-3));
        assertThat(small.boundary()).hasSize(1);
        assertThat(small.boundary().get(0).closed()).isTrue();
    }

    /** A teacher y = relu(x·w*)·v* with x in R², and its exact minimum θ* = (w*, v*): n1 = 2, n2 = 1. */
    private static LossFunction teacher() {
        Network net = new Network(List.of(Layer.of(2, 1, Activation.RELU, false),
                Layer.of(1, 1, Activation.LINEAR, false)));
        Random rnd = new Random(5);
        DMatrixRMaj x = new DMatrixRMaj(100, 2);
        for (int k = 0; k < x.data.length; k++) {
            x.data[k] = rnd.nextGaussian();
        }
        DMatrixRMaj y = LossFunction.outputs(net, TEACHER, x);
        return new LossFunction(net, LossKind.MSE, new Dataset(x, y));
    }

    private static final double[] TEACHER = {1, -0.5, 1.5};

    @Test
    void tAlphaMultipliesAreasInThePlaneOfTheTwoFirstLayerWeightsByAlphaSquared() {
        // The plane through θ along w1, w2 holds two θ1-axes and no θ2-axis: T_α acts on it as α·I.
        LossFunction loss = teacher();
        double alpha = 2;
        double[] moved = AlphaScale.twoLayer(loss.network(), alpha).apply(TEACHER);
        VolumeFlatness vf = new VolumeFlatness(0.05);
        Window w = Window.around(0, 0, 1);
        VolumeFlatness.Planar s = vf.planar(loss, Plane.coordinates(TEACHER, 0, 1), w, 401);
        VolumeFlatness.Planar t = vf.planar(loss, Plane.coordinates(moved, 0, 1), w, 401);
        assertThat(s.bounded()).isTrue();
        assertThat(t.bounded()).isTrue();
        assertThat(t.area() / s.area()).isCloseTo(alpha * alpha, within(0.01 * alpha * alpha));
    }

    @Test
    void tAlphaPreservesAreasInAPlaneWithOneAxisFromEachLayerAsInFigure3() {
        // Along w1 and v, T_α acts as diag(α, 1/α): determinant α^{1−1} = 1.
        LossFunction loss = teacher();
        double alpha = 2;
        double[] moved = AlphaScale.twoLayer(loss.network(), alpha).apply(TEACHER);
        VolumeFlatness vf = new VolumeFlatness(0.02);
        Window w = Window.around(0, 0, 2);
        VolumeFlatness.Planar s = vf.planar(loss, Plane.coordinates(TEACHER, 0, 2), w, 401);
        VolumeFlatness.Planar t = vf.planar(loss, Plane.coordinates(moved, 0, 2), w, 401);
        assertThat(s.bounded()).isTrue();
        assertThat(t.bounded()).isTrue();
        assertThat(t.area() / s.area()).isCloseTo(1, within(0.01));
    }

    @Test
    void tAlphaMultipliesVolumesByAlphaToTheN1MinusN2() {
        // S = the part of the sublevel set seen from θ* in the cube B = θ* ± R; T_α(S) is the part seen
        // from T_α θ* in the box T_α(B). T_α(S) is sampled independently, in a larger box Q that is
        // not T_α(B) (L is set to +∞ outside T_α(B)), so the factor is measured, not built in.
        LossFunction loss = teacher();
        double alpha = 3;
        AlphaScale t = AlphaScale.twoLayer(loss.network(), alpha);
        double[] moved = t.apply(TEACHER);
        double r = 0.4;
        double level = 0.05;
        // Near a non-degenerate minimum the set is star-shaped about θ*: the straight-segment test suffices.
        VolumeFlatnessMonteCarlo mc = new VolumeFlatnessMonteCarlo(60000, 8, 1, 2,
                VolumeFlatnessMonteCarlo.Connectivity.STAR, 8);
        VolumeFlatnessMonteCarlo.Box b = VolumeFlatnessMonteCarlo.Box.cube(TEACHER, r);
        VolumeFlatnessMonteCarlo.Estimate s = mc.estimate(loss::value, TEACHER, level, b);

        VolumeFlatnessMonteCarlo.Box image = VolumeFlatnessMonteCarlo.Box.around(moved,
                new double[] {alpha * r, alpha * r, r / alpha});
        VolumeFlatnessMonteCarlo.Box q = new VolumeFlatnessMonteCarlo.Box(
                new double[] {moved[0] - 1.3 * alpha * r, moved[1] - 1.1 * alpha * r, moved[2] - 1.2 * r / alpha},
                new double[] {moved[0] + 1.1 * alpha * r, moved[1] + 1.25 * alpha * r, moved[2] + 1.15 * r / alpha});
        VolumeFlatnessMonteCarlo.Estimate ts = mc.withSeed(2).estimate(
                p -> image.contains(p) ? loss.value(p) : Double.POSITIVE_INFINITY, moved, level, q);

        double ratio = ts.volume() / s.volume();
        double relSe = Math.hypot(ts.standardError() / ts.volume(), s.standardError() / s.volume());
        double n1MinusN2 = 2 - 1;
        assertThat(s.fraction()).as("S fills a fair part of B").isBetween(0.1, 0.9);
        assertThat(ratio).as("relative standard error %s", relSe)
                .isCloseTo(Math.pow(alpha, n1MinusN2), within(Math.min(0.06, 4 * relSe) * alpha));
    }

    @Test
    void theorem2TheBoxEstimateKeepsGrowingWithTheBoxInTheFullSpace() {
        LossFunction loss = twoParameterToy();
        double[] theta = {1, 1};
        VolumeFlatnessMonteCarlo mc = new VolumeFlatnessMonteCarlo(20000, 16, 3, 2,
                VolumeFlatnessMonteCarlo.Connectivity.GRAPH, 8);
        List<VolumeFlatness.Growth> g = new VolumeFlatness(0.1).growth(loss, theta, new double[] {1, 4, 16}, mc);
        // The valley θ1·θ2 ≈ 1 has area ≈ 4δ·ln(1 + R) in the box: it grows like a logarithm.
        for (int k = 1; k < g.size(); k++) {
            VolumeFlatnessMonteCarlo.Estimate prev = g.get(k - 1).estimate();
            VolumeFlatnessMonteCarlo.Estimate cur = g.get(k).estimate();
            assertThat(cur.volume() - prev.volume())
                    .as("R = %s: %s vs %s", g.get(k).radius(), cur, prev)
                    .isGreaterThan(3 * Math.hypot(cur.standardError(), prev.standardError()));
        }
        // The graph follows the curved valley that straight segments from θ cannot.
        VolumeFlatnessMonteCarlo.Estimate last = g.get(g.size() - 1).estimate();
        assertThat(last.connected()).isGreaterThan(2 * last.starVisible());
    }
}
