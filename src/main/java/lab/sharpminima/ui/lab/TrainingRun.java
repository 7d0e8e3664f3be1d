package lab.sharpminima.ui.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import lab.sharpminima.engine.train.Trainer;
import lab.sharpminima.engine.train.TrainingProgress;
import lab.sharpminima.engine.train.TrainingResult;

/**
 * One training run on its own thread, publishing snapshots without ever waiting for the reader:
 * the trainer's listener stores the latest {@link TrainingProgress} in an atomic reference and
 * appends (epoch, train loss, test loss) to a lock-free queue; the UI takes both once per pulse.
 *
 * <p>Pause and step are a gate in the listener: after reporting epoch e the training thread parks
 * while e ≥ the allowed epoch. Since the whole run is one {@link Trainer#train} call, pausing and
 * stepping change nothing in the arithmetic: θ after N epochs is bit for bit that of an uninterrupted
 * run with the same seed (the trainer's determinism contract).
 */
public final class TrainingRun {

    /** One point of the loss curves; {@code test} is NaN without a test set. */
    public record LossPoint(int epoch, double train, double test) {
    }

    private final Trainer trainer;
    private final double[] theta0;
    private final AtomicReference<TrainingProgress> latest = new AtomicReference<>();
    private final Queue<LossPoint> points = new ConcurrentLinkedQueue<>();
    private final Queue<TrainingProgress> kept = new ConcurrentLinkedQueue<>();
    private final int keepEvery;
    private final Object gate = new Object();
    private long allowedEpoch;
    private int parkedAt = -1;
    private volatile boolean stopped;
    private volatile TrainingResult result;
    private volatile Throwable failure;

    /**
     * @param allowedEpoch the run parks after reporting this epoch (Long.MAX_VALUE: run to the end)
     * @param keepEvery    every this many epochs (and at the last) the snapshot is also kept for {@link #drainKept}
     */
    public TrainingRun(Trainer trainer, double[] theta0, long allowedEpoch, int keepEvery) {
        this.keepEvery = Math.max(1, keepEvery);
        this.trainer = trainer;
        this.theta0 = theta0.clone();
        this.allowedEpoch = allowedEpoch;
    }

    /** Starts training on {@code executor} (a thread of its own in the app). */
    public void start(Executor executor) {
        executor.execute(() -> {
            try {
                result = trainer.train(theta0, this::report);
            } catch (RuntimeException | OutOfMemoryError e) {
                failure = e;
            }
        });
    }

    private void report(TrainingProgress p) {
        // Points and kept snapshots first, then the latest: a reader that sees epoch e in latest() finds
        // every point up to e in the queues.
        points.add(new LossPoint(p.epoch(), p.trainLoss(), p.testLoss().orElse(Double.NaN)));
        if (p.epoch() % keepEvery == 0 || p.epoch() == p.epochs()) {
            kept.add(p);
        }
        latest.set(p);
        if (p.epoch() >= p.epochs()) {
            return;
        }
        synchronized (gate) {
            try {
                while (!stopped && p.epoch() >= allowedEpoch) {
                    parkedAt = p.epoch();
                    gate.wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the trainer sees it and cancels
            } finally {
                parkedAt = -1;
            }
        }
    }

    /** Lets the run go on until it has reported {@code epoch} (Long.MAX_VALUE: to the end). */
    public void allowUntil(long epoch) {
        synchronized (gate) {
            allowedEpoch = epoch;
            gate.notifyAll();
        }
    }

    /** The run parks at its next report. */
    public void pause() {
        allowUntil(0);
    }

    /** One more epoch past the latest report, then park. */
    public void step() {
        TrainingProgress p = latest.get();
        allowUntil(p == null ? 1 : p.epoch() + 1L);
    }

    /** Cancels the run and releases a parked trainer; it finishes with StopReason.CANCELLED. */
    public void stop() {
        stopped = true;
        trainer.cancel();
        synchronized (gate) {
            gate.notifyAll();
        }
    }

    /** The epoch the trainer is parked at, or −1 while it trains (or has finished). */
    public int parkedAt() {
        synchronized (gate) {
            return parkedAt;
        }
    }

    /** The newest snapshot, or {@code null} before the first report. */
    public TrainingProgress latest() {
        return latest.get();
    }

    /**
     * Removes and returns the loss points reported since the last call; called after {@link #latest()},
     * it includes the latest's point.
     */
    public List<LossPoint> drain() {
        List<LossPoint> out = new ArrayList<>();
        for (LossPoint p; (p = points.poll()) != null; ) {
            out.add(p);
        }
        return out;
    }

    /** Removes and returns the kept snapshots (every k-th epoch) reported since the last call. */
    public List<TrainingProgress> drainKept() {
        List<TrainingProgress> out = new ArrayList<>();
        for (TrainingProgress p; (p = kept.poll()) != null; ) {
            out.add(p);
        }
        return out;
    }

    /** The outcome once {@link Trainer#train} has returned, else {@code null}. */
    public TrainingResult result() {
        return result;
    }

    /** What the training thread threw, if it did. */
    public Throwable failure() {
        return failure;
    }
}
