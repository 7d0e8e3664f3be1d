package lab.sharpminima.ui.figure5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import lab.sharpminima.figure.Figure5;
import lab.sharpminima.ui.BackgroundExecutor;
import lab.sharpminima.ui.SameThreadExecutor;
import org.junit.jupiter.api.Test;

/**
 * Figure 5's ViewModel without a stage: at each minimum θ*, d²L/dη² = L''(θ*)·(dθ/dη)² (Section 5),
 * checked against central differences of η(θ) = (|θ − θ̂|² + b)^a (θ − θ̂) and of L, computed here.
 */
class Figure5ViewModelTest {

    private static Figure5ViewModel started() {
        Figure5ViewModel vm = new Figure5ViewModel(new SameThreadExecutor());
        vm.start();
        return vm;
    }

    private static double eta(double a, double b, double centre, double t) {
        double r = t - centre;
        return Math.pow(r * r + b, a) * r;
    }

    /** L'' by a central second difference, step 1e-4 (error ~1e-8 · L'''' plus rounding ~1e-8). */
    private static double secondDerivative(double t) {
        double h = 1e-4;
        return (Figure5.loss(t + h) - 2 * Figure5.loss(t) + Figure5.loss(t - h)) / (h * h);
    }

    /** dθ/dη = 1/(dη/dθ), dη/dθ by a central difference, step 1e-6. */
    private static double dThetaDEta(Figure5ViewModel.MapState m, double t) {
        double h = 1e-6;
        double a = m.aProperty().get();
        double b = m.b();
        double c = m.centreProperty().get();
        return 2 * h / (eta(a, b, c, t + h) - eta(a, b, c, t - h));
    }

    private static void assertIdentityHolds(Figure5ViewModel vm) {
        double[] minima = vm.dataProperty().get().minimaTheta();
        for (int k = 0; k < 3; k++) {
            double l2 = secondDerivative(minima[k]);
            assertThat(vm.curvature(0, k).get()).isCloseTo(l2, within(1e-5 * l2));
            for (int i = 1; i <= 2; i++) {
                double j = dThetaDEta(vm.map(i), minima[k]);
                double predicted = l2 * j * j;
                assertThat(vm.curvature(i, k).get()).as("η%d at minimum %d", i, k)
                        .isCloseTo(predicted, within(1e-5 * predicted));
            }
        }
    }

    @Test
    void theEtaCurvatureIsLSecondTimesDThetaDEtaSquaredAtEachMinimum() {
        Figure5ViewModel vm = started();
        assertIdentityHolds(vm);
        vm.map(1).setA(1.2);
        vm.map(1).setLogB(-1.5);
        vm.map(1).setCentre(-1.3);
        vm.map(2).setA(-0.4);
        vm.map(2).setLogB(-0.3);
        vm.map(2).setCentre(0.7);
        assertIdentityHolds(vm);
    }

    @Test
    void thePresetMakesTheMiddleMinimumAHundredTimesSharper() {
        Figure5ViewModel vm = started();
        // Map 1: θ̂ = 0 = θ*, so dη/dθ = b^a = 0.01^0.5 = 0.1 and d²L/dη² = 100·L''(0).
        double l2 = Figure5.curvature(0);
        assertThat(vm.curvature(0, 1).get()).isCloseTo(l2, within(1e-15));
        assertThat(vm.curvature(1, 1).get()).isCloseTo(100 * l2, within(1e-9 * l2));
        // The three minima have about the same curvature in θ (≈ 4).
        for (int k = 0; k < 3; k++) {
            assertThat(vm.curvature(0, k).get()).isCloseTo(4, within(0.05));
        }
    }

    @Test
    void commandsClampAndResetRestoresThePreset() {
        Figure5ViewModel vm = started();
        vm.map(2).setA(-3);
        assertThat(vm.map(2).aProperty().get()).isEqualTo(Figure5ViewModel.MIN_A);
        vm.map(2).setLogB(5);
        assertThat(vm.map(2).b()).isEqualTo(1.0);
        vm.map(1).setCentre(99);
        assertThat(vm.map(1).centreProperty().get()).isEqualTo(3.5);
        assertThat(vm.dataProperty().get().panels().get(1).reparam().centre()).isEqualTo(3.5);
        vm.reset();
        assertThat(vm.dataProperty().get().panels().get(2).reparam()).isEqualTo(new Figure5.Reparam(-0.3, 0.01, 2.0));
        assertThat(vm.map(1).b()).isCloseTo(0.01, within(1e-15));
    }

    /** Holds each task until the test runs it. */
    private static final class ManualExecutor implements BackgroundExecutor {
        final Deque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            tasks.add(() -> new SameThreadExecutor().execute(work, onSuccess, onFailure));
        }
    }

    @Test
    void requestsCoalesceAndAStaleResultIsNeverShown() {
        ManualExecutor ex = new ManualExecutor();
        Figure5ViewModel vm = new Figure5ViewModel(ex);
        vm.start();
        vm.map(1).setA(0.7);
        vm.map(1).setA(0.8);
        vm.map(1).setA(0.9);
        assertThat(ex.tasks).hasSize(1);
        assertThat(vm.droppedProperty().get()).isEqualTo(2);
        ex.tasks.removeFirst().run();
        assertThat(vm.dataProperty().get()).isNull();
        ex.tasks.removeFirst().run();
        assertThat(vm.dataProperty().get().panels().get(1).reparam().a()).isEqualTo(0.9);
        assertThat(ex.tasks).isEmpty();
    }
}
