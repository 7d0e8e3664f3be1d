package lab.sharpminima.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.experiment.BatchSizeExperiment;
import lab.sharpminima.landscape.Directions;
import lab.sharpminima.landscape.LossGrid;
import lab.sharpminima.landscape.Plane;
import lab.sharpminima.ui.SameThreadExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Landscape and experiment parts of the Lab ViewModel without a stage: background work on the test's
 * thread, training on its own thread, polled as the view's pulse would.
 */
class LandscapeViewModelTest {

    /** A small, fast experiment (as in BatchSizeExperimentTest). */
    static BatchSizeExperiment.Settings small(long seed) {
        return new BatchSizeExperiment.Settings(seed, 200, 0.1, 0.5, new int[] {2, 12, 12, 2}, 16, 0, 0.1, 60,
                1e-3, 2, 40);
    }

    private LabViewModel vm;
    private LandscapeViewModel land;

    @BeforeEach
    void setUp() {
        vm = new LabViewModel(new SameThreadExecutor(), LabViewModel.daemonThreads(), LandscapeViewModelTest::small);
        vm.epochsProperty().set(30);
        vm.nProperty().set(100);
        land = vm.landscape();
        land.stepsProperty().set(11);
        land.rangeProperty().set(0.8);
    }

    @AfterEach
    void tearDown() {
        vm.reset();
    }

