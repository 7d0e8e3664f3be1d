package lab.sharpminima.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import lab.sharpminima.session.LastSessionStore;
import lab.sharpminima.session.Session;
import lab.sharpminima.session.SessionFiles;
import lab.sharpminima.session.SessionRanges;
import lab.sharpminima.ui.figure1.Figure1ViewModel;
import lab.sharpminima.ui.figure2.Figure2ViewModel;
import lab.sharpminima.ui.figure3.Figure3ViewModel;
import lab.sharpminima.ui.figure4.Figure4ViewModel;
import lab.sharpminima.ui.figure5.Figure5ViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions without a stage (every command runs to completion on the test thread): save → change →
 * open gives back the same capture and the same Figure 2 readouts; a damaged file changes nothing;
 * the last session is remembered in the injected store, never in the user's preferences.
 */
class SessionControllerTest {

    @TempDir
    Path dir;

    /** The app's state objects as MainView wires them, with the tab held in a reference. */
    private static final class App {
        final MainViewModel main = new MainViewModel(new SameThreadExecutor());
        final TransformState transform = new TransformState(main);
        final SessionController.Views views = new SessionController.Views(
                new Figure1ViewModel(main.executor()), new Figure2ViewModel(main.executor()),
                new Figure3ViewModel(main.executor()), new Figure4ViewModel(main.executor()),
                new Figure5ViewModel(main.executor()));
        final AtomicReference<String> tab = new AtomicReference<>("model");
        final LastSessionStore store = LastSessionStore.inMemory();
        final SessionController sessions =
                new SessionController(main, transform, views, tab::get, tab::set, store);

        App() {
            views.figure2().start();
        }

        /** Moves every setting away from the presets. */
        void change(double x) {
            views.figure1().setTheta(1 + x);
            views.figure1().setEpsilon(0.2 + x / 10);
            views.figure2().setTheta(1.5 + x / 10, 0.5);
            views.figure2().setAlphaExponent(x);
            views.figure2().setEpsilon(0.05);
            views.figure3().setAlphaExponent(x / 3);
            views.figure3().setRadius(0.4);
            views.figure3().setCount(3 + (int) Math.round(3 * x + 3));
            views.figure4().setTheta(2 + x / 10, 0.75);
            views.figure4().setEpsilon(0.8);
            views.figure5().map(1).setA(0.25 + x / 10);
            views.figure5().map(2).setLogB(-3 + x / 2);
            views.figure5().map(2).setCentre(x);
            tab.set(x > 0 ? "figure2" : "figure4");
            if (transform.depth() >= 2) {
                transform.setExponent(0, x / 2);
            }
        }

        String captured() {
            return SessionFiles.toJson(sessions.capture());
        }

        double[] figure2Readouts() {
            Figure2ViewModel f = views.figure2();
            return new double[] {f.loss().get(), f.maxOutputChange().get(), f.lambda1().get(), f.lambda2().get(),
                f.trace().get(), f.sharpness().get()};
        }
    }

    @Test
    void saveThenChangeThenOpenGivesBackTheSameStateAndFigure2Readouts() throws Exception {
        App app = new App();
        app.main.openModel(MainViewModelTest.XOR);
        app.change(1.0);
        String saved = app.captured();
        double[] readouts = app.figure2Readouts();
        Path file = dir.resolve("lecture.session.json");
        app.sessions.save(file);
        assertThat(app.sessions.errorProperty().get()).isNull();
        assertThat(app.store.load()).contains(file.toAbsolutePath());

        app.change(-1.0);
        assertThat(app.captured()).isNotEqualTo(saved);
        assertThat(app.figure2Readouts()).isNotEqualTo(readouts);

        app.sessions.open(file);
        assertThat(app.sessions.errorProperty().get()).isNull();
        assertThat(app.captured()).isEqualTo(saved);
        assertThat(app.figure2Readouts()).containsExactly(readouts);
        assertThat(app.tab.get()).isEqualTo("figure2");
        assertThat(app.transform.exponent(0)).isEqualTo(0.5);
        assertThat(app.transform.exponent(1)).isEqualTo(-0.5);
        assertThat(app.main.summaryProperty().get().n()).isEqualTo(17);
    }

    @Test
    void aFreshAppOpeningTheSessionShowsTheSamePicture() throws Exception {
        App first = new App();
        first.main.openModel(MainViewModelTest.XOR);
        first.change(0.5);
        Path file = dir.resolve("s.session.json");
        first.sessions.save(file);

        App second = new App();
        second.sessions.open(file);
        assertThat(second.captured()).isEqualTo(first.captured());
        assertThat(second.figure2Readouts()).containsExactly(first.figure2Readouts());
        assertThat(second.main.modelPathProperty().get()).isEqualTo(MainViewModelTest.XOR);
    }

    @Test
    void aSessionWithoutAModelUnloadsTheCurrentOne() throws Exception {
        App app = new App();
        Path file = dir.resolve("empty.session.json");
        app.sessions.save(file);
        app.main.openModel(MainViewModelTest.XOR);
        assertThat(app.main.modelProperty().get()).isNotNull();
        app.sessions.open(file);
        assertThat(app.main.modelProperty().get()).isNull();
        assertThat(app.transform.depth()).isZero();
    }

