package lab.sharpminima.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Model;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.data.BuiltinDatasets;
import lab.sharpminima.engine.data.Targets;
import lab.sharpminima.engine.io.ModelFiles;
import lab.sharpminima.engine.train.Initializer;
import lab.sharpminima.ui.FxBackgroundExecutor;
import lab.sharpminima.ui.MainViewModel;
import lab.sharpminima.ui.SharpMinimaApp;
import lab.sharpminima.ui.TransformState;
import lab.sharpminima.ui.figure1.Figure1View;
import lab.sharpminima.ui.figure1.Figure1ViewModel;
import lab.sharpminima.ui.figure2.Figure2View;
import lab.sharpminima.ui.figure2.Figure2ViewModel;
import lab.sharpminima.ui.figure3.Figure3View;
import lab.sharpminima.ui.figure3.Figure3ViewModel;
import lab.sharpminima.ui.figure4.Figure4View;
import lab.sharpminima.ui.figure4.Figure4ViewModel;
import lab.sharpminima.ui.figure5.Figure5View;
import lab.sharpminima.ui.figure5.Figure5ViewModel;
import lab.sharpminima.ui.spectrum.SpectrumView;
import lab.sharpminima.ui.spectrum.SpectrumViewModel;

/**
 * Slider-to-frame latency of each view in a real window (run under Xvfb, or any display): for each
 * view, its main slider is set N times; the clock runs from {@code slider.setValue} on the FX thread
 * to the end of the first pulse (a post-layout pulse listener) after the view's result property
 * changed: the pulse in which the view's AnimationTimer draws the new overlay/chart (Figures 3 and 5, which
 * draw off the FX thread: the pulse in which the frame showing the step's data is swapped in, their
 * {@code shownDataProperty}). A lag probe
 * (a runnable posted every millisecond from another thread, timed until it runs) gives the FX
 * thread's longest busy stretch (wall clock: on a loaded machine it includes waiting for a core). The
 * FX thread's CPU time from the step's {@code setValue} to its frame (ThreadMXBean: listeners, result
 * callbacks, the views' drawing and layout, not the render thread) is the FX work per step, not
 * inflated by the machine's load; its p95 over the steps is printed.
 * Prints median / p95 / max per view. "Figure 3 drag" moves α in small steps (a slow drag over 0.4 of
 * the range) instead of jumps between the ends; "Figure 3 keys" by the arrow keys' step (the slider's
 * block increment, 0.1 in log₁₀ α), eight up, eight down, a quarter second apart. {@code -Dsml.bench.only=TEXT} runs only the views whose name
 * contains TEXT; {@code -Dsml.bench.snapshots=DIR} writes each view's last frame to DIR as PNG. Figures 2–4 use the presets'
 * 256×256 landscape grids; the Spectrum runs on a generated 1-20-12-1 ReLU model (n = 305). The column
 * "→result p50" is the median time from setValue to the view's result (background work and hand-over).
 * {@code -Dsml.bench.phases=true} also splits the time after the result into the wait for the next
 * pulse, the pulse's animation timers (the views' drawing) and its CSS and layout passes (it keeps an
 * AnimationTimer running to stamp each pulse's start); {@code -Dsml.bench.traceLayout=true} prints every
 * node that asks for a layout during the steps ({@code -Dsml.bench.traceStack=REGEX}: with the stack of
 * those whose class name matches), to find what makes a step re-lay out a whole column.
 *
 * <p>Usage (see bench/README.md): {@code java -cp target/test-classes:target/sharp-minima-lab.jar
 * lab.sharpminima.bench.UiLatencyBench [steps]}.
 */
public final class UiLatencyBench {

    /** How the main slider moves: jumps between the range's ends, a slow drag, or arrow keys. */
    private enum Moves { JUMPS, DRAG, KEYS }

    /**
     * DRAG: small monotone steps (a slider dragged slowly); KEYS: the slider's block increment up
     * eight times, then down eight times, and so on (the arrow keys).
     */
    private record ViewCase(String name, Supplier<Built> build, Moves moves) {
        ViewCase(String name, Supplier<Built> build) {
            this(name, build, Moves.JUMPS);
        }
    }

