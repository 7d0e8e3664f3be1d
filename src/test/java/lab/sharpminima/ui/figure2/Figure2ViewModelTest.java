package lab.sharpminima.ui.figure2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import lab.sharpminima.figure.Figure2;
import lab.sharpminima.ui.BackgroundExecutor;
import lab.sharpminima.ui.SameThreadExecutor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/** Figure 2's ViewModel without a stage: readouts, invariance of L and f, the D_α identity, stale results. */
class Figure2ViewModelTest {

    private static Figure2ViewModel started() {
        Figure2ViewModel vm = new Figure2ViewModel(new SameThreadExecutor());
        vm.start();
        return vm;
    }

    /** Eigenvalues (descending) of D_α H D_α, D_α = diag(1/α, α): ∇²L(T_α θ) by Section 4.2. */
    static double[] predictedEigenvalues(DMatrixRMaj h, double alpha) {
        DMatrixRMaj d = CommonOps_DDRM.diag(1 / alpha, alpha);
        DMatrixRMaj dh = new DMatrixRMaj(2, 2);
        DMatrixRMaj dhd = new DMatrixRMaj(2, 2);
        CommonOps_DDRM.mult(d, h, dh);
        CommonOps_DDRM.mult(dh, d, dhd);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(2, false, true);
        assertThat(eig.decompose(dhd)).isTrue();
        double a = eig.getEigenvalue(0).real;
        double b = eig.getEigenvalue(1).real;
        return new double[] {Math.max(a, b), Math.min(a, b)};
    }

    @Test
    void startBuildsTheLandscapeAndTheFirstOverlayAtThePreset() {
        Figure2ViewModel vm = started();
        assertThat(vm.landscapeProperty().get()).isNotNull();
        assertThat(vm.overlayProperty().get()).isNotNull();
        assertThat(vm.overlayProperty().get().point()).containsExactly(1.0, 1.0);
        assertThat(vm.loss().get()).isEqualTo(0.0);
        assertThat(vm.loss().textProperty().get()).isEqualTo("0");
        assertThat(vm.alphaTextProperty().get()).isEqualTo("α = 1   ·   log₁₀ α = 0");
        assertThat(vm.lambda1().get()).isGreaterThan(0);
    }

    @Test
    void alphaMovesThePointAlongItsCurveAndKeepsLAndTheOutputs() {
        Figure2ViewModel vm = started();
        vm.setTheta(1.5, 0.5);
        double loss = vm.loss().get();
        for (double x = -3; x <= 3; x += 0.25) {
            vm.setAlphaExponent(x);
            Figure2.Overlay o = vm.overlayProperty().get();
            assertThat(o.alpha()).isCloseTo(Math.pow(10, x), within(1e-12 * Math.pow(10, Math.abs(x))));
            assertThat(o.point()[0] * o.point()[1]).isCloseTo(0.75, within(1e-12));
            assertThat(vm.loss().get()).isCloseTo(loss, within(1e-12));
            assertThat(vm.maxOutputChange().get()).isLessThanOrEqualTo(1e-12);
        }
        assertThat(vm.alphaTextProperty().get()).isEqualTo("α = 1000   ·   log₁₀ α = 3");
    }

    @Test
    void theTopEigenvalueFollowsTheDAlphaIdentity() {
        Figure2ViewModel vm = started();
        vm.setTheta(1.5, 0.5);
        DMatrixRMaj h = vm.overlayProperty().get().hessian();
        double before = vm.lambda1().get();
        for (double x : new double[] {-2, -0.5, 0.3, 1, 2.5}) {
            vm.setAlphaExponent(x);
            double[] predicted = predictedEigenvalues(h, Math.pow(10, x));
            assertThat(vm.lambda1().get()).isCloseTo(predicted[0], within(1e-9 * Math.abs(predicted[0])));
            assertThat(vm.lambda2().get()).isCloseTo(predicted[1], within(1e-9 * Math.abs(predicted[0])));
            assertThat(vm.trace().get()).isCloseTo(predicted[0] + predicted[1], within(1e-9 * predicted[0]));
            assertThat(vm.lambda1().get()).isNotCloseTo(before, within(1e-3 * before));
            assertThat(vm.lambda1().textProperty().get()).isNotEqualTo("—");
        }
    }

    @Test
    void commandsClampAndResetRestoresThePreset() {
        Figure2ViewModel vm = started();
        vm.setAlphaExponent(9);
        assertThat(vm.alphaExponentProperty().get()).isEqualTo(3.0);
        vm.setEpsilon(-1);
        assertThat(vm.epsilonProperty().get()).isEqualTo(Figure2ViewModel.MIN_EPSILON);
        vm.setTheta(50, -50);
        assertThat(vm.theta1Property().get()).isEqualTo(3.0);
        assertThat(vm.theta2Property().get()).isEqualTo(0.01);
        vm.reset();
        assertThat(vm.overlayProperty().get().point()).containsExactly(1.0, 1.0);
        assertThat(vm.epsilonProperty().get()).isEqualTo(0.1);
        assertThat(vm.alphaExponentProperty().get()).isEqualTo(0.0);
    }

    @Test
    void movePointToPutsTheScaledPointWhereItIsDropped() {
        Figure2ViewModel vm = started();
        vm.setAlphaExponent(0.5);
        vm.movePointTo(2.0, 0.8);
        assertThat(vm.overlayProperty().get().point()[0]).isCloseTo(2.0, within(1e-12));
        assertThat(vm.overlayProperty().get().point()[1]).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void epsilonChangesTheSharpnessButNotTheHessian() {
        Figure2ViewModel vm = started();
        vm.setTheta(2, 1);
        double small = vm.sharpness().get();
        double lambda = vm.lambda1().get();
        vm.setEpsilon(0.5);
        assertThat(vm.sharpness().get()).isGreaterThan(small);
        assertThat(vm.lambda1().get()).isEqualTo(lambda);
    }

    /** Holds each task until the test runs it, so requests can overlap. */
    private static final class ManualExecutor implements BackgroundExecutor {
        final Deque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            tasks.add(() -> new SameThreadExecutor().execute(work, onSuccess, onFailure));
        }

        void runNext() {
            tasks.removeFirst().run();
        }
    }

    @Test
    void requestsCoalesceAndAStaleResultIsNeverShown() {
        ManualExecutor ex = new ManualExecutor();
        Figure2ViewModel vm = new Figure2ViewModel(ex);
        vm.start();                       // landscape + overlay at α = 1 queued
        ex.runNext();                     // landscape
        vm.setAlphaExponent(1);           // pending
        vm.setAlphaExponent(2);           // replaces it (dropped)
        vm.setAlphaExponent(-1);          // replaces it (dropped)
        assertThat(vm.alphaTextProperty().get()).isEqualTo("α = 0.1   ·   log₁₀ α = −1");
        assertThat(ex.tasks).hasSize(1);
        assertThat(vm.droppedProperty().get()).isEqualTo(2);
        ex.runNext();                     // α = 1 result: stale, dropped; launches α = 0.1
        assertThat(vm.overlayProperty().get()).isNull();
        assertThat(vm.droppedProperty().get()).isEqualTo(3);
        assertThat(ex.tasks).hasSize(1);
        ex.runNext();
        assertThat(vm.overlayProperty().get().alpha()).isCloseTo(0.1, within(1e-15));
        assertThat(ex.tasks).isEmpty();
        assertThat(vm.lambda1().get()).isEqualTo(vm.overlayProperty().get().eigenvalues()[0]);
    }
}
