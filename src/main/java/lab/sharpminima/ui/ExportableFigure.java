package lab.sharpminima.ui;

import java.util.Map;

/**
 * A view of one of the paper's figures that File → Export view… can write: its name for the
 * {@code render} command and its current settings as that command's preset keys, so that the file
 * is drawn by the same chart builder, from the same settings, as the view on screen.
 */
public interface ExportableFigure {

    /** {@code fig1} … {@code fig5}. */
    String figureName();

    /** The current settings, keyed as {@code render --preset} reads them. */
    Map<String, Double> exportSettings();
}