    private record Built(Parent root, String sliderId, ObservableValue<?> result, Runnable prepare) {
    }

    private static final java.util.concurrent.atomic.AtomicInteger TRACE = new java.util.concurrent.atomic.AtomicInteger(-100000);
    /** Unmeasured steps before the measured ones ({@code -Dsml.bench.warmup}, default 30). */
    private static final int WARM_UP = Integer.getInteger("sml.bench.warmup", 30);
    /**
     * Milliseconds the view is left idle after the warm-up steps, before the measured ones
     * ({@code -Dsml.bench.settle}, default 3000; 0 measures a view whose idle work has not run).
     */
    private static final long SETTLE_MS = Long.getLong("sml.bench.settle", 3000);
    /** The random part of the pause between steps (seeded: runs are repeatable in their schedule). */
    private static final java.util.SplittableRandom PHASE = new java.util.SplittableRandom(2017);
    private static final AtomicLong MAX_LAG = new AtomicLong();
    /** The longest stretch of wall time in which the FX thread ran on a CPU all along (see {@link #cpuProbe}). */
    private static final AtomicLong MAX_RUN = new AtomicLong();
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    /** The FX thread's CPU time at the step's setValue and at its frame (FX thread only). */
    private static long stepCpu;
    private static long frameCpu;
    /** When the step's result reached the view (its result property changed), System.nanoTime(). */
    private static long deliveredAt;
    private static volatile long pulseStart;
    private static long preLayoutAt;
    private static final List<long[]> PHASES = new ArrayList<>();

