package lab.sharpminima.export.figures;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.plot.XYPlot;

/** The annotations one overlay added to a plot, so that the next overlay can remove exactly them. */
final class AnnotationLayer {

    private final XYPlot plot;
    private final List<XYAnnotation> items = new ArrayList<>();

    AnnotationLayer(XYPlot plot) {
        this.plot = plot;
    }

    /** Records an annotation already added to the plot; returns it. */
    XYAnnotation add(XYAnnotation a) {
        items.add(a);
        return a;
    }

    /** Removes every recorded annotation from the plot, without a change event per removal. */
    void clear() {
        for (XYAnnotation a : items) {
            plot.removeAnnotation(a, false);
        }
        items.clear();
    }

    List<XYAnnotation> items() {
        return List.copyOf(items);
    }
}
