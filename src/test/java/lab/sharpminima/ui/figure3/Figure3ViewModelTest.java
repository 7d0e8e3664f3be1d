package lab.sharpminima.ui.figure3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import lab.sharpminima.export.figures.Figure3Chart;
import lab.sharpminima.figure.Figure3;
import lab.sharpminima.figure.LandscapeLayer;
import lab.sharpminima.landscape.Window;
import lab.sharpminima.ui.BackgroundExecutor;
import lab.sharpminima.ui.SameThreadExecutor;
import org.junit.jupiter.api.Test;

/** Figure 3's ViewModel without a stage: equal areas 4r² (det T_α = 1), total k·4r², disjointness, stale results. */
class Figure3ViewModelTest {

    private static Figure3ViewModel started() {
        Figure3ViewModel vm = new Figure3ViewModel(new SameThreadExecutor(), lab.sharpminima.figure.ToyProblem.of(lab.sharpminima.figure.Presets.toy()),
                new LandscapeLayer.Settings(lab.sharpminima.figure.Presets.landscape().window(), 48, 12,
                        lab.sharpminima.figure.Presets.landscape().products()),
                lab.sharpminima.figure.Presets.figure3());
        vm.start();
        return vm;
    }

    @Test
    void everyAreaIs4rSquaredAndTheTotalIsKTimesIt() {
        Figure3ViewModel vm = started();
        for (double x : new double[] {-1, -0.4, 0.1, 0.301, 0.8, 1}) {
            for (double r : new double[] {0.05, 0.25, 0.6, 1.5}) {
                for (int k : new int[] {1, 3, 7, 12}) {
                    vm.setAlphaExponent(x);
                    vm.setRadius(r);
                    vm.setCount(k);
                    Figure3.Data d = vm.dataProperty().get();
                    assertThat(d.count()).isEqualTo(k);
                    // Rounding of αⁱ·(θ ± r) and (θ ± r)/αⁱ: relative 1e-12 is ample for α^11 ≤ 1e11.
                    for (double a : d.areas()) {
                        assertThat(a).isCloseTo(4 * r * r, within(1e-12 * 4 * r * r));
                    }
                    assertThat(vm.areaProperty().get()).isCloseTo(4 * r * r, within(1e-12 * 4 * r * r));
                    assertThat(vm.totalProperty().get()).isCloseTo(k * 4 * r * r, within(1e-11 * k * r * r));
                }
            }
        }
    }

    @Test
    void thePresetIsDisjointAndTheThresholdIsFiveThirds() {
        Figure3ViewModel vm = started();
        // B∞(0.25, (1, 1)): (1 + 0.25)/(1 − 0.25) = 5/3; α = 2 is above it.
        assertThat(vm.countProperty().get()).isEqualTo(4);
        assertThat(vm.totalTextProperty().get()).isEqualTo("1");
        assertThat(vm.areasTextProperty().get()).isEqualTo("0.25, 0.25, 0.25, 0.25");
        assertThat(vm.disjointTextProperty().get()).isEqualTo("yes");
        assertThat(vm.disjointAlphaTextProperty().get()).isEqualTo("α ≥ 1.66667 or α ≤ 0.6");
        vm.setAlphaExponent(Math.log10(1.5));
        assertThat(vm.disjointTextProperty().get()).isEqualTo("no");
        vm.setAlphaExponent(Math.log10(0.55));
        assertThat(vm.disjointTextProperty().get()).isEqualTo("yes");
        vm.setRadius(1.2);
        assertThat(vm.disjointTextProperty().get()).isEqualTo("no");
        assertThat(vm.disjointAlphaTextProperty().get()).isEqualTo("never (B∞ meets both axes)");
    }

    @Test
    void theLandscapeHoldsEveryBoxAndIsReusedWhileTheWindowStays() {
        Figure3ViewModel vm = started();
        LandscapeLayer first = vm.landscapeProperty().get();
        Window boxes = Figure3Chart.windowFor(vm.dataProperty().get());
        Window layer = first.grid().window();
        assertThat(layer).isEqualTo(Figure3ViewModel.layerWindow(vm.dataProperty().get()));
        // The layer holds the boxes' window, widened by at most an eighth of its span per side.
        assertThat(layer.a0()).isLessThanOrEqualTo(boxes.a0()).isGreaterThanOrEqualTo(boxes.a0() - (boxes.a1() - boxes.a0()) / 8);
        assertThat(layer.a1()).isGreaterThanOrEqualTo(boxes.a1()).isLessThanOrEqualTo(boxes.a1() + (boxes.a1() - boxes.a0()) / 8);
        assertThat(layer.b0()).isLessThanOrEqualTo(boxes.b0()).isGreaterThanOrEqualTo(boxes.b0() - (boxes.b1() - boxes.b0()) / 8);
        assertThat(layer.b1()).isGreaterThanOrEqualTo(boxes.b1()).isLessThanOrEqualTo(boxes.b1() + (boxes.b1() - boxes.b0()) / 8);
        vm.setCount(4);
        assertThat(vm.landscapeProperty().get()).isSameAs(first);
        vm.setCount(6);
        assertThat(vm.landscapeProperty().get()).isNotSameAs(first);
        assertThat(vm.landscapeProperty().get().grid().window().a1()).isGreaterThan(32 * 1.25);
    }