    @Test
    void aDamagedFileChangesNothingAndSaysWhichField() throws Exception {
        App app = new App();
        app.main.openModel(MainViewModelTest.XOR);
        app.change(1.0);
        Path file = dir.resolve("good.session.json");
        app.sessions.save(file);
        app.change(-0.5);
        String before = app.captured();
        double[] readouts = app.figure2Readouts();

        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(Files.readString(file));
        ((ObjectNode) root.get("figure5").get("first")).put("a", 9); // fields before it are all valid
        Path bad = dir.resolve("bad.session.json");
        Files.writeString(bad, mapper.writeValueAsString(root));
        app.sessions.open(bad);
        assertThat(app.sessions.errorProperty().get())
                .isEqualTo("bad.session.json: session.figure5.first.a: must be a number in [-0.45, 1.5]");
        assertThat(app.main.statusProperty().get()).isEqualTo(app.sessions.errorProperty().get());
        assertThat(app.captured()).isEqualTo(before);
        assertThat(app.figure2Readouts()).containsExactly(readouts);
        assertThat(app.store.load()).contains(file.toAbsolutePath());

        Path truncated = dir.resolve("truncated.session.json");
        String text = Files.readString(file);
        Files.writeString(truncated, text.substring(0, text.length() - 40));
        app.sessions.open(truncated);
        assertThat(app.sessions.errorProperty().get()).startsWith("truncated.session.json: session: invalid JSON");
        assertThat(app.captured()).isEqualTo(before);
    }

    @Test
    void reopeningTheLastSessionRestoresItAndAFailureForgetsIt() throws Exception {
        App first = new App();
        first.change(0.25);
        Path file = dir.resolve("last.session.json");
        first.sessions.save(file);

        App second = new App();
        second.store.remember(file);
        assertThat(second.sessions.reopenLast()).isTrue();
        assertThat(second.captured()).isEqualTo(first.captured());

        App third = new App();
        third.store.remember(dir.resolve("gone.session.json"));
        String fresh = third.captured();
        assertThat(third.sessions.reopenLast()).isTrue();
        assertThat(third.sessions.errorProperty().get()).isEqualTo(
                "The last session could not be reopened, so the app starts fresh: gone.session.json: "
                        + "session: the file does not exist");
        assertThat(third.captured()).isEqualTo(fresh);
        assertThat(third.store.load()).isEmpty();
        assertThat(third.sessions.reopenLast()).isFalse();
    }

    @Test
    void theSessionRangesAreTheSliders() {
        assertThat(SessionRanges.FIGURE1_EPSILON).isEqualTo(
                new SessionRanges.Range(Figure1ViewModel.MIN_EPSILON, Figure1ViewModel.MAX_EPSILON));
        assertThat(SessionRanges.FIGURE2_ALPHA_EXPONENT).isEqualTo(
                new SessionRanges.Range(Figure2ViewModel.MIN_EXPONENT, Figure2ViewModel.MAX_EXPONENT));
        assertThat(SessionRanges.FIGURE2_EPSILON).isEqualTo(
                new SessionRanges.Range(Figure2ViewModel.MIN_EPSILON, Figure2ViewModel.MAX_EPSILON));
        assertThat(SessionRanges.FIGURE3_ALPHA_EXPONENT).isEqualTo(
                new SessionRanges.Range(Figure3ViewModel.MIN_EXPONENT, Figure3ViewModel.MAX_EXPONENT));
        assertThat(SessionRanges.FIGURE3_RADIUS).isEqualTo(
                new SessionRanges.Range(Figure3ViewModel.MIN_RADIUS, Figure3ViewModel.MAX_RADIUS));
        assertThat(SessionRanges.FIGURE3_COUNT).isEqualTo(
                new SessionRanges.Range(Figure3ViewModel.MIN_COUNT, Figure3ViewModel.MAX_COUNT));
        assertThat(SessionRanges.FIGURE4_EPSILON).isEqualTo(
                new SessionRanges.Range(Figure4ViewModel.MIN_EPSILON, Figure4ViewModel.MAX_EPSILON));
        assertThat(SessionRanges.FIGURE4_THETA1.lo()).isEqualTo(Figure4ViewModel.MIN_THETA1);
        assertThat(SessionRanges.FIGURE5_A).isEqualTo(new SessionRanges.Range(Figure5ViewModel.MIN_A, Figure5ViewModel.MAX_A));
        assertThat(SessionRanges.FIGURE5_LOG_B).isEqualTo(
                new SessionRanges.Range(Figure5ViewModel.MIN_LOG_B, Figure5ViewModel.MAX_LOG_B));
        assertThat(SessionRanges.TRANSFORM_EXPONENT).isEqualTo(
                new SessionRanges.Range(TransformState.MIN_EXPONENT, TransformState.MAX_EXPONENT));
        assertThat(Session.Seeds.CURRENT.toyData()).isEqualTo(lab.sharpminima.figure.Presets.toy().seed());
    }
}
