package lab.sharpminima.measure;

import java.util.List;
import lab.sharpminima.engine.Network;

/**
 * The scalar measures that T_α leaves exactly unchanged (up to rounding) on networks with
 * non-negatively homogeneous activations, biases allowed: the answers later work gave to
 * Dinh et al. 2017's Theorems 3–5. Each is declared {@link Invariance#INVARIANT} under T_α and a
 * property test checks it numerically.
 */
public final class InvariantMeasures {

    private InvariantMeasures() {
    }

    /**
     * Whether T_α (and per-neuron scaling) keep the network's function at all, the premise of every
     * INVARIANT declaration: every activation non-negatively homogeneous (Definition 4). Biases are
     * allowed. On other networks (tanh) the measures are still defined, but nothing keeps them fixed.
     */
    public static boolean invarianceHolds(Network net) {
        return net.isNonNegativeHomogeneous();
    }

    /**
     * Adaptive sharpness with η = 0, relative flatness of the last layer, the Fisher-Rao norm and the
     * magnitude-aware PAC-Bayes flatness with ε = 0, each with its defaults and the given seed
     * where it draws random numbers.
     */
    public static List<ScalarMeasure> all(long seed) {
        List<ScalarMeasure> list = List.of(
                new AdaptiveSharpness(AdaptiveSharpness.DEFAULT_RHO, 0, AdaptiveSharpness.DEFAULT_STEPS,
                        AdaptiveSharpness.DEFAULT_RANDOM_STARTS, seed),
                RelativeFlatness.lastLayer(),
                new FisherRaoNorm(),
                PacBayesFlatness.magnitudeAware(PacBayesFlatness.DEFAULT_TARGET, 0, PacBayesFlatness.DEFAULT_SAMPLES,
                        seed));
        for (ScalarMeasure m : list) {
            if (m.underAlphaScale() != Invariance.INVARIANT) {
                throw new AssertionError(m.key() + " is not declared invariant under T_α");
            }
        }
        return list;
    }
}
