/**
 * Loss landscapes in two dimensions: planes θ + a·d1 + b·d2 through parameter space, the loss on a
 * grid over a window of such a plane, marching-squares level curves, and the connected sublevel
 * region of Definition 1 (volume ε-flatness, Section 4.1, Theorem 2); slices along random,
 * filter-normalised (Li et al. 2018) and Hessian-eigenvector directions, the interpolation between two
 * minima (Keskar et al. 2017) and the PCA plane of a training trajectory — the pictures whose change
 * under T_α (Section 4) the lab shows. May import {@code engine},
 * {@code linalg} and {@code compute} (batched backends); no JavaFX, AWT or
 * charting.
 */
package lab.sharpminima.landscape;
