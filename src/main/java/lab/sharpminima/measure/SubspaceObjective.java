package lab.sharpminima.measure;

import lab.sharpminima.engine.LossFunction;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** F(y) = L(θ + A y) for an n × p matrix A, with ∇F(y) = Aᵀ ∇L(θ + A y). */
final class SubspaceObjective implements AscentObjective {

    private final LossFunction f;
    private final double[] theta;
    private final DMatrixRMaj a;
    private final DMatrixRMaj x;
    private final DMatrixRMaj g;

    SubspaceObjective(LossFunction f, double[] theta, DMatrixRMaj a) {
        this.f = f;
        this.theta = theta;
        this.a = a;
        this.x = new DMatrixRMaj(a.numRows, 1);
        this.g = new DMatrixRMaj(a.numRows, 1);
    }

    @Override
    public int dimension() {
        return a.numCols;
    }

    /** θ + A y as a new flat vector. */
    double[] point(double[] y) {
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, 1);
        CommonOps_DDRM.mult(a, DMatrixRMaj.wrap(y.length, 1, y), out);
        for (int i = 0; i < theta.length; i++) {
            out.data[i] += theta[i];
        }
        return out.data;
    }

    @Override
    public double valueAndGradient(double[] y, double[] grad) {
        double loss = f.gradient(point(y), g.data);
        CommonOps_DDRM.multTransA(a, g, DMatrixRMaj.wrap(grad.length, 1, grad));
        return loss;
    }

    @Override
    public double value(double[] y) {
        return f.value(point(y));
    }
}
