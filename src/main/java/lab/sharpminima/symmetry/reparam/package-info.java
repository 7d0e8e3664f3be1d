/**
 * Reparametrizations of Section 5 of Dinh et al. (2017): maps g: η ↦ θ with the loss, gradient and
 * Hessian of L_η = L∘g (Section 5.1: weight normalization, the radial maps of Figure 5) and invertible
 * affine input preprocessing ξ with the input gradients of f∘ξ (Section 5.2). Depends on
 * {@code engine} and EJML only; no JavaFX.
 */
package lab.sharpminima.symmetry.reparam;
