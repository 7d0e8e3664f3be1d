/**
 * Flatness and sharpness measures, one class each, each declaring what the α-scale transformation
 * (Definition 5, Section 4.2), per-neuron scaling and weight normalisation (Section 5.1) do to it: the
 * Hessian's spectrum, spectral norm, trace, rank and eigenvalue count (Section 4.2), and the
 * scale-invariant answers of later work (adaptive sharpness, relative flatness, the Fisher-Rao norm,
 * magnitude-aware PAC-Bayes flatness; {@link lab.sharpminima.measure.InvariantMeasures}). May import
 * {@code engine}, {@code linalg} and {@code symmetry}; no JavaFX.
 */
package lab.sharpminima.measure;
