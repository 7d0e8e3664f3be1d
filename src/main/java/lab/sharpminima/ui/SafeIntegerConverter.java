package lab.sharpminima.ui;

import java.util.function.Supplier;
import javafx.util.StringConverter;

/**
 * The text of an editable integer spinner: a word that is not an integer ("abc", "-0.66", "") keeps the
 * spinner's current value instead of throwing {@link NumberFormatException} on the FX thread, which is
 * what JavaFX's own {@code IntegerStringConverter} does when the user presses Enter.
 */
public final class SafeIntegerConverter extends StringConverter<Integer> {

    private final Supplier<Integer> current;

    /** {@code current}: the value to keep when the text is not an integer (the spinner's value factory's). */
    public SafeIntegerConverter(Supplier<Integer> current) {
        this.current = current;
    }

    @Override
    public String toString(Integer value) {
        return value == null ? "" : value.toString();
    }

    @Override
    public Integer fromString(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException | NullPointerException e) {
            return current.get();
        }
    }
}
