package lab.sharpminima.ui.lab;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.data.BuiltinDataset;
import lab.sharpminima.engine.train.OptimizerKind;
import lab.sharpminima.engine.train.TrainingConfig;
import lab.sharpminima.engine.train.TrainingProgress;
import lab.sharpminima.engine.train.TrainingResult;
import lab.sharpminima.ui.BackgroundExecutor;
import lab.sharpminima.ui.overlay.LatestRequest;

/**
 * State and commands of the Lab view, without nodes. Training runs in a {@link TrainingRun} on a thread
 * of its own; {@link #pull()} — called once per pulse by the view, or by a test — takes the run's newest
 * snapshot and loss points, so the UI never waits for training and training never waits for the UI.
 * The boundary grid and the T_α bridge are computed on the {@link BackgroundExecutor}, latest request
 * wins; λ_max of every {@link #lambdaEvery()}-th epoch's snapshot (kept by the run) is computed there too,
 * one after the other.
 *
 * <p>States: IDLE —start→ RUNNING —pause→ PAUSED —start→ RUNNING; IDLE/PAUSED —step→ PAUSED one epoch later;
 * RUNNING —(all epochs)→ FINISHED; any —reset→ IDLE.
 */
public final class LabViewModel {

    /** Where the run stands. */
    public enum State { IDLE, RUNNING, PAUSED, FINISHED }

    /** The current θ and the network's outputs on the boundary grid (null grid for > 2 inputs). */
    public record Frame(int epoch, double[] theta, BoundaryGrid grid) {
    }

    /** One λ_max(∇²L) value of the training loss. */
    public record LambdaPoint(int epoch, double lambdaMax) {
    }

    /**
     * What the bridge applies, captured on the FX thread when Apply is pressed; layer and unit 0-based.
     *
     * @param parameters the α_k (ALPHA), {c} (NEURON) or {α} (WEIGHT_NORM)
     */
    record BridgeRequest(double[] theta, Bridge.Mode mode, double[] parameters, int layer, int unit) {
    }

    /** Grid points per axis of the boundary heat map. */
    public static final int GRID = 64;

    private final BackgroundExecutor executor;
    private final Executor trainingThreads;

    private final ObjectProperty<BuiltinDataset> dataset = new SimpleObjectProperty<>(this, "dataset",
            BuiltinDataset.MOONS);
    private final ObjectProperty<Path> csv = new SimpleObjectProperty<>(this, "csv");
    private final IntegerProperty n = new SimpleIntegerProperty(this, "n", 200);
    private final DoubleProperty noise = new SimpleDoubleProperty(this, "noise", 0.1);
    private final StringProperty hidden = new SimpleStringProperty(this, "hidden", "16,16");
    private final ObjectProperty<Activation> activation = new SimpleObjectProperty<>(this, "activation",
            Activation.RELU);
    private final BooleanProperty bias = new SimpleBooleanProperty(this, "bias", true);
    private final ObjectProperty<LossKind> loss = new SimpleObjectProperty<>(this, "loss", LossKind.CROSS_ENTROPY);
    private final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>(this, "optimizer",
            OptimizerKind.SGD);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(this, "learningRate", 0.1);
    private final IntegerProperty batchSize = new SimpleIntegerProperty(this, "batchSize", 32);
    private final IntegerProperty epochs = new SimpleIntegerProperty(this, "epochs", 300);
    private final IntegerProperty seed = new SimpleIntegerProperty(this, "seed", 1);

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyObjectWrapper<LabProblem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyObjectWrapper<Frame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ReadOnlyIntegerWrapper epoch = new ReadOnlyIntegerWrapper(this, "epoch");
    private final ReadOnlyDoubleWrapper trainLoss = new ReadOnlyDoubleWrapper(this, "trainLoss", Double.NaN);
    private final ReadOnlyDoubleWrapper testLoss = new ReadOnlyDoubleWrapper(this, "testLoss", Double.NaN);
    private final ReadOnlyDoubleWrapper stepsPerSecond = new ReadOnlyDoubleWrapper(this, "stepsPerSecond",
            Double.NaN);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObservableList<TrainingRun.LossPoint> history = FXCollections.observableArrayList();
    private final ObservableList<LambdaPoint> lambdas = FXCollections.observableArrayList();
    private final ObservableList<TrainingRun.LossPoint> historyView = FXCollections.unmodifiableObservableList(history);
    private final ObservableList<LambdaPoint> lambdasView = FXCollections.unmodifiableObservableList(lambdas);
    private final ReadOnlyObjectWrapper<Bridge.Result> bridge = new ReadOnlyObjectWrapper<>(this, "bridge");
    private final ReadOnlyIntegerWrapper exponentsRevision = new ReadOnlyIntegerWrapper(this, "exponentsRevision");
    private final ObjectProperty<Bridge.Mode> bridgeMode = new SimpleObjectProperty<>(this, "bridgeMode",
            Bridge.Mode.ALPHA);
    private final IntegerProperty neuronLayer = new SimpleIntegerProperty(this, "neuronLayer", 1);
    private final IntegerProperty neuronUnit = new SimpleIntegerProperty(this, "neuronUnit", 1);
    private final DoubleProperty neuronLog10C = new SimpleDoubleProperty(this, "neuronLog10C", 0);
    private final DoubleProperty weightNormLog10Alpha = new SimpleDoubleProperty(this, "weightNormLog10Alpha", 0);

