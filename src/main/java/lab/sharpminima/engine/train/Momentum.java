package lab.sharpminima.engine.train;

/**
 * Heavy-ball momentum (Polyak 1964) in PyTorch's formulation ({@code torch.optim.SGD} with
 * {@code momentum = β}, no dampening, no Nesterov): v ← β v + g, θ ← θ − η v, with v = g on the
 * first step (the same as starting from v = 0).
 */
public final class Momentum implements Optimizer {

    /** PyTorch users' usual β. */
    public static final double DEFAULT_BETA = 0.9;

    private final double lr;
    private final double beta;
    private double[] v;

    public Momentum(double learningRate) {
        this(learningRate, DEFAULT_BETA);
    }

    public Momentum(double learningRate, double beta) {
        this.lr = Optimizer.checkLearningRate(learningRate);
        this.beta = Optimizer.checkBeta("momentum β", beta);
    }

    @Override
    public void step(double[] theta, double[] grad) {
        if (v == null) {
            v = grad.clone();
        } else {
            for (int i = 0; i < v.length; i++) {
                v[i] = beta * v[i] + grad[i];
            }
        }
        for (int i = 0; i < theta.length; i++) {
            theta[i] -= lr * v[i];
        }
    }

    @Override
    public double learningRate() {
        return lr;
    }
}
