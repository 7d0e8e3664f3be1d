package lab.sharpminima.figure;

import java.util.List;
import lab.sharpminima.symmetry.reparam.RadialMap;

/**
 * Figure 5 of Dinh et al. (2017), Section 5: a 1-D loss with three minima of the same curvature, and
 * the same loss over η = h(θ) = (|θ − θ̂|² + b)^a (θ − θ̂) for two radial reparametrizations
 * ({@link RadialMap}, b ≥ 0, a &gt; −½). A regular grid of θ points is carried into η, and at each
 * minimum θ* the curvature becomes d²L/dη² = L''(θ*)·(dθ/dη)² = L''(θ*)/h'(θ*)² (the first-order term
 * vanishes at a critical point), so a reparametrization can make any one minimum as sharp or as flat as
 * wished while the minima stay the same functions.
 *
 * <p>The loss is L(θ) = 1 − Σ_k exp(−(θ − μ_k)²/(2s²)), μ = (−2, 0, 2), s = ½: three wells of
 * curvature ≈ 1/s² = 4 (each neighbour's tail lowers it by about 60e^{−8} ≈ 0.02: 3.98 at the
 * outer minima, 3.96 at the middle one).
 */
public final class Figure5 {

    /** The well centres μ_k. */
    static final double[] CENTRES = {-2, 0, 2};
    /** The well width s. */
    static final double WIDTH = 0.5;

    private Figure5() {
    }

    /**
     * One radial reparametrization.
     *
     * @param a      exponent, &gt; −½
     * @param b      offset, ≥ 0
     * @param centre θ̂ (the red vertical line)
     */
    public record Reparam(double a, double b, double centre) {
        public Reparam {
            Checks.finite("a", a);
            if (!(a > -0.5)) {
                throw new IllegalArgumentException("a must be above -1/2 (else η is not increasing in θ), got " + a);
            }
            if (!(b >= 0) || Double.isInfinite(b)) {
                throw new IllegalArgumentException("b must be a finite number ≥ 0, got " + b);
            }
            Checks.finite("centre", centre);
        }

        RadialMap map() {
            return new RadialMap(new double[] {centre}, a, b);
        }
    }

    /**
     * @param lo         left end of the θ range
     * @param hi         right end
     * @param samples    points of each drawn curve (2 … 100 000)
     * @param gridPoints points of the regular θ grid carried into η (2 … 10 000)
     * @param first      the first reparametrization
     * @param second     the second
     */
    public record Settings(double lo, double hi, int samples, int gridPoints, Reparam first, Reparam second) {
        public Settings {
            Checks.range("lo", lo, "hi", hi);
            Checks.atLeast("samples", samples, 2, 100_000);
            Checks.atLeast("gridPoints", gridPoints, 2, 10_000);
            if (first == null || second == null) {
                throw new IllegalArgumentException("first and second reparametrizations are required");
            }
        }
    }

    /**
     * One panel: the loss over a coordinate (θ itself, or η).
     *
     * @param reparam     the reparametrization (null for the θ panel)
     * @param curve       (coordinate, L) over the θ range
     * @param grid        the regular θ grid, as (coordinate, L) points
     * @param minima      the minima's coordinates
     * @param curvatures  d²L/d(coordinate)² at each minimum
     * @param centre      θ̂ in this coordinate (η = 0), NaN for the θ panel
     */
    public record Panel(Reparam reparam, Curve curve, Curve grid, double[] minima, double[] curvatures,
                        double centre) {
        public Panel {
            minima = minima.clone();
            curvatures = curvatures.clone();
        }

        @Override
        public double[] minima() {
            return minima.clone();
        }

        @Override
        public double[] curvatures() {
            return curvatures.clone();
        }
    }

    /** @param panels the θ panel, then the two η panels */
    public record Data(List<Panel> panels, double[] minimaTheta) {
        public Data {
            panels = List.copyOf(panels);
            minimaTheta = minimaTheta.clone();
        }

