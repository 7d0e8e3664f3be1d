package lab.sharpminima.figure;

import lab.sharpminima.landscape.Polyline;
import lab.sharpminima.landscape.Window;
import lab.sharpminima.linalg.SymmetricEigen;
import lab.sharpminima.measure.EpsilonSharpness;
import lab.sharpminima.symmetry.AlphaScale;
import org.ejml.data.DMatrixRMaj;

/**
 * Figure 2 of Dinh et al. (2017), level curves and symmetry: over the {@link LandscapeLayer} of the
 * toy model y = φ_rect(x·θ1)·θ2, the point T_α θ = (αθ1, θ2/α) of Definition 5 moves along its curve
 * θ1θ2 = const as the α slider moves, the function (and so L) unchanged, while the Hessian follows
 * ∇²L(T_α θ) = D_α ∇²L(θ) D_α (Section 4.2, D_α = diag(1/α, α)) and the ε-sharpness of Definition 2
 * moves (Section 4.3). This class builds the overlay; the landscape is built once per zoom.
 */
public final class Figure2 {

    /** Restarts of the ε-sharpness ascent in the overlay: in two dimensions a few suffice. */
    static final int SHARPNESS_RESTARTS = 4;
    static final int SHARPNESS_ITERATIONS = 100;

    private Figure2() {
    }

    /**
     * @param theta1  θ1 of the unscaled point
     * @param theta2  θ2 of the unscaled point
     * @param alpha   α of T_α, in [1e-6, 1e6] (the slider spans 1e-3 … 1e3)
     * @param epsilon ε of the ε-sharpness readout (&gt; 0)
     */
    public record Settings(double theta1, double theta2, double alpha, double epsilon) {
        public Settings {
            Checks.finite("theta1", theta1);
            Checks.finite("theta2", theta2);
            Checks.positive("alpha", alpha);
            if (alpha < 1e-6 || alpha > 1e6) {
                throw new IllegalArgumentException("alpha must be between 1e-6 and 1e6, got " + alpha);
            }
            Checks.positive("epsilon", epsilon);
        }

        public double[] theta() {
            return new double[] {theta1, theta2};
        }
    }

    /**
     * What the α slider moves.
     *
     * @param theta           the unscaled θ
     * @param point           T_α θ = (αθ1, θ2/α)
     * @param alpha           α
     * @param orbit           the curve θ1θ2 = θ1·θ2 through θ inside the window (empty for θ1 ≤ 0,
     *                        where T_α moves the point along the line θ2·θ1 = 0 of the constant f ≡ 0)
     * @param loss            L(T_α θ)
     * @param unscaledLoss    L(θ)
     * @param maxOutputChange max_i |f(x_i; T_α θ) − f(x_i; θ)| over the data
     * @param hessian         ∇²L(T_α θ), 2×2
     * @param eigenvalues     its eigenvalues, descending
     * @param eigenvectors    eigenvectors[i] = the unit eigenvector of eigenvalues[i]
     * @param trace           tr ∇²L(T_α θ)
     * @param sharpness       ε-sharpness of T_α θ (Definition 2), with its maximiser
     */
    public record Overlay(double[] theta, double[] point, double alpha, Polyline orbit, double loss,
                          double unscaledLoss, double maxOutputChange, DMatrixRMaj hessian, double[] eigenvalues,
                          double[][] eigenvectors, double trace, EpsilonSharpness.Result sharpness) {
        public Overlay {
            theta = theta.clone();
            point = point.clone();
            hessian = hessian.copy();
            eigenvalues = eigenvalues.clone();
            eigenvectors = new double[][] {eigenvectors[0].clone(), eigenvectors[1].clone()};
        }

        @Override
        public double[] theta() {
            return theta.clone();
        }

        @Override
        public double[] point() {
            return point.clone();
        }

        @Override
        public DMatrixRMaj hessian() {
            return hessian.copy();
        }

        @Override
        public double[] eigenvalues() {
            return eigenvalues.clone();
        }

        @Override
        public double[][] eigenvectors() {
            return new double[][] {eigenvectors[0].clone(), eigenvectors[1].clone()};
        }
    }

    /** The whole figure: the layer behind and the overlay in front. */
    public record Data(LandscapeLayer landscape, Overlay overlay) {
    }

    public static Data build(ToyProblem problem, LandscapeLayer.Settings landscape, Settings s) {
        return new Data(LandscapeLayer.build(problem, landscape), overlay(problem, landscape.window(), s));
    }

    /** The overlay alone, cheap enough for every slider event. */
    public static Overlay overlay(ToyProblem problem, Window window, Settings s) {
        double[] theta = s.theta();
        AlphaScale t = AlphaScale.twoLayer(problem.network(), s.alpha());
        double[] point = t.apply(theta);
        double[] before = problem.outputs(theta);
        double[] after = problem.outputs(point);
        double maxChange = 0;
        for (int i = 0; i < before.length; i++) {
            maxChange = Math.max(maxChange, Math.abs(after[i] - before[i]));
        }
        DMatrixRMaj h = problem.loss().hessian(point);
        SymmetricEigen eig = SymmetricEigen.decompose(h, true);
        double[][] vectors = {eig.vector(0), eig.vector(1)};
        Polyline orbit = theta[0] > 0
                ? LandscapeLayer.equalFunctionCurve(theta[0] * theta[1], window, LandscapeLayer.CURVE_POINTS)
                : new Polyline(new double[0], new double[0], false);
        EpsilonSharpness.Result sharp = new EpsilonSharpness(s.epsilon(), SHARPNESS_RESTARTS, SHARPNESS_ITERATIONS, 1)
                .measure(problem.loss(), point);
        return new Overlay(theta, point, s.alpha(), orbit, problem.loss().value(point), problem.loss().value(theta),
                maxChange, h, eig.values(), vectors, h.get(0, 0) + h.get(1, 1), sharp);
    }
}
