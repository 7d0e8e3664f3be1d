package lab.sharpminima.ui.lab;

import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.linalg.Lanczos;
import lab.sharpminima.measure.EpsilonSharpness;
import lab.sharpminima.linalg.SymmetricOperator;
import lab.sharpminima.symmetry.AlphaScale;
import lab.sharpminima.symmetry.NeuronScale;
import lab.sharpminima.symmetry.reparam.Objective;
import lab.sharpminima.symmetry.reparam.ReparametrizedLoss;
import lab.sharpminima.symmetry.reparam.WeightNormalization;
import org.ejml.data.DMatrixRMaj;

/**
 * The bridge to the paper: a trained θ and T_α θ side by side (Dinh et al. 2017, Definition 5). For a
 * network whose hidden activations are non-negative homogeneous (relu, leaky relu, linear), T_α leaves
 * f unchanged, so the boundary, the outputs and the test loss are identical up to rounding, while the
 * weights, λ_max(∇²L) = λ_max(D_α H D_α)-shaped quantities (Theorems 4–5) and ε-sharpness (Definition 2)
 * move.
 *
 * <p>Three transformations ({@link Mode}): T_α on the layers; one hidden unit's incoming weights and bias
 * × c and its outgoing weights × 1/c (Definition 4, the per-neuron group {@link NeuronScale}); and weight
 * normalisation (Section 5.1), where θ and f do not move at all but T'_α: v ↦ αv moves η, so λ_max of the
 * loss in the (v, s) coordinates, ∇²L_η, changes while the boundary stays.
 */
public final class Bridge {

    /** ε of the ε-sharpness readout (the measure command's default). */
    public static final double EPSILON = 1e-3;

    /** Which transformation the bridge applies. */
    public enum Mode {
        /** T_α of Definition 5: layer k × α_k, ∏ α = 1. */
        ALPHA("T_α (layers)"),
        /** One hidden unit: incoming weights and bias × c, outgoing × 1/c (Definition 4). */
        NEURON("One neuron"),
        /** Weight normalisation w = s v/‖v‖ in every layer and T'_α: v ↦ αv (Section 5.1). */
        WEIGHT_NORM("Weight norm");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        /** The toggle's text. */
        public String label() {
            return label;
        }
    }

    /**
     * One side of the comparison. In {@link Mode#WEIGHT_NORM} mode λ_max is that of ∇²L_η in the (v, s, b)
     * coordinates and ε-sharpness is NaN (it is defined on θ, which does not move).
     */
    public record Side(double[] theta, BoundaryGrid grid, double trainLoss, double testLoss, double lambdaMax,
                       double epsilonSharpness) {
    }

    /**
     * @param mode            the transformation applied
     * @param alpha           its parameters: the α_k (ALPHA), {c} (NEURON) or {α} (WEIGHT_NORM)
     * @param description     what was applied, for the readout (layers and units counted from 1)
     * @param maxOutputChange max |f(θ′, x) − f(θ, x)| over the grid and the test points
     */
    public record Result(Mode mode, double[] alpha, String description, Side before, Side after,
                         double maxOutputChange) {

        /** A T_α result. */
        public Result(double[] alpha, Side before, Side after, double maxOutputChange) {
            this(Mode.ALPHA, alpha, "T_α", before, after, maxOutputChange);
        }
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
        double[] after = new AlphaScale(p.network(), alpha).apply(theta);
        Side a = side(p, theta, window, size);
        Side b = side(p, after, window, size);
        return new Result(Mode.ALPHA, alpha.clone(), "T_α", a, b, maxChange(p, a, b));
    }

    /**
     * Compares θ and θ′ = the rescaling of one hidden unit by c (Definition 4): column {@code unit} of
     * θ_layer and b_layer[unit] × c, row {@code unit} of θ_{layer+1} × 1/c. Layer and unit are 0-based.
     *
     * @throws IllegalArgumentException when the layer is not hidden, the unit is out of range or c ≤ 0
     */
    public static Result compareNeuron(LabProblem p, double[] theta, int layer, int unit, double c,
                                       double[] window, int size) {
        double[] after = NeuronScale.single(p.network(), layer, unit, c).apply(theta);
        Side a = side(p, theta, window, size);
        Side b = side(p, after, window, size);
        String text = "layer " + (layer + 1) + " unit " + (unit + 1) + ": in × c, out × 1/c";
        return new Result(Mode.NEURON, new double[] {c}, text, a, b, maxChange(p, a, b));
    }

