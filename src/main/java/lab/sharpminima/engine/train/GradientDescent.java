package lab.sharpminima.engine.train;

/**
 * Plain gradient descent, θ ← θ − η g. With the whole data set as the batch it is full-batch
 * gradient descent ({@code gd}); on shuffled minibatches it is stochastic gradient descent
 * ({@code sgd}). The two differ only in the batches the {@link Trainer} feeds it.
 */
public final class GradientDescent implements Optimizer {

    private final double lr;

    public GradientDescent(double learningRate) {
        this.lr = Optimizer.checkLearningRate(learningRate);
    }

    @Override
    public void step(double[] theta, double[] grad) {
        for (int i = 0; i < theta.length; i++) {
            theta[i] -= lr * grad[i];
        }
    }

    @Override
    public double learningRate() {
        return lr;
    }
}
