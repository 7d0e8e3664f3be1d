package lab.sharpminima.measure;

import lab.sharpminima.engine.LossFunction;

/** A function to maximise, with its gradient in one pass. */
interface AscentObjective {

    int dimension();

    /** Writes ∇F(x) to {@code grad} and returns F(x); {@code x} is not modified. */
    double valueAndGradient(double[] x, double[] grad);

    /** F(x) alone. */
    double value(double[] x);

    /** F = L, the loss in the full parameter space. */
    static AscentObjective of(LossFunction f) {
        return new AscentObjective() {
            @Override
            public int dimension() {
                return f.dimension();
            }

            @Override
            public double valueAndGradient(double[] x, double[] grad) {
                return f.gradient(x, grad);
            }

            @Override
            public double value(double[] x) {
                return f.value(x);
            }
        };
    }
}