    private final LatestRequest<TrainingProgress, Frame> frames;
    private final java.util.ArrayDeque<TrainingProgress> lambdaQueue = new java.util.ArrayDeque<>();
    private boolean lambdaInFlight;
    private long lambdaGeneration;
    private final LatestRequest<BridgeRequest, Bridge.Result> bridgeRequests;
    private TrainingRun run;
    private TrainingProgress seen;
    private LossFunction trainFunction;
    private double[] window;
    private double[] exponents = new double[0];
    private final List<double[]> trajectory = new java.util.ArrayList<>();
    private final LandscapeViewModel landscape;
    private final ExperimentViewModel experiment;

    /**
     * @param executor        for the boundary grid, λ_max and the bridge (its callbacks own the state)
     * @param trainingThreads runs each training run (a new daemon thread in the app)
     */
    public LabViewModel(BackgroundExecutor executor, Executor trainingThreads) {
        this(executor, trainingThreads, lab.sharpminima.experiment.BatchSizeExperiment.Settings::defaults);
    }

    /** @param experimentSettings the small- vs large-batch experiment's settings for a seed */
    public LabViewModel(BackgroundExecutor executor, Executor trainingThreads,
                        java.util.function.LongFunction<lab.sharpminima.experiment.BatchSizeExperiment.Settings>
                                experimentSettings) {
        this.executor = executor;
        this.trainingThreads = trainingThreads;
        this.frames = new LatestRequest<>(executor, this::computeFrame, frame::set, this::failed);
        this.bridgeRequests = new LatestRequest<>(executor, this::computeBridge, this::bridgeArrived, this::failed);
        dataset.addListener((obs, old, d) -> {
            if (d != null) {
                csv.set(null);
                n.set(d.defaultSize());
                noise.set(d.defaultNoise());
                loss.set(d.defaultLoss());
            }
        });
        for (javafx.beans.Observable o : List.of(dataset, csv, n, noise, hidden, activation, bias, loss, optimizer,
                learningRate, batchSize, epochs, seed)) {
            o.addListener(x -> {
                if (state.get() == State.IDLE) {
                    reset();
                }
            });
        }
        this.landscape = new LandscapeViewModel(executor, this);
        this.experiment = new ExperimentViewModel(executor, this, experimentSettings);
        reset();
    }

    /** The app's training threads: one new daemon thread per run. */
    public static Executor daemonThreads() {
        return r -> {
            Thread t = new Thread(r, "sml-lab-training");
            t.setDaemon(true);
            t.start();
        };
    }

    // ---- commands ----

    /** Starts a new run (IDLE, FINISHED) or resumes a paused one. */
    public void start() {
        if (state.get() == State.PAUSED && run != null) {
            bridge.set(null);
            run.allowUntil(Long.MAX_VALUE);
            state.set(State.RUNNING);
            message.set("training");
        } else if (state.get() == State.IDLE || state.get() == State.FINISHED) {
            launch(Long.MAX_VALUE, State.RUNNING);
        }
    }

    /** Parks the run at its next epoch boundary. */
    public void pause() {
        if (state.get() == State.RUNNING) {
            run.pause();
            state.set(State.PAUSED);
            message.set("pausing at the end of the epoch");
        }
    }

    /** One more epoch: from IDLE a new run that parks after epoch 1; while running, the same as pause. */
    public void step() {
        switch (state.get()) {
            case IDLE -> launch(1, State.PAUSED);
            case PAUSED -> {
                bridge.set(null);
                run.step();
            }
            case RUNNING -> pause();
            default -> { }
        }
    }

