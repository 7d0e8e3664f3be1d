package lab.sharpminima.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Parent;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import lab.sharpminima.export.ChartTheme;

/**
 * Presentation mode (F5), for a projector: the window gets the style class {@value #STYLE_CLASS} and
 * {@code presentation.css} (large type, thick borders and slider tracks, dark text), every chart
 * that follows {@link #chartThemeProperty()} is rebuilt with {@link ChartTheme#presentation()}
 * (larger tick labels and titles, thicker curves), and the stage goes full screen unless
 * {@code -Dsml.presentation.fullscreen=false}. Leaving full screen by any means leaves the mode.
 */
public final class PresentationMode {

    /** The style class set on the window's root while the mode is on. */
    public static final String STYLE_CLASS = "presentation";
    /** {@code -Dsml.presentation.fullscreen=false} keeps the window as it is (tests, two screens). */
    public static final String FULL_SCREEN_PROPERTY = "sml.presentation.fullscreen";

    private final Parent root;
    private final Stage stage;
    private final boolean fullScreen;
    private final BooleanProperty on = new SimpleBooleanProperty(this, "on", false);
    private final ReadOnlyObjectWrapper<ChartTheme> theme =
            new ReadOnlyObjectWrapper<>(this, "chartTheme", ChartTheme.standard());
    private final String stylesheet = PresentationMode.class.getResource("presentation.css").toExternalForm();

    public PresentationMode(Parent root, Stage stage) {
        this.root = root;
        this.stage = stage;
        this.fullScreen = stage != null && !"false".equals(System.getProperty(FULL_SCREEN_PROPERTY));
        on.addListener((obs, was, now) -> apply(now));
        if (fullScreen) {
            // Esc is ours (it leaves presentation mode, full screen with it); no hint over the first slide.
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreenExitHint("");
            stage.fullScreenProperty().addListener((obs, was, full) -> {
                if (!full) {
                    on.set(false);
                }
            });
        }
    }

    /** On or off; a menu's check mark binds to it both ways. */
    public BooleanProperty onProperty() {
        return on;
    }

    public boolean isOn() {
        return on.get();
    }

    public void toggle() {
        on.set(!on.get());
    }

    /** {@link ChartTheme#presentation()} while the mode is on, else {@link ChartTheme#standard()}. */
    public ReadOnlyObjectProperty<ChartTheme> chartThemeProperty() {
        return theme.getReadOnlyProperty();
    }

    /** Makes a view's chart theme follow the mode. */
    public void follow(ObjectProperty<ChartTheme> viewTheme) {
        viewTheme.bind(theme.getReadOnlyProperty());
    }

    private void apply(boolean now) {
        if (now) {
            root.getStyleClass().add(STYLE_CLASS);
            root.getStylesheets().add(stylesheet);
        } else {
            root.getStyleClass().remove(STYLE_CLASS);
            root.getStylesheets().remove(stylesheet);
        }
        theme.set(now ? ChartTheme.presentation() : ChartTheme.standard());
        LayoutIsland.forgetSizes(root);
        if (fullScreen && stage.isFullScreen() != now) {
            stage.setFullScreen(now);
        }
    }
}
