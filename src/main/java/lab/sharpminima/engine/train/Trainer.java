package lab.sharpminima.engine.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.data.Permutations;

/**
 * Trains a network by minibatch first-order steps: each epoch shuffles the training rows (seeded, see
 * below) and steps through them in batches of {@link TrainingConfig#effectiveBatch} rows (the last
 * batch may be smaller), each gradient the exact backpropagation gradient of the batch's mean loss
 * ({@link LossFunction#gradient}), or from the {@link MinibatchGradient} given to the constructor (a
 * batched backend: the same quantity, summed in another order). Full-batch runs ({@code gd}, batch 0 or
 * ≥ N) do not shuffle.
 *
 * <p>Determinism: the shuffles come from one {@code new Random(config.seed())} for the whole run, each
 * epoch reshuffling the previous order; nothing else is random, so the same config and starting θ give
 * the same θ bit for bit.
 *
 * <p>Divergence: a NaN or infinite batch loss, gradient or updated θ stops the run and restores the
 * last parameters at which the loss and gradient were finite (with minibatches, finite on the batch
 * seen there). Cancellation ({@link #cancel()} from any thread, or interrupting the training thread) is
 * checked before every step. A trainer is for one run: once cancelled it stays cancelled.
 */
public final class Trainer {

    private final Network net;
    private final LossKind kind;
    private final Dataset train;
    private final TrainingConfig config;
    private final LossFunction trainLoss;
    private final LossFunction testLoss;
    private final MinibatchGradient gradients;
    private volatile boolean cancelRequested;

    /**
     * @param test held-out data for the reported test loss, or {@code null}; never used for steps
     */
    public Trainer(Network net, LossKind kind, Dataset train, Dataset test, TrainingConfig config) {
        this(net, kind, train, test, config, null);
    }

    /**
     * @param test      held-out data for the reported test loss, or {@code null}; never used for steps
     * @param gradients each step's loss and gradient on rows of {@code train}, or {@code null} for
     *                  {@link LossFunction#gradient} on the batch (the reported losses stay
     *                  {@link LossFunction#value} either way)
     */
    public Trainer(Network net, LossKind kind, Dataset train, Dataset test, TrainingConfig config,
                   MinibatchGradient gradients) {
        this.net = net;
        this.kind = kind;
        this.train = train;
        this.config = config;
        this.trainLoss = new LossFunction(net, kind, train);
        this.testLoss = test == null || test.size() == 0 ? null : new LossFunction(net, kind, test);
        this.gradients = gradients != null ? gradients : this::engineGradient;
    }

    /** The default: the exact gradient of the batch's mean loss by the engine's backpropagation. */
    private double engineGradient(double[] theta, int[] rows, int from, int to, double[] grad) {
        LossFunction f = to - from == train.size() ? trainLoss
                : new LossFunction(net, kind, train.rows(Arrays.copyOfRange(rows, from, to)));
        return f.gradient(theta, grad);
    }

    /** Asks the run to stop before its next step; safe from any thread. */
    public void cancel() {
        cancelRequested = true;
    }

