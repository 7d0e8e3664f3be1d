package lab.sharpminima.ui;

import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;
import lab.sharpminima.ui.summary.Numbers;

/** Editable number spinners whose text never puts an undefined value into the view (Figures 2 and 4). */
public final class NumberSpinners {

    private NumberSpinners() {
    }

    /**
     * A spinner over [min, max] starting at min, stepping by {@code step}, showing numbers as the readouts
     * do. Text that is not a number, or is "NaN", keeps the current value: the value factory clamps only
     * values that compare, so a NaN would stick.
     */
    public static Spinner<Double> decimal(double min, double max, double step, String id) {
        SpinnerValueFactory.DoubleSpinnerValueFactory f =
                new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, min, step);
        f.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : Numbers.format(v);
            }

            @Override
            public Double fromString(String s) {
                try {
                    double v = Double.parseDouble(s.trim().replace('−', '-'));
                    return Double.isNaN(v) ? f.getValue() : v;
                } catch (NumberFormatException | NullPointerException e) {
                    return f.getValue();
                }
            }
        });
        Spinner<Double> s = new Spinner<>(f);
        s.setEditable(true);
        s.setId(id);
        s.setPrefWidth(110);
        return s;
    }
}
