package lab.sharpminima.export.figures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import lab.sharpminima.engine.Model;
import lab.sharpminima.export.ChartExport;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.figure.MeasuresTable;
import lab.sharpminima.figure.SpectrumFigure;
import lab.sharpminima.measure.HessianSpectrum;
import lab.sharpminima.symmetry.AlphaScale;
import lab.sharpminima.symmetry.NeuronScale;

/**
 * The figures of an opened model — {@code spectrum} (the Hessian's eigenvalues and SLQ density before
 * and after a diagonal symmetry, with the identity ∇²L(s ⊙ θ) = D ∇²L(θ) D of Section 4.2) and
 * {@code measures} (the measures table) — written to PNG, SVG or PDF with plain arguments, for the
 * {@code render} command (which may not see AWT or JFreeChart) and for the app's File → Export view….
 */
public final class ModelFigureRenderer {

    /** The figure names, in order. */
    public static final List<String> NAMES = List.of("spectrum", "measures");

    /** A diagonal symmetry θ′ = s ⊙ θ with its names: see {@link SpectrumFigure#build}. */
    public record Transform(double[] scaling, String moved, String description) {
        public Transform {
            scaling = scaling.clone();
        }

        @Override
        public double[] scaling() {
            return scaling.clone();
        }

        /** T_α (Definition 5, multi-layer form): "T_α θ", "α = (α₁, …, α_K)". */
        public static Transform alpha(AlphaScale t) {
            StringBuilder sb = new StringBuilder("α = (");
            double[] a = t.alpha();
            for (int k = 0; k < a.length; k++) {
                sb.append(k == 0 ? "" : ", ").append(Numbers.compact(a[k]));
            }
            return new Transform(t.scaling(), "T_α θ", sb.append(")").toString());
        }

        /**
         * A per-neuron rescaling (incoming weights and bias × c, outgoing × 1/c): "θ′" and the
         * caller's description, e.g. "unit 2 of layer 1 × c, c = 3.16".
         */
        public static Transform neuron(NeuronScale s, String description) {
            return new Transform(s.scaling(), "θ′", description);
        }

        /** "unit j of layer k × c, c = …", both counted from 1. */
        public static String neuronDescription(int layer, int unit, double c) {
            return "unit " + unit + " of layer " + layer + " × c, c = " + Numbers.compact(c);
        }
    }

    private ModelFigureRenderer() {
    }

    /**
     * Computes and writes figure {@code name} for the model and map.
     *
     * @param log eigenvalue bars on a log₁₀|λ| scale (spectrum only)
     * @throws IllegalArgumentException for a bad name, size, scale or extension, a model without data,
     *                                  or (spectrum) one above the dense threshold
     * @throws IOException              when the file cannot be written
     */
    public static void write(String name, Model model, Transform t, boolean log, Path out, int width, int height,
                             int scale, boolean presentation) throws IOException {
        check(out, width, height, scale);
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown figure '" + name + "'; use one of " + NAMES);
        }
        if (model.data() == null) {
            throw new IllegalArgumentException("the model has no data: the " + name + " figure needs its training set");
        }
        if (t.scaling.length != model.network().parameterCount()) {
            throw new IllegalArgumentException("the transformation has " + t.scaling.length
                    + " factors for a model of " + model.network().parameterCount() + " parameters");
        }
        if (name.equals("spectrum")) {
            int n = model.network().parameterCount();
            if (n > HessianSpectrum.DEFAULT_DENSE_THRESHOLD) {
                throw new IllegalArgumentException("the model has n = " + n + " parameters: the spectrum figure "
                        + "needs n ≤ " + HessianSpectrum.DEFAULT_DENSE_THRESHOLD + " (dense Hessian)");
            }
            SpectrumFigure.Data d = SpectrumFigure.build(SpectrumFigure.base(model), t.scaling, t.moved(),
                    t.description());
            writeSpectrum(d, log, out, width, height, scale, presentation);
        } else {
            MeasuresTable.Result r = MeasuresTable.compute(model, t.scaling, null);
            writeMeasures(r.rows(), "Measures at θ and at " + t.moved() + ",  " + t.description(), out, width,
                    height, scale, presentation);
        }
    }

    /** Writes already computed spectrum data, as the Spectrum view shows it. */
    public static void writeSpectrum(SpectrumFigure.Data data, boolean log, Path out, int width, int height,
                                     int scale, boolean presentation) throws IOException {
        check(out, width, height, scale);
        ChartExport.write(SpectrumChart.drawing(data, log, theme(presentation)),
                "Hessian spectrum, " + data.description(), out, width, height, scale);
    }

    /** Writes already computed table rows, as the Measures view shows them. */
    public static void writeMeasures(List<MeasuresTable.Row> rows, String title, Path out, int width, int height,
                                     int scale, boolean presentation) throws IOException {
        check(out, width, height, scale);
        ChartExport.write(new MeasuresChart(rows, title, theme(presentation)), title, out, width, height, scale);
    }

    private static ChartTheme theme(boolean presentation) {
        return presentation ? ChartTheme.presentation() : ChartTheme.standard();
    }

    private static void check(Path out, int width, int height, int scale) {
        ChartExport.Format.of(out);
        if (width < 1 || height < 1 || width > ChartExport.MAX_SIDE || height > ChartExport.MAX_SIDE) {
            throw new IllegalArgumentException("--width and --height must be 1 … " + ChartExport.MAX_SIDE
                    + ", got " + width + " × " + height);
        }
        if (scale < 1 || scale > ChartExport.MAX_SCALE) {
            throw new IllegalArgumentException("--scale must be 1 … " + ChartExport.MAX_SCALE + ", got " + scale);
        }
    }
}
