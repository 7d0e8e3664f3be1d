/**
 * One chart builder per figure of Dinh et al. (2017), Figures 1–5 (Sections 2–5), drawn from the pure
 * figure data of {@code lab.sharpminima.figure}: a static layer built once in the constructor and an
 * overlay that a slider moves, redrawn alone. May use {@code java.awt}, JFreeChart and the
 * {@code export} primitives, never JavaFX; {@link lab.sharpminima.export.figures.FigureRenderer} is the
 * plain-argument entry point of the {@code render} command.
 */
package lab.sharpminima.export.figures;
