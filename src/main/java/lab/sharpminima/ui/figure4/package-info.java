/**
 * The "Figure 4 · ε-balls" view of Dinh et al. (2017), Section 4.3, Figure 4: the ball B₂(ε, θ) in
 * green and B₂(ε, θ′) in red with θ′ = T_α θ and α = ε/‖θ₁‖, which computes the same function, over the
 * toy model's loss landscape; the red ball reaches the line θ₁ = 0 where the model is constant, so the
 * ε-sharpness (Definition 2) at θ′ is at least the constant function's excess loss.
 *
 * <p>{@link lab.sharpminima.ui.figure4.Figure4ViewModel} holds state and commands (no {@code Node});
 * {@link lab.sharpminima.ui.figure4.Figure4View} builds the nodes. Data from {@code figure.Figure4},
 * drawing from {@code export.figures.Figure4Chart}.
 */
package lab.sharpminima.ui.figure4;
