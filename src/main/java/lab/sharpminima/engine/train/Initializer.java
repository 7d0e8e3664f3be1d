package lab.sharpminima.engine.train;

import java.util.Random;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.Network;

/** Seeded random starting parameters. */
public final class Initializer {

    private Initializer() {
    }

    /**
     * Normal weights scaled for the layer's activation, biases zero:
     * <ul>
     *   <li>relu and leaky_relu layers: He et al. 2015 ("Kaiming normal", fan-in mode, PyTorch's
     *       gain), std = √(2 / (1 + s²)) / √in with s the negative slope (s = 0 for relu);</li>
     *   <li>tanh and linear layers: Glorot &amp; Bengio 2010 ("Xavier normal"), std = √(2 / (in + out)).</li>
     * </ul>
     * Entries are drawn from one {@code new Random(seed)} in θ order (layer by layer, row-major), so
     * the same network and seed give the same θ bit for bit.
     */
    public static double[] he(Network net, long seed) {
        Random rnd = new Random(seed);
        double[] theta = new double[net.parameterCount()];
        for (int k = 0; k < net.depth(); k++) {
            Layer l = net.layer(k);
            double std = standardDeviation(l);
            int o = net.offset(k);
            for (int i = 0; i < l.weightCount(); i++) {
                theta[o + i] = std * rnd.nextGaussian();
            }
        }
        return theta;
    }

    static double standardDeviation(Layer l) {
        Activation a = l.activation();
        if (a == Activation.RELU || a == Activation.LEAKY_RELU) {
            double s = a == Activation.RELU ? 0 : l.slope();
            return Math.sqrt(2.0 / (1 + s * s)) / Math.sqrt(l.in());
        }
        return Math.sqrt(2.0 / (l.in() + l.out()));
    }
}
