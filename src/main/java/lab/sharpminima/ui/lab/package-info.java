/**
 * The "Lab" view (issue 5, items 1 and 3): train a small network live on a built-in or CSV data set, watch the
 * loss curves, the decision boundary, λ_max beside the 2/η edge of stability and the network diagram, then apply
 * T_α (Dinh et al. 2017, Definition 5 and Section 4) to the trained minimum and see the function and test loss stay
 * while the weights, λ_max (Theorems 4–5) and ε-sharpness (Definition 2) move.
 *
 * <p>{@link lab.sharpminima.ui.lab.TrainingRun}, {@link lab.sharpminima.ui.lab.LabProblem},
 * {@link lab.sharpminima.ui.lab.BoundaryGrid} and {@link lab.sharpminima.ui.lab.Bridge} hold no JavaFX;
 * {@link lab.sharpminima.ui.lab.LabViewModel} holds state and commands (no {@code Node});
 * {@link lab.sharpminima.ui.lab.LabView} builds the nodes. Training: {@code engine.train}; data: {@code engine.data}.
 */
package lab.sharpminima.ui.lab;
