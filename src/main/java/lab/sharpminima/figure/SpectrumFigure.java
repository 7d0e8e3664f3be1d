package lab.sharpminima.figure;

import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.Model;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import lab.sharpminima.linalg.SpectralDensity;
import lab.sharpminima.linalg.SymmetricOperator;
import lab.sharpminima.linalg.SymmetricEigen;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The data of the Hessian-spectrum figure, shared by the Spectrum view and {@code render --figure
 * spectrum}: the eigenvalues and the SLQ spectral density of ∇²L at θ (before) and at θ′ = s ⊙ θ
 * (after) for a diagonal symmetry — T_α (Definition 5, Section 4.2 of Dinh et al. 2017) or a
 * per-neuron rescaling — and the identity ∇²L(s ⊙ θ) = D ∇²L(θ) D with D = diag(1/s), checked on the
 * top eigenvalue: λ_max(D H D) from H at θ next to λ_max of the Hessian recomputed at θ′.
 *
 * <p>Dense Hessians only: the caller keeps n ≤ {@code HessianSpectrum.DEFAULT_DENSE_THRESHOLD}.
 */
public final class SpectrumFigure {

    /** SLQ settings: runs (PyHessian's n_v), Lanczos steps per run, grid points, seed. */
    public static final int DENSITY_RUNS = 4;
    public static final int DENSITY_STEPS = 80;
    public static final int DENSITY_BINS = 400;
    public static final long SEED = 1;

    /** Eigenvalues (descending) and the density curve at one point ({@code null} while not yet estimated). */
    public record Side(double[] eigenvalues, SpectralDensity.Curve density) {
        public Side {
            eigenvalues = eigenvalues.clone();
        }

        @Override
        public double[] eigenvalues() {
            return eigenvalues.clone();
        }
    }

    /**
     * Both sides and the identity's two numbers; {@code moved} names the moved point in the charts'
     * titles ("T_α θ"), {@code description} the map with its factors ("α = (2, 0.5)").
     */
    public record Data(Side before, Side after, double predictedTop, double recomputedTop, String moved,
                       String description) {

        /**
         * Whether the after side's density and the predicted top are there: {@link #eigenvalues} gives
         * the data without them, {@link #completed} adds them.
         */
        public boolean complete() {
            return after.density() != null;
        }

        /** recomputed − predicted, relative to |predicted|. */
        public double relativeDifference() {
            return Math.abs(recomputedTop - predictedTop) / Math.max(Math.abs(predictedTop), Double.MIN_NORMAL);
        }
    }

    /** H at θ of a model, decomposed: computed once per model and reused for every transformation. */
    public record Base(Model model, DMatrixRMaj hessian, Side side) {
    }

    private SpectrumFigure() {
    }

    /** H = ∇²L(θ), its eigenvalues and density. */
    public static Base base(Model m) {
        LossFunction f = m.lossFunction();
        DMatrixRMaj h = f.hessian(m.theta());
        return new Base(m, h, new Side(SymmetricEigen.decompose(h, false).values(), density(f, m.theta())));
    }

    /**
     * The figure for θ′ = s ⊙ θ, reusing {@code base} (of the same model).
     *
     * @param scaling   s, one positive factor per parameter (a symmetry's {@code scaling()})
     * @param moved       the moved point's name for titles, e.g. "T_α θ"
     * @param description the map with its factors, e.g. "α = (2, 0.5)"
     */
    public static Data build(Base base, double[] scaling, String moved, String description) {
        return completed(base, eigenvalues(base, scaling, moved, description), scaling);
    }

    /**
     * The first half of {@link #build}, what a slider step shows first: the Hessian recomputed at θ′
     * and its eigenvalues; no density at θ′ and no predicted top yet (NaN) — {@link #completed} adds them.
     */
    public static Data eigenvalues(Base base, double[] scaling, String moved, String description) {
        LossFunction f = base.model().lossFunction();
        double[] point = moved(base.model().theta(), scaling);
        Side after = new Side(SymmetricEigen.decompose(f.hessian(point), false).values(), null);
        return new Data(base.side(), after, Double.NaN, after.eigenvalues[0], moved, description);
    }

    /**
     * The second half of {@link #build}: λ_max(D H D) from H at θ, D = diag(1/s), and the SLQ density
     * at θ′, added to {@code partial} (from {@link #eigenvalues} with the same base and scaling).
     */
    public static Data completed(Base base, Data partial, double[] scaling) {
        return completed(base, partial, scaling, () -> false);
    }

    /**
     * {@link #completed(Base, Data, double[])} that gives up, throwing {@link CancellationException},
     * as soon as {@code stale} says the result is no longer wanted (checked before each Hessian-vector
     * product of the density's Lanczos runs): a view drops the second step of a slider step when the
     * next step comes, instead of making it wait.
     */
    public static Data completed(Base base, Data partial, double[] scaling, BooleanSupplier stale) {
        if (partial.complete()) {
            return partial;
        }
        cancelIf(stale);
        double[] d = new double[scaling.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = 1.0 / scaling[i];
        }
        LossFunction f = base.model().lossFunction();
        SymmetricOperator h = f.hessianOperator(moved(base.model().theta(), scaling));
        SpectralDensity.Curve curve = density(new SymmetricOperator() {
            @Override
            public int dimension() {
                return h.dimension();
            }

            @Override
            public void apply(double[] x, double[] y) {
                cancelIf(stale);
                h.apply(x, y);
            }
        });
        cancelIf(stale);
        double predictedTop = SymmetricEigen.decompose(scaled(base.hessian(), d), false).value(0);
        Side after = new Side(partial.after().eigenvalues, curve);
        return new Data(partial.before(), after, predictedTop, partial.recomputedTop(), partial.moved(),
                partial.description());
    }

    private static void cancelIf(BooleanSupplier stale) {
        if (stale.getAsBoolean()) {
            throw new CancellationException("a newer request came");
        }
    }

    /** θ′ = s ⊙ θ. */
    private static double[] moved(double[] theta, double[] scaling) {
        double[] point = new double[theta.length];
        for (int i = 0; i < point.length; i++) {
            point[i] = scaling[i] * theta[i];
        }
        return point;
    }

    /** D H D for a diagonal D given by its entries: (D H D)_{ij} = d_i H_{ij} d_j. */
    public static DMatrixRMaj scaled(DMatrixRMaj h, double[] d) {
        DMatrixRMaj out = h.copy();
        CommonOps_DDRM.multRows(d, out);
        CommonOps_DDRM.multCols(out, d);
        return out;
    }

    /** SLQ density with PyHessian's width, widened to span at least a few grid points. */
    static SpectralDensity.Curve density(LossFunction f, double[] theta) {
        return density(f.hessianOperator(theta));
    }

    private static SpectralDensity.Curve density(SymmetricOperator hessian) {
        SpectralDensity slq = SpectralDensity.estimate(hessian, DENSITY_RUNS, DENSITY_STEPS, SEED);
        double span = Math.max(slq.max() - slq.min(), 1e-12);
        double sigma = Math.max(slq.pyHessianSigma(), 3 * span / DENSITY_BINS);
        return slq.curve(DENSITY_BINS, sigma);
    }
}
