/**
 * Maps between observationally equivalent parameters — the α-scale transformation T_α of Definition 5
 * and its multi-layer form (Section 4.2), per-neuron rescaling (the whole group of non-negative
 * homogeneity, Definition 4) — and the paper's constructions with them: Theorem 4
 * ({@link lab.sharpminima.symmetry.SharpestDirection}), Theorem 5
 * ({@link lab.sharpminima.symmetry.ManyDirections}) and Section 4.3
 * ({@link lab.sharpminima.symmetry.EpsilonSharpening}). Depends on {@code engine} and {@code linalg}
 * only; no JavaFX.
 */
package lab.sharpminima.symmetry;
