package lab.sharpminima.ui.lab;

import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.Network;
import lab.sharpminima.linalg.Lanczos;
import lab.sharpminima.measure.EpsilonSharpness;
import lab.sharpminima.symmetry.AlphaScale;
import org.ejml.data.DMatrixRMaj;

/**
 * The bridge to the paper: a trained θ and T_α θ side by side (Dinh et al. 2017, Definition 5). For a
 * network whose hidden activations are non-negative homogeneous (relu, leaky relu, linear), T_α leaves
 * f unchanged, so the boundary, the outputs and the test loss are identical up to rounding, while the
 * weights, λ_max(∇²L) = λ_max(D_α H D_α)-shaped quantities (Theorems 4–5) and ε-sharpness (Definition 2)
 * move.
 */
public final class Bridge {

    /** ε of the ε-sharpness readout (the measure command's default). */
    public static final double EPSILON = 1e-3;

    /** One side of the comparison. */
    public record Side(double[] theta, BoundaryGrid grid, double trainLoss, double testLoss, double lambdaMax,
                       double epsilonSharpness) {
    }

    /**
     * @param maxOutputChange max |f(T_α θ, x) − f(θ, x)| over the grid and the test points
     */
    public record Result(double[] alpha, Side before, Side after, double maxOutputChange) {
    }

    private Bridge() {
    }

    /** λ_max of the training-loss Hessian at θ, by Lanczos on Hessian-vector products (seeded). */
    public static double lambdaMax(LossFunction f, double[] theta) {
        return Lanczos.of(1, Lanczos.Which.LARGEST_ALGEBRAIC).withSeed(1).withVectors(false)
                .solve(f.hessianOperator(theta)).eigenvalues()[0];
    }

    /**
     * Compares θ and T_α θ; {@code alpha} has one entry per layer with ∏ α = 1.
     *
     * @param window the boundary grid's window ({@link BoundaryGrid#window}), or null without a grid
     */
    public static Result compare(LabProblem p, double[] theta, double[] alpha, double[] window, int size) {
        Network net = p.network();
        double[] after = new AlphaScale(net, alpha).apply(theta);
        Side a = side(p, theta, window, size);
        Side b = side(p, after, window, size);
        double change = a.grid() == null ? 0 : a.grid().maxAbsDifference(b.grid());
        Dataset test = p.split().test();
        Dataset probe = test != null ? test : p.split().train();
        DMatrixRMaj fa = LossFunction.outputs(net, theta, probe.x());
        DMatrixRMaj fb = LossFunction.outputs(net, after, probe.x());
        for (int i = 0; i < fa.getNumElements(); i++) {
            change = Math.max(change, Math.abs(fa.get(i) - fb.get(i)));
        }
        return new Result(alpha.clone(), a, b, change);
    }

    private static Side side(LabProblem p, double[] theta, double[] window, int size) {
        LossFunction train = new LossFunction(p.network(), p.loss(), p.split().train());
        Dataset test = p.split().test();
        double testLoss = test == null ? Double.NaN : new LossFunction(p.network(), p.loss(), test).value(theta);
        BoundaryGrid grid = window == null ? null : BoundaryGrid.compute(p.network(), theta, window, size);
        double eps = new EpsilonSharpness(EPSILON, 3, 50, 1).measure(train, theta).value();
        return new Side(theta.clone(), grid, train.value(theta), testLoss, lambdaMax(train, theta), eps);
    }

    /** α_k = 10^{e_k} for the free exponents, the last chosen so that ∏ α = 1 exactly. */
    public static double[] alphas(double[] freeLog10) {
        double[] a = new double[freeLog10.length + 1];
        double sum = 0;
        for (int k = 0; k < freeLog10.length; k++) {
            a[k] = Math.pow(10, freeLog10[k]);
            sum += freeLog10[k];
        }
        a[freeLog10.length] = Math.pow(10, -sum);
        return a;
    }
}
