package lab.sharpminima.ui;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import lab.sharpminima.figure.GuidedPath;

/**
 * Where the guided tour through {@link GuidedPath} stands: a step index, −1 while the tour is not
 * running. Commands only move the index; the main window listens to {@link #currentProperty()} to
 * select the step's tab and apply its preset. Holds no node, so it is tested without a stage.
 */
public final class GuidedTour {

    private final List<GuidedPath.Step> steps;
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", -1);
    private final ObjectBinding<GuidedPath.Step> current;
    private final BooleanBinding active;

    public GuidedTour(List<GuidedPath.Step> steps) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a guided tour needs at least one step");
        }
        this.steps = List.copyOf(steps);
        this.current = Bindings.createObjectBinding(() -> index.get() < 0 ? null : this.steps.get(index.get()), index);
        this.active = index.greaterThanOrEqualTo(0);
    }

    /** The paper's path, {@link GuidedPath#steps()}. */
    public GuidedTour() {
        this(GuidedPath.steps());
    }

    public List<GuidedPath.Step> steps() {
        return steps;
    }

    /** Goes to the first step (also when the tour is already running). */
    public void start() {
        index.set(0);
    }

    /** The next step; past the last one the tour ends. Does nothing while the tour is not running. */
    public void next() {
        if (isActive()) {
            index.set(index.get() + 1 < steps.size() ? index.get() + 1 : -1);
        }
    }

    /** The previous step; stays on the first. Does nothing while the tour is not running. */
    public void previous() {
        if (index.get() > 0) {
            index.set(index.get() - 1);
        }
    }

    /** Ends the tour. */
    public void stop() {
        index.set(-1);
    }

    public boolean isActive() {
        return active.get();
    }

    public BooleanBinding activeProperty() {
        return active;
    }

    /** The step index, 0-based; −1 while the tour is not running. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    /** The step shown, or {@code null} while the tour is not running. */
    public ObjectBinding<GuidedPath.Step> currentProperty() {
        return current;
    }

    /** True on the last step, where "Next" ends the tour. */
    public boolean isLast() {
        return index.get() == steps.size() - 1;
    }
}
