/**
 * Reading and writing model files ({@code sharp-minima-lab/model}, version 1, see
 * {@code spec/model-format.md}): strict validation with one-line messages that name the field,
 * bit-exact doubles, deterministic output and atomic saves.
 *
 * <p>May import {@code engine}, EJML and Jackson (tree model only); nothing from JavaFX or AWT.
 * Holds the conventions of Definition 3 of Dinh et al. (2017): row-vector inputs, θ_k of shape
 * in × out.
 */
package lab.sharpminima.engine.io;
