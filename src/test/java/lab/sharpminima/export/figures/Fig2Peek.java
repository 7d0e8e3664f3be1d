package lab.sharpminima.export.figures;

import java.nio.file.Path;
import lab.sharpminima.export.ChartExport;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.figure.Figure2;
import lab.sharpminima.figure.LandscapeLayer;
import lab.sharpminima.figure.Presets;
import lab.sharpminima.figure.ToyProblem;

final class Fig2Peek {
    public static void main(String[] args) throws Exception {
        ToyProblem toy = ToyProblem.of(Presets.toy());
        LandscapeLayer layer = LandscapeLayer.build(toy, Presets.landscape());
        Figure2Chart c = new Figure2Chart(layer, ChartTheme.standard());
        c.showOverlay(Figure2.overlay(toy, Presets.landscape().window(), new Figure2.Settings(1, 1, 2, 0.1)));
        ChartExport.write(c.chart(), Path.of("/tmp/fig2.png"), 800, 600, 1);
    }
}
