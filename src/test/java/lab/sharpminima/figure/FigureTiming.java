package lab.sharpminima.figure;

import java.util.function.Supplier;

/**
 * How long each figure's rebuild takes (median of repeated runs after warm-up): the overlays that a
 * slider event rebuilds (target &lt; 16 ms) and the 256×256 landscape layer built once per zoom.
 * Run: {@code java -cp target/classes:target/test-classes:<deps> lab.sharpminima.figure.FigureTiming}.
 */
public final class FigureTiming {

    private FigureTiming() {
    }

    public static void main(String[] args) {
        ToyProblem toy = ToyProblem.of(Presets.toy());
        LandscapeLayer.Settings land = Presets.landscape();
        LandscapeLayer.Settings across = Presets.landscapeAcrossAxis();
        report("landscape 256x256 + 24 contour levels", 3, 10, () -> LandscapeLayer.build(toy, land));
        report("figure1 overlay (theta, eps)", 50, 200, () -> Figure1.overlay(Presets.figure1(), Figure1.LOSS));
        report("figure1 curve (1001 samples)", 50, 200, () -> Figure1.curve(Presets.figure1(), Figure1.LOSS));
        double[] alpha = {1e-3, 0.1, 1, 10, 1e3};
        int[] k = {0};
        report("figure2 overlay (alpha)", 50, 200, () -> Figure2.overlay(toy, land.window(),
                new Figure2.Settings(1, 1, alpha[k[0]++ % alpha.length], 0.1)));
        report("figure3 boxes (k = 16)", 50, 200, () -> Figure3.build(new Figure3.Settings(1, 1, 0.25, 2, 16)));
        report("figure4 balls + two eps-sharpness ascents", 20, 100,
                () -> Figure4.build(toy, across.window(), Presets.figure4()));
        report("figure5 three panels (1001 samples each)", 20, 100, () -> Figure5.build(Presets.figure5()));
    }

    private static void report(String what, int warm, int runs, Supplier<?> task) {
        for (int i = 0; i < warm; i++) {
            task.get();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            task.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        java.util.Arrays.sort(ms);
        System.out.printf("%-45s median %8.3f ms   max %8.3f ms%n", what, ms[runs / 2], ms[runs - 1]);
    }
}