    private void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            vm.pull();
            assertThat(System.nanoTime()).as("timed out; " + vm.messageProperty().get()).isLessThan(deadline);
            Thread.sleep(2);
        }
        vm.pull();
    }

    private void train() throws InterruptedException {
        vm.start();
        await(() -> vm.stateProperty().get() == LabViewModel.State.FINISHED && vm.epochProperty().get() == 30);
    }

    private LossFunction trainLoss() {
        LabProblem p = vm.problemProperty().get();
        return new LossFunction(p.network(), p.loss(), p.split().train());
    }

    @Test
    void theSliceShownEqualsTheLossAtItsPoints() throws Exception {
        train();
        land.kindProperty().set(Directions.Kind.RANDOM);
        land.compute();
        LandscapeSlice s = land.sliceProperty().get();
        assertThat(s).isNotNull();
        assertThat(s.request().theta()).isEqualTo(vm.frameProperty().get().theta());
        LossFunction f = trainLoss();
        LossGrid g = s.plane().grid();
        Plane plane = s.plane().plane();
        double[] p = new double[f.dimension()];
        for (int i = 0; i < g.steps(); i++) {
            for (int j = 0; j < g.steps(); j++) {
                plane.point(g.a(j), g.b(i), p);
                assertThat(g.value(i, j)).as("node (%d, %d)", i, j).isCloseTo(f.value(p), within(1e-12));
            }
        }
        double[] theta = s.request().theta();
        for (int j = 0; j < s.line().a().length; j++) {
            for (int k = 0; k < p.length; k++) {
                p[k] = theta[k] + s.line().a()[j] * s.directions().d1()[k];
            }
            assertThat(s.line().loss()[j]).isCloseTo(f.value(p), within(1e-12));
        }
        // θ is the grid's centre node, and the trajectory ends at θ itself: (0, 0).
        assertThat(g.value(5, 5)).isCloseTo(f.value(theta), within(1e-12));
        assertThat(s.pathA()).hasSize(vm.trajectory().size());
        assertThat(s.pathA()[s.pathA().length - 1]).isCloseTo(0, within(1e-12));
        assertThat(s.pathB()[s.pathB().length - 1]).isCloseTo(0, within(1e-12));
    }

    @Test
    void afterTalphaTheBoundaryStaysWhileTheRandomSliceChanges() throws Exception {
        train();
        land.kindProperty().set(Directions.Kind.RANDOM);
        land.compute();
        vm.setExponent(0, 0.5);
        vm.applyTransform();
        Bridge.Result b = vm.bridgeProperty().get();
        assertThat(b.before().grid().maxAbsDifference(b.after().grid())).isLessThanOrEqualTo(1e-12);
        LandscapeSlice before = land.sliceProperty().get();
        LandscapeSlice after = land.sliceAfterProperty().get();
        assertThat(after).isNotNull();
        // The very same random directions (same seed) ...
        assertThat(after.directions().d1()).isEqualTo(before.directions().d1());
        // ... through T_α θ: the centre keeps its loss, the slice around it does not.
        int c = before.plane().grid().steps() / 2;
        assertThat(after.plane().grid().value(c, c)).isCloseTo(before.plane().grid().value(c, c), within(1e-12));
        assertThat(maxRelativeDifference(before.plane().grid(), after.plane().grid())).isGreaterThan(0.01);
    }

    @Test
    void filterNormalisedSlicesAreTheSameAtThetaAndTalphaTheta() throws Exception {
        // Each filter block of d scales with its unit's weights, so θ' + a·d' = T_α(θ + a·d) (Li et al. 2018).
        train();
        land.kindProperty().set(Directions.Kind.FILTER);
        land.compute();
        vm.setExponent(0, 0.5);
        vm.applyTransform();
        LandscapeSlice before = land.sliceProperty().get();
        LandscapeSlice after = land.sliceAfterProperty().get();
        assertThat(maxRelativeDifference(before.plane().grid(), after.plane().grid())).isLessThan(1e-9);
    }

    @Test
    void theTrajectoryProjectsOntoThePlaneByLeastSquares() {
        Random rnd = new Random(3);
        double[] theta = rnd.doubles(40).toArray();
        double[] d1 = rnd.doubles(40).map(x -> x - 0.5).toArray();
        double[] d2 = rnd.doubles(40).map(x -> x - 0.5).toArray();
        double[] p = new double[40];
        for (int i = 0; i < 40; i++) {
            p[i] = theta[i] + 0.3 * d1[i] - 0.2 * d2[i];
        }
        double[][] ab = LandscapeSlice.project(List.of(p, theta), theta, d1, d2);
        assertThat(ab[0][0]).isCloseTo(0.3, within(1e-12));
        assertThat(ab[1][0]).isCloseTo(-0.2, within(1e-12));
        assertThat(ab[0][1]).isEqualTo(0.0);
    }

    @Test
    void thePcaPlaneHoldsTheTrajectory() throws Exception {
        train();
        land.projectionProperty().set(LandscapeSlice.Projection.PCA);
        land.compute();
        LandscapeSlice s = land.sliceProperty().get();
        assertThat(s.pathA()).hasSize(vm.trajectory().size());
        double half = s.plane().grid().window().a1();
        for (int i = 0; i < s.pathA().length; i++) {
            assertThat(Math.abs(s.pathA()[i])).isLessThanOrEqualTo(half);
            assertThat(Math.abs(s.pathB()[i])).isLessThanOrEqualTo(half);
        }
        assertThat(land.messageProperty().get()).startsWith("PCA of the trajectory");
    }

    @Test
    void theInterpolationRunsThroughBothSavedMinima() throws Exception {
        vm.step();
        await(() -> vm.run() != null && vm.run().parkedAt() == 1 && vm.epochProperty().get() == 1);
        land.saveA();
        double[] a = land.minimumAProperty().get();
        vm.step();
        await(() -> vm.run().parkedAt() == 2 && vm.epochProperty().get() == 2);
        land.saveB();
        var i = land.interpolationProperty().get();
        assertThat(i).isNotNull();
        int t0 = 20; // t = −0.5 + 20 · 2/80 = 0
        int t1 = 60;
        assertThat(i.t()[t0]).isCloseTo(0, within(1e-15));
        assertThat(i.t()[t1]).isCloseTo(1, within(1e-15));
        assertThat(i.train()[t0]).isEqualTo(trainLoss().value(a));
        assertThat(i.train()[t1]).isEqualTo(trainLoss().value(land.minimumBProperty().get()));
        assertThat(i.test()).isNotNull();
    }

    @Test
    void aSliceNeedsAFixedTheta() throws Exception {
        vm.epochsProperty().set(100_000);
        vm.start();
        land.compute();
        assertThat(land.sliceProperty().get()).isNull();
        assertThat(land.messageProperty().get()).startsWith("pause or finish");
    }

    @Test
    void theExperimentTableIsBatchSizeExperimentWithTheSameSeed() {
        vm.seedProperty().set(7);
        ExperimentViewModel e = vm.experiment();
        e.run();
        assertThat(e.busyProperty().get()).isFalse();
        BatchSizeExperiment.Result expected = BatchSizeExperiment.run(small(7));
        assertThat(e.resultProperty().get().alpha()).isEqualTo(expected.alpha());
        assertThat(e.rows()).hasSize(expected.rows().size());
        for (int i = 0; i < expected.rows().size(); i++) {
            BatchSizeExperiment.Row r = expected.rows().get(i);
            ExperimentViewModel.Row shown = e.rows().get(i);
            assertThat(shown.measure()).isEqualTo(r.measure());
            assertThat(shown.small()).isEqualTo(r.small());
            assertThat(shown.large()).isEqualTo(r.large());
            assertThat(shown.smallAfter()).isEqualTo(r.smallAfter());
            if (r.invariant()) {
                assertThat(shown.moved()).as(r.measure()).isFalse(); // T_α keeps the function
            }
        }
        assertThat(e.rows().stream().filter(r -> r.measure().equals("testLoss")).findFirst().orElseThrow().moved())
                .isFalse();
        assertThat(e.rows().stream().filter(r -> r.measure().equals("hessian.spectralNorm")).findFirst()
                .orElseThrow().moved()).isTrue();
        assertThat(e.messageProperty().get()).startsWith("The reversal holds");
    }

    @Test
    void theLabExportsTheLandscapeThenTheExperimentTable(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        LabExport export = new LabExport(vm);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> export.exportWriter().write(dir.resolve("x.png"),
                400, 300, 1)).hasMessageContaining("compute a slice or run the experiment");
        train();
        land.compute();
        vm.applyTransform();
        java.nio.file.Path slice = dir.resolve("slice.png");
        export.exportWriter().write(slice, 800, 400, 1);
        assertThat(javax.imageio.ImageIO.read(slice.toFile()).getWidth()).isEqualTo(800);
        vm.experiment().run();
        java.nio.file.Path table = dir.resolve("table.svg");
        export.exportWriter().write(table, 800, 600, 1);
        assertThat(java.nio.file.Files.readString(table)).contains("small after T").contains("testLoss");
    }

    private static double maxRelativeDifference(LossGrid x, LossGrid y) {
        double m = 0;
        for (int i = 0; i < x.steps(); i++) {
            for (int j = 0; j < x.steps(); j++) {
                double u = x.value(i, j);
                double v = y.value(i, j);
                m = Math.max(m, Math.abs(u - v) / Math.max(1e-300, Math.max(Math.abs(u), Math.abs(v))));
            }
        }
        return m;
    }
}
