/**
 * The "Measures" tab: every flatness and sharpness measure before and after the α-scale transformation
 * T_α (Definition 5; Theorems 3–5 of Dinh et al. 2017), its declared invariance next to whether it
 * moved, and the loss and max |Δf| rows that show the function is unchanged. May import JavaFX,
 * ui, measure, symmetry and engine.
 */
package lab.sharpminima.ui.measures;
