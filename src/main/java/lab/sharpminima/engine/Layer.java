package lab.sharpminima.engine;

/**
 * One fully connected layer: z = a·θ + b, a' = φ(z), with θ of shape {@code in × out} (inputs are row
 * vectors, Definition 3 of the paper).
 *
 * @param in         number of inputs
 * @param out        number of outputs (units)
 * @param activation φ
 * @param slope      negative-side slope of leaky_relu (ignored by other activations)
 * @param bias       whether the layer has a bias vector b of length {@code out}
 */
public record Layer(int in, int out, Activation activation, double slope, boolean bias) {

    /** The default leaky_relu slope of the model format. */
    public static final double DEFAULT_SLOPE = 0.01;

    public Layer {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("layer sizes must be positive, got in=" + in + ", out=" + out);
        }
        if (activation == null) {
            throw new IllegalArgumentException("activation is required");
        }
    }

    /** A layer with the default leaky_relu slope. */
    public static Layer of(int in, int out, Activation activation, boolean bias) {
        return new Layer(in, out, activation, DEFAULT_SLOPE, bias);
    }

    /** Number of weights, in·out. */
    public int weightCount() {
        return in * out;
    }

    /** Number of parameters: weights plus biases. */
    public int parameterCount() {
        return in * out + (bias ? out : 0);
    }

    /** Rows of the augmented matrix [θ; b]: {@code in}, plus one with a bias. */
    public int augmentedRows() {
        return bias ? in + 1 : in;
    }
}
