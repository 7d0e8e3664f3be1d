package lab.sharpminima.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import lab.sharpminima.export.figures.FigureRenderer;

/**
 * A view that File → Export view… can write: its name for the {@code render} command and its current
 * settings as that command's preset keys, so that the file is drawn by the same chart builder, from
 * the same settings, as the view on screen.
 */
public interface ExportableFigure {

    /** Writes the view to a file; runs off the FX thread, so it holds only what it captured. */
    @FunctionalInterface
    interface Writer {
        /** To out (.png, .svg or .pdf) at width × height points, PNG pixels × scale. */
        void write(Path out, int width, int height, int scale) throws IOException;
    }

    /** {@code fig1} … {@code fig5}, {@code spectrum}, {@code measures}. */
    String figureName();

    /** The current settings, keyed as {@code render --preset} reads them (for fig1 … fig5). */
    Map<String, Double> exportSettings();

    /**
     * Called on the FX thread: captures the current settings and returns what writes them. By default
     * {@link FigureRenderer#write} of {@link #figureName()} with {@link #exportSettings()}; views of a
     * model (spectrum, measures) override it to draw the data they show.
     */
    default Writer exportWriter() {
        String name = figureName();
        Map<String, Double> settings = Map.copyOf(exportSettings());
        return (out, width, height, scale) -> FigureRenderer.write(name, settings, out, width, height, scale, false);
    }
}
