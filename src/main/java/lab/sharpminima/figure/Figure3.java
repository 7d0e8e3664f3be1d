package lab.sharpminima.figure;

import java.util.ArrayList;
import java.util.List;
import lab.sharpminima.landscape.Window;

/**
 * Figure 3 of Dinh et al. (2017) and Theorem 2: the box B∞(r, θ) = [θ1 − r, θ1 + r] × [θ2 − r, θ2 + r]
 * and its images T_α(B∞), T_α²(B∞), … under T_α(θ1, θ2) = (αθ1, θ2/α). Each image is the rectangle
 * [αⁱ(θ1 − r), αⁱ(θ1 + r)] × [α⁻ⁱ(θ2 − r), α⁻ⁱ(θ2 + r)] of area 2r·αⁱ · 2r·α⁻ⁱ = 4r² (T_α has
 * determinant 1), every point of it computes the function of a point of B∞, so their union, whose
 * area grows as k·4r² when they are disjoint, lies in the same level set: volume ε-flatness can be made
 * unbounded (Theorem 2). The boxes are drawn over the {@link LandscapeLayer} of Figure 2.
 */
public final class Figure3 {

    /** Most images drawn. */
    public static final int MAX_COUNT = 64;

    private Figure3() {
    }

    /**
     * @param theta1 θ1 of the centre
     * @param theta2 θ2 of the centre
     * @param radius r &gt; 0, the half-width of B∞
     * @param alpha  α of T_α (&gt; 0)
     * @param count  k, the number of boxes including B∞ itself (1 … 64)
     */
    public record Settings(double theta1, double theta2, double radius, double alpha, int count) {
        public Settings {
            Checks.finite("theta1", theta1);
            Checks.finite("theta2", theta2);
            Checks.positive("radius", radius);
            Checks.positive("alpha", alpha);
            Checks.atLeast("count", count, 1, MAX_COUNT);
            double span = Math.abs(Math.log(alpha)) * (count - 1);
            if (span > 600) {
                throw new IllegalArgumentException("alpha^(count-1) leaves the double range (alpha = " + alpha
                        + ", count = " + count + "): move alpha toward 1 or lower count");
            }
        }
    }

    /**
     * @param boxes         boxes.get(i) = T_αⁱ(B∞), i = 0 … k − 1
     * @param areas         their areas (each 4r² up to rounding)
     * @param runningTotal  runningTotal[i] = areas[0] + … + areas[i]
     * @param disjoint      whether the boxes' interiors are pairwise disjoint
     * @param disjointAlpha the α from which T_α's images of B∞ are pairwise disjoint: (|θ1| + r)/(|θ1| − r)
     *                      when |θ1| &gt; r, (|θ2| + r)/(|θ2| − r) likewise, the smaller of the two; +∞ when
     *                      the box meets both axes
     */
    public record Data(Settings settings, List<Window> boxes, double[] areas, double[] runningTotal, boolean disjoint,
                       double disjointAlpha) {
        public Data {
            boxes = List.copyOf(boxes);
            areas = areas.clone();
            runningTotal = runningTotal.clone();
        }

        @Override
        public double[] areas() {
            return areas.clone();
        }

        @Override
        public double[] runningTotal() {
            return runningTotal.clone();
        }

        public int count() {
            return boxes.size();
        }
    }

    public static Data build(Settings s) {
        List<Window> boxes = new ArrayList<>(s.count());
        double[] areas = new double[s.count()];
        double[] total = new double[s.count()];
        double r = s.radius();
        for (int i = 0; i < s.count(); i++) {
            double scale = Math.pow(s.alpha(), i);
            // α > 0 keeps the order of the ends, so each image is again an axis-parallel box.
            Window w = new Window(scale * (s.theta1() - r), scale * (s.theta1() + r),
                    (s.theta2() - r) / scale, (s.theta2() + r) / scale);
            boxes.add(w);
            areas[i] = w.area();
            total[i] = (i == 0 ? 0 : total[i - 1]) + areas[i];
        }
        return new Data(s, boxes, areas, total, pairwiseDisjoint(boxes), disjointAlpha(s));
    }

    /** Open interiors disjoint: boxes that only share an edge count as disjoint. */
    static boolean pairwiseDisjoint(List<Window> boxes) {
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                Window p = boxes.get(i);
                Window q = boxes.get(j);
                boolean overlapA = Math.max(p.a0(), q.a0()) < Math.min(p.a1(), q.a1());
                boolean overlapB = Math.max(p.b0(), q.b0()) < Math.min(p.b1(), q.b1());
                if (overlapA && overlapB) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * For α ≥ 1 the image T_α^{i+1}(B∞) sits beyond T_αⁱ(B∞) along θ1 once α(|θ1| − r) ≥ |θ1| + r, and
     * along θ2 (shrinking toward the axis) once (|θ2| − r) ≥ (|θ2| + r)/α; α &lt; 1 swaps the roles by
     * symmetry, so the threshold is stated for max(α, 1/α).
     */
    static double disjointAlpha(Settings s) {
        return Math.min(threshold(Math.abs(s.theta1()), s.radius()), threshold(Math.abs(s.theta2()), s.radius()));
    }

    private static double threshold(double c, double r) {
        return c > r ? (c + r) / (c - r) : Double.POSITIVE_INFINITY;
    }
}
