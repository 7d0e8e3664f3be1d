/**
 * The "Spectrum" tab: the Hessian's eigenvalues and SLQ spectral density before and after the α-scale
 * transformation T_α (Definition 5, Section 4.2 of Dinh et al. 2017), with the identity
 * ∇²L(T_α θ) = D_α ∇²L(θ) D_α checked on the top eigenvalue. May import JavaFX, ControlsFX,
 * JFreeChart, ui, export, measure, symmetry, linalg and engine.
 */
package lab.sharpminima.ui.spectrum;
