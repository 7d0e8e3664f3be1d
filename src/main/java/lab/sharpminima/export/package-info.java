/**
 * How the app's figures are drawn and written out: our chart theme, perceptually uniform colour
 * maps, heat maps as one image, contour and geometry overlays, and atomic PNG (1×, 2×, 4×), SVG and
 * PDF writers. This package may use {@code java.awt}, JFreeChart, JFreeSVG and OrsonPDF but never
 * JavaFX; both the {@code ui} views and the {@code render} command draw through it, so an exported
 * file is the same drawing as the window shows.
 */
package lab.sharpminima.export;
