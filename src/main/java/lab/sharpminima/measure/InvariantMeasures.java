package lab.sharpminima.measure;

import java.util.List;

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
