/**
 * Maps between observationally equivalent parameters — the α-scale transformation T_α of
 * Definition 5 and its multi-layer form (Section 4.2) — and, later, the reparametrizations of
 * Section 5. Depends on {@code engine} only; no JavaFX.
 */
package lab.sharpminima.symmetry;
