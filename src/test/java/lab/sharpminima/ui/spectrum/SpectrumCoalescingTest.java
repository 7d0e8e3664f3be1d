package lab.sharpminima.ui.spectrum;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Model;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.io.ModelFiles;
import lab.sharpminima.ui.BackgroundExecutor;
import lab.sharpminima.ui.MainViewModel;
import lab.sharpminima.ui.SameThreadExecutor;
import lab.sharpminima.ui.TransformState;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests while a computation runs are coalesced to the latest; a model above n = 2000 is refused. */
class SpectrumCoalescingTest {

    /** Holds work until {@link #runOne()}, as a busy background thread would. */
    static final class QueueExecutor implements BackgroundExecutor {
        final Deque<Runnable> queue = new ArrayDeque<>();

        @Override
        public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            queue.add(() -> new SameThreadExecutor().execute(work, onSuccess, onFailure));
        }

        void runOne() {
            queue.removeFirst().run();
        }
    }

    @Test
    void manyAlphaChangesDuringOneComputationStartOnlyTheLatest() {
        QueueExecutor q = new QueueExecutor();
        MainViewModel main = new MainViewModel(q);
        TransformState state = new TransformState(main);
        SpectrumViewModel vm = new SpectrumViewModel(q, state);
        main.openModel(Path.of("assets", "models", "xor-2-4-1.json"));
        q.runOne(); // reading the file: the model arrives, the spectrum VM queues its first computation
        int queued = q.queue.size();
        for (int i = 1; i <= 10; i++) {
            state.setExponent(0, 0.1 * i);
        }
        assertThat(q.queue).hasSize(queued); // nothing new while the first one is queued
        while (!q.queue.isEmpty()) {
            q.runOne();
        }
        assertThat(vm.busyProperty().get()).isFalse();
        lab.sharpminima.figure.SpectrumFigure.Data r = vm.resultProperty().get();
        double[] alpha = state.currentProperty().get().scale().alpha();
        assertThat(alpha[0]).isEqualTo(Math.pow(10, 1.0));
        // The shown result is the one for α₁ = 10, the last request: its top eigenvalue matches D H D.
        assertThat(r.recomputedTop()).isCloseTo(r.predictedTop(), org.assertj.core.api.Assertions.within(
                1e-9 * r.predictedTop()));
        assertThat(r.after().eigenvalues()[0]).isGreaterThan(10 * r.before().eigenvalues()[0]);
    }

    /**
     * A step shows the eigenvalues at θ′ first (bars and recomputed top; density and predicted top
     * pending), then completes them; while a drag goes on (a newer request waits) the second step is
     * skipped, and the last request is completed.
     */
    @Test
    void aStepShowsTheEigenvaluesFirstAndCompletesThemWhenTheDragRests() {
        QueueExecutor q = new QueueExecutor();
        MainViewModel main = new MainViewModel(q);
        TransformState state = new TransformState(main);
        SpectrumViewModel vm = new SpectrumViewModel(q, state);
        main.openModel(Path.of("assets", "models", "xor-2-4-1.json"));
        q.runOne();
        while (!q.queue.isEmpty()) {
            q.runOne();
        }
        assertThat(vm.resultProperty().get().complete()).isTrue();

        state.setExponent(0, 0.5);
        q.runOne(); // first step of α₁ = 10^0.5
        lab.sharpminima.figure.SpectrumFigure.Data first = vm.resultProperty().get();
        assertThat(first.complete()).isFalse();
        assertThat(first.after().density()).isNull();
        assertThat(vm.predictedProperty().get()).isEqualTo("…");
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(q.queue).hasSize(1); // the second step waits

        state.setExponent(0, 0.7); // the drag goes on while the second step is queued
        q.runOne(); // second step of 10^0.5: stale, dropped; the 0.7 request starts
        assertThat(vm.resultProperty().get()).isSameAs(first);
        q.runOne(); // first step of 10^0.7
        lab.sharpminima.figure.SpectrumFigure.Data moved = vm.resultProperty().get();
        assertThat(moved.complete()).isFalse();
        assertThat(moved.after().eigenvalues()[0]).isNotEqualTo(first.after().eigenvalues()[0]);
        q.runOne(); // its second step
        lab.sharpminima.figure.SpectrumFigure.Data done = vm.resultProperty().get();
        assertThat(q.queue).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(done.complete()).isTrue();
        assertThat(done.after().eigenvalues()).containsExactly(moved.after().eigenvalues());
        assertThat(done.recomputedTop()).isCloseTo(done.predictedTop(),
                org.assertj.core.api.Assertions.within(1e-9 * Math.abs(done.predictedTop())));
        assertThat(vm.predictedProperty().get()).isNotEqualTo("…");
    }

    @Test
    void aModelAboveTheDenseLimitIsExplainedNotComputed(@TempDir Path dir) throws Exception {
        Network net = Network.mlp(new int[] {50, 50, 1}, Activation.RELU, true);
        SplittableRandom rnd = new SplittableRandom(3);
        double[] theta = rnd.doubles(net.parameterCount(), -0.1, 0.1).toArray();
        DMatrixRMaj x = new DMatrixRMaj(4, 50);
        DMatrixRMaj y = new DMatrixRMaj(4, 1);
        Model m = new Model(net, theta, LossKind.MSE, new Dataset(x, y), null, null);
        Path file = dir.resolve("big.json");
        ModelFiles.write(m, file);
        assertThat(Files.exists(file)).isTrue();

        MainViewModel main = new MainViewModel(new SameThreadExecutor());
        TransformState state = new TransformState(main);
        SpectrumViewModel vm = new SpectrumViewModel(main.executor(), state);
        main.openModel(file);
        assertThat(net.parameterCount()).isEqualTo(2601);
        assertThat(vm.resultProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).startsWith("n = 2601 parameters: above 2000");
    }
}
