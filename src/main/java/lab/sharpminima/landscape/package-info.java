/**
 * Loss landscapes in two dimensions: planes θ + a·d1 + b·d2 through parameter space, the loss on a
 * grid over a window of such a plane, marching-squares level curves, and the connected sublevel
 * region of Definition 1 (volume ε-flatness, Section 4.1, Theorem 2). May import {@code engine},
 * {@code linalg} and {@code compute} (batched backends); no JavaFX, AWT or charting.
 */
package lab.sharpminima.landscape;
