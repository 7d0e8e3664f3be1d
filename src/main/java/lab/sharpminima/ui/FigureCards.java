package lab.sharpminima.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The pieces of a figure view's side column, styled by app.css: titled cards, notes, and readout
 * rows (a name and a value bound to the ViewModel).
 */
public final class FigureCards {

    private FigureCards() {
    }

    /** A card: a title above its content. */
    public static Node card(String title, Node... content) {
        Label t = new Label(title);
        t.getStyleClass().add("card-title");
        VBox box = new VBox(8, t);
        box.getChildren().addAll(content);
        box.getStyleClass().add("card");
        return box;
    }

    /** A wrapping explanatory line. */
    public static Label note(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("note");
        l.setWrapText(true);
        return l;
    }

    /** The name of a readout; it stays whole while the value column wraps. */
    public static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("key");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** Adds the row {@code name | value} to {@code grid}, the value bound to {@code text}. */
    public static Label addReadout(GridPane grid, int row, String name, String id, ObservableStringValue text) {
        Label value = new Label();
        value.setId(id);
        value.getStyleClass().add("value");
        value.setWrapText(true);
        value.textProperty().bind(text);
        grid.addRow(row, key(name), value);
        return value;
    }
}
