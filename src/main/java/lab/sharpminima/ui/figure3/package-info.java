/**
 * The "Figure 3 · volumes" view: the box B∞(r, θ) and its images T_α(B∞), T_α²(B∞), … over the toy
 * model's loss landscape, their equal areas 4r² and the running total k·4r² that grows without bound
 * (Dinh et al. 2017, Section 4, Theorem 2, Figure 3).
 *
 * <p>{@link lab.sharpminima.ui.figure3.Figure3ViewModel} holds state and commands (no {@code Node});
 * {@link lab.sharpminima.ui.figure3.Figure3View} builds the nodes; {@code Figure3Frames} draws the
 * chart off the FX thread (Java2D). Data from {@code figure.Figure3}; drawing from
 * {@code export.figures.Figure3Chart}.
 */
package lab.sharpminima.ui.figure3;
