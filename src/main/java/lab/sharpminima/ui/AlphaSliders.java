package lab.sharpminima.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import lab.sharpminima.ui.summary.Numbers;

/**
 * One log₁₀ α_k slider per layer for a {@link TransformState}, in [−2, 2]: the free ones set the
 * state, the last one is disabled and follows (∏ α_k = 1; a note beside it should say so), each with its value "= α · log₁₀ α = e".
 * Rebuilt when the depth changes. Ids are {@code prefix-alpha-k} and {@code prefix-alpha-k-text},
 * k counted from 1. Arrow keys move the focused slider by 0.1.
 */
public final class AlphaSliders {

    private final TransformState state;
    private final String prefix;
    private final VBox box = new VBox(6);
    private final List<Slider> sliders = new ArrayList<>();
    private final List<Label> texts = new ArrayList<>();
    private boolean following;

    public AlphaSliders(TransformState state, String prefix) {
        this.state = state;
        this.prefix = prefix;
        box.setId(prefix + "-sliders");
        state.currentProperty().addListener((obs, old, t) -> follow());
        follow();
    }

    public Node node() {
        return box;
    }

    /** Rebuilds the sliders when the depth changes, else moves them to the state's exponents. */
    private void follow() {
        int depth = state.depth();
        if (depth != sliders.size() || sliders.isEmpty()) {
            rebuild(depth);
        }
        following = true;
        try {
            for (int k = 0; k < depth; k++) {
                double e = state.exponent(k);
                sliders.get(k).setValue(e);
                texts.get(k).setText(valueText(e));
            }
        } finally {
            following = false;
        }
    }

    private void rebuild(int depth) {
        sliders.clear();
        texts.clear();
        box.getChildren().clear();
        if (depth == 0) {
            Label none = new Label("No model loaded.");
            none.getStyleClass().add("note");
            box.getChildren().add(none);
        }
        for (int k = 0; k < depth; k++) {
            boolean last = k == depth - 1;
            Slider s = slider(k, last);
            Label text = new Label();
            text.setId(prefix + "-alpha-" + (k + 1) + "-text");
            text.getStyleClass().add("value");
            Label name = new Label("α" + subscript(k + 1));
            name.getStyleClass().add("key");
            if (last) {
                s.setTooltip(new javafx.scene.control.Tooltip("Follows the others: α_K = 1 / ∏_{k<K} α_k"));
            }
            box.getChildren().add(new VBox(2, new HBox(8, name, text), s));
            sliders.add(s);
            texts.add(text);
        }
    }

    private Slider slider(int layer, boolean last) {
        Slider s = new Slider(TransformState.MIN_EXPONENT, TransformState.MAX_EXPONENT, 0);
        s.setId(prefix + "-alpha-" + (layer + 1));
        s.setMajorTickUnit(1);
        s.setMinorTickCount(3);
        s.setShowTickMarks(true);
        s.setBlockIncrement(0.1);
        s.setDisable(last);
        if (!last) {
            s.valueProperty().addListener((obs, old, v) -> {
                if (!following) {
                    state.setExponent(layer, v.doubleValue());
                }
            });
        }
        return s;
    }

    /** "= 3.16228 · log₁₀ α = 0.5". */
    public static String valueText(double exponent) {
        return "= " + Numbers.format(Math.pow(10, exponent)) + " · log₁₀ α = " + Numbers.format(exponent);
    }

    /** 12 → "₁₂". */
    public static String subscript(int k) {
        String digits = "₀₁₂₃₄₅₆₇₈₉";
        StringBuilder sb = new StringBuilder();
        for (char c : Integer.toString(k).toCharArray()) {
            sb.append(digits.charAt(c - '0'));
        }
        return sb.toString();
    }
}
