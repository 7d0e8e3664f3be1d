package lab.sharpminima.engine.train;

import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.Network;
import org.ejml.data.DMatrixRMaj;

/** Classification accuracy: the share of samples whose largest output is at their target's largest entry. */
public final class Accuracy {

    private Accuracy() {
    }

    /**
     * (1/N) #{i : argmax_j f_θ(x_i)_j = argmax_j y_ij}, ties going to the lower index. Needs targets
     * with at least two columns (one-hot rows or distributions).
     */
    public static double of(Network net, double[] theta, Dataset data) {
        if (data.outputDimension() < 2) {
            throw new IllegalArgumentException("accuracy needs class targets with at least 2 columns, got "
                    + data.outputDimension());
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("accuracy of an empty data set");
        }
        DMatrixRMaj f = LossFunction.outputs(net, theta, data.x());
        int k = data.outputDimension();
        int hits = 0;
        for (int i = 0; i < data.size(); i++) {
            if (argmax(f.data, i * k, k) == argmax(data.y().data, i * k, k)) {
                hits++;
            }
        }
        return (double) hits / data.size();
    }

    /** The index in 0 … len−1 of the largest of a[offset … offset+len−1]; the first on ties. */
    public static int argmax(double[] a, int offset, int len) {
        int best = 0;
        for (int j = 1; j < len; j++) {
            if (a[offset + j] > a[offset + best]) {
                best = j;
            }
        }
        return best;
    }
}
