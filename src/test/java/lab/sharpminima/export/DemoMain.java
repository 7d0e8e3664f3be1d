package lab.sharpminima.export;

import java.nio.file.Path;

/** Writes the demo chart for a look by eye: DemoMain OUT.png|svg|pdf [scale] [presentation]. */
final class DemoMain {
    public static void main(String[] args) throws Exception {
        ChartTheme theme = args.length > 2 ? ChartTheme.presentation() : ChartTheme.standard();
        ChartExport.write(DemoChart.build(theme), Path.of(args[0]), 640, 520,
                args.length > 1 ? Integer.parseInt(args[1]) : 1);
    }
}
