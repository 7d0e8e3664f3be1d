/**
 * Flatness and sharpness measures, one class each, each saying whether the α-scale transformation
 * moves it: the Hessian's spectrum, spectral norm and trace (Section 4.2), and the ε-sharpness of
 * Definition 2 with Keskar et al.'s full-space and random-subspace variants (Section 4.3), maximised
 * by projected gradient ascent with restarts. May import {@code engine}, {@code linalg} and
 * {@code symmetry}; no JavaFX.
 */
package lab.sharpminima.measure;
