package lab.sharpminima.ui;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import lab.sharpminima.engine.Model;
import lab.sharpminima.session.LastSessionStore;
import lab.sharpminima.session.Session;
import lab.sharpminima.session.SessionFiles;
import lab.sharpminima.session.SessionFormatException;
import lab.sharpminima.ui.figure1.Figure1ViewModel;
import lab.sharpminima.ui.figure2.Figure2ViewModel;
import lab.sharpminima.ui.figure3.Figure3ViewModel;
import lab.sharpminima.ui.figure4.Figure4ViewModel;
import lab.sharpminima.ui.figure5.Figure5ViewModel;

/**
 * Save and open sessions (File → Save session…, Open session…) and reopen the last one on start.
 *
 * <p>{@link #capture()} reads the whole app state into a {@link Session}; {@link #apply(Session)} sets
 * it back. Opening reads and validates the whole file in the background first and applies it only when
 * every field is right, so a damaged file changes nothing and sets {@link #errorProperty()} to one line
 * naming the field. Saving writes atomically in the background. Each save or open that succeeds is
 * remembered in the {@link LastSessionStore}. Confined to the FX thread (or the test's thread with
 * {@link SameThreadExecutor}).
 */
public final class SessionController {

    private static final System.Logger LOG = System.getLogger(SessionController.class.getName());

    /** The figure views whose settings a session holds. */
    public record Views(Figure1ViewModel figure1, Figure2ViewModel figure2, Figure3ViewModel figure3,
                        Figure4ViewModel figure4, Figure5ViewModel figure5) {
    }

    private final MainViewModel main;
    private final TransformState transform;
    private final Views views;
    private final Supplier<String> selectedTab;
    private final Consumer<String> selectTab;
    private final LastSessionStore store;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private long generation;

    public SessionController(MainViewModel main, TransformState transform, Views views, Supplier<String> selectedTab,
                             Consumer<String> selectTab, LastSessionStore store) {
        this.main = main;
        this.transform = transform;
        this.views = views;
        this.selectedTab = selectedTab;
        this.selectTab = selectTab;
        this.store = store;
    }

    /** The app's state now: model, transformation, each figure's settings, the tab, the seeds. */
    public Session capture() {
        Model m = main.modelProperty().get();
        Session.ModelEntry model = m == null ? null : new Session.ModelEntry(main.modelPathProperty().get(), m);
        double[] exponents = m == null ? new double[0] : transform.currentProperty().get().exponents();
        return new Session(model, exponents, FigureSessions.capture(views.figure1()),
                FigureSessions.capture(views.figure2()), FigureSessions.capture(views.figure3()),
                FigureSessions.capture(views.figure4()), FigureSessions.capture(views.figure5()),
                selectedTab.get(), Session.Seeds.CURRENT);
    }

    /**
     * Sets the app to {@code s}: the figures and the tab at once, then the model (its summary is
     * computed in the background) and, once it is loaded, the transformation. A session without a
     * model unloads the current one.
     */
    public void apply(Session s) {
        FigureSessions.apply(views.figure1(), s.figure1());
        FigureSessions.apply(views.figure2(), s.figure2());
        FigureSessions.apply(views.figure3(), s.figure3());
        FigureSessions.apply(views.figure4(), s.figure4());
        FigureSessions.apply(views.figure5(), s.figure5());
        selectTab.accept(s.tab());
        if (s.model() == null) {
            main.closeModel();
        } else {
            double[] exponents = s.transform();
            main.openModel(s.model().source(), s.model().model(), () -> transform.setExponents(exponents));
        }
    }

    /** Writes the state now to {@code target} atomically, in the background; remembers it on success. */
    public void save(Path target) {
        Session s = capture();
        String name = displayName(target);
        error.set(null);
        main.report("Saving the session to " + name + "…");
        main.executor().execute(() -> {
            SessionFiles.write(s, target);
            return target;
        }, written -> {
            file.set(written);
            store.remember(written);
            main.report("Saved the session to " + written + ".");
        }, failure -> fail("Session not saved: " + name + ": " + describe(failure), failure));
    }

    /** Reads and validates {@code source} in the background, then applies it; a bad file changes nothing. */
    public void open(Path source) {
        open(source, "");
    }

    /**
     * Reopens the remembered session, if any. If it fails, the app stays as it is (fresh), the error
     * says why, and the store forgets the file so that the next start is not stopped by it again.
     *
     * @return whether there was a session to reopen
     */
    public boolean reopenLast() {
        Optional<Path> last = store.load();
        last.ifPresent(p -> open(p, "The last session could not be reopened, so the app starts fresh: "));
        return last.isPresent();
    }

    private void open(Path source, String context) {
        long gen = ++generation;
        String name = displayName(source);
        error.set(null);
        main.report("Opening the session " + name + "…");
        main.executor().execute(() -> SessionFiles.read(source), s -> {
            if (gen == generation) {
                apply(s);
                file.set(source);
                store.remember(source);
                if (s.model() == null) {
                    main.report("Opened the session " + name + ".");
                }
            }
        }, failure -> {
            if (gen == generation) {
                if (!context.isEmpty()) {
                    store.forget();
                }
                fail(context + name + ": " + describe(failure), failure);
            }
        });
    }

    /** Remembers the current session file again (on exit), if one was saved or opened in this run. */
    public void rememberCurrent() {
        if (file.get() != null) {
            store.remember(file.get());
        }
    }

    private void fail(String message, Throwable t) {
        if (!(t instanceof SessionFormatException) && !(t instanceof java.io.IOException)) {
            LOG.log(Level.ERROR, "unexpected session failure", t);
        }
        main.report(message);
        error.set(message);
    }

    private static String describe(Throwable t) {
        if (t instanceof SessionFormatException) {
            return t.getMessage();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse("");
    }

    private static String displayName(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    /** The session file last saved or opened in this run, or {@code null}. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** The last session command's error, one line, or {@code null} (cleared when the next one starts). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
