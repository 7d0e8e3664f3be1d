package lab.sharpminima.figure;

import java.util.ArrayList;
import java.util.List;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.Model;
import lab.sharpminima.compute.Backend;
import lab.sharpminima.measure.EpsilonSharpness;
import lab.sharpminima.measure.HessianRank;
import lab.sharpminima.measure.HessianSpectrum;
import lab.sharpminima.measure.Invariance;
import lab.sharpminima.measure.InvariantMeasures;
import lab.sharpminima.measure.KeskarSharpness;
import lab.sharpminima.measure.PacBayesFlatness;
import lab.sharpminima.measure.ScalarMeasure;
import org.ejml.data.DMatrixRMaj;

/**
 * The data of the measures table, shared by the Measures view and {@code render --figure measures}:
 * every measure of a model at θ (before) and at θ′ = s ⊙ θ (after, e.g. T_α of Definition 5), each
 * with its declared {@link Invariance} and whether it actually moved; plus the training and test loss
 * and max |Δf| over the data, which show that the map keeps the function (Theorems 3–5 of Dinh et al. 2017).
 */
public final class MeasuresTable {

    /** ε of the ε-sharpness and Keskar sharpness rows. */
    public static final double EPSILON = 1e-3;
    public static final long SEED = 1;
    /** |after − before| ≤ this relative to max(|before|, |after|) counts as not moved. */
    public static final double RELATIVE_TOLERANCE = 1e-6;
    /** … and so does a difference of at most this, for rows whose exact value is 0 (max |Δf|). */
    public static final double ABSOLUTE_FLOOR = 1e-12;

    /** One table row. */
    public record Row(String name, String key, double before, double after, Invariance declared) {

        /** |after − before| &gt; 10⁻⁶·max(|before|, |after|) and &gt; 10⁻¹². */
        public boolean moved() {
            double d = Math.abs(after - before);
            return d > RELATIVE_TOLERANCE * Math.max(Math.abs(before), Math.abs(after)) && d > ABSOLUTE_FLOOR;
        }
    }

    /** One measure's value at one point. */
    public record Value(String name, String key, double value, Invariance declared) {
    }

    /** The values at θ of a model, computed once and reused for every transformation. */
    public record Before(Model model, List<Value> values) {
        public Before {
            values = List.copyOf(values);
        }
    }

    /** What one computation produces. */
    public record Result(Before before, List<Row> rows) {
        public Result {
            rows = List.copyOf(rows);
        }
    }

    private MeasuresTable() {
    }

    /** The values at θ. */
    public static Before before(Model m) {
        return before(m, null);
    }

    /** The values at θ, ε-sharpness's restarts batched on {@code backend} (see {@link #valuesAt(Model, double[], Backend)}). */
    public static Before before(Model m, Backend backend) {
        return new Before(m, valuesAt(m, m.theta(), backend));
    }

    /**
     * Every row for θ′ = s ⊙ θ; {@code cached} is reused when it is of the same model. The map with
     * every s_i = 1 is exactly the identity, and its "after" values are the "before" ones.
     */
    public static Result compute(Model m, double[] scaling, Before cached) {
        return compute(m, scaling, cached, null);
    }

