package lab.sharpminima.ui;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import lab.sharpminima.engine.Model;
import lab.sharpminima.engine.io.ModelFiles;
import lab.sharpminima.engine.io.ModelFormatException;
import lab.sharpminima.ui.summary.ModelSummary;
import lab.sharpminima.ui.summary.Numbers;
import lab.sharpminima.ui.summary.Spectrum;

/**
 * State and commands of the main window: the loaded model, its summary and Hessian spectrum, the
 * status line and the last error. Holds no {@code Node}; everything changes through commands.
 *
 * <p>Opening runs in two background steps: read the file and compute the summary (one pass), then the
 * dense Hessian's eigenvalues (which may take seconds). Every command takes a new generation number;
 * a result that comes back for an older generation is dropped, so a slow load can never overwrite a
 * newer one. A file that cannot be opened leaves the loaded model as it was and sets
 * {@link #errorProperty()} to the one-line message (cleared when the next command starts, so that
 * the same error twice is two changes).
 *
 * <p>Confined to the FX thread (or the test's thread with {@link SameThreadExecutor}).
 */
public final class MainViewModel {

    private static final System.Logger LOG = System.getLogger(MainViewModel.class.getName());

    /** A model with its summary, the result of the first background step. */
    private record Loaded(Path path, Model model, ModelSummary summary) {
    }

    private final BackgroundExecutor executor;
    private final ReadOnlyObjectWrapper<Path> modelPath = new ReadOnlyObjectWrapper<>(this, "modelPath");
    private final ReadOnlyObjectWrapper<Model> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyObjectWrapper<ModelSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyObjectWrapper<Spectrum> spectrum = new ReadOnlyObjectWrapper<>(this, "spectrum");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Ready. Open a model file with File → Open model… (Ctrl+O).");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private long generation;
    private ComputeBackendState computeBackend;

    public MainViewModel(BackgroundExecutor executor) {
        this.executor = executor;
    }

    /** Reads {@code file}; on success it becomes the loaded model, on failure the old one stays. */
    public void openModel(Path file) {
        long gen = ++generation;
        String name = displayName(file);
        error.set(null);
        busy.set(true);
        status.set("Opening " + name + "…");
        executor.execute(() -> load(file), loaded -> {
            if (gen == generation) {
                accept(gen, loaded);
            }
        }, failure -> {
            if (gen == generation) {
                fail(openingError(name, failure));
            }
        });
    }

    /**
     * Makes an already-read model the loaded one, as if opened from {@code source} (a session's
     * embedded model; {@code source} may be {@code null}); its summary is computed in the background,
     * then {@code then} runs on this thread, unless a newer command came first.
     */
    public void openModel(Path source, Model m, Runnable then) {
        long gen = ++generation;
        String name = source == null ? "the session's model" : displayName(source);
        error.set(null);
        busy.set(true);
        status.set("Opening " + name + "…");
        executor.execute(() -> new Loaded(source, m, ModelSummary.of(name, m)), loaded -> {
            if (gen == generation) {
                accept(gen, loaded);
                then.run();
            }
        }, failure -> {
            if (gen == generation) {
                fail(openingError(name, failure));
            }
        });
    }

    /** Unloads the model (a session saved without one): the window is as at start. */
    public void closeModel() {
        ++generation;
        error.set(null);
        busy.set(false);
        modelPath.set(null);
        model.set(null);
        summary.set(null);
        spectrum.set(null);
    }

    /** Shows a message of another command (saving or opening a session) in the status line. */
    public void report(String message) {
        status.set(message);
    }

    private static Loaded load(Path file) throws ModelFormatException {
        Model m = ModelFiles.read(file);
        return new Loaded(file, m, ModelSummary.of(displayName(file), m));
    }

    private void accept(long gen, Loaded loaded) {
        modelPath.set(loaded.path());
        model.set(loaded.model());
        summary.set(loaded.summary());
        ModelSummary s = loaded.summary();
        String loss = s.trainLoss().isPresent() ? ", L(θ) = " + Numbers.format(s.trainLoss().getAsDouble()) : "";
        String opened = "Opened " + s.fileName() + ": n = " + s.n() + loss;
        if (!Spectrum.needsWork(loaded.model())) {
            spectrum.set(Spectrum.of(loaded.model()));
            finish(opened + ".");
            return;
        }
        spectrum.set(Spectrum.computing(s.n()));
        status.set(opened + "; computing the Hessian spectrum…");
        executor.execute(() -> Spectrum.of(loaded.model()), result -> {
            if (gen == generation) {
                spectrum.set(result);
                finish(opened + "; Hessian spectrum ready.");
            }
        }, failure -> {
            if (gen == generation) {
                String why = "Hessian spectrum failed: " + describe(failure);
                spectrum.set(Spectrum.failed(s.n(), why));
                fail(s.fileName() + ": " + why);
            }
        });
    }

    private void finish(String message) {
        busy.set(false);
        status.set(message);
    }

    private void fail(String message) {
        busy.set(false);
        status.set(message);
        error.set(message);
    }

    /** A format problem is the user's to fix and already one line; anything else is a bug, logged. */
    private static String openingError(String name, Throwable t) {
        if (t instanceof ModelFormatException) {
            return t.getMessage();
        }
        LOG.log(Level.ERROR, "unexpected failure opening " + name, t);
        return name + ": could not be opened (" + describe(t) + ")";
    }

    private static String describe(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "out of memory; start with a larger -Xmx or use the CLI";
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }

    private static String displayName(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    /**
     * Writes {@code figure} as it stands to {@code out} (.png at 2×, .svg or .pdf) in the background,
     * through the same chart builder as the view and the {@code render} command; the status bar says
     * where it went, or why not (the file is written atomically: nothing half-written is left).
     */
    public void exportFigure(ExportableFigure figure, Path out) {
        exportFigure(figure, out, 2);
    }

    /** {@link #exportFigure(ExportableFigure, Path)} with a PNG scale (1, 2 or 4; SVG and PDF ignore it). */
    public void exportFigure(ExportableFigure figure, Path out, int pngScale) {
        String name = displayName(out);
        ExportableFigure.Writer writer = figure.exportWriter();
        busy.set(true);
        status.set("Exporting " + figure.figureName() + " to " + name + "…");
        executor.execute(() -> {
            int scale = name.toLowerCase(java.util.Locale.ROOT).endsWith(".png") ? pngScale : 1;
            writer.write(out, EXPORT_WIDTH, EXPORT_HEIGHT, scale);
            return out;
        }, written -> finish("Exported " + figure.figureName() + " to " + written + "."),
                failure -> fail("Export failed: " + describe(failure)));
    }

    /** Size of an exported figure in points (PNG pixels at 1×). */
    static final int EXPORT_WIDTH = 900;
    static final int EXPORT_HEIGHT = 675;

    /**
     * The compute backend the views' batched work runs on (issue 6), made on first use so that a window
     * that never asks does not list OpenCL devices.
     */
    public ComputeBackendState computeBackend() {
        if (computeBackend == null) {
            computeBackend = new ComputeBackendState(executor);
        }
        return computeBackend;
    }

    /** The executor the views' ViewModels share with this one. */
    public BackgroundExecutor executor() {
        return executor;
    }

    public ReadOnlyObjectProperty<Path> modelPathProperty() {
        return modelPath.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Model> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ModelSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Spectrum> spectrumProperty() {
        return spectrum.getReadOnlyProperty();
    }

    /** The status line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last command's error, one line, or {@code null}. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether a command is still running in the background. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
