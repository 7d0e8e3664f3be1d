/**
 * Flatness and sharpness measures, one class each, each saying whether the α-scale transformation
 * moves it: the Hessian's spectrum, spectral norm and trace (Section 4.2) to begin with. May import
 * {@code engine}, {@code linalg} and {@code symmetry}; no JavaFX.
 */
package lab.sharpminima.measure;
