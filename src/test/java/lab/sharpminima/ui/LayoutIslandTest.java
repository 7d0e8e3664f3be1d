package lab.sharpminima.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@link LayoutIsland} on a side column like the figures' (Monocle): a readout's new value and a
 * slider's new position re-lay out neither the column nor the scroll pane; a value that needs a second
 * line makes the column give it the room (nothing clipped); pane constraints move to the frames.
 */
class LayoutIslandTest {

    private final List<String> relaidOut = new ArrayList<>();
    private Label value;
    private Label note;
    private Slider slider;
    private VBox column;
    private GridPane grid;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            value = new Label("0.0000");
            value.setWrapText(true);
            note = new Label("A long note that wraps over several lines in the narrow column of readouts.");
            note.setWrapText(true);
            slider = new Slider(0, 1, 0.5);
            grid = new GridPane();
            grid.addRow(0, new Label("L(θ)"), value);
            GridPane.setHgrow(value, Priority.ALWAYS);
            column = new VBox(8, slider, grid, note);
            column.setPrefWidth(220);
            ScrollPane scroll = new ScrollPane(column);
            scroll.setFitToWidth(true);
            BorderPane root = new BorderPane();
            root.setRight(scroll);
            LayoutIsland.frameLiveNodes(root);
            column.needsLayoutProperty().addListener((o, was, now) -> {
                if (now) {
                    relaidOut.add("column");
                }
            });
            stage.setScene(new Scene(root, 600, 400));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    @Test
    void slidersAndLabelsAreFramedWithTheirConstraints() throws Exception {
        show();
        assertThat(slider.getParent()).isInstanceOf(LayoutIsland.class);
        assertThat(value.getParent()).isInstanceOf(LayoutIsland.class);
        assertThat(note.getParent()).isInstanceOf(LayoutIsland.class);
        LayoutIsland frame = (LayoutIsland) value.getParent();
        assertThat(frame.getParent()).isSameAs(grid);
        assertThat(GridPane.getColumnIndex(frame)).isEqualTo(1);
        assertThat(GridPane.getHgrow(frame)).isEqualTo(Priority.ALWAYS);
        assertThat(GridPane.getColumnIndex(value)).isNull();
        assertThat(value.isManaged()).isFalse();
    }

    @Test
    void aNewValueOrSliderPositionLaysOutOnlyItsFrame() throws Exception {
        // Values as wide as the first (digits are tabular): only a wider value may ask the column for room.
        show();
        relaidOut.clear();
        for (int i = 0; i < 10; i++) {
            double x = 0.05 + 0.09 * i;
            onFx(() -> {
                slider.setValue(x);
                value.setText(String.format(java.util.Locale.ROOT, "%.4f", x));
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(relaidOut).isEmpty();
        assertThat(value.getText()).isEqualTo("0.8600");
    }

    /** A readout bound to a value that arrives after the first layout (empty before) gets its width. */
    @Test
    void aValueArrivingAfterTheFirstLayoutGetsItsWidth() throws Exception {
        show();
        onFx(() -> {
            value.setText("");
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> {
            value.setText("[-1.07979, 1.07979]");
            return null;
        });
        for (int i = 0; i < 4; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
        double width = onFx(() -> value.getWidth());
        double wanted = onFx(() -> value.prefWidth(-1));
        assertThat(width).isCloseTo(wanted, org.assertj.core.data.Offset.offset(0.5));
    }

    /**
     * A value that arrives while the column is not shown (a tab in the background: nothing laid out)
     * gets its width once the column is shown: the frame's sizes cached for the old text are dropped.
     */
    @Test
    void aValueArrivingWhileHiddenGetsItsWidthWhenShown() throws Exception {
        show();
        javafx.scene.Parent root = onFx(() -> column.getScene().getRoot());
        javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane();
        onFx(() -> {
            // The column leaves the scene (as a tab's content does), gets its value, and comes back.
            column.getScene().setRoot(holder);
            value.setText("");
            value.prefWidth(-1);
            value.getParent().prefWidth(-1);
            value.setText("[-1.07979, 1.07979] and a little more");
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> {
            holder.getScene().setRoot(root);
            return null;
        });
        for (int i = 0; i < 4; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
        double width = onFx(() -> value.getWidth());
        double room = onFx(() -> grid.getWidth() - grid.getChildren().get(0).prefWidth(-1));
        // It wraps in the room the key leaves (it was 46 px wide, as "0.0000", before the fix).
        assertThat(width).isGreaterThan(0.8 * room).isLessThanOrEqualTo(onFx(() -> grid.getWidth()));
        assertThat(onFx(() -> value.getHeight())).isCloseTo(onFx(() -> value.prefHeight(value.getWidth())),
                org.assertj.core.data.Offset.offset(0.5));
    }

    /** A frame keeps the widest its label has been, until forgetSizes (a style change) lets it shrink. */
    @Test
    void framesKeepTheirWidestSizeUntilTheyForgetIt() throws Exception {
        show();
        LayoutIsland frame = onFx(() -> (LayoutIsland) slider.getParent().getParent().lookupAll(".layout-island")
                .stream().filter(n -> ((LayoutIsland) n).content() == value).findFirst().orElseThrow());
        onFx(() -> {
            value.setText("0.123456789");
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        double wide = onFx(() -> frame.prefWidth(-1));
        onFx(() -> {
            value.setText("1");
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> frame.prefWidth(-1))).isEqualTo(wide);
        onFx(() -> {
            LayoutIsland.forgetSizes(column);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        double narrow = onFx(() -> frame.prefWidth(-1));
        assertThat(narrow).isLessThan(wide).isCloseTo(onFx(() -> value.prefWidth(-1)),
                org.assertj.core.data.Offset.offset(0.5));
    }

    @Test
    void aValueThatWrapsGetsTheRoomItNeeds() throws Exception {
        show();
        double oneLine = onFx(() -> value.getHeight());
        String longText = "a value long enough to need several lines in this narrow column of the side panel";
        onFx(() -> {
            value.setText(longText);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        double wrapped = onFx(() -> value.getHeight());
        double wanted = onFx(() -> value.prefHeight(value.getWidth()));
        assertThat(wrapped).isGreaterThan(1.5 * oneLine);
        assertThat(wrapped).isCloseTo(wanted, org.assertj.core.data.Offset.offset(0.5));
        // The note below moved down to make room: the frames do not overlap.
        double valueBottom = onFx(() -> value.localToScene(0, value.getHeight()).getY());
        double noteTop = onFx(() -> note.localToScene(0, 0).getY());
        assertThat(noteTop).isGreaterThanOrEqualTo(valueBottom);
    }
}
