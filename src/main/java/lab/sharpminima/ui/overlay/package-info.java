/**
 * A chart pane shared by the figure views: a JFreeChart {@code ChartViewer} holding the static layer
 * (the loss curve or landscape, repainted only on resize and zoom) under a transparent canvas where the
 * overlay that the sliders move is redrawn alone, at most once per pulse (issue 4, "draw in layers");
 * and, for charts whose every step changes much (Figures 3 and 5), frames drawn off the FX thread with
 * Java2D into images ({@code ChartImages}, {@code OffThreadFrames}) that a {@code ChartImagePane} swaps in.
 *
 * <p>May import JavaFX, JFreeChart and {@code export}; holds no figure-specific logic.
 */
package lab.sharpminima.ui.overlay;
