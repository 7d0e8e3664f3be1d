package lab.sharpminima.engine.train;

/**
 * Adam (Kingma &amp; Ba 2015, Algorithm 1) with bias correction, in the order of operations of
 * PyTorch's {@code torch.optim.Adam} (single-tensor path, no weight decay, no amsgrad). At step t:
 * <pre>
 *   m ← m + (1 − β1)(g − m)                       (= β1 m + (1 − β1) g, PyTorch's lerp)
 *   v ← β2 v + (1 − β2) g²
 *   θ ← θ − (η / (1 − β1^t)) · m / (√v / √(1 − β2^t) + ε)
 * </pre>
 * Defaults β1 = 0.9, β2 = 0.999, ε = 1e-8.
 */
public final class Adam implements Optimizer {

    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private double[] m;
    private double[] v;
    private int t;

    public Adam(double learningRate) {
        this(learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this.lr = Optimizer.checkLearningRate(learningRate);
        this.beta1 = Optimizer.checkBeta("Adam β1", beta1);
        this.beta2 = Optimizer.checkBeta("Adam β2", beta2);
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("Adam ε must be a finite number > 0, got " + epsilon);
        }
        this.eps = epsilon;
    }

    @Override
    public void step(double[] theta, double[] grad) {
        if (m == null) {
            m = new double[theta.length];
            v = new double[theta.length];
        }
        t++;
        double stepSize = lr / (1 - Math.pow(beta1, t));
        double correction2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
        for (int i = 0; i < theta.length; i++) {
            double g = grad[i];
            m[i] += (1 - beta1) * (g - m[i]);
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            double denom = Math.sqrt(v[i]) / correction2Sqrt + eps;
            theta[i] -= stepSize * (m[i] / denom);
        }
    }

    @Override
    public double learningRate() {
        return lr;
    }

    /** t, the number of steps taken. */
    public int steps() {
        return t;
    }
}
