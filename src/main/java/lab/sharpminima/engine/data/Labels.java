package lab.sharpminima.engine.data;

import org.ejml.data.DMatrixRMaj;

/** Class labels 0 … k−1 as a target matrix. */
public final class Labels {

    private Labels() {
    }

    /**
     * The labels as one-hot rows of k columns ({@link Targets#CLASSES}), or as one column holding the
     * label as a number ({@link Targets#REGRESSION}).
     */
    public static DMatrixRMaj encode(int[] labels, int k, Targets targets) {
        if (targets == Targets.REGRESSION) {
            DMatrixRMaj y = new DMatrixRMaj(labels.length, 1);
            for (int i = 0; i < labels.length; i++) {
                y.data[i] = labels[i];
            }
            return y;
        }
        DMatrixRMaj y = new DMatrixRMaj(labels.length, k);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException("label " + labels[i] + " is outside 0.." + (k - 1));
            }
            y.data[i * k + labels[i]] = 1.0;
        }
        return y;
    }
}
