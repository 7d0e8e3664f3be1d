package lab.sharpminima.experiment;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;

import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.data.BuiltinDataset;
import lab.sharpminima.engine.data.Split;
import lab.sharpminima.engine.train.Accuracy;
import lab.sharpminima.engine.train.Initializer;
import lab.sharpminima.engine.train.OptimizerKind;
import lab.sharpminima.engine.train.Trainer;
import lab.sharpminima.engine.train.TrainingConfig;
import lab.sharpminima.engine.train.TrainingListener;
import lab.sharpminima.engine.train.TrainingResult;
import lab.sharpminima.linalg.FastSymmetricEigenvalues;
import lab.sharpminima.measure.EpsilonSharpness;
import lab.sharpminima.measure.Invariance;
import lab.sharpminima.measure.InvariantMeasures;
import lab.sharpminima.measure.KeskarSharpness;
import lab.sharpminima.measure.ScalarMeasure;
import lab.sharpminima.symmetry.AlphaScale;
import lab.sharpminima.symmetry.SharpestDirection;

/**
 * Small-batch versus large-batch training (Keskar et al. 2017, "On Large-Batch Training for Deep
 * Learning: Generalization Gap and Sharp Minima") on two moons, and the reversal of Dinh et al. 2017:
 * an α-scale transformation T_α (Definition 5; multi-layer form of Section 4.2, on the orbit of
 * Theorem 4's proof, {@link SharpestDirection#orbit}) that makes the small-batch minimum the sharper of the two by
 * the Hessian's spectral norm and by ε-sharpness (Definition 2), while its function, hence its test
 * loss and accuracy, stays the same.
 *
 * <p>Both runs start from the same He initialisation and use the same shuffling seed; only the batch
 * size differs. Every number is a deterministic function of {@link Settings}: the same settings give
 * the same table bit for bit.
 */
public final class BatchSizeExperiment {

    /**
     * @param seed          seeds the data, the split, the initialisation, the shuffles and the measures
     * @param samples       two-moons points before the split
     * @param noise         two-moons noise
     * @param testFraction  share of the points held out
     * @param widths        layer widths (relu hidden layers with biases, linear output, cross-entropy)
     * @param smallBatch    the small batch size
     * @param largeBatch    the large batch size (0: the full training set)
     * @param learningRate  SGD's η, the same for both runs
     * @param epochs        passes over the data, the same for both runs
     * @param epsilon       ε of the ε-sharpness and Keskar sharpness
     * @param restarts      starting points of the sharpness maximisations
     * @param maxIterations ascent steps per start
     */
    public record Settings(long seed, int samples, double noise, double testFraction, int[] widths, int smallBatch,
                           int largeBatch, double learningRate, int epochs, double epsilon, int restarts,
                           int maxIterations) {

        /** 400 points, a 2-16-16-2 network, batch 16 against the full batch, 200 epochs at η = 0.1. */
        public static Settings defaults(long seed) {
            return new Settings(seed, 400, 0.1, 0.5, new int[] {2, 16, 16, 2}, 16, 0, 0.1, 200, 1e-3, 5, 100);
        }
    }

    /**
     * One measure in the three columns.
     *
     * @param invariant whether T_α leaves it unchanged (the losses, accuracies and invariant measures)
     */
    public record Row(String measure, double small, double large, double smallAfter, boolean invariant) {
    }

    /**
     * @param alpha           the α of T_α, one per layer, ∏ α_k = 1
     * @param rows            the table: losses, accuracies, Hessian, sharpness and invariant measures
     * @param thetaSmall      the small-batch minimum
     * @param thetaLarge      the large-batch minimum
     * @param thetaSmallAfter T_α applied to the small-batch minimum
     */
    public record Result(Settings settings, double[] alpha, List<Row> rows, double[] thetaSmall, double[] thetaLarge,
                         double[] thetaSmallAfter) {

        /** The row of a measure. */
        public Row row(String measure) {
            return rows.stream().filter(r -> r.measure().equals(measure)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no row " + measure));
        }
    }

    /** The dense Hessian's limit, as {@code measure}'s default dense threshold. */
    static final int MAX_PARAMETERS = 2000;

    /** Half-octaves of α tried each way before giving up: α from 2^-30 to 2^30. */
    static final int MAX_HALF_OCTAVES = 60;

    private BatchSizeExperiment() {
    }

    /**
     * Trains both networks, measures both minima, finds T_α and measures T_α θ_small.
     *
     * @throws IllegalStateException when a run diverges or no T_α in reach reverses both rankings
     */
    public static Result run(Settings s) {
        Dataset all = BuiltinDataset.MOONS.generate(s.samples(), s.noise(), s.seed());
        Split split = Split.trainTest(all, s.testFraction(), s.seed() + 1);
        Network net = Network.mlp(s.widths(), Activation.RELU, true);
        if (net.parameterCount() > MAX_PARAMETERS) {
            throw new IllegalArgumentException("the experiment uses the dense Hessian; the network " + net.describe()
                    + " has " + net.parameterCount() + " parameters, more than " + MAX_PARAMETERS);
        }
        LossFunction train = new LossFunction(net, BuiltinDataset.MOONS.defaultLoss(), split.train());
        LossFunction test = new LossFunction(net, BuiltinDataset.MOONS.defaultLoss(), split.test());
        double[] theta0 = Initializer.he(net, s.seed() + 2);
        double[] small = train(net, split, theta0, s.smallBatch(), s);
        double[] large = train(net, split, theta0, s.largeBatch(), s);
        Columns sm = measure(train, test, small, s);
        Columns lg = measure(train, test, large, s);
        AlphaScale scale = reversing(train, test, small, sm, lg, s);
        double[] after = scale.apply(small);
        Columns af = measure(train, test, after, s);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < sm.keys.size(); i++) {
            rows.add(new Row(sm.keys.get(i), sm.values.get(i), lg.values.get(i), af.values.get(i),
                    sm.invariant.get(i)));
        }
        return new Result(s, scale.alpha(), List.copyOf(rows), small, large, after);
    }

