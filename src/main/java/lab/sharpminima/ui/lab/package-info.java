/**
 * The "Lab" view (issue 5, items 1–4): train a small network live on a built-in or CSV data set, watch the
 * loss curves, the decision boundary, λ_max beside the 2/η edge of stability and the network diagram, then apply
 * T_α (Dinh et al. 2017, Definition 5 and Section 4), one unit's rescaling (Definition 4) or T'_α: v ↦ αv under
 * weight normalisation (Section 5.1, where λ_max of ∇²L_η moves while θ stays) to the trained minimum and see the function and test loss stay
 * while the weights, λ_max (Theorems 4–5) and ε-sharpness (Definition 2) move. The Landscape pane slices the loss
 * through θ (Li et al. 2018: random, filter-normalised, top-eigenvector or trajectory-PCA planes), at T_α θ beside
 * it, and between two saved minima (Keskar et al. 2017); the Experiment pane runs small- vs large-batch training.
 *
 * <p>{@link lab.sharpminima.ui.lab.TrainingRun}, {@link lab.sharpminima.ui.lab.LabProblem},
 * {@link lab.sharpminima.ui.lab.BoundaryGrid}, {@link lab.sharpminima.ui.lab.Bridge} and
 * {@link lab.sharpminima.ui.lab.LandscapeSlice} hold no JavaFX; {@link lab.sharpminima.ui.lab.LabViewModel},
 * {@link lab.sharpminima.ui.lab.LandscapeViewModel} and {@link lab.sharpminima.ui.lab.ExperimentViewModel} hold
 * state and commands (no {@code Node}); {@link lab.sharpminima.ui.lab.LabView}, BridgeChoice, LandscapePanel and ExperimentPanel
 * build the nodes; {@link lab.sharpminima.ui.lab.LandscapeCharts}, ExperimentChart and
 * {@link lab.sharpminima.ui.lab.LabExport} draw for the screen and File → Export view…. Training:
 * {@code engine.train}; data: {@code engine.data}; slices: {@code landscape}; the experiment: {@code experiment}.
 */
package lab.sharpminima.ui.lab;
