package lab.sharpminima.ui.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.Model;
import lab.sharpminima.engine.Network;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * What the Model view shows about a model, computed once off the FX thread.
 *
 * @param fileName      the file it came from
 * @param architecture  e.g. "2-4-1 relu,linear, biases"
 * @param layers        one row per layer
 * @param n             number of parameters, the length of θ
 * @param loss          the loss id ("mse", "cross_entropy")
 * @param trainSamples  rows of {@code data} (0 when the file has none)
 * @param testSamples   rows of {@code test} (0 when the file has none)
 * @param trainLoss     L(θ) on {@code data}, empty without data
 * @param testLoss      the same loss on {@code test}, empty without a test set
 * @param gradientNorm  ‖∇L(θ)‖₂ on {@code data}, empty without data
 */
public record ModelSummary(String fileName, String architecture, List<LayerRow> layers, int n, String loss,
                           int trainSamples, int testSamples, OptionalDouble trainLoss, OptionalDouble testLoss,
                           OptionalDouble gradientNorm) {

    /** One layer as the table shows it; {@code activation} includes a leaky_relu's slope. */
    public record LayerRow(int index, int in, int out, String activation, boolean bias) {
    }

    public ModelSummary {
        layers = List.copyOf(layers);
    }

    /** Computes the summary: one forward/backward pass on the data and one forward pass on the test set. */
    public static ModelSummary of(String fileName, Model m) {
        Network net = m.network();
        OptionalDouble train = OptionalDouble.empty();
        OptionalDouble grad = OptionalDouble.empty();
        if (m.data() != null) {
            double[] g = new double[net.parameterCount()];
            train = OptionalDouble.of(m.lossFunction().gradient(m.theta(), g));
            grad = OptionalDouble.of(NormOps_DDRM.normF(DMatrixRMaj.wrap(g.length, 1, g)));
        }
        OptionalDouble test = m.test() == null ? OptionalDouble.empty()
                : OptionalDouble.of(new LossFunction(net, m.loss(), m.test()).value(m.theta()));
        return new ModelSummary(fileName, net.describe(), rows(net), net.parameterCount(), m.loss().id(),
                m.data() == null ? 0 : m.data().size(), m.test() == null ? 0 : m.test().size(), train, test, grad);
    }

    private static List<LayerRow> rows(Network net) {
        List<LayerRow> rows = new ArrayList<>();
        for (int k = 0; k < net.depth(); k++) {
            Layer l = net.layer(k);
            String act = l.activation() == Activation.LEAKY_RELU
                    ? l.activation().id() + " (slope " + l.slope() + ")" : l.activation().id();
            rows.add(new LayerRow(k + 1, l.in(), l.out(), act, l.bias()));
        }
        return rows;
    }
}
