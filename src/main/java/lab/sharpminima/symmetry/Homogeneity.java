package lab.sharpminima.symmetry;

import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Network;

/** The precondition of Sections 4.2–4.3: T_α keeps the function only with homogeneous hidden units. */
final class Homogeneity {
    private Homogeneity() {
    }

    /**
     * @throws IllegalArgumentException naming the first hidden layer (counted from 1) whose activation
     *                                  is not non-negatively homogeneous (Definition 4), e.g. tanh
     */
    static void requireHiddenLayers(Network net) {
        for (int k = 0; k < net.depth() - 1; k++) {
            Activation a = net.layer(k).activation();
            if (!a.isNonNegativeHomogeneous()) {
                throw new IllegalArgumentException("layer " + (k + 1) + " has activation " + a.id()
                        + ", which is not non-negatively homogeneous: T_alpha would change the network's function"
                        + " (only relu, leaky_relu and linear hidden layers keep it)");
            }
        }
    }

    /** @throws IllegalArgumentException when the network has fewer than two layers (no T_α but the identity) */
    static void requireDepthTwo(Network net) {
        if (net.depth() < 2) {
            throw new IllegalArgumentException("the network has " + net.depth()
                    + " layer; an alpha-scale transformation needs at least 2");
        }
    }
}
