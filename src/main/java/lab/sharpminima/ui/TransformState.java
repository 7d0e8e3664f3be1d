package lab.sharpminima.ui;

import java.util.Arrays;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import lab.sharpminima.engine.Model;
import lab.sharpminima.symmetry.AlphaScale;

/**
 * The transformation T_α (Definition 5, multi-layer form of Section 4.2) that the Spectrum and
 * Measures views apply to the loaded model, shared between them. It holds the exponents
 * e_k = log₁₀ α_k; the last one always follows the others, e_K = −Σ_{k&lt;K} e_k, so that ∏ α_k = 1.
 * A free exponent is clamped to [{@link #MIN_EXPONENT}, {@link #MAX_EXPONENT}] and so that the
 * following one stays in that range too.
 *
 * <p>A new model resets every exponent to 0 (the identity). Confined to the FX thread.
 */
public final class TransformState {

    public static final double MIN_EXPONENT = -2;
    public static final double MAX_EXPONENT = 2;

    /** A model and the exponents of the T_α to apply to it; {@code model} may be {@code null}. */
    public record Transform(Model model, double[] exponents) {

        public Transform {
            exponents = exponents.clone();
        }

        @Override
        public double[] exponents() {
            return exponents.clone();
        }

        /** α_k = 10^{e_k} for k &lt; K and α_K = 1/∏_{k&lt;K} α_k, so the product is 1 to rounding. */
        public AlphaScale scale() {
            double[] first = new double[exponents.length - 1];
            for (int k = 0; k < first.length; k++) {
                first[k] = Math.pow(10, exponents[k]);
            }
            return AlphaScale.completing(model.network(), first);
        }

        /** Whether every exponent is 0. */
        public boolean isIdentity() {
            return Arrays.stream(exponents).allMatch(e -> e == 0);
        }
    }

    private final ReadOnlyObjectWrapper<Transform> current =
            new ReadOnlyObjectWrapper<>(this, "current", new Transform(null, new double[0]));

    /** Follows {@code main}'s model: each new one starts at the identity. */
    public TransformState(MainViewModel main) {
        main.modelProperty().addListener((obs, old, m) -> setModel(m));
        setModel(main.modelProperty().get());
    }

    private void setModel(Model m) {
        current.set(new Transform(m, new double[m == null ? 0 : m.network().depth()]));
    }

    /** The model and the exponents now. */
    public ReadOnlyObjectProperty<Transform> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The number of layers K (0 without a model). */
    public int depth() {
        return current.get().exponents.length;
    }

    /** log₁₀ α_k. */
    public double exponent(int k) {
        return current.get().exponents[k];
    }

    /**
     * Sets log₁₀ α_k for a free layer k &lt; K − 1, clamped so that it and the following last exponent
     * stay in [−2, 2]; the last exponent becomes −Σ of the others.
     *
     * @throws IllegalArgumentException for the last layer or an index out of range
     */
    public void setExponent(int k, double e) {
        double[] x = current.get().exponents();
        if (k < 0 || k >= x.length - 1) {
            throw new IllegalArgumentException("layer " + (k + 1) + " of " + x.length
                    + " cannot be set: the last layer's α follows the others");
        }
        int last = x.length - 1;
        double othersSum = 0;
        for (int j = 0; j < last; j++) {
            othersSum += j == k ? 0 : x[j];
        }
        // e_K = −(othersSum + e) must lie in [MIN, MAX] as well.
        double lo = Math.max(MIN_EXPONENT, -MAX_EXPONENT - othersSum);
        double hi = Math.min(MAX_EXPONENT, -MIN_EXPONENT - othersSum);
        x[k] = Math.max(lo, Math.min(hi, e));
        x[last] = 0.0 - (othersSum + x[k]); // 0.0 − 0.0 is +0.0
        if (!Arrays.equals(x, current.get().exponents)) {
            current.set(new Transform(current.get().model(), x));
        }
    }

    /**
     * Sets every exponent at once (a session being opened), so that no intermediate state is clamped;
     * the last one is recomputed as −Σ of the others.
     *
     * @throws IllegalArgumentException unless there is one exponent per layer, each in [−2, 2], summing
     *     to 0 within 1e-9 per layer
     */
    public void setExponents(double[] exponents) {
        int depth = depth();
        if (exponents.length != depth) {
            throw new IllegalArgumentException(exponents.length + " exponents for a model of " + depth + " layers");
        }
        double[] x = exponents.clone();
        double othersSum = 0;
        for (int k = 0; k < depth; k++) {
            if (!(x[k] >= MIN_EXPONENT && x[k] <= MAX_EXPONENT)) {
                throw new IllegalArgumentException("log10 alpha of layer " + (k + 1) + " = " + x[k]
                        + " is outside [" + MIN_EXPONENT + ", " + MAX_EXPONENT + "]");
            }
            othersSum += k < depth - 1 ? x[k] : 0;
        }
        if (depth > 0) {
            if (Math.abs(othersSum + x[depth - 1]) > 1e-9 * depth) {
                throw new IllegalArgumentException("the exponents must sum to 0 (the product of the alphas is 1)");
            }
            x[depth - 1] = 0.0 - othersSum;
        }
        if (!Arrays.equals(x, current.get().exponents)) {
            current.set(new Transform(current.get().model(), x));
        }
    }

    /** Back to the identity. */
    public void reset() {
        setModel(current.get().model());
    }
}
