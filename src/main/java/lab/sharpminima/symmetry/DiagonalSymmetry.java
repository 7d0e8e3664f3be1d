package lab.sharpminima.symmetry;

/**
 * A map between observationally equivalent parameters that scales each parameter by its own
 * positive factor, θ' = s ⊙ θ: T_α and per-neuron rescaling. Its Jacobian is S = diag(s), and
 * differentiating L(Sθ) = L(θ) gives the identities of Theorem 3 / Section 4.2 with the paper's
 * D = S⁻¹: ∇L(Sθ) = ∇L(θ)·D and ∇²L(Sθ) = D ∇²L(θ) D.
 */
abstract class DiagonalSymmetry {

    private final double[] scaling;

    DiagonalSymmetry(double[] scaling) {
        this.scaling = scaling;
    }

    /** Who is responsible for the factor of parameter {@code i}, for error messages. */
    abstract String culprit(int i);

    /** Appended to overflow and underflow messages (e.g. how layers are counted). */
    String messageNote() {
        return "";
    }

    /** The diagonal s: θ' = s ⊙ θ. */
    public double[] scaling() {
        return scaling.clone();
    }

    /** The paper's D = diag(1/s) (Section 4.2), as its diagonal. */
    public double[] paperD() {
        double[] d = new double[scaling.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = 1.0 / scaling[i];
        }
        return d;
    }

    /** s ⊙ θ. */
    public double[] apply(double[] theta) {
        double[] out = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            out[i] = scaling[i] * theta[i];
        }
        return out;
    }

    /** θ / s, the inverse map. */
    public double[] invert(double[] theta) {
        double[] out = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            out[i] = theta[i] / scaling[i];
        }
        return out;
    }

    /**
     * s ⊙ θ, refusing a result that cannot represent the same function in doubles: a parameter that
     * overflows to ±∞, or a nonzero one that underflows to zero or a subnormal.
     *
     * @throws IllegalArgumentException naming the factor and the parameter that caused it
     */
    public double[] applyChecked(double[] theta) {
        double[] out = apply(theta);
        for (int i = 0; i < out.length; i++) {
            String what = Double.isInfinite(out[i]) ? "overflows"
                    : theta[i] != 0 && Math.abs(out[i]) < Double.MIN_NORMAL ? "underflows" : null;
            if (what != null) {
                throw new IllegalArgumentException(culprit(i) + " " + what + " parameter " + i + " (" + theta[i]
                        + " becomes " + out[i] + messageNote() + ")");
            }
        }
        return out;
    }
}