    /** {@link #compute(Model, double[], Before)} with ε-sharpness's restarts batched on {@code backend}. */
    public static Result compute(Model m, double[] scaling, Before cached, Backend backend) {
        double[] theta = m.theta();
        Before b = cached != null && cached.model() == m ? cached : before(m, backend);
        double[] moved = new double[theta.length];
        boolean identity = true;
        for (int i = 0; i < theta.length; i++) {
            moved[i] = scaling[i] * theta[i];
            identity &= scaling[i] == 1;
        }
        List<Value> after = identity ? b.values() : valuesAt(m, moved, backend);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            Value v = b.values().get(i);
            rows.add(new Row(v.name(), v.key(), v.value(), after.get(i).value(), v.declared()));
        }
        int lossRows = m.test() != null && m.test().size() > 0 ? 2 : 1;
        rows.add(lossRows, new Row("max |Δf| over the data", "maxOutputChange", 0, maxOutputChange(m, theta, moved),
                Invariance.INVARIANT));
        return new Result(b, rows);
    }

    /** Every measure of the model at {@code theta}, in table order (the losses first). */
    public static List<Value> valuesAt(Model m, double[] theta) {
        return valuesAt(m, theta, null);
    }

    /**
     * Every measure at {@code theta}; ε-sharpness's restarts advance together, each round evaluated in
     * one batch on {@code backend} ({@link EpsilonSharpness#measure(LossFunction, double[], Backend)}).
     * {@code null} runs them one at a time; on a {@link lab.sharpminima.compute.CpuBackend} the lockstep
     * ascent gives exactly the serial values, on an OpenCL device the same to its precision.
     */
    public static List<Value> valuesAt(Model m, double[] theta, Backend backend) {
        LossFunction f = m.lossFunction();
        List<Value> out = new ArrayList<>();
        out.add(new Value("L training loss", "loss", f.value(theta), Invariance.INVARIANT));
        if (m.test() != null && m.test().size() > 0) {
            LossFunction test = new LossFunction(m.network(), m.loss(), m.test());
            out.add(new Value("L test loss", "testLoss", test.value(theta), Invariance.INVARIANT));
        }
        addEpsilonSharpness(out, f, theta, backend);
        addScalar(out, "Keskar sharpness (ε = 10⁻³)", KeskarSharpness.of(EPSILON), f, theta);
        addHessian(out, f, theta);
        for (ScalarMeasure s : InvariantMeasures.all(SEED)) {
            addScalar(out, nameOf(s.key()), s, f, theta);
        }
        addScalar(out, "PAC-Bayes σ, isotropic",
                PacBayesFlatness.isotropic(PacBayesFlatness.DEFAULT_TARGET, PacBayesFlatness.DEFAULT_SAMPLES, SEED),
                f, theta);
        return out;
    }

    private static void addEpsilonSharpness(List<Value> out, LossFunction f, double[] theta, Backend backend) {
        EpsilonSharpness s = EpsilonSharpness.of(EPSILON);
        out.add(new Value("ε-sharpness (ε = 10⁻³)", s.key(), s.measure(f, theta, backend).value(),
                s.underAlphaScale()));
    }

    private static void addScalar(List<Value> out, String name, ScalarMeasure s, LossFunction f, double[] theta) {
        out.add(new Value(name, s.key(), s.value(f, theta), s.underAlphaScale()));
    }

    /** Spectral norm and trace (Section 4.2), and the rank when the Hessian is dense. */
    private static void addHessian(List<Value> out, LossFunction f, double[] theta) {
        HessianSpectrum h = HessianSpectrum.defaults();
        HessianSpectrum.Result r = h.measure(f, theta);
        out.add(new Value("‖∇²L‖₂ spectral norm", "hessian.spectralNorm", r.spectralNorm(), h.underAlphaScale()));
        out.add(new Value(r.method() == HessianSpectrum.Method.DENSE ? "tr ∇²L" : "tr ∇²L (Hutchinson)",
                "hessian.trace", r.trace(), h.underAlphaScale()));
        if (r.rank() >= 0) {
            out.add(new Value("rank ∇²L", "hessianRank", r.rank(), new HessianRank().underAlphaScale()));
        }
    }

    /** max |f_{θ′}(x) − f_θ(x)| over the training and test inputs. */
    public static double maxOutputChange(Model m, double[] before, double[] after) {
        double max = maxChange(m, m.data(), before, after);
        return m.test() == null ? max : Math.max(max, maxChange(m, m.test(), before, after));
    }

    private static double maxChange(Model m, Dataset d, double[] before, double[] after) {
        DMatrixRMaj y0 = LossFunction.outputs(m.network(), before, d.x());
        DMatrixRMaj y1 = LossFunction.outputs(m.network(), after, d.x());
        double max = 0;
        for (int i = 0; i < y0.getNumElements(); i++) {
            max = Math.max(max, Math.abs(y1.get(i) - y0.get(i)));
        }
        return max;
    }

    private static String nameOf(String key) {
        return switch (key) {
            case "asam" -> "adaptive sharpness (ASAM, η = 0)";
            case "relativeFlatness" -> "relative flatness (last layer)";
            case "fisherRao" -> "Fisher–Rao norm";
            case "pacBayesMag" -> "PAC-Bayes σ, magnitude-aware (ε = 0)";
            default -> key;
        };
    }
}