    /** A bridge result for a network the run was since reset away from (other widths) is dropped. */
    private void bridgeArrived(Bridge.Result r) {
        LabProblem p = problemProperty().get();
        if (r == null || (p != null && r.after().theta().length == p.network().parameterCount())) {
            bridge.set(r);
        }
    }

    /** Stops any run, clears the curves and shows the starting θ of the current settings. */
    public void reset() {
        if (run != null) {
            run.stop();
            run = null;
        }
        seen = null;
        history.clear();
        trajectory.clear();
        lambdas.clear();
        lambdaQueue.clear();
        lambdaGeneration++;
        lambdaInFlight = false;
        bridge.set(null);
        epoch.set(0);
        trainLoss.set(Double.NaN);
        testLoss.set(Double.NaN);
        stepsPerSecond.set(Double.NaN);
        state.set(State.IDLE);
        LabProblem p = buildProblem();
        if (p != null) {
            frame.set(computeFrame(new TrainingProgress(0, p.config().epochs(), Double.NaN,
                    java.util.OptionalDouble.empty(), 0, p.theta0())));
            message.set("ready: " + p.network().describe() + ", " + p.split().train().size() + " training and "
                    + (p.split().test() == null ? 0 : p.split().test().size()) + " test points");
        }
    }

    /** Sets log₁₀ α_k of a free layer k (all but the last; the last makes ∏ α = 1). */
    public void setExponent(int k, double e) {
        if (k >= 0 && k < exponents.length && exponents[k] != e) {
            exponents[k] = e;
            exponentsRevision.set(exponentsRevision.get() + 1);
        }
    }

    public double exponent(int k) {
        return exponents[k];
    }

    /** log₁₀ α_k for every layer, the last one −∑ of the others. */
    public double[] exponents() {
        double[] all = Arrays.copyOf(exponents, exponents.length + 1);
        all[exponents.length] = -Arrays.stream(exponents).sum();
        return all;
    }

    /**
     * Applies the chosen transformation ({@link #bridgeModeProperty()}) to the trained θ (paused or finished)
     * and computes both sides of the bridge.
     */
    public void applyTransform() {
        double[] theta = currentTheta();
        Bridge.Mode mode = bridgeMode.get();
        String name = mode == Bridge.Mode.ALPHA ? "T_α" : mode == Bridge.Mode.NEURON ? "the neuron scaling"
                : "T'_α";
        if (state.get() == State.RUNNING || theta == null) {
            message.set("pause or finish training first: " + name + " acts on a fixed θ");
            return;
        }
        LabProblem p = problem.get();
        if (mode == Bridge.Mode.NEURON && p.network().depth() < 2) {
            message.set("hidden: one neuron needs a hidden layer; enter widths such as 16,16");
            return;
        }
        if (mode != Bridge.Mode.WEIGHT_NORM && !p.network().isNonNegativeHomogeneous()) {
            message.set("activation: " + name + " keeps f only for relu, leaky relu or linear units; tanh changes f");
        }
        bridgeRequests.submit(request(theta, mode, p));
    }

