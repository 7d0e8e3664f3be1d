/**
 * The "Figure 2 · symmetry" view: level curves of the toy model's loss over (θ1, θ2), the curves of
 * equal function θ1θ2 = const, and the point T_α θ that a logarithmic α slider moves along its curve
 * while L and the outputs stay put and the Hessian follows D_α ∇²L D_α (Dinh et al. 2017, Section 4,
 * Definition 5, Figure 2; ε-sharpness of Definition 2).
 *
 * <p>{@link lab.sharpminima.ui.figure2.Figure2ViewModel} holds state and commands (no {@code Node});
 * {@link lab.sharpminima.ui.figure2.Figure2View} builds the nodes and the chart. Data comes from
 * {@code figure.Figure2}; drawing from {@code export}.
 */
package lab.sharpminima.ui.figure2;
