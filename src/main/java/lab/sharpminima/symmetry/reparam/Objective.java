package lab.sharpminima.symmetry.reparam;

import lab.sharpminima.engine.LossFunction;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A twice differentiable function L: ℝⁿ → ℝ with its exact gradient and Hessian — the loss in the
 * original coordinates θ of Section 5.1. A network's {@link LossFunction} is one ({@link #of}); the
 * one-dimensional losses of Figure 5 and the quadratics of the tests are others.
 */
public interface Objective {

    /** n, the number of parameters. */
    int dimension();

    /** L(θ). */
    double value(double[] theta);

    /** {@code grad} ← ∇L(θ); returns L(θ). */
    double gradient(double[] theta, double[] grad);

    /** ∇²L(θ), dense n × n and symmetric. */
    DMatrixRMaj hessian(double[] theta);

    /** {@code out} ← ∇²L(θ)v; by default through the dense Hessian. */
    default void hessianVectorProduct(double[] theta, double[] v, double[] out) {
        DMatrixRMaj h = hessian(theta);
        CommonOps_DDRM.mult(h, DMatrixRMaj.wrap(v.length, 1, v), DMatrixRMaj.wrap(out.length, 1, out));
    }

    /** The network loss as an objective: exact gradient, dense Hessian and R-operator products. */
    static Objective of(LossFunction loss) {
        return new Objective() {
            @Override
            public int dimension() {
                return loss.dimension();
            }

            @Override
            public double value(double[] theta) {
                return loss.value(theta);
            }

            @Override
            public double gradient(double[] theta, double[] grad) {
                return loss.gradient(theta, grad);
            }

            @Override
            public DMatrixRMaj hessian(double[] theta) {
                return loss.hessian(theta);
            }

            @Override
            public void hessianVectorProduct(double[] theta, double[] v, double[] out) {
                loss.hessianVectorProduct(theta, v, out);
            }
        };
    }
}
