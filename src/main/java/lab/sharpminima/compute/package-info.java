/**
 * Batched work for the heavy measures: the loss (and gradient) of one network at many parameter
 * vectors over the whole data set, exact Hessian-vector products at one θ along many directions
 * (Pearlmutter's R-operator, for the curvature of Sections 4–5), and a minibatch's loss and gradient
 * at one θ for training ({@code engine.train.MinibatchGradient}), behind one
 * {@link lab.sharpminima.compute.Backend} interface whose reference implementation is the
 * multi-threaded CPU one (its losses by {@code FastForward}, the blocked forward pass, exactly equal to the engine's,
 * that {@code landscape.PlaneLoss} also uses). Serves the grids of Section 4.1 (Figure 1's level
 * curves, slices), the ε-sharpness restarts of Section 3 (Definition 2) and the Monte-Carlo volumes of
 * Definition 1. May import {@code engine} only; no JavaFX, AWT or charting.
 */
package lab.sharpminima.compute;
