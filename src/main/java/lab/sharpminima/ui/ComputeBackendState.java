package lab.sharpminima.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lab.sharpminima.compute.Backend;
import lab.sharpminima.compute.CpuBackend;
import lab.sharpminima.compute.Precision;
import lab.sharpminima.gpu.Backends;
import lab.sharpminima.gpu.OpenClDevice;

/**
 * The compute backend the views' batched work runs on (issue 6: "the UI shows the backend in use and
 * lets the user switch"): the Java CPU reference, or one OpenCL device in double precision (single
 * precision with {@link #fp32Property()}, or when the device has no {@code cl_khr_fp64}).
 *
 * <p>The devices are listed in the background once. Choosing a device builds its programs and runs
 * its smoke check ({@link Backends#select}) in the background; only a device that agrees with the CPU
 * becomes {@link #backendProperty()}. A failure leaves the backend in use as it was and sets
 * {@link #noteProperty()} to the one-line reason (cleared when the next choice starts). A backend that
 * passed is kept for the session, so switching back is immediate and nothing is closed while a view's
 * background work may still use it; {@link #close()} frees them all. Confined to the FX thread (or the
 * test's thread with {@link SameThreadExecutor}).
 */
public final class ComputeBackendState implements AutoCloseable {

    /** A menu entry: its label, and its word for {@link Backends#select} (without the -fp32 suffix). */
    public record Choice(String label, String word) {
        /** The Java reference backend. */
        public static final Choice JAVA = new Choice("Java (CPU)", "cpu");

        boolean isJava() {
            return word.equals(JAVA.word);
        }
    }

    private final BackgroundExecutor executor;
    private final Function<String, Backends.Selection> selector;
    private final ObservableList<Choice> choices = FXCollections.observableArrayList(Choice.JAVA);
    private final ObservableList<Choice> readOnlyChoices = FXCollections.unmodifiableObservableList(choices);
    private final ReadOnlyObjectWrapper<Backend> backend = new ReadOnlyObjectWrapper<>(this, "backend");
    private final ReadOnlyObjectWrapper<Choice> current = new ReadOnlyObjectWrapper<>(this, "current", Choice.JAVA);
    private final BooleanProperty fp32 = new SimpleBooleanProperty(this, "fp32");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note");
    private final ReadOnlyBooleanWrapper switching = new ReadOnlyBooleanWrapper(this, "switching");
    private final Map<String, Backend> opened = new HashMap<>();
    private long generation;

    /** The real devices ({@link Backends#devices()}, none when there is no OpenCL loader). */
    public ComputeBackendState(BackgroundExecutor executor) {
        this(executor, Backends::select, ComputeBackendState::listDevices);
    }

    /** With a stand-in for device listing and selection (tests). */
    ComputeBackendState(BackgroundExecutor executor, Function<String, Backends.Selection> selector,
                        Supplier<List<Choice>> devices) {
        this.executor = executor;
        this.selector = selector;
        CpuBackend cpu = CpuBackend.defaults();
        opened.put(Choice.JAVA.word(), cpu);
        backend.set(cpu);
        description.set(describe(Choice.JAVA, cpu));
        executor.execute(devices::get, choices::addAll, failure -> { });
        fp32.addListener((obs, old, single) -> {
            if (!current.get().isJava()) {
                select(current.get());
            }
        });
    }

    /** One choice per OpenCL device, "OpenCL: name (GPU|CPU)", word "opencl:K"; empty without OpenCL. */
    static List<Choice> listDevices() {
        List<OpenClDevice> devices;
        try {
            devices = Backends.devices();
        } catch (Throwable e) { // UnsatisfiedLinkError or CLException: no OpenCL here, Java only.
            return List.of();
        }
        java.util.ArrayList<Choice> out = new java.util.ArrayList<>();
        for (int k = 0; k < devices.size(); k++) {
            OpenClDevice d = devices.get(k);
            out.add(new Choice("OpenCL: " + d.name() + " (" + (d.gpu() ? "GPU" : "CPU") + ")", "opencl:" + k));
        }
        return out;
    }

    /**
     * Makes {@code choice} the backend in use: at once for Java or a device already checked, else after
     * its smoke check in the background. A newer choice made meanwhile wins.
     */
    public void select(Choice choice) {
        long gen = ++generation;
        note.set(null);
        String word = choice.isJava() ? choice.word() : choice.word() + (fp32.get() ? "-fp32" : "");
        Backend known = opened.get(word);
        if (known != null) {
            switching.set(false);
            use(choice, known);
            return;
        }
        switching.set(true);
        description.set("Compute: checking " + choice.label() + "…");
        executor.execute(() -> selector.apply(word), selection -> {
            boolean passed = selection.note() == null;
            if (passed) {
                opened.put(word, selection.backend());
            } else {
                selection.backend().close();
            }
            if (gen != generation) {
                return;
            }
            switching.set(false);
            if (passed) {
                use(choice, selection.backend());
            } else {
                refuse(selection.note());
            }
        }, failure -> {
            if (gen == generation) {
                switching.set(false);
                refuse("note: " + choice.label() + " failed (" + failure.getClass().getSimpleName() + ": "
                        + failure.getMessage() + ")");
            }
        });
    }

    private void use(Choice choice, Backend b) {
        current.set(choice);
        backend.set(b);
        description.set(describe(choice, b));
    }

    /** The backend in use stays; the note says why the choice was refused. */
    private void refuse(String why) {
        description.set(describe(current.get(), backend.get()));
        note.set(why.lines().findFirst().orElse(why).replaceFirst("^note: ", ""));
    }

    private static String describe(Choice choice, Backend b) {
        if (choice.isJava()) {
            return "Compute: Java (CPU)";
        }
        return "Compute: " + choice.label() + ", " + (b.precision() == Precision.DOUBLE ? "fp64" : "fp32");
    }

    /** Java first, then one entry per OpenCL device once they are listed. */
    public ObservableList<Choice> choices() {
        return readOnlyChoices;
    }

    /** The backend in use: never null; the Java CPU backend at start. */
    public ReadOnlyObjectProperty<Backend> backendProperty() {
        return backend.getReadOnlyProperty();
    }

    /** The backend in use, for background work started now. */
    public Backend backend() {
        return backend.get();
    }

    /** The choice behind {@link #backendProperty()} (not the one being checked). */
    public ReadOnlyObjectProperty<Choice> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Whether an OpenCL device is run in single precision; changing it re-selects the device in use. */
    public BooleanProperty fp32Property() {
        return fp32;
    }

    /** For the status bar: "Compute: Java (CPU)", "Compute: OpenCL: … (GPU), fp64" or "…checking…". */
    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    /** Why the last choice was refused, one line, or null. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** Whether a device's smoke check is running. */
    public ReadOnlyBooleanProperty switchingProperty() {
        return switching.getReadOnlyProperty();
    }

    /** Frees every backend opened; the state must not be used afterwards. */
    @Override
    public void close() {
        opened.values().forEach(Backend::close);
        opened.clear();
    }
}