    /**
     * Weight normalisation of every layer, η = g⁻¹(θ) with v_j = w_j (so s_j = ‖w_j‖), then T'_α η: v ↦ αv
     * (Section 5.1). θ′ = g(T'_α η) equals θ up to rounding, so f, the boundary and the losses stay; since
     * ∇²L_η(T'_α η) = D ∇²L_η(η) D with D = 1/α on the v entries, λ_max(∇²L_η) moves.
     */
    public static Result compareWeightNorm(LabProblem p, double[] theta, double alpha, double[] window, int size) {
        WeightNormalization wn = WeightNormalization.allLayers(p.network());
        double[] eta = wn.eta(theta);
        double[] etaAfter = wn.scaleV(eta, alpha);
        ReparametrizedLoss lossEta = new ReparametrizedLoss(Objective.of(trainLoss(p)), wn);
        Side a = reparametrizedSide(p, theta, lossEta, eta, window, size);
        Side b = reparametrizedSide(p, wn.theta(etaAfter), lossEta, etaAfter, window, size);
        return new Result(Mode.WEIGHT_NORM, new double[] {alpha}, "v ↦ α v in every layer; λ_max of ∇²L_η", a, b,
                maxChange(p, a, b));
    }

    /** λ_max of ∇²L_η at η, by seeded Lanczos on the exact Hessian-vector products of L∘g. */
    public static double lambdaMax(ReparametrizedLoss loss, double[] eta) {
        SymmetricOperator h = new SymmetricOperator() {
            @Override
            public int dimension() {
                return loss.dimension();
            }

            @Override
            public void apply(double[] x, double[] y) {
                loss.hessianVectorProduct(eta, x, y);
            }
        };
        return Lanczos.of(1, Lanczos.Which.LARGEST_ALGEBRAIC).withSeed(1).withVectors(false).solve(h)
                .eigenvalues()[0];
    }

    /** max |f(θ′, x) − f(θ, x)| over the boundary grid and the test points (training points without a test set). */
    private static double maxChange(LabProblem p, Side a, Side b) {
        double change = a.grid() == null ? 0 : a.grid().maxAbsDifference(b.grid());
        Dataset test = p.split().test();
        Dataset probe = test != null ? test : p.split().train();
        DMatrixRMaj fa = LossFunction.outputs(p.network(), a.theta(), probe.x());
        DMatrixRMaj fb = LossFunction.outputs(p.network(), b.theta(), probe.x());
        for (int i = 0; i < fa.getNumElements(); i++) {
            change = Math.max(change, Math.abs(fa.get(i) - fb.get(i)));
        }
        return change;
    }

    private static LossFunction trainLoss(LabProblem p) {
        return new LossFunction(p.network(), p.loss(), p.split().train());
    }

    private static double testLoss(LabProblem p, double[] theta) {
        Dataset test = p.split().test();
        return test == null ? Double.NaN : new LossFunction(p.network(), p.loss(), test).value(theta);
    }

    private static Side side(LabProblem p, double[] theta, double[] window, int size) {
        LossFunction train = trainLoss(p);
        BoundaryGrid grid = window == null ? null : BoundaryGrid.compute(p.network(), theta, window, size);
        double eps = new EpsilonSharpness(EPSILON, 3, 50, 1).measure(train, theta).value();
        return new Side(theta.clone(), grid, train.value(theta), testLoss(p, theta), lambdaMax(train, theta), eps);
    }

    private static Side reparametrizedSide(LabProblem p, double[] theta, ReparametrizedLoss lossEta, double[] eta,
                                           double[] window, int size) {
        BoundaryGrid grid = window == null ? null : BoundaryGrid.compute(p.network(), theta, window, size);
        return new Side(theta.clone(), grid, trainLoss(p).value(theta), testLoss(p, theta), lambdaMax(lossEta, eta),
                Double.NaN);
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