    private UiLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Platform.setImplicitExit(false);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        if (Boolean.getBoolean("sml.bench.phases")) {
            onFx(() -> new javafx.animation.AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulseStart = System.nanoTime();
                }
            }.start());
        }
        Path model = spectrumModel();
        FxBackgroundExecutor executor = new FxBackgroundExecutor();
        List<ViewCase> cases = List.of(
                new ViewCase("Figure 1 (θ)", () -> {
                    Figure1ViewModel vm = new Figure1ViewModel(executor);
                    return new Built(new Figure1View(vm).root(), "#figure1-theta", vm.overlayProperty(), null);
                }),
                new ViewCase("Figure 2 (α, 256×256)", () -> {
                    Figure2ViewModel vm = new Figure2ViewModel(executor);
                    return new Built(new Figure2View(vm).root(), "#figure2-alpha", vm.overlayProperty(), null);
                }),
                new ViewCase("Figure 3 (α, 256×256)", () -> {
                    Figure3ViewModel vm = new Figure3ViewModel(executor);
                    Figure3View view = new Figure3View(vm);
                    return new Built(view.root(), "#figure3-alpha", view.shownDataProperty(), null);
                }),
                new ViewCase("Figure 3 drag (α, 256×256)", () -> {
                    Figure3ViewModel vm = new Figure3ViewModel(executor);
                    Figure3View view = new Figure3View(vm);
                    return new Built(view.root(), "#figure3-alpha", view.shownDataProperty(), null);
                }, Moves.DRAG),
                new ViewCase("Figure 3 keys (α, 256×256)", () -> {
                    Figure3ViewModel vm = new Figure3ViewModel(executor);
                    Figure3View view = new Figure3View(vm);
                    return new Built(view.root(), "#figure3-alpha", view.shownDataProperty(), null);
                }, Moves.KEYS),
                new ViewCase("Figure 4 (ε, 256×256)", () -> {
                    Figure4ViewModel vm = new Figure4ViewModel(executor);
                    return new Built(new Figure4View(vm).root(), "#figure4-epsilon", vm.dataProperty(), null);
                }),
                new ViewCase("Figure 5 (θ̂₁)", () -> {
                    Figure5ViewModel vm = new Figure5ViewModel(executor);
                    Figure5View view = new Figure5View(vm);
                    return new Built(view.root(), "#figure5-centre1", view.shownDataProperty(), null);
                }),
                new ViewCase("Spectrum (α₁, n = 305)", () -> {
                    MainViewModel main = new MainViewModel(executor);
                    TransformState transform = new TransformState(main);
                    SpectrumViewModel vm = new SpectrumViewModel(executor, transform);
                    return new Built(new SpectrumView(vm).root(), "#spectrum-alpha-1", vm.resultProperty(),
                            () -> main.openModel(model));
                }));
        // -Dsml.bench.noprobe=true: no lag probe (its runnable every millisecond costs the FX thread CPU too).
        Thread probe = Boolean.getBoolean("sml.bench.noprobe") ? new Thread(() -> { }) : lagProbe();
        Thread cpuProbe = Boolean.getBoolean("sml.bench.noprobe") ? new Thread(() -> { })
                : cpuProbe(onFxGet(() -> Thread.currentThread().getId()));
        System.out.printf(Locale.ROOT, "%-26s %8s %8s %8s   %12s   %10s   %13s   %12s%n", "view", "median", "p95", "max",
                "FX CPU p95", "→result p50", "FX busy max", "FX run max");
        String only = System.getProperty("sml.bench.only", "");
        for (ViewCase c : cases) {
            if (c.name().contains(only)) {
                run(c, steps);
            }
        }
        probe.interrupt();
        cpuProbe.interrupt();
        executor.shutdown();
        Platform.exit();
    }

    /** A 1-20-12-1 ReLU net with biases on 64 sine samples (1-D input), He-initialised: n = 40 + 252 + 13 = 305. */
    private static Path spectrumModel() throws Exception {
        Network net = Network.mlp(new int[] {1, 20, 12, 1}, Activation.RELU, true);
        Model m = new Model(net, Initializer.he(net, 7), LossKind.MSE, BuiltinDatasets.sine(64, 0.05, 7), null,
                java.util.Map.of());
        Path file = Files.createTempFile("sml-bench-", ".json");
        file.toFile().deleteOnExit();
        ModelFiles.write(m, file);
        return file;
    }

    /**
     * Reads the FX thread's CPU time about every half millisecond; a run is a stretch of consecutive
     * readings in which it ran at least 80 % of the wall time between them, and the longest run is the
     * FX thread's longest stretch of work. Unlike the lag probe ("FX busy max", the longest wait of a
     * runnable posted to it), it does not count the time the FX thread, or the probe's own thread,
     * waits for a CPU while other threads (the background computations, the render thread) hold both
     * cores, nor a pulse that waits for the render thread.
     */
    private static Thread cpuProbe(long fxThread) {
        Thread t = new Thread(() -> {
            long lastWall = System.nanoTime();
            long lastCpu = CPU.getThreadCpuTime(fxThread);
            long runStart = -1;
            while (!Thread.currentThread().isInterrupted()) {
                java.util.concurrent.locks.LockSupport.parkNanos(500_000);
                long wall = System.nanoTime();
                long cpu = CPU.getThreadCpuTime(fxThread);
                boolean running = cpu - lastCpu >= 0.8 * (wall - lastWall);
                if (running) {
                    runStart = runStart < 0 ? lastWall : runStart;
                    MAX_RUN.accumulateAndGet(wall - runStart, Math::max);
                } else {
                    runStart = -1;
                }
                lastWall = wall;
                lastCpu = cpu;
            }
        }, "cpu-probe");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Posts a timed runnable every millisecond; the longest wait is the FX thread's longest busy stretch. */
    private static Thread lagProbe() {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long posted = System.nanoTime();
                CountDownLatch ran = new CountDownLatch(1);
                Platform.runLater(() -> {
                    MAX_LAG.accumulateAndGet(System.nanoTime() - posted, Math::max);
                    ran.countDown();
                });
                try {
                    ran.await();
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "lag-probe");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void run(ViewCase c, int steps) throws Exception {
        Stage[] stage = new Stage[1];
        Built[] built = new Built[1];
        long[] frameAt = new long[1];
        boolean[] delivered = new boolean[1];
        CountDownLatch[] frame = new CountDownLatch[1];
        onFx(() -> {
            built[0] = c.build().get();
            Scene scene = new Scene(built[0].root(), 1200, 800);
            scene.getStylesheets().add(SharpMinimaApp.stylesheet());
            stage[0] = new Stage();
            stage[0].setScene(scene);
            stage[0].show();
            built[0].result().addListener((obs, old, v) -> {
                delivered[0] = true;
                deliveredAt = System.nanoTime();
            });
            scene.addPreLayoutPulseListener(() -> preLayoutAt = System.nanoTime());
            scene.addPostLayoutPulseListener(() -> {
                if (delivered[0] && frame[0] != null) {
                    long now = System.nanoTime();
                    PHASES.add(new long[] {pulseStart - deliveredAt, preLayoutAt - pulseStart, now - preLayoutAt});
                    frameCpu = CPU.getCurrentThreadCpuTime();
                    delivered[0] = false;
                    frameAt[0] = System.nanoTime();
                    frame[0].countDown();
                }
            });
            if (built[0].prepare() != null) {
                built[0].prepare().run();
            }
        });
        // Warm-up: wait for the first result (landscape, model, spectrum) and a few more seconds of JIT.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // Ready: a first result, and every chart viewer showing a chart (Figure 3 shows its boxes before
        // its first landscape's chart is built in the background).
        while (System.nanoTime() < deadline && !onFxGet(() -> built[0].result().getValue() != null
                && stage[0].getScene().getRoot().lookupAll("*").stream()
                .filter(n -> n instanceof org.jfree.chart.fx.ChartViewer)
                .allMatch(n -> ((org.jfree.chart.fx.ChartViewer) n).getChart() != null))) {
            Thread.sleep(50);
        }
        Slider slider = onFxGet(() -> (Slider) stage[0].getScene().lookup(built[0].sliderId()));
        if (Boolean.getBoolean("sml.bench.traceLayout")) {
            onFx(() -> stage[0].getScene().getRoot().lookupAll("*").forEach(n -> {
                if (n instanceof Parent p) {
                    p.needsLayoutProperty().addListener((o, was, now) -> {
                        if (now && TRACE.getAndIncrement() < 400) {
                            System.out.println("needsLayout " + p.getClass().getSimpleName() + " #" + p.getId() + " " + p.getStyleClass());
                            if (p.getClass().getSimpleName().matches(System.getProperty("sml.bench.traceStack", "-"))) {
                                new Throwable().printStackTrace(System.out);
                            }
                        }
                    });
                }
            }));
        }
        // Warm-up, not measured: WARM_UP steps over the range, so that the first view measured does not carry
        // the JIT's compilation of the layout, drawing and engine code the later views find compiled.
        for (int i = 0; i < WARM_UP; i++) {
            step(slider, frame, frameAt, (i + 0.5) / WARM_UP, 10);
            Thread.sleep(20);
        }
        step(slider, frame, frameAt, 0.5, 10); // the middle: the arrow keys' case has room both ways
        // Idle, as a user looking at the view before moving its slider: the views' idle work (JIT warm-up
        // drawings, frames drawn ahead) runs now, as it would in use.
        Thread.sleep(SETTLE_MS);
        MAX_LAG.set(0);
        MAX_RUN.set(0);
        TRACE.set(0);
        long[] latency = new long[steps];
        long[] work = new long[steps];
        long[] toResult = new long[steps];
        int done = 0;
        List<Integer> missed = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            // Alternating ends of the range, never the previous value: (i + ½)/N and 1 − (i + ¼)/N never coincide.
            double u = c.moves() == Moves.DRAG ? 0.3 + 0.4 * (i + 1) / steps
                    : i % 2 == 0 ? (i + 0.5) / steps : 1 - (i + 0.25) / steps;
            boolean up = (i / 8) % 2 == 0;
            long t = c.moves() == Moves.KEYS ? step(slider, frame, frameAt, up ? slider::increment : slider::decrement, 5)
                    : step(slider, frame, frameAt, u, 5);
            if (t >= 0) {
                work[done] = frameCpu - stepCpu;
                toResult[done] = t - (frameAt[0] - deliveredAt);
                latency[done++] = t;
            } else {
                missed.add(i);
            }
            // Arrow keys: a lecturer's presses, a quarter second apart (time to draw the next frames ahead).
            // Otherwise a pause of 30 ms plus a random part of one pulse period (16.7 ms at 60 Hz): a user's
            // slider events come at any phase of the pulse clock, and a fixed pause would lock each step to the
            // same phase (a fixed 30 ms after a frame is just after the next-but-one pulse began: the worst wait).
            long pause = c.moves() == Moves.KEYS ? 250_000_000L : 30_000_000L;
            java.util.concurrent.locks.LockSupport.parkNanos(pause + (long) (PHASE.nextDouble() * 16_666_667L));
        }
        long lag = MAX_LAG.get();
        long run = MAX_RUN.get();
        if (Boolean.getBoolean("sml.bench.phases")) {
            // Where the time after the result goes: waiting for the pulse, the views' timers (drawing), CSS + layout.
            StringBuilder line = new StringBuilder("    after the result, p50/p95:");
            String[] names = {"wait for pulse", "timers (drawing)", "CSS + layout"};
            for (int k = 0; k < 3; k++) {
                final int kk = k;
                long[] ph = PHASES.stream().skip(Math.max(0, PHASES.size() - done)).mapToLong(a -> a[kk]).sorted().toArray();
                line.append(String.format(Locale.ROOT, "  %s %s / %s", names[k], ms(ph, 0.5), ms(ph, 0.95)));
            }
            System.out.println(line);
        }
        long[] l = Arrays.copyOf(latency, done);
        Arrays.sort(l);
        long[] w = Arrays.copyOf(work, done);
        Arrays.sort(w);
        long[] r = Arrays.copyOf(toResult, done);
        Arrays.sort(r);
        System.out.printf(Locale.ROOT, "%-26s %8s %8s %8s   %12s   %10s   %10.1f ms   %9.1f ms%s%n", c.name(), ms(l, 0.5),
                ms(l, 0.95), ms(l, 1.0), ms(w, 0.95), ms(r, 0.5), lag / 1e6, run / 1e6,
                missed.isEmpty() ? "" : "   (no frame within 5 s at steps " + missed + ")");
        String snapshots = System.getProperty("sml.bench.snapshots");
        if (snapshots != null) {
            // A look at the last frame: the view after the steps (checks that in-place updates draw right).
            Thread.sleep(500);
            java.awt.image.BufferedImage img = onFxGet(() -> javafx.embed.swing.SwingFXUtils.fromFXImage(
                    stage[0].getScene().snapshot(null), null));
            javax.imageio.ImageIO.write(img, "png", Path.of(snapshots, c.name().replaceAll("[^A-Za-z0-9]+", "-")
                    + ".png").toFile());
        }
        onFx(() -> stage[0].close());
    }

    /** Sets the slider to the fraction u of its range; returns the nanoseconds to the frame, or -1. */
    private static long step(Slider slider, CountDownLatch[] frame, long[] frameAt, double u, int timeoutSeconds)
            throws Exception {
        return step(slider, frame, frameAt, () -> slider.setValue(slider.getMin() + u * (slider.getMax() - slider.getMin())),
                timeoutSeconds);
    }

    /** Moves the slider by move (on the FX thread); returns the nanoseconds to the frame, or -1. */
    private static long step(Slider slider, CountDownLatch[] frame, long[] frameAt, Runnable move, int timeoutSeconds)
            throws Exception {
        long[] start = new long[1];
        CountDownLatch latch = new CountDownLatch(1);
        onFx(() -> {
            frame[0] = latch;
            stepCpu = CPU.getCurrentThreadCpuTime();
            start[0] = System.nanoTime();
            move.run();
        });
        if (!latch.await(timeoutSeconds, TimeUnit.SECONDS)) {
            return -1;
        }
        return frameAt[0] - start[0];
    }

    private static String ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return "—";
        }
        int i = Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1);
        return String.format(Locale.ROOT, "%.1f ms", sorted[Math.max(0, i)] / 1e6);
    }

    private static void onFx(Runnable r) throws Exception {
        onFxGet(() -> {
            r.run();
            return null;
        });
    }

    private static <T> T onFxGet(Supplier<T> s) throws Exception {
        List<T> out = new ArrayList<>(1);
        List<Throwable> error = new ArrayList<>(1);
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                out.add(s.get());
            } catch (Throwable e) {
                error.add(e);
            } finally {
                done.countDown();
            }
        });
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the FX thread did not answer within 60 s");
        }
        if (!error.isEmpty()) {
            throw new IllegalStateException(error.get(0));
        }
        return out.get(0);
    }
}
