package lab.sharpminima.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.Model;
import lab.sharpminima.engine.Network;
import lab.sharpminima.symmetry.AlphaScale;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code transform}: writes T_α(θ) (Definition 5, Section 4.2) and how far the outputs moved. */
@Command(name = "transform", mixinStandardHelpOptions = true,
        description = "Apply the α-scale transformation T_α: θ_k → α_k θ_k (∏ α_k = 1) and write the new model.")
final class TransformCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--model", required = true, description = "Model file to transform.")
    Path model;

    @Option(names = "--alpha", required = true, split = ",", paramLabel = "A1,...,AK",
            description = "One α per layer, all > 0, product 1.")
    double[] alpha;

    @Option(names = "--out", required = true, description = "Where to write the transformed model.")
    Path out;

    @Override
    public Integer call() {
        Model m = Models.load(model);
        Network net = m.network();
        double[] moved;
        AlphaScale t;
        try {
            t = new AlphaScale(net, alpha);
            moved = t.applyChecked(m.theta());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        if (!net.isNonNegativeHomogeneous()) {
            spec.commandLine().getErr().println("note: " + model
                    + " has an activation that is not non-negatively homogeneous (tanh): T_α changes its function");
        }
        double change = Math.max(maxOutputChange(net, m.theta(), moved, m.data()),
                maxOutputChange(net, m.theta(), moved, m.test()));
        Models.save(m.withTheta(moved), out);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("alpha", t.alpha());
        result.put("maxOutputChange", change);
        Json.print(spec.commandLine().getOut(), result);
        return Cli.OK;
    }

    /** max |f_θ(x) − f_θ'(x)| over the rows of the data set (0 when there is none). */
    static double maxOutputChange(Network net, double[] a, double[] b, Dataset d) {
        if (d == null || d.size() == 0) {
            return 0;
        }
        DMatrixRMaj fa = LossFunction.outputs(net, a, d.x());
        DMatrixRMaj fb = LossFunction.outputs(net, b, d.x());
        double max = 0;
        for (int i = 0; i < fa.data.length; i++) {
            max = Math.max(max, Math.abs(fa.data[i] - fb.data[i]));
        }
        return max;
    }
}