    /** Trains from {@code theta0} (not modified), reporting to {@code listener}. */
    public TrainingResult train(double[] theta0, TrainingListener listener) {
        if (theta0.length != net.parameterCount()) {
            throw new IllegalArgumentException("θ has " + theta0.length + " entries, the network needs "
                    + net.parameterCount());
        }
        Run run = new Run(theta0, listener);
        double loss0 = run.evaluate();
        if (!Double.isFinite(loss0)) {
            return run.finish(StopReason.DIVERGED, "the loss is " + describe(loss0)
                    + " at the starting parameters; check the data and the initialisation");
        }
        run.record(0, loss0);
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            String stop = run.epoch(epoch);
            if (stop != null) {
                return run.finish(run.stopReason, stop);
            }
            double loss = run.evaluate();
            if (!Double.isFinite(loss)) {
                run.restore();
                return run.finish(StopReason.DIVERGED, "loss became " + describe(loss) + " at the end of epoch "
                        + epoch + "; kept the last finite parameters — lower the learning rate");
            }
            run.record(epoch, loss);
        }
        return run.finish(StopReason.COMPLETED, "completed " + config.epochs() + " epochs");
    }

    private boolean isCancelled() {
        return cancelRequested || Thread.currentThread().isInterrupted();
    }

    private static String describe(double v) {
        return Double.isNaN(v) ? "NaN" : "infinite";
    }

    private static boolean allFinite(double[] a) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** The mutable state of one run. */
    private final class Run {
        final long start = System.nanoTime();
        final TrainingListener listener;
        final double[] theta;
        final double[] lastGood;
        final double[] grad;
        final Optimizer optimizer = config.optimizer().create(config.learningRate());
        final Random rnd = new Random(config.seed());
        final int n = train.size();
        final int batch = config.effectiveBatch(n);
        final int[] order = new int[n];
        final List<Double> trainHistory = new ArrayList<>();
        final List<Double> testHistory = new ArrayList<>();
        int epochsCompleted;
        StopReason stopReason;
        /** Full batch only: {@code grad} already holds ∇L(θ) from the last {@link #evaluate}. */
        boolean gradientReady;
        double readyLoss;

        Run(double[] theta0, TrainingListener listener) {
            this.listener = listener;
            this.theta = theta0.clone();
            this.lastGood = theta0.clone();
            this.grad = new double[theta0.length];
            Arrays.setAll(order, i -> i);
        }

        /** One pass over the data; returns {@code null}, or the message of why the run stops. */
        String epoch(int epoch) {
            if (batch < n) {
                Permutations.shuffle(order, rnd);
            }
            for (int from = 0, step = 1; from < n; from += batch, step++) {
                if (isCancelled()) {
                    stopReason = StopReason.CANCELLED;
                    return "cancelled at epoch " + epoch + ", step " + step + " after " + epochsCompleted
                            + " complete epochs";
                }
                String diverged = step(from, "at epoch " + epoch + ", step " + step);
                if (diverged != null) {
                    stopReason = StopReason.DIVERGED;
                    return diverged + "; kept the last finite parameters — lower the learning rate";
                }
            }
            return null;
        }

        /**
         * L(θ) on the whole training set for the progress report. With full batches the gradient
         * comes from the same forward pass and is kept for the next step, so an epoch of gd costs one
         * forward and one backward pass, not two forwards.
         */
        double evaluate() {
            if (batch < n) {
                return trainLoss.value(theta);
            }
            readyLoss = gradients.lossAndGradient(theta, order, 0, n, grad);
            gradientReady = true;
            return readyLoss;
        }

        /** One update on rows order[from …]; returns {@code null} or what diverged. */
        String step(int from, String where) {
            double loss;
            if (gradientReady) {
                loss = readyLoss;
                gradientReady = false;
            } else {
                loss = gradients.lossAndGradient(theta, order, from, Math.min(n, from + batch), grad);
            }
            if (!Double.isFinite(loss)) {
                restore();
                return "loss became " + describe(loss) + " " + where;
            }
            if (!allFinite(grad)) {
                restore();
                return "gradient became non-finite " + where;
            }
            System.arraycopy(theta, 0, lastGood, 0, theta.length);
            optimizer.step(theta, grad);
            if (!allFinite(theta)) {
                restore();
                return "parameters overflowed " + where;
            }
            return null;
        }

        void restore() {
            System.arraycopy(lastGood, 0, theta, 0, theta.length);
        }

        void record(int epoch, double loss) {
            epochsCompleted = epoch;
            trainHistory.add(loss);
            OptionalDouble test = testLoss();
            test.ifPresent(testHistory::add);
            listener.onProgress(new TrainingProgress(epoch, config.epochs(), loss, test,
                    System.nanoTime() - start, theta.clone()));
        }

        OptionalDouble testLoss() {
            return testLoss == null ? OptionalDouble.empty() : OptionalDouble.of(testLoss.value(theta));
        }

        TrainingResult finish(StopReason reason, String message) {
            return new TrainingResult(theta.clone(), epochsCompleted, trainLoss.value(theta), testLoss(), reason,
                    message, trainHistory.stream().mapToDouble(Double::doubleValue).toArray(),
                    testHistory.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }
}