        @Override
        public double[] minimaTheta() {
            return minimaTheta.clone();
        }
    }

    /** L(θ) = 1 − Σ_k exp(−(θ − μ_k)²/(2s²)). */
    public static double loss(double t) {
        double sum = 0;
        for (double mu : CENTRES) {
            sum += well(t, mu);
        }
        return 1 - sum;
    }

    /** L'(θ) = Σ_k ((θ − μ_k)/s²) e_k. */
    public static double slope(double t) {
        double sum = 0;
        for (double mu : CENTRES) {
            sum += (t - mu) / (WIDTH * WIDTH) * well(t, mu);
        }
        return sum;
    }

    /** L''(θ) = Σ_k (1/s² − (θ − μ_k)²/s⁴) e_k. */
    public static double curvature(double t) {
        double s2 = WIDTH * WIDTH;
        double sum = 0;
        for (double mu : CENTRES) {
            double d = t - mu;
            sum += (1 / s2 - d * d / (s2 * s2)) * well(t, mu);
        }
        return sum;
    }

    private static double well(double t, double mu) {
        double d = t - mu;
        return Math.exp(-d * d / (2 * WIDTH * WIDTH));
    }

    /** The three minima, by Newton's method on L' from each μ_k. */
    public static double[] minima() {
        double[] m = new double[CENTRES.length];
        for (int k = 0; k < m.length; k++) {
            double t = CENTRES[k];
            for (int i = 0; i < 50; i++) {
                double dt = slope(t) / curvature(t);
                t -= dt;
                if (Math.abs(dt) < 1e-16) {
                    break;
                }
            }
            m[k] = t;
        }
        return m;
    }

    /**
     * h'(θ) = dη/dθ = (r² + b)^{a−1}((1 + 2a)r² + b), r = |θ − θ̂|; at r = b = 0 its limit: 0 for a &gt; 0,
     * +∞ for a &lt; 0, 1 for a = 0.
     */
    public static double etaSlope(Reparam p, double t) {
        double r = t - p.centre();
        double r2 = r * r;
        if (r2 + p.b() == 0) {
            return p.a() > 0 ? 0 : p.a() < 0 ? Double.POSITIVE_INFINITY : 1;
        }
        return Math.pow(r2 + p.b(), p.a() - 1) * ((1 + 2 * p.a()) * r2 + p.b());
    }

    public static Data build(Settings s) {
        double[] minima = minima();
        Panel thetaPanel = panel(null, s, minima);
        return new Data(List.of(thetaPanel, panel(s.first(), s, minima), panel(s.second(), s, minima)), minima);
    }

    /** The panel of one coordinate; reparam null gives θ itself. */
    public static Panel panel(Reparam reparam, Settings s, double[] minima) {
        RadialMap map = reparam == null ? null : reparam.map();
        Curve curve = sampled(map, s.lo(), s.hi(), s.samples());
        Curve grid = sampled(map, s.lo(), s.hi(), s.gridPoints());
        double[] at = new double[minima.length];
        double[] curv = new double[minima.length];
        for (int k = 0; k < minima.length; k++) {
            at[k] = coordinate(map, minima[k]);
            double l2 = curvature(minima[k]);
            if (reparam == null) {
                curv[k] = l2;
            } else {
                double dEta = etaSlope(reparam, minima[k]);
                curv[k] = l2 / (dEta * dEta);
            }
        }
        return new Panel(reparam, curve, grid, at, curv, reparam == null ? Double.NaN : 0.0);
    }

    private static Curve sampled(RadialMap map, double lo, double hi, int n) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            double t = k == n - 1 ? hi : lo + (hi - lo) * k / (n - 1);
            x[k] = coordinate(map, t);
            y[k] = loss(t);
        }
        return new Curve(x, y);
    }

    private static double coordinate(RadialMap map, double t) {
        return map == null ? t : map.eta(new double[] {t})[0];
    }
}
