package lab.sharpminima.figure;

import java.util.function.DoubleUnaryOperator;

/**
 * Figure 1 of Dinh et al. (2017), the two notions of flatness on a 1-D loss: with height ε, the width
 * of the connected interval around θ where L &lt; L(θ) + ε (volume ε-flatness, Definition 1, in one
 * dimension); with width 2ε, the height max_{|θ′ − θ| ≤ ε} L(θ′) − L(θ) (ε-sharpness, Definition 2,
 * before its division by 1 + L(θ), which is reported beside it).
 *
 * <p>The curve is {@link #LOSS}, L(θ) = 1 − exp(−θ²/2) + θ²/20: a minimum L(0) = 0 of curvature 1.1,
 * a wide shoulder that flattens near L ≈ 1, then walls that grow without bound, so every sublevel
 * interval is bounded (our choice, in the spirit of the paper's sketch).
 */
public final class Figure1 {

    /** L(θ) = 1 − exp(−θ²/2) + θ²/20. */
    public static final DoubleUnaryOperator LOSS = t -> -Math.expm1(-0.5 * t * t) + 0.05 * t * t;

    /** Samples of [θ − ε, θ + ε] searched for the ε-sharpness maximum before refinement. */
    static final int HEIGHT_SAMPLES = 257;

    private Figure1() {
    }

    /**
     * @param theta   θ, inside [lo, hi]
     * @param epsilon ε &gt; 0 (height for the flatness, half-width for the sharpness)
     * @param lo      left end of the drawn θ range
     * @param hi      right end
     * @param samples points of the drawn curve (2 … 100 000); also the step of the interval search
     */
    public record Settings(double theta, double epsilon, double lo, double hi, int samples) {
        public Settings {
            Checks.range("lo", lo, "hi", hi);
            Checks.finite("theta", theta);
            if (theta < lo || theta > hi) {
                throw new IllegalArgumentException("theta must lie in [lo, hi] = [" + lo + ", " + hi + "], got "
                        + theta);
            }
            Checks.positive("epsilon", epsilon);
            Checks.atLeast("samples", samples, 2, 100_000);
        }
    }

    /**
     * What the θ and ε sliders move.
     *
     * @param theta          θ
     * @param loss           L(θ)
     * @param level          L(θ) + ε
     * @param left           left end of the connected interval {L &lt; L(θ) + ε} around θ (L = level there
     *                       unless it reached lo)
     * @param right          right end
     * @param bounded        whether both ends were found inside [lo, hi]
     * @param width          right − left, the 1-D volume ε-flatness
     * @param heightFrom     θ − ε
     * @param heightTo       θ + ε
     * @param height         max over [θ − ε, θ + ε] of L − L(θ)
     * @param argmax         where it is attained
     * @param sharpness      height/(1 + L(θ)), Definition 2's normalisation
     */
    public record Overlay(double theta, double loss, double level, double left, double right, boolean bounded,
                          double width, double heightFrom, double heightTo, double height, double argmax,
                          double sharpness) {
    }

    /** @param curve L sampled on [lo, hi] (unchanged by the θ and ε sliders) */
    public record Data(Curve curve, Overlay overlay) {
    }

    public static Data build(Settings s) {
        return build(s, LOSS);
    }

    public static Data build(Settings s, DoubleUnaryOperator loss) {
        return new Data(curve(s, loss), overlay(s, loss));
    }

    /** L at samples points evenly spaced over [lo, hi], both ends included. */
    public static Curve curve(Settings s, DoubleUnaryOperator loss) {
        double[] x = new double[s.samples()];
        double[] y = new double[s.samples()];
        for (int k = 0; k < x.length; k++) {
            x[k] = k == x.length - 1 ? s.hi() : s.lo() + (s.hi() - s.lo()) * k / (x.length - 1);
            y[k] = loss.applyAsDouble(x[k]);
        }
        return new Curve(x, y);
    }

    public static Overlay overlay(Settings s, DoubleUnaryOperator loss) {
        double l0 = loss.applyAsDouble(s.theta());
        double level = l0 + s.epsilon();
        double step = (s.hi() - s.lo()) / (s.samples() - 1);
        double[] left = end(loss, s.theta(), -step, s.lo(), level);
        double[] right = end(loss, s.theta(), step, s.hi(), level);
        double from = s.theta() - s.epsilon();
        double to = s.theta() + s.epsilon();
        double argmax = maximise(loss, from, to);
        double height = loss.applyAsDouble(argmax) - l0;
        return new Overlay(s.theta(), l0, level, left[0], right[0], left[1] > 0 && right[1] > 0, right[0] - left[0],
                from, to, height, argmax, height / (1 + l0));
    }

    /**
     * Walks from θ by step until L ≥ level (or the bound), then bisects between the last point inside and
     * the first outside down to adjacent doubles. Returns {end, 1 if found else 0}.
     */
    static double[] end(DoubleUnaryOperator loss, double theta, double step, double bound, double level) {
        double inside = theta;
        while (true) {
            double next = inside + step;
            boolean last = step > 0 ? next >= bound : next <= bound;
            if (last) {
                next = bound;
            }
            if (loss.applyAsDouble(next) >= level) {
                return new double[] {bisect(loss, inside, next, level), 1};
            }
            if (last) {
                return new double[] {bound, 0};
            }
            inside = next;
        }
    }

    private static double bisect(DoubleUnaryOperator loss, double inside, double outside, double level) {
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (inside + outside);
            if (mid == inside || mid == outside) {
                break;
            }
            if (loss.applyAsDouble(mid) >= level) {
                outside = mid;
            } else {
                inside = mid;
            }
        }
        return outside;
    }

    /**
     * argmax of L on [from, to]: the best of {@link #HEIGHT_SAMPLES} even samples, refined by golden-section
     * search over its two neighbouring cells (the maximum of a smooth L lies there once the sampling
     * resolves its bumps), the ends kept as candidates.
     */
    static double maximise(DoubleUnaryOperator loss, double from, double to) {
        int n = HEIGHT_SAMPLES;
        double h = (to - from) / (n - 1);
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            double v = loss.applyAsDouble(from + k * h);
            if (v > bestValue) {
                bestValue = v;
                best = k;
            }
        }
        double a = from + Math.max(0, best - 1) * h;
        double b = Math.min(to, from + Math.min(n - 1, best + 1) * h);
        double x = golden(loss, a, b);
        double[] candidates = {x, from + best * h, from, to};
        double arg = candidates[0];
        for (double c : candidates) {
            if (loss.applyAsDouble(c) > loss.applyAsDouble(arg)) {
                arg = c;
            }
        }
        return arg;
    }

    private static double golden(DoubleUnaryOperator f, double a, double b) {
        double g = (Math.sqrt(5) - 1) / 2;
        double c = b - g * (b - a);
        double d = a + g * (b - a);
        double fc = f.applyAsDouble(c);
        double fd = f.applyAsDouble(d);
        for (int i = 0; i < 100 && b - a > 1e-15 * Math.max(1, Math.abs(a)); i++) {
            if (fc > fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - g * (b - a);
                fc = f.applyAsDouble(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + g * (b - a);
                fd = f.applyAsDouble(d);
            }
        }
        return 0.5 * (a + b);
    }
}
