package lab.sharpminima.ui.lab;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Map;
import lab.sharpminima.experiment.BatchSizeExperiment;
import lab.sharpminima.export.ChartExport;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.export.ColorScale;
import lab.sharpminima.ui.ExportableFigure;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.Drawable;

/**
 * File → Export view… for the Lab: the small- vs large-batch table when the experiment has run, else the
 * landscape (the 2-D slice through θ, beside the same slice at T_α θ when the bridge was applied).
 */
public final class LabExport implements ExportableFigure {

    private final LabViewModel vm;

    public LabExport(LabViewModel vm) {
        this.vm = vm;
    }

    @Override
    public String figureName() {
        return "lab";
    }

    @Override
    public Map<String, Double> exportSettings() {
        return Map.of();
    }

    @Override
    public Writer exportWriter() {
        BatchSizeExperiment.Result r = vm.experiment().resultProperty().get();
        List<ExperimentViewModel.Row> rows = List.copyOf(vm.experiment().rows());
        LandscapeSlice s = vm.landscape().sliceProperty().get();
        LandscapeSlice a = vm.landscape().sliceAfterProperty().get();
        return (out, width, height, scale) -> {
            if (r != null) {
                ExperimentChart c = new ExperimentChart(rows, "Small vs large batch on two moons, T_α with α = "
                        + ExperimentChart.alpha(r.alpha()), ExperimentViewModel.verdict(r), ChartTheme.standard());
                ChartExport.write(c, c.title(), out, width, height, scale);
            } else if (s != null) {
                ChartExport.write(landscape(s, a), "Loss landscape through θ", out, width, height, scale);
            } else {
                throw new IllegalStateException("nothing to export in the Lab: compute a slice or run the experiment");
            }
        };
    }

    /** The slice at θ, or θ and T_α θ side by side on one colour scale. */
    static Drawable landscape(LandscapeSlice s, LandscapeSlice a) {
        ChartTheme theme = ChartTheme.standard();
        ColorScale scale = LandscapeCharts.scale(s.plane().grid(), a == null ? null : a.plane().grid());
        JFreeChart left = LandscapeCharts.plane(s, scale, "slice through θ", theme);
        if (a == null) {
            return left;
        }
        JFreeChart right = LandscapeCharts.plane(a, scale, "the same slice at θ′", theme);
        return (Graphics2D g2, Rectangle2D area) -> {
            double half = area.getWidth() / 2;
            left.draw(g2, new Rectangle2D.Double(area.getX(), area.getY(), half, area.getHeight()));
            right.draw(g2, new Rectangle2D.Double(area.getX() + half, area.getY(), half, area.getHeight()));
        };
    }
}