    private static double[] train(Network net, Split split, double[] theta0, int batch, Settings s) {
        TrainingConfig config = new TrainingConfig(OptimizerKind.SGD, s.learningRate(), batch, s.epochs(), s.seed() + 3);
        TrainingResult r = new Trainer(net, BuiltinDataset.MOONS.defaultLoss(), split.train(), split.test(), config)
                .train(theta0, TrainingListener.NONE);
        if (r.diverged() || r.cancelled()) {
            throw new IllegalStateException("training with batch " + batch + " stopped: " + r.message());
        }
        return r.theta();
    }

    /**
     * The T_α on {@link SharpestDirection#orbit}, α = (α, 1, …, 1, 1/α), with the smallest |log₂ α| on
     * the grid α = 2^{±j/2}, j = 1, 2, … (α &lt; 1 tried first at each j), whose image is sharper than
     * the large-batch minimum by both the spectral norm and ε-sharpness — each measured at T_α θ_small
     * itself. A fixed grid rather than a bisection keeps the choice a deterministic function of the
     * measured numbers.
     */
    private static AlphaScale reversing(LossFunction train, LossFunction test, double[] small, Columns sm,
                                        Columns lg, Settings s) {
        double largeNorm = lg.get("hessian.spectralNorm");
        double largeEps = lg.get("epsSharpness");
        for (int j = 1; j <= MAX_HALF_OCTAVES; j++) {
            for (int sign = -1; sign <= 1; sign += 2) {
                AlphaScale scale = SharpestDirection.orbit(train.network(), Math.pow(2, sign * j / 2.0));
                double[] theta = scale.apply(small);
                if (hessian(train, theta)[0] > largeNorm && epsSharpness(s).value(train, theta) > largeEps) {
                    double drift = Math.abs(test.value(theta) - sm.get("testLoss"));
                    if (drift > 1e-12) {
                        throw new IllegalStateException("T_alpha changed the test loss by " + drift
                                + "; the network is not non-negatively homogeneous");
                    }
                    return scale;
                }
            }
        }
        throw new IllegalStateException("no T_alpha with alpha in [2^-" + MAX_HALF_OCTAVES / 2 + ", 2^"
                + MAX_HALF_OCTAVES / 2 + "] made the small-batch minimum sharper by both the Hessian and eps-sharpness");
    }

    /**
     * ‖∇²L(θ)‖₂ and tr ∇²L(θ) from the exact dense Hessian, its eigenvalues on one thread: the
     * multi-threaded reduction is equal only up to rounding from run to run, and the table must be
     * reproducible bit for bit.
     */
    static double[] hessian(LossFunction f, double[] theta) {
        DMatrixRMaj h = f.hessian(theta);
        double[] eig = FastSymmetricEigenvalues.eigenvalues(h, 1);
        double norm = 0;
        for (double v : eig) {
            norm = Math.max(norm, Math.abs(v));
        }
        double trace = 0;
        for (int i = 0; i < h.numRows; i++) {
            trace += h.get(i, i);
        }
        return new double[] {norm, trace};
    }

    private static EpsilonSharpness epsSharpness(Settings s) {
        return new EpsilonSharpness(s.epsilon(), s.restarts(), s.maxIterations(), s.seed());
    }

    /** The column of one minimum, in row order. */
    private static final class Columns {
        final List<String> keys = new ArrayList<>();
        final List<Double> values = new ArrayList<>();
        final List<Boolean> invariant = new ArrayList<>();

        void put(String key, double value, boolean inv) {
            keys.add(key);
            values.add(value);
            invariant.add(inv);
        }

        double get(String key) {
            return values.get(keys.indexOf(key));
        }
    }

    private static Columns measure(LossFunction train, LossFunction test, double[] theta, Settings s) {
        Columns c = new Columns();
        Network net = train.network();
        c.put("trainLoss", train.value(theta), true);
        c.put("testLoss", test.value(theta), true);
        c.put("trainAccuracy", Accuracy.of(net, theta, train.data()), true);
        c.put("testAccuracy", Accuracy.of(net, theta, test.data()), true);
        double[] h = hessian(train, theta);
        c.put("hessian.spectralNorm", h[0], false);
        c.put("hessian.trace", h[1], false);
        c.put("epsSharpness", epsSharpness(s).value(train, theta), false);
        c.put("keskarSharpness",
                new KeskarSharpness(s.epsilon(), s.restarts(), s.maxIterations(), s.seed()).value(train, theta), false);
        for (ScalarMeasure m : InvariantMeasures.all(s.seed())) {
            c.put("invariant." + m.key(), m.value(train, theta), m.underAlphaScale() == Invariance.INVARIANT);
        }
        return c;
    }
}
