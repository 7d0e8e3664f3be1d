package lab.sharpminima.ui.lab;

import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.landscape.Directions;
import lab.sharpminima.landscape.Interpolation;
import lab.sharpminima.ui.BackgroundExecutor;
import lab.sharpminima.ui.overlay.LatestRequest;

/**
 * The Landscape panel's state, without nodes: slices through the Lab's current θ (paused or finished),
 * the same slice at T_α θ once the bridge has been applied (Dinh et al. 2017, Definition 5: the function
 * stays, the slice need not), and the interpolation between two saved minima (Keskar et al. 2017, Figure 3).
 * Each computation runs on the {@link BackgroundExecutor}, latest request wins, stale results dropped.
 */
public final class LandscapeViewModel {

    /** The interpolation curve's nodes over t ∈ [−0.5, 1.5]. */
    public static final int INTERPOLATION_STEPS = 81;

    private final LabViewModel lab;
    private final ObjectProperty<Directions.Kind> kind = new SimpleObjectProperty<>(this, "kind",
            Directions.Kind.FILTER);
    private final ObjectProperty<LandscapeSlice.Projection> projection = new SimpleObjectProperty<>(this,
            "projection", LandscapeSlice.Projection.CHOSEN);
    private final DoubleProperty range = new SimpleDoubleProperty(this, "range", 1.0);
    private final IntegerProperty steps = new SimpleIntegerProperty(this, "steps", 41);
    private final ReadOnlyObjectWrapper<LandscapeSlice> slice = new ReadOnlyObjectWrapper<>(this, "slice");
    private final ReadOnlyObjectWrapper<LandscapeSlice> sliceAfter = new ReadOnlyObjectWrapper<>(this, "sliceAfter");
    private final ReadOnlyObjectWrapper<double[]> minimumA = new ReadOnlyObjectWrapper<>(this, "minimumA");
    private final ReadOnlyObjectWrapper<double[]> minimumB = new ReadOnlyObjectWrapper<>(this, "minimumB");
    private final ReadOnlyObjectWrapper<Interpolation> interpolation = new ReadOnlyObjectWrapper<>(this,
            "interpolation");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message",
            "pause or finish training, then compute a slice");
    private final LatestRequest<LandscapeSlice.Request, LandscapeSlice> slices;
    private final LatestRequest<AfterRequest, LandscapeSlice> afterSlices;
    private final LatestRequest<InterpolationRequest, Interpolation> interpolations;

    /** What the worker needs, captured on the UI thread: it never reads a property. */
    private record AfterRequest(LandscapeSlice base, double[] theta) {
    }

    private record InterpolationRequest(LabProblem problem, double[] a, double[] b) {
    }

    private int pending;

    LandscapeViewModel(BackgroundExecutor executor, LabViewModel lab) {
        this.lab = lab;
        this.slices = new LatestRequest<>(executor, r -> LandscapeSlice.compute(r), this::sliceDone, this::failed);
        this.afterSlices = new LatestRequest<>(executor, r -> r.base().at(r.theta()), this::afterDone,
                this::failed);
        this.interpolations = new LatestRequest<>(executor, LandscapeViewModel::computeInterpolation,
                this::interpolationDone,
                this::failed);
        // Every request ends once: delivered, failed or dropped as stale.
        for (LatestRequest<?, ?> q : List.of(slices, afterSlices, interpolations)) {
            q.droppedProperty().addListener((o, was, now) -> {
                for (long i = was.longValue(); i < now.longValue(); i++) {
                    done();
                }
            });
        }
        lab.problemProperty().addListener((o, old, p) -> clear(old, p));
        lab.bridgeProperty().addListener((o, old, b) -> {
            sliceAfter.set(null);
            if (b != null && slice.get() != null) {
                submitAfter(b.after().theta());
            }
        });
        for (javafx.beans.Observable x : List.of(kind, projection, range, steps)) {
            x.addListener(any -> {
                if (slice.get() != null) {
                    compute();
                }
            });
        }
    }

    // ---- commands ----

    /** Slices through the current θ (the run must be paused or finished); the trajectory so far is projected. */
    public void compute() {
        double[] theta = lab.currentTheta();
        LabProblem p = lab.problemProperty().get();
        if (theta == null || p == null || lab.stateProperty().get() == LabViewModel.State.RUNNING) {
            message.set("pause or finish training first: the slice is taken through a fixed θ");
            return;
        }
        if (range.get() <= 0 || !Double.isFinite(range.get()) || steps.get() < 2 || steps.get() > 201) {
            message.set("range must be > 0 and steps 2 … 201");
            return;
        }
        List<double[]> path = List.copyOf(lab.trajectory());
        pending++;
        busy.set(true);
        message.set("computing a " + steps.get() + " × " + steps.get() + " slice");
        slices.submit(new LandscapeSlice.Request(p, theta.clone(), path, kind.get(), lab.seedProperty().get(),
                range.get(), steps.get(), projection.get()));
    }

    /** Saves the current θ as minimum A (of the interpolation). */
    public void saveA() {
        save(minimumA);
    }

    /** Saves the current θ as minimum B. */
    public void saveB() {
        save(minimumB);
    }

    private void save(ReadOnlyObjectWrapper<double[]> target) {
        double[] theta = lab.currentTheta();
        if (theta == null || lab.stateProperty().get() == LabViewModel.State.RUNNING) {
            message.set("pause or finish training first: a minimum is a fixed θ");
            return;
        }
        target.set(theta.clone());
        message.set("saved θ of epoch " + lab.currentEpoch() + " as minimum " + (target == minimumA ? "A" : "B"));
        if (minimumA.get() != null && minimumB.get() != null) {
            pending++;
            busy.set(true);
            interpolations.submit(new InterpolationRequest(lab.problemProperty().get(), minimumA.get(),
                    minimumB.get()));
        }
    }

    // ---- background work and results ----

    private void submitAfter(double[] theta) {
        pending++;
        busy.set(true);
        afterSlices.submit(new AfterRequest(slice.get(), theta.clone()));
    }

    private static Interpolation computeInterpolation(InterpolationRequest r) {
        LabProblem p = r.problem();
        LossFunction train = new LossFunction(p.network(), p.loss(), p.split().train());
        LossFunction test = p.split().test() == null ? null : new LossFunction(p.network(), p.loss(), p.split().test());
        return Interpolation.between(train, test, r.a(), r.b(), Interpolation.DEFAULT_FROM, Interpolation.DEFAULT_TO,
                INTERPOLATION_STEPS);
    }

    private void sliceDone(LandscapeSlice s) {
        done();
        slice.set(s);
        sliceAfter.set(null);
        message.set(describe(s));
        Bridge.Result b = lab.bridgeProperty().get();
        if (b != null && java.util.Arrays.equals(b.before().theta(), s.request().theta())) {
            submitAfter(b.after().theta());
        }
    }

    private void afterDone(LandscapeSlice s) {
        done();
        if (slice.get() != null) {
            sliceAfter.set(s);
        }
    }

    private void interpolationDone(Interpolation i) {
        done();
        interpolation.set(i);
    }

    private void done() {
        pending = Math.max(0, pending - 1);
        busy.set(pending > 0);
    }

    private void failed(Throwable t) {
        done();
        message.set("error: " + t.getMessage());
    }

    /**
     * A new problem clears the slices; the saved minima stay while the network is the same, so that a run
     * with a small batch and one with a large batch can be compared (Keskar et al.'s figure).
     */
    private void clear(LabProblem old, LabProblem now) {
        slice.set(null);
        sliceAfter.set(null);
        if (old == null || now == null || !old.network().describe().equals(now.network().describe())) {
            minimumA.set(null);
            minimumB.set(null);
            interpolation.set(null);
        }
    }

    /** The readout: the loss at θ and the range of the slice. */
    static String describe(LandscapeSlice s) {
        var g = s.plane().grid();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : g.rows()) {
            for (double v : row) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        String dirs = s.request().projection() == LandscapeSlice.Projection.PCA && s.pathA().length > 0
                ? "PCA of the trajectory" : s.request().kind().id() + " directions";
        return String.format(java.util.Locale.ROOT, "%s: L from %.4g to %.4g over the %d × %d grid", dirs, lo, hi,
                g.steps(), g.steps());
    }

    // ---- properties ----

    public ObjectProperty<Directions.Kind> kindProperty() {
        return kind;
    }

    public ObjectProperty<LandscapeSlice.Projection> projectionProperty() {
        return projection;
    }

    public DoubleProperty rangeProperty() {
        return range;
    }

    public IntegerProperty stepsProperty() {
        return steps;
    }

    public ReadOnlyObjectProperty<LandscapeSlice> sliceProperty() {
        return slice.getReadOnlyProperty();
    }

    /** The same slice at the bridge's θ′ (T_α θ or one unit rescaled), after it was applied to the sliced θ; else null. */
    public ReadOnlyObjectProperty<LandscapeSlice> sliceAfterProperty() {
        return sliceAfter.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<double[]> minimumAProperty() {
        return minimumA.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<double[]> minimumBProperty() {
        return minimumB.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Interpolation> interpolationProperty() {
        return interpolation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
