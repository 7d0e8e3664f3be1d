/**
 * Flatness and sharpness measures, one class each, each declaring what the α-scale transformation
 * (Definition 5, Section 4.2), per-neuron scaling and weight normalisation (Section 5.1) do to it:
 * volume ε-flatness (Definition 1, Theorem 2), the Hessian's spectrum, spectral norm, trace, rank and
 * eigenvalue count (Section 4.2), the ε-sharpness of Definition 2 with Keskar et al.'s full-space and
 * random-subspace variants (Section 4.3), and the scale-invariant answers of later work (adaptive
 * sharpness, relative flatness, the Fisher-Rao norm, magnitude-aware PAC-Bayes flatness;
 * {@link lab.sharpminima.measure.InvariantMeasures}). May import {@code engine}, {@code linalg},
 * {@code symmetry}, {@code landscape} and {@code compute} (batched backends); no JavaFX.
 */
package lab.sharpminima.measure;
