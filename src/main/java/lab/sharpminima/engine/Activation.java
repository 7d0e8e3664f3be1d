package lab.sharpminima.engine;

import java.util.Locale;

/**
 * Element-wise activation φ of a layer, with the first and second derivatives that backpropagation
 * and Pearlmutter's R-operator need.
 *
 * <p>{@code relu}, {@code leaky_relu} and {@code linear} are non-negatively homogeneous (Definition 4
 * of Dinh et al. 2017): φ(αz) = αφ(z) for α &gt; 0, which is what makes the α-scale transformation of
 * Definition 5 leave the network's function unchanged. {@code tanh} is not, on purpose.
 *
 * <p>At the kink z = 0 the derivative of relu is taken as 0 and that of leaky_relu as its slope, the
 * same convention as PyTorch, so gradients agree with it bit for bit in sign pattern.
 */
public enum Activation {
    RELU("relu", true),
    LEAKY_RELU("leaky_relu", true),
    LINEAR("linear", true),
    TANH("tanh", false);

    private final String id;
    private final boolean homogeneous;

    Activation(String id, boolean homogeneous) {
        this.id = id;
        this.homogeneous = homogeneous;
    }

    /** The name used in model files and on the command line. */
    public String id() {
        return id;
    }

    /** Whether φ(αz) = αφ(z) for every α &gt; 0 (Definition 4). */
    public boolean isNonNegativeHomogeneous() {
        return homogeneous;
    }

    /** Whether φ'' is zero wherever it exists (piecewise linear activations). */
    public boolean isPiecewiseLinear() {
        return this != TANH;
    }

    /** Parses a model-file name; returns {@code null} for an unknown name. */
    public static Activation fromId(String name) {
        if (name == null) {
            return null;
        }
        String n = name.toLowerCase(Locale.ROOT);
        for (Activation a : values()) {
            if (a.id.equals(n)) {
                return a;
            }
        }
        return null;
    }

    /** φ(z). */
    public double apply(double z, double slope) {
        switch (this) {
            case RELU: return z > 0 ? z : 0.0;
            case LEAKY_RELU: return z > 0 ? z : slope * z;
            case LINEAR: return z;
            default: return Math.tanh(z);
        }
    }

    /** φ'(z), with φ'(0) = 0 for relu and = slope for leaky_relu. */
    public double derivative(double z, double slope) {
        switch (this) {
            case RELU: return z > 0 ? 1.0 : 0.0;
            case LEAKY_RELU: return z > 0 ? 1.0 : slope;
            case LINEAR: return 1.0;
            default: {
                double t = Math.tanh(z);
                return 1.0 - t * t;
            }
        }
    }

    /** φ''(z): zero for the piecewise linear activations, −2 tanh(z)(1 − tanh²(z)) for tanh. */
    public double secondDerivative(double z, double slope) {
        if (this != TANH) {
            return 0.0;
        }
        double t = Math.tanh(z);
        return -2.0 * t * (1.0 - t * t);
    }
}
