package lab.sharpminima.engine.data;

import java.util.Arrays;
import java.util.Random;
import lab.sharpminima.engine.Dataset;

/**
 * A data set divided into training and held-out test rows.
 *
 * @param train the training rows (never empty)
 * @param test  the test rows, or {@code null} when the test fraction gave none
 */
public record Split(Dataset train, Dataset test) {

    /**
     * Shuffles the rows with {@code new Random(seed)} ({@link Permutations#shuffled}) and puts the
     * last round(f·N) of the shuffled order in {@code test} and the rest, in shuffled order, in
     * {@code train}; the test set is capped at N − 1 rows so that training data is never empty.
     *
     * @param testFraction f in [0, 1)
     */
    public static Split trainTest(Dataset data, double testFraction, long seed) {
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new IllegalArgumentException("the test fraction must be in [0, 1), got " + testFraction);
        }
        int n = data.size();
        if (n == 0) {
            throw new IllegalArgumentException("cannot split an empty data set");
        }
        int nTest = (int) Math.min(n - 1, Math.round(testFraction * n));
        int[] order = Permutations.shuffled(n, new Random(seed));
        Dataset train = data.rows(Arrays.copyOfRange(order, 0, n - nTest));
        Dataset test = nTest == 0 ? null : data.rows(Arrays.copyOfRange(order, n - nTest, n));
        return new Split(train, test);
    }
}
