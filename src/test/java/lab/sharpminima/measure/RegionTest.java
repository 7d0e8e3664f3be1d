package lab.sharpminima.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The projections keep their promises even when ε is tiny next to |θ|. */
class RegionTest {

    @Test
    void ballProjectionLandsInsideAfterRounding() {
        Random rnd = new Random(9);
        for (double eps : new double[] {1e-12, 1e-9, 1e-3, 10}) {
            for (int trial = 0; trial < 200; trial++) {
                int n = 1 + rnd.nextInt(40);
                double[] c = new double[n];
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    c[i] = 1e3 * rnd.nextGaussian();
                    x[i] = c[i] + 3 * eps * rnd.nextGaussian();
                }
                Region.Ball ball = new Region.Ball(c, eps);
                double before = ball.distance(x, null);
                ball.project(x);
                double after = ball.distance(x, null);
                assertThat(after).isLessThanOrEqualTo(eps * (1 + Region.SLACK));
                if (before > eps) {
                    // stored coordinates are multiples of ulp(|c_i|): the sphere is reachable only to that grain
                    double grain = 4 * Math.sqrt(n) * Math.ulp(4e3);
                    assertThat(after).isCloseTo(eps, within(Math.max(1e-9 * eps, grain)));
                }
            }
        }
    }

    @Test
    void boxProjectionClipsEachCoordinate() {
        Region.Box box = new Region.Box(new double[] {0, 1, -2}, new double[] {0.5, 0.1, 1});
        double[] x = {3, 1.05, -10};
        box.project(x);
        assertThat(x).containsExactly(0.5, 1.05, -3);
    }

    @Test
    void directionIsTheScaledGradientOfUnitWeightedLength() {
        Region.Box box = new Region.Box(new double[2], new double[] {2, 0.5});
        double[] d = new double[2];
        assertThat(box.direction(new double[] {3, 4}, d)).isTrue();
        // w ⊙ g = (6, 2), ‖·‖ = √40; d = w² ⊙ g / √40
        assertThat(d).containsExactly(new double[] {12 / Math.sqrt(40), 1 / Math.sqrt(40)}, within(1e-15));
        assertThat(box.direction(new double[2], d)).isFalse();
    }
}
