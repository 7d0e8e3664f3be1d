package lab.sharpminima.engine.data;

import java.util.Random;

/** Seeded permutations, the one shuffle every part of the engine uses so that seeds mean the same. */
public final class Permutations {

    private Permutations() {
    }

    /**
     * A uniformly random permutation of 0 … n−1 by the Fisher–Yates shuffle (Knuth, TAOCP vol. 2,
     * Algorithm 3.4.2 P): for i from n−1 down to 1, swap entries i and {@code rnd.nextInt(i + 1)}.
     */
    public static int[] shuffled(int n, Random rnd) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, rnd);
        return order;
    }

    /** Shuffles {@code a} in place, as {@link #shuffled}. */
    public static void shuffle(int[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
