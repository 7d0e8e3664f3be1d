package lab.sharpminima.export.figures;

import java.nio.file.Path;
import java.util.Map;

/** Renders fig1 … fig5 to /tmp/figN.png at the given scale, to look at them. */
final class FiguresPeek {
    public static void main(String[] args) throws Exception {
        int scale = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        for (String n : FigureRenderer.NAMES) {
            int w = n.equals("fig5") ? 1400 : 800;
            int h = n.equals("fig5") ? 500 : n.equals("fig4") ? 700 : 600;
            FigureRenderer.write(n, Map.of(), Path.of("/tmp/" + n + ".png"), w, h, scale, false);
        }
    }
}
