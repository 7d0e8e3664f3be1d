package lab.sharpminima.measure;

import java.util.Random;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.Network;
import lab.sharpminima.symmetry.AlphaScale;

/** The maps between observationally equivalent parameters that the measure tests apply. */
final class Symmetries {
    private Symmetries() {
    }

    /** A random T_α with log α_k uniform in [−spread, spread] for k &lt; K, the last completing the product. */
    static AlphaScale randomAlphaScale(Network net, Random rnd, double spread) {
        double[] first = new double[net.depth() - 1];
        for (int k = 0; k < first.length; k++) {
            first[k] = Math.exp(spread * (2 * rnd.nextDouble() - 1));
        }
        return AlphaScale.completing(net, first);
    }

    /** T_α with α_0 = a and the last α = 1/a (the others 1). */
    static AlphaScale firstVersusLast(Network net, double a) {
        double[] first = new double[net.depth() - 1];
        java.util.Arrays.fill(first, 1.0);
        first[0] = a;
        return AlphaScale.completing(net, first);
    }

    /**
     * Per-neuron scaling: hidden unit j of layer k gets c = exp(spread·U(−1, 1)): column j of θ_k and
     * b_k[j] are multiplied by c, row j of θ_{k+1} by 1/c. Every hidden unit of every hidden layer.
     */
    static double[] neuronScaling(Network net, double[] theta, Random rnd, double spread) {
        double[] out = theta.clone();
        for (int k = 0; k + 1 < net.depth(); k++) {
            for (int j = 0; j < net.layer(k).out(); j++) {
                scaleUnit(net, out, k, j, Math.exp(spread * (2 * rnd.nextDouble() - 1)));
            }
        }
        return out;
    }

    /** Unit j of hidden layer k by c (in place). */
    static void scaleUnit(Network net, double[] theta, int k, int j, double c) {
        Layer l = net.layer(k);
        for (int r = 0; r < l.in(); r++) {
            theta[net.offset(k) + r * l.out() + j] *= c;
        }
        if (l.bias()) {
            theta[net.biasOffset(k) + j] *= c;
        }
        Layer next = net.layer(k + 1);
        for (int t = 0; t < next.out(); t++) {
            theta[net.offset(k + 1) + j * next.out() + t] /= c;
        }
    }

    static double relativeDifference(double a, double b) {
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return scale == 0 ? 0 : Math.abs(a - b) / scale;
    }
}
