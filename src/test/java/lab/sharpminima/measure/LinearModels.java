package lab.sharpminima.measure;

import java.util.List;
import java.util.Random;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * One linear layer without bias under mse, L(W) = (1/N)‖XW − Y‖²: a quadratic whose Hessian is
 * (2/N)·XᵀX ⊗ I_m in the flat (row-major d × m) order, for known answers.
 */
final class LinearModels {
    private LinearModels() {
    }

    static LossFunction loss(int d, int m, int samples, Random rnd) {
        Network net = new Network(List.of(Layer.of(d, m, Activation.LINEAR, false)));
        DMatrixRMaj x = new DMatrixRMaj(samples, d);
        DMatrixRMaj y = new DMatrixRMaj(samples, m);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rnd.nextGaussian();
        }
        for (int i = 0; i < y.data.length; i++) {
            y.data[i] = rnd.nextGaussian();
        }
        return new LossFunction(net, LossKind.MSE, new Dataset(x, y));
    }

    /** XᵀX. */
    static DMatrixRMaj gram(LossFunction f) {
        DMatrixRMaj x = f.data().x();
        DMatrixRMaj g = new DMatrixRMaj(x.numCols, x.numCols);
        CommonOps_DDRM.multTransA(x, x, g);
        return g;
    }

    /** The least-squares minimiser (XᵀX)⁻¹XᵀY, flat. */
    static double[] minimiser(LossFunction f) {
        DMatrixRMaj x = f.data().x();
        DMatrixRMaj w = new DMatrixRMaj(x.numCols, f.data().y().numCols);
        CommonOps_DDRM.solve(x, f.data().y(), w);
        return w.data.clone();
    }
}
