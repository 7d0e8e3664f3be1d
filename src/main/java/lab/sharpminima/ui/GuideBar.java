package lab.sharpminima.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import lab.sharpminima.figure.GuidedPath;

/**
 * The guided tour's caption bar: "step i / n", the step's title and caption, and Back, Next and
 * close buttons. Shown only while the tour runs; it holds no state of its own beyond the
 * {@link GuidedTour} it shows.
 */
public final class GuideBar {

    private final GuidedTour tour;
    private final HBox root = new HBox(14);
    private final Label position = new Label();
    private final Label title = new Label();
    private final Label caption = new Label();
    private final Button back = new Button("← Back");
    private final Button next = new Button("Next →");
    private final Button close = new Button("✕");

    public GuideBar(GuidedTour tour) {
        this.tour = tour;
        build();
        wire();
    }

    public Node root() {
        return root;
    }

    private void build() {
        position.setId("guide-position");
        position.getStyleClass().add("guide-position");
        title.setId("guide-title");
        title.getStyleClass().add("guide-title");
        caption.setId("guide-caption");
        caption.getStyleClass().add("guide-caption");
        caption.setWrapText(true);
        VBox text = new VBox(2, title, caption);
        HBox.setHgrow(text, Priority.ALWAYS);
        back.setId("guide-back");
        next.setId("guide-next");
        next.setDefaultButton(false);
        close.setId("guide-close");
        close.getStyleClass().add("guide-close");
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {position, back, next, close}) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the caption wraps; these never shrink
        }
        HBox buttons = new HBox(8, back, next, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        root.getChildren().addAll(position, text, buttons);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setId("guide-bar");
        root.getStyleClass().add("guide-bar");
        root.visibleProperty().bind(tour.activeProperty());
        root.managedProperty().bind(root.visibleProperty());
    }

    private void wire() {
        position.textProperty().bind(Bindings.createStringBinding(
                () -> tour.indexProperty().get() < 0 ? ""
                        : (tour.indexProperty().get() + 1) + " / " + tour.steps().size(), tour.indexProperty()));
        title.textProperty().bind(Bindings.createStringBinding(
                () -> text(tour.currentProperty().get(), true), tour.currentProperty()));
        caption.textProperty().bind(Bindings.createStringBinding(
                () -> text(tour.currentProperty().get(), false), tour.currentProperty()));
        next.textProperty().bind(Bindings.createStringBinding(
                () -> tour.isLast() ? "Finish" : "Next →", tour.indexProperty()));
        back.disableProperty().bind(tour.indexProperty().lessThanOrEqualTo(0));
        back.setOnAction(e -> tour.previous());
        next.setOnAction(e -> tour.next());
        close.setOnAction(e -> tour.stop());
    }

    private static String text(GuidedPath.Step step, boolean title) {
        return step == null ? "" : title ? step.title() : step.caption();
    }
}
