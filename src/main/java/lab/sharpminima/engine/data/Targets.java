package lab.sharpminima.engine.data;

/**
 * How targets are encoded in a {@link lab.sharpminima.engine.Dataset}'s {@code y}.
 * <ul>
 *   <li>{@link #REGRESSION}: numbers used as they are; a classification set gives a single label
 *       column 0, 1, …, k−1 (for {@code mse} on labels);</li>
 *   <li>{@link #CLASSES}: integer labels 0 … k−1 turned into one-hot rows of k columns, for
 *       {@code cross_entropy}.</li>
 * </ul>
 */
public enum Targets {
    REGRESSION,
    CLASSES
}
