package lab.sharpminima.ui.lab.bench;

import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.data.BuiltinDataset;
import lab.sharpminima.engine.train.TrainingListener;
import lab.sharpminima.engine.train.TrainingResult;
import lab.sharpminima.ui.BackgroundExecutor;
import lab.sharpminima.ui.lab.LabProblem;
import lab.sharpminima.ui.lab.LabViewModel;

/**
 * Issue 5, item 6: SGD steps per second for a 2-16-16-1 relu network at batch 32 (two moons, mse on the
 * 0/1 labels), first the bare {@code Trainer}, then through {@link LabViewModel} exactly as the view runs it:
 * training on its own thread, a "UI" thread pulling the newest snapshot 60 times a second, the 64×64
 * boundary grid and λ_max computed on a background pool and delivered to the UI thread.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:$(deps) lab.sharpminima.ui.lab.bench.LabBenchmark [epochs]}.
 * Prints one report; no JavaFX toolkit is needed (the properties are confined to the UI thread).
 */
public final class LabBenchmark {

    private LabBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        ScheduledExecutorService ui = Executors.newSingleThreadScheduledExecutor();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        BackgroundExecutor background = new BackgroundExecutor() {
            @Override
            public <T> void execute(Callable<T> work, Consumer<? super T> ok, Consumer<? super Throwable> bad) {
                pool.execute(() -> {
                    try {
                        T r = work.call();
                        ui.execute(() -> ok.accept(r));
                    } catch (java.util.concurrent.RejectedExecutionException late) {
                        return; // the benchmark has ended; λ values still in the queue are dropped
                    } catch (Exception e) {
                        ui.execute(() -> bad.accept(e));
                    }
                });
            }
        };
        LabViewModel vm = ui.submit(() -> {
            LabViewModel m = new LabViewModel(background, LabViewModel.daemonThreads());
            m.datasetProperty().set(BuiltinDataset.MOONS);
            m.nProperty().set(1250);
            m.lossProperty().set(LossKind.MSE);
            m.hiddenProperty().set("16,16");
            m.batchSizeProperty().set(32);
            m.learningRateProperty().set(0.05);
            m.epochsProperty().set(epochs);
            return m;
        }).get();
        LabProblem p = ui.submit(() -> vm.problemProperty().get()).get();
        long steps = (long) epochs * p.stepsPerEpoch();

        // Warm-up, then the bare trainer.
        p.trainer().train(p.theta0(), TrainingListener.NONE);
        long t0 = System.nanoTime();
        TrainingResult bare = p.trainer().train(p.theta0(), TrainingListener.NONE);
        double bareSeconds = (System.nanoTime() - t0) * 1e-9;

        AtomicLong pulses = new AtomicLong();
        AtomicLong frames = new AtomicLong();
        ui.submit(() -> vm.frameProperty().addListener((o, a, b) -> frames.incrementAndGet())).get();
        long t1 = System.nanoTime();
        ui.submit(vm::start).get();
        ui.scheduleAtFixedRate(() -> {
            pulses.incrementAndGet();
            vm.pull();
        }, 0, 16_667, TimeUnit.MICROSECONDS);
        while (ui.submit(() -> vm.stateProperty().get() != LabViewModel.State.FINISHED).get()) {
            Thread.sleep(5);
        }
        double uiSeconds = (System.nanoTime() - t1) * 1e-9;
        double vmRate = ui.submit(() -> vm.stepsPerSecondProperty().get()).get();
        double lastLoss = ui.submit(() -> vm.trainLossProperty().get()).get();
        int lambdas = ui.submit(() -> vm.lambdas().size()).get();
        ui.shutdownNow();
        pool.shutdownNow();

        System.out.printf(Locale.ROOT, "lab benchmark %s, %d cores, %s%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "network %s, two moons n=%d (train %d), mse, sgd eta=0.05, batch 32, "
                + "%d epochs x %d steps = %d steps%n", p.network().describe(), 1250, p.split().train().size(),
                epochs, p.stepsPerEpoch(), steps);
        System.out.printf(Locale.ROOT, "bare Trainer:          %.2f s, %,.0f steps/s, final loss %.6g%n",
                bareSeconds, steps / bareSeconds, bare.trainLoss());
        System.out.printf(Locale.ROOT, "through LabViewModel:  %.2f s wall, %,.0f steps/s (wall), %,.0f steps/s "
                + "(trainer clock, as the view shows), final loss %.6g%n", uiSeconds, steps / uiSeconds, vmRate, lastLoss);
        System.out.printf(Locale.ROOT, "while animating:       %d pulses (%.1f /s), %d boundary frames (%.1f /s), "
                + "%d lambda_max values%n", pulses.get(), pulses.get() / uiSeconds, frames.get(),
                frames.get() / uiSeconds, lambdas);
        System.out.printf(Locale.ROOT, "same theta: %s%n", bare.trainLoss() == lastLoss ? "yes (identical final loss)"
                : "NO");
        System.exit(0);
    }
}
