/**
 * The "Figure 1 · flatness" view: a 1-D loss curve with the ε-flatness width (the connected interval
 * where L &lt; L(θ) + ε, Definition 1 in one dimension) and the ε-sharpness height (max over
 * [θ − ε, θ + ε], Definition 2) of Dinh et al. (2017), Section 3, Figure 1, moved by θ and ε.
 *
 * <p>{@link lab.sharpminima.ui.figure1.Figure1ViewModel} holds state and commands (no {@code Node});
 * {@link lab.sharpminima.ui.figure1.Figure1View} builds the nodes. Data comes from {@code figure.Figure1};
 * drawing from {@code export.figures.Figure1Chart}.
 */
package lab.sharpminima.ui.figure1;
