package lab.sharpminima.measure;

import java.nio.file.Path;
import java.util.Locale;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.Model;
import lab.sharpminima.engine.io.ModelFiles;

/**
 * Test-scope entry point for the independent check against {@code bench/sharpness_reference.py}
 * until the {@code measure} command prints these measures: {@code SharpnessJson MODEL.json
 * --epsilon E [--keskar]} prints {"value", "argmax", "seconds"} as one JSON line.
 */
public final class SharpnessJson {
    private SharpnessJson() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        double eps = 1e-3;
        boolean keskar = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--epsilon")) {
                eps = Double.parseDouble(args[++i]);
            } else if (args[i].equals("--keskar")) {
                keskar = true;
            } else {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Model model = ModelFiles.read(file);
        LossFunction f = model.lossFunction();
        long t0 = System.nanoTime();
        double value;
        double[] argmax;
        if (keskar) {
            KeskarSharpness.Result r = KeskarSharpness.of(eps).measure(f, model.theta());
            value = r.value();
            argmax = r.argmax();
        } else {
            EpsilonSharpness.Result r = EpsilonSharpness.of(eps).measure(f, model.theta());
            value = r.value();
            argmax = r.argmax();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "{\"value\":%s,\"seconds\":%.4f,\"argmax\":[", Double.toString(value),
                seconds));
        for (int i = 0; i < argmax.length; i++) {
            sb.append(i > 0 ? "," : "").append(Double.toString(argmax[i]));
        }
        System.out.println(sb.append("]}"));
    }
}
