/**
 * Experiments that put the paper's argument to work on trained networks: small- versus large-batch
 * training (Keskar et al. 2017) and the α-scale transformation (Definition 5, Theorem 4) that reverses
 * their sharpness ranking while the function stays the same (Sections 4 and 5). May import
 * {@code engine}, {@code linalg}, {@code measure}, {@code symmetry} and {@code landscape}; no JavaFX,
 * AWT or charting.
 */
package lab.sharpminima.experiment;
