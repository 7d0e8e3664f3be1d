package lab.sharpminima.ui;

import javafx.scene.Node;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyEvent;

/**
 * Page Up and Page Down for every slider under a node. JavaFX's own slider keys cover the rest:
 * the arrow keys move by {@link Slider#getBlockIncrement()} and Home/End go to the ends. A page is
 * the larger of the major tick unit and five block increments, e.g. one decade on a log₁₀ α slider
 * whose arrow step is 0.1.
 */
public final class SliderKeys {

    private SliderKeys() {
    }

    /**
     * Adds one key filter to {@code root}: it catches Page Up/Down aimed at a focused slider (so
     * sliders added later are covered too) and consumes them, so the guided tour's Page Up/Down do
     * not also fire.
     */
    public static void install(Node root) {
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof Slider s && !s.isDisabled()) {
                switch (e.getCode()) {
                    case PAGE_UP -> {
                        s.adjustValue(Math.min(s.getMax(), s.getValue() + page(s)));
                        e.consume();
                    }
                    case PAGE_DOWN -> {
                        s.adjustValue(Math.max(s.getMin(), s.getValue() - page(s)));
                        e.consume();
                    }
                    default -> { }
                }
            }
        });
    }

    /** The Page Up/Down step: max(major tick unit, 5 × block increment), at most the slider's span. */
    public static double page(Slider s) {
        return Math.min(s.getMax() - s.getMin(), Math.max(s.getMajorTickUnit(), 5 * s.getBlockIncrement()));
    }
}