    private BridgeRequest request(double[] theta, Bridge.Mode mode, LabProblem p) {
        return switch (mode) {
            case ALPHA -> new BridgeRequest(theta, mode, Bridge.alphas(exponents.clone()), 0, 0);
            case NEURON -> {
                int layer = clamp(neuronLayer.get(), 1, p.network().depth() - 1) - 1;
                int unit = clamp(neuronUnit.get(), 1, p.network().layer(layer).out()) - 1;
                yield new BridgeRequest(theta, mode, new double[] {Math.pow(10, neuronLog10C.get())}, layer, unit);
            }
            case WEIGHT_NORM -> new BridgeRequest(theta, mode,
                    new double[] {Math.pow(10, weightNormLog10Alpha.get())}, 0, 0);
        };
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** The number of units of hidden layer {@code layer} (1-based), 1 without a problem or such a layer. */
    public int hiddenUnits(int layer) {
        LabProblem p = problem.get();
        return p == null || layer < 1 || layer >= p.network().depth() ? 1 : p.network().layer(layer - 1).out();
    }

    /** The number of hidden layers, at least 1 (for the layer spinner's bound). */
    public int hiddenLayers() {
        LabProblem p = problem.get();
        return p == null ? 1 : Math.max(1, p.network().depth() - 1);
    }

    /** Takes the run's newest snapshot and loss points; once per pulse. Returns whether anything changed. */
    public boolean pull() {
        if (run == null) {
            return false;
        }
        TrainingResult result = run.result();
        TrainingProgress p = run.latest();
        List<TrainingRun.LossPoint> points = run.drain();
        history.addAll(points);
        for (TrainingProgress k : run.drainKept()) {
            trajectory.add(k.theta());
            queueLambda(k);
        }
        boolean changed = !points.isEmpty();
        if (p != null && p != seen) {
            seen = p;
            changed = true;
            show(p);
        }
        if (run.failure() != null) {
            message.set("training failed: " + run.failure().getMessage());
            state.set(State.FINISHED);
        } else if (result != null && state.get() != State.FINISHED) {
            state.set(State.FINISHED);
            message.set(result.message());
        } else if (state.get() == State.PAUSED && run.parkedAt() >= 0) {
            message.set("paused after epoch " + run.parkedAt());
        }
        return changed;
    }

    private void show(TrainingProgress p) {
        epoch.set(p.epoch());
        trainLoss.set(p.trainLoss());
        testLoss.set(p.testLoss().orElse(Double.NaN));
        if (p.elapsedNanos() > 0 && p.epoch() > 0) {
            stepsPerSecond.set(p.epoch() * (double) problem.get().stepsPerEpoch() / (p.elapsedNanos() * 1e-9));
        }
        frames.submit(p);
    }

    /**
     * λ_max snapshots are queued, not coalesced: every k-th epoch gets its value, computed one at a time
     * in the background, even if the run finishes long before the curve catches up.
     */
    private void queueLambda(TrainingProgress p) {
        if (p == null || !lambdas.isEmpty() && lambdas.get(lambdas.size() - 1).epoch() >= p.epoch()
                || lambdaQueue.stream().anyMatch(q -> q.epoch() == p.epoch())) {
            return;
        }
        lambdaQueue.add(p);
        nextLambda();
    }

    private void nextLambda() {
        if (lambdaInFlight || lambdaQueue.isEmpty()) {
            return;
        }
        TrainingProgress p = lambdaQueue.poll();
        long generation = lambdaGeneration;
        lambdaInFlight = true;
        executor.execute(() -> computeLambda(p), l -> lambdaDone(generation, l), t -> {
            lambdaDone(generation, null);
            failed(t);
        });
    }

    private void lambdaDone(long generation, LambdaPoint l) {
        lambdaInFlight = false;
        if (generation == lambdaGeneration) {
            if (l != null) {
                addLambda(l);
            }
            nextLambda();
        }
    }

    // ---- background work ----

    private void launch(long allowed, State next) {
        reset();
        LabProblem p = problem.get();
        if (p == null) {
            return;
        }
        run = new TrainingRun(p.trainer(), p.theta0(), allowed, lambdaEvery());
        state.set(next);
        message.set("training");
        run.start(trainingThreads);
    }

    private LabProblem buildProblem() {
        try {
            TrainingConfig config = new TrainingConfig(optimizer.get(), learningRate.get(), batchSize.get(),
                    epochs.get(), seed.get());
            LabProblem p = LabProblem.of(new LabProblem.Settings(dataset.get(), csv.get(), n.get(), noise.get(),
                    hidden.get(), activation.get(), bias.get(), loss.get(), config));
            problem.set(p);
            trainFunction = new LossFunction(p.network(), p.loss(), p.split().train());
            window = BoundaryGrid.drawable(p.network().inputs()) ? BoundaryGrid.window(p.split().train()) : null;
            if (exponents.length != p.network().depth() - 1) {
                exponents = new double[p.network().depth() - 1];
                exponentsRevision.set(exponentsRevision.get() + 1);
            }
            return p;
        } catch (IllegalArgumentException e) {
            problem.set(null);
            frame.set(null);
            message.set(e.getMessage());
            return null;
        }
    }

    private Frame computeFrame(TrainingProgress p) {
        LabProblem lp = problem.get();
        BoundaryGrid g = window == null ? null : BoundaryGrid.compute(lp.network(), p.theta(), window, GRID);
        return new Frame(p.epoch(), p.theta(), g);
    }

    private LambdaPoint computeLambda(TrainingProgress p) {
        return new LambdaPoint(p.epoch(), Bridge.lambdaMax(trainFunction, p.theta()));
    }

    private void addLambda(LambdaPoint l) {
        if (lambdas.isEmpty() || lambdas.get(lambdas.size() - 1).epoch() < l.epoch()) {
            lambdas.add(l);
        }
    }

    private Bridge.Result computeBridge(BridgeRequest r) {
        LabProblem p = problem.get();
        return switch (r.mode()) {
            case ALPHA -> Bridge.compare(p, r.theta(), r.parameters(), window, GRID);
            case NEURON -> Bridge.compareNeuron(p, r.theta(), r.layer(), r.unit(), r.parameters()[0], window, GRID);
            case WEIGHT_NORM -> Bridge.compareWeightNorm(p, r.theta(), r.parameters()[0], window, GRID);
        };
    }

    private void failed(Throwable t) {
        message.set("error: " + t.getMessage());
    }

    /** λ_max is computed every this many epochs: max(1, epochs / 100). */
    public int lambdaEvery() {
        return Math.max(1, epochs.get() / 100);
    }

    /** 2/η, the edge of stability of gradient descent (Cohen et al. 2021). */
    public double edgeOfStability() {
        return 2 / learningRate.get();
    }

    // ---- properties ----

    public ObjectProperty<BuiltinDataset> datasetProperty() {
        return dataset;
    }

    public ObjectProperty<Path> csvProperty() {
        return csv;
    }

    public IntegerProperty nProperty() {
        return n;
    }

    public DoubleProperty noiseProperty() {
        return noise;
    }

    public StringProperty hiddenProperty() {
        return hidden;
    }

    public ObjectProperty<Activation> activationProperty() {
        return activation;
    }

    public BooleanProperty biasProperty() {
        return bias;
    }

    public ObjectProperty<LossKind> lossProperty() {
        return loss;
    }

    public ObjectProperty<OptimizerKind> optimizerProperty() {
        return optimizer;
    }

    public DoubleProperty learningRateProperty() {
        return learningRate;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LabProblem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Frame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty epochProperty() {
        return epoch.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty trainLossProperty() {
        return trainLoss.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty testLossProperty() {
        return testLoss.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty stepsPerSecondProperty() {
        return stepsPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The loss curves' points, epoch by epoch (read-only). */
    public ObservableList<TrainingRun.LossPoint> history() {
        return historyView;
    }

    /** λ_max over training (read-only). */
    public ObservableList<LambdaPoint> lambdas() {
        return lambdasView;
    }

    public ReadOnlyObjectProperty<Bridge.Result> bridgeProperty() {
        return bridge.getReadOnlyProperty();
    }

    /** The bridge's transformation: T_α, one neuron or weight normalisation. */
    public ObjectProperty<Bridge.Mode> bridgeModeProperty() {
        return bridgeMode;
    }

    /** The hidden layer of the one-neuron mode, counted from 1 (clamped to the network on apply). */
    public IntegerProperty neuronLayerProperty() {
        return neuronLayer;
    }

    /** The unit of the one-neuron mode, counted from 1 (clamped to the layer on apply). */
    public IntegerProperty neuronUnitProperty() {
        return neuronUnit;
    }

    /** log₁₀ c of the one-neuron mode. */
    public DoubleProperty neuronLog10CProperty() {
        return neuronLog10C;
    }

    /** log₁₀ α of T'_α: v ↦ αv in the weight-normalisation mode. */
    public DoubleProperty weightNormLog10AlphaProperty() {
        return weightNormLog10Alpha;
    }

    /** Changes when the number of α sliders or their values change. */
    public ReadOnlyIntegerProperty exponentsRevisionProperty() {
        return exponentsRevision.getReadOnlyProperty();
    }

    /**
     * θ of the newest snapshot taken by {@link #pull()} (the epoch the readouts show), or θ₀ before the first;
     * null without a problem. The frame's θ may lag one boundary computation behind it.
     */
    public double[] currentTheta() {
        return seen != null ? seen.theta() : problem.get() == null ? null : problem.get().theta0();
    }

    /** The epoch of {@link #currentTheta()}. */
    public int currentEpoch() {
        return seen != null ? seen.epoch() : 0;
    }

    /** θ of every {@link #lambdaEvery()}-th epoch so far (and the last), oldest first (read-only). */
    public List<double[]> trajectory() {
        return java.util.Collections.unmodifiableList(trajectory);
    }

    /** The Landscape panel's state. */
    public LandscapeViewModel landscape() {
        return landscape;
    }

    /** The small- vs large-batch experiment's state. */
    public ExperimentViewModel experiment() {
        return experiment;
    }

    /** The run in progress, or null (for tests and the benchmark). */
    TrainingRun run() {
        return run;
    }
}
