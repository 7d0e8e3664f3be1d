package lab.sharpminima.symmetry;

import java.util.Random;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.TestNets;
import lab.sharpminima.linalg.SymmetricEigen;
import org.ejml.data.DMatrixRMaj;

/** Exact minima for the theorems' hypotheses: MSE with targets y = f_θ(x), so L(θ) = 0 and ∇²L(θ) ⪰ 0. */
final class Minima {

    final Network net;
    final double[] theta;
    final LossFunction loss;

    Minima(int[] widths, Activation act, boolean bias, int samples, long seed) {
        Random rnd = new Random(seed);
        net = TestNets.net(widths, act, bias);
        theta = TestNets.theta(net, rnd);
        DMatrixRMaj x = TestNets.data(net, LossKind.MSE, samples, rnd, false).x();
        loss = new LossFunction(net, LossKind.MSE, new Dataset(x, LossFunction.outputs(net, theta, x)));
    }

    /** ‖∇²L(θ')‖₂ from the Hessian assembled afresh at θ'. */
    double spectralNormAt(double[] t) {
        return SymmetricEigen.decompose(loss.hessian(t), false).spectralNorm();
    }

    /** ‖D ∇²L(θ) D‖₂, the identity of Section 4.2, computed independently of the search. */
    double spectralNormByIdentity(AlphaScale t) {
        DMatrixRMaj h = loss.hessian(theta);
        double[] d = t.paperD();
        for (int i = 0; i < d.length; i++) {
            for (int j = 0; j < d.length; j++) {
                h.set(i, j, d[i] * h.get(i, j) * d[j]);
            }
        }
        return SymmetricEigen.decompose(h, false).spectralNorm();
    }

    double relativeOutputChange(double[] moved) {
        return NeuronScaleTest.maxRelativeOutputChange(net, theta, moved, loss.data().x());
    }
}
