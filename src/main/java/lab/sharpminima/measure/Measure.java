package lab.sharpminima.measure;

/**
 * A flatness or sharpness measure (one class each), declaring what the paper's transformations do
 * to it: the α-scale transformation T_α (Definition 5, Section 4.2), per-neuron rescaling (the whole
 * group of non-negative homogeneity) and weight normalisation's T'_α: v ↦ αv (Section 5.1).
 * A property test verifies each declaration.
 */
public interface Measure {

    /** Key in the command line's JSON and in the app's measures table, e.g. {@code "epsSharpness"}. */
    String key();

    /** Where the measure comes from: the paper's definition, or the later work it cites. */
    String source();

    Invariance underAlphaScale();

    Invariance underNeuronScaling();

    Invariance underWeightNormalization();
}
