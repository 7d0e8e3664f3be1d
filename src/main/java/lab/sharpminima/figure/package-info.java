/**
 * The paper's figures as plain, immutable data (no JavaFX, AWT or charting), shared by the desktop app
 * and the {@code render} command: one builder per figure (Figures 1–5 of Dinh et al. 2017: Definitions
 * 1–2, Theorem 2, Section 4.3, Section 5), each split into a landscape layer that a slider does not move
 * and a cheap overlay that it does; and the guided path through the argument, as data. May import {@code engine}, {@code linalg}, {@code symmetry},
 * {@code measure} and {@code landscape}.
 */
package lab.sharpminima.figure;
