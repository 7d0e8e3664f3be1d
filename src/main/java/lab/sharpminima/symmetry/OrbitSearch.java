package lab.sharpminima.symmetry;

import java.util.function.DoublePredicate;

/**
 * The smallest t &gt; 0 at which a condition first holds along a one-parameter orbit t ↦ T_{e^t}:
 * bracketing by doubling t from {@link #START}, then bisection. Where the condition's set is an
 * interval [t*, ∞) — as for ‖∇²L(T_α θ)‖₂ ≥ M at a minimum, where the norm is log-convex in log α —
 * the result is t* to within {@link #TOLERANCE}; otherwise it is the first crossing that the doubling
 * brackets.
 */
final class OrbitSearch {

    /** The first step of the bracketing, in log α. */
    static final double START = 1.0 / 64;
    /** Absolute precision in t = log α of the bisection (α to a relative 1e-9). */
    static final double TOLERANCE = 1e-9;

    private OrbitSearch() {
    }

    /**
     * @param holds the condition at t (assumed false at t = 0)
     * @param maxT  the largest t searched
     * @return the smallest t in (0, maxT] found where {@code holds} is true, or NaN when it never
     *     holds at the bracketing points
     */
    static double first(DoublePredicate holds, double maxT) {
        double lo = 0;
        double hi = Math.min(START, maxT);
        while (!holds.test(hi)) {
            if (hi >= maxT) {
                return Double.NaN;
            }
            lo = hi;
            hi = Math.min(2 * hi, maxT);
        }
        while (hi - lo > TOLERANCE * Math.max(1, hi)) {
            double mid = 0.5 * (lo + hi);
            if (holds.test(mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }
}
