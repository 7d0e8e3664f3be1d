/**
 * The "Figure 5 · reparametrization" view: a 1-D loss with three minima of similar curvature and the
 * same loss over η for two radial reparametrizations η = (|θ − θ̂|² + b)^a (θ − θ̂), whose a, b and θ̂
 * are live; the curvature at each minimum becomes L''·(dθ/dη)² (Dinh et al. 2017, Section 5, Figure 5).
 *
 * <p>{@link lab.sharpminima.ui.figure5.Figure5ViewModel} holds state and commands (no {@code Node});
 * {@link lab.sharpminima.ui.figure5.Figure5View} builds the nodes; {@code Figure5Frames} draws the
 * chart off the FX thread (Java2D). Data from {@code figure.Figure5}; drawing from
 * {@code export.figures.Figure5Chart}.
 */
package lab.sharpminima.ui.figure5;