    @Test
    void commandsClampAndResetRestoresThePreset() {
        Figure3ViewModel vm = started();
        vm.setCount(100);
        assertThat(vm.countProperty().get()).isEqualTo(Figure3ViewModel.MAX_COUNT);
        vm.setRadius(-2);
        assertThat(vm.radiusProperty().get()).isEqualTo(Figure3ViewModel.MIN_RADIUS);
        vm.setAlphaExponent(7);
        assertThat(vm.alphaExponentProperty().get()).isEqualTo(1.0);
        vm.reset();
        assertThat(vm.dataProperty().get().settings().alpha()).isCloseTo(2, within(1e-12));
        assertThat(vm.dataProperty().get().count()).isEqualTo(4);
        assertThat(vm.radiusProperty().get()).isEqualTo(0.25);
    }

    /** Holds each task until the test runs it, so requests can overlap. */
    private static final class ManualExecutor implements BackgroundExecutor {
        final Deque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            tasks.add(() -> new SameThreadExecutor().execute(work, onSuccess, onFailure));
        }
    }

    @Test
    void boxesComeAtOnceLandscapesCoalesceAndAStaleOneIsNeverShown() {
        ManualExecutor ex = new ManualExecutor();
        Figure3ViewModel vm = new Figure3ViewModel(ex);
        vm.start();
        vm.setCount(5);
        vm.setCount(6);
        vm.setCount(7);
        assertThat(vm.dataProperty().get().count()).isEqualTo(7);
        assertThat(ex.tasks).hasSize(1);
        assertThat(vm.droppedProperty().get()).isEqualTo(2);
        ex.tasks.removeFirst().run();     // the landscape of k = 4: stale, dropped; launches k = 7's
        assertThat(vm.landscapeProperty().get()).isNull();
        ex.tasks.removeFirst().run();
        assertThat(vm.landscapeProperty().get().grid().window())
                .isEqualTo(Figure3ViewModel.layerWindow(vm.dataProperty().get()));
        assertThat(ex.tasks).isEmpty();
    }
    /**
     * Boxes that left the landscape shown wait for the one computed for them (the view holds their
     * frame back); boxes the shown one still holds do not, even while a tighter one is computed.
     */
    @Test
    void newBoxesAwaitTheirLandscapeOnlyWhenTheShownOneMissesThem() {
        ManualExecutor ex = new ManualExecutor();
        Figure3ViewModel vm = new Figure3ViewModel(ex);
        assertThat(vm.awaitingLandscape()).isFalse(); // nothing asked yet
        vm.start();
        assertThat(vm.awaitingLandscape()).isTrue(); // the first boxes, no landscape yet
        ex.tasks.removeFirst().run();
        assertThat(vm.awaitingLandscape()).isFalse();
        LandscapeLayer first = vm.landscapeProperty().get();
        vm.setAlphaExponent(0.9); // a jump: the boxes leave the preset's layer
        assertThat(Figure3Frames.axesFor(Figure3Chart.windowFor(vm.dataProperty().get()), first).equals(
                first.grid().window())).isFalse();
        assertThat(vm.awaitingLandscape()).isTrue();
        ex.tasks.removeFirst().run();
        assertThat(vm.awaitingLandscape()).isFalse();
        assertThat(vm.landscapeProperty().get()).isNotSameAs(first);
        // r shrinks: the boxes get a tight layer of their own, but the shown one still holds them.
        vm.setRadius(0.2);
        assertThat(ex.tasks).hasSize(1);
        assertThat(vm.awaitingLandscape()).isFalse();
    }

    @Test
    void aDragKeepsALayerWhileItHoldsTheBoxesAndSettlingFitsItAgain() {
        Figure3ViewModel vm = started();
        int layers = 1;
        LandscapeLayer shown = vm.landscapeProperty().get();
        double x = Math.log10(2);
        for (int step = 0; step < 30; step++) {
            x += 0.01;
            vm.setAlphaExponent(x);
            Window boxes = Figure3Chart.windowFor(vm.dataProperty().get());
            Window layer = vm.landscapeProperty().get().grid().window();
            // Every step's layer holds the boxes, at most LOOSE times as long on each axis.
            assertThat(Figure3ViewModel.holds(layer, boxes)).as("step %d: %s holds %s", step, layer, boxes).isTrue();
            if (vm.landscapeProperty().get() != shown) {
                shown = vm.landscapeProperty().get();
                layers++;
            }
        }
        // The boxes' window grows by 0.03 decades a step (k = 4: α³): the tight layer would change nearly every step.
        assertThat(layers).isBetween(2, 12);
        Figure3.Data d = vm.dataProperty().get();
        vm.settle();
        assertThat(vm.landscapeProperty().get().grid().window()).isEqualTo(Figure3ViewModel.layerWindow(d));
    }

    @Test
    void jumpsBetweenTwoEndsComputeNothingAheadAndReuseTheirLayers() {
        Figure3ViewModel vm = started();
        vm.setAlphaExponent(-0.9);
        LandscapeLayer low = vm.landscapeProperty().get();
        vm.setAlphaExponent(0.9);
        LandscapeLayer high = vm.landscapeProperty().get();
        int kept = vm.keptLayers();
        for (int i = 1; i <= 8; i++) {
            // A lecturer toggling between two α, each a little further in: the same two landscapes, so the
            // view finds their charts drawn; nothing computed ahead of a jump (the next is not "like it").
            vm.setAlphaExponent(-0.9 + 0.01 * i);
            assertThat(vm.landscapeProperty().get()).as("jump %d down", i).isSameAs(low);
            vm.setAlphaExponent(0.9 - 0.01 * i);
            assertThat(vm.landscapeProperty().get()).as("jump %d up", i).isSameAs(high);
        }
        assertThat(vm.keptLayers()).isEqualTo(kept);
        assertThat(Figure3ViewModel.continues(new Window(1, 2, 1, 2), new Window(1.1, 2.2, 0.9, 1.9))).isTrue();
        assertThat(Figure3ViewModel.continues(new Window(1, 2, 1, 2), new Window(3.5, 9, 0.1, 0.4))).isFalse();
    }

    @Test
    void aNewLayerReachesAheadOnlyOnTheSidesThatMoveOutAndNotAcrossZero() {
        Window before = new Window(0.7, 10, 0.1, 1.3);
        Window now = new Window(0.69, 12, 0.05, 1.3);
        Window ahead = Figure3ViewModel.ahead(now, before, 0.5);
        double sa = now.a1() - now.a0();
        assertThat(ahead.a0()).isEqualTo(0.69); // moved by 0.01, under 2% of the span: margin drift
        assertThat(ahead.a1()).isCloseTo(12 + 0.5 * sa, within(1e-12));
        assertThat(ahead.b0()).isEqualTo(0); // 0.05 − 0.625 would cross 0
        assertThat(ahead.b1()).isEqualTo(1.3);
        assertThat(Figure3ViewModel.ahead(now, null, 0.5)).isEqualTo(now);
        Window two = Figure3ViewModel.extrapolate(now, before, 2);
        assertThat(new double[] {two.a0(), two.a1(), two.b0(), two.b1()})
                .containsExactly(new double[] {0.67, 16, -0.05, 1.3}, within(1e-12));
    }

    @Test
    void aMovingLayerStaysWhileItHoldsElseTheSmallestKeptOneThatDoes() {
        Window boxes = new Window(1, 3, 1, 2);
        assertThat(Figure3ViewModel.holds(new Window(0, 5, 0.5, 3), boxes)).isTrue();
        assertThat(Figure3ViewModel.holds(new Window(0, 5.1, 0.5, 3), boxes)).isFalse(); // 5.1 > 2.5 × 2
        assertThat(Figure3ViewModel.holds(new Window(1.1, 3, 1, 2), boxes)).isFalse();
        Window current = new Window(0.5, 4, 0.5, 2.5);
        assertThat(Figure3ViewModel.movingWindow(boxes, null, current, java.util.List.of())).isSameAs(current);
        Window small = new Window(0.9, 3.5, 0.9, 2.1);
        Window large = new Window(0, 5, 0, 3);
        assertThat(Figure3ViewModel.movingWindow(boxes, null, new Window(2, 3, 1, 2),
                java.util.List.of(large, small, new Window(0, 2, 0, 2)))).isSameAs(small);
        // None kept: the boxes' window on the ladder (nothing moved: no reach ahead).
        assertThat(Figure3ViewModel.movingWindow(boxes, null, null, java.util.List.of()))
                .isEqualTo(Figure3ViewModel.ladder(boxes));
    }
}
