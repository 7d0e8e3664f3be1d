package lab.sharpminima.figure;

import java.util.ArrayList;
import java.util.List;
import lab.sharpminima.landscape.Contours;
import lab.sharpminima.landscape.LossGrid;
import lab.sharpminima.landscape.Plane;
import lab.sharpminima.landscape.Polyline;
import lab.sharpminima.landscape.Window;

/**
 * The layer behind Figures 2–4 that no slider moves: L of the {@link ToyProblem} on a grid over a
 * window of (θ1, θ2), its level curves at log-spaced levels, and the curves of equal function
 * θ1θ2 = k (θ1 &gt; 0; Section 4's symmetry T_α moves a point along them). Built once per change of data
 * or zoom.
 *
 * @param grid          L(θ1, θ2) on the grid (rows over θ2, columns over θ1)
 * @param levels        the contour levels, increasing
 * @param contours      contours.get(i) = the curves {L = levels[i]}
 * @param products      the k of the equal-function curves
 * @param equalFunction equalFunction.get(i) = the branch θ1θ2 = products[i], θ1 &gt; 0, clipped to the
 *                      window (an empty polyline when it misses the window)
 * @param contourProducts when the level curves are hyperbolas (the closed form), contourProducts[i][j] is
 *                      the p of contours.get(i).get(j) = {θ1θ2 = p, θ1 &gt; 0}; {@code null} when they
 *                      come from marching squares
 */
public record LandscapeLayer(LossGrid grid, double[] levels, List<List<Polyline>> contours, double[] products,
                             List<Polyline> equalFunction, double[][] contourProducts) {

    /** Points per equal-function curve. */
    static final int CURVE_POINTS = 200;

    /**
     * @param window   the (θ1, θ2) window
     * @param steps    grid nodes per side (2 … 2048)
     * @param levels   number of contour levels (1 … 200), geometric between the window's smallest
     *                 loss above 1e-6 of its largest and the largest
     * @param products the k of the curves θ1θ2 = k (finite)
     */
    public record Settings(Window window, int steps, int levels, double[] products) {
        public Settings {
            if (window == null) {
                throw new IllegalArgumentException("window is required");
            }
            Checks.atLeast("steps", steps, 2, 2048);
            Checks.atLeast("levels", levels, 1, 200);
            products = products.clone();
            for (int i = 0; i < products.length; i++) {
                Checks.finite("products[" + i + "]", products[i]);
            }
        }

        @Override
        public double[] products() {
            return products.clone();
        }
    }

    public LandscapeLayer {
        levels = levels.clone();
        products = products.clone();
        contours = List.copyOf(contours);
        equalFunction = List.copyOf(equalFunction);
        contourProducts = deepCopy(contourProducts);
        if (contourProducts != null) {
            if (contourProducts.length != contours.size()) {
                throw new IllegalArgumentException("contour products for " + contourProducts.length + " levels, but "
                        + contours.size() + " levels of contours");
            }
            for (int i = 0; i < contourProducts.length; i++) {
                if (contourProducts[i].length != contours.get(i).size()) {
                    throw new IllegalArgumentException("level " + i + " has " + contours.get(i).size()
                            + " contour pieces but " + contourProducts[i].length + " products");
                }
            }
        }
    }

    /** A copy of the products of the level curves' hyperbolas, or {@code null} (see the record's parameters). */
    @Override
    public double[][] contourProducts() {
        return deepCopy(contourProducts);
    }

    private static double[][] deepCopy(double[][] a) {
        if (a == null) {
            return null;
        }
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    @Override
    public double[] levels() {
        return levels.clone();
    }

    @Override
    public double[] products() {
        return products.clone();
    }

    /**
     * The layer of s. With the problem's closed form ({@link ToyProblem#productForm}), the grid is
     * evaluated from it (a few operations a node instead of a pass over the data) and the level curves
     * are its exact hyperbolas θ1θ2 = p, sampled as the equal-function curves are; otherwise the grid
     * comes from the network and the level curves from marching squares.
     */
    public static LandscapeLayer build(ToyProblem problem, Settings s) {
        ToyProblem.ProductForm form = problem.productForm();
        Plane plane = Plane.absolute(new double[2]);
        LossGrid grid = form == null ? LossGrid.compute(plane, problem.loss(), s.window(), s.steps())
                : LossGrid.compute(plane, t -> form.value(t[0], t[1]), s.window(), s.steps(), 1);
        double[] levels = logLevels(grid, s.levels());
        double[][] contourProducts = form == null ? null : levelProducts(form, levels, s.window());
        List<List<Polyline>> contours = form == null ? Contours.levelCurves(grid, levels)
                : levelCurves(contourProducts, s.window());
        double[] ks = s.products();
        List<Polyline> curves = new ArrayList<>(ks.length);
        for (double k : ks) {
            curves.add(equalFunctionCurve(k, s.window(), CURVE_POINTS));
        }
        return new LandscapeLayer(grid, levels, contours, ks, curves, contourProducts);
    }

    /** For each level of the closed form, the p of its branches θ1θ2 = p that cross the window. */
    static double[][] levelProducts(ToyProblem.ProductForm form, double[] levels, Window window) {
        double[][] out = new double[levels.length][];
        for (int i = 0; i < levels.length; i++) {
            out[i] = java.util.Arrays.stream(form.productsAt(levels[i]))
                    .filter(p -> equalFunctionCurve(p, window, 2).size() > 0).toArray();
        }
        return out;
    }

    /** The level curves of the closed form: products[i] are the level's branches θ1θ2 = p, sampled. */
    static List<List<Polyline>> levelCurves(double[][] products, Window window) {
        List<List<Polyline>> out = new ArrayList<>(products.length);
        for (double[] ps : products) {
            List<Polyline> curves = new ArrayList<>(ps.length);
            for (double p : ps) {
                curves.add(equalFunctionCurve(p, window, CURVE_POINTS));
            }
            out.add(List.copyOf(curves));
        }
        return List.copyOf(out);
    }

    /**
     * n levels geometric strictly between lo and hi: lo = max(min L, 1e-6·max L), hi = max L, so that
     * the narrow valley near the minimum gets as many curves as the steep walls.
     */
    static double[] logLevels(LossGrid grid, int n) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double[] row : grid.rows()) {
            for (double v : row) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(hi > 0)) {
            return new double[0];
        }
        lo = Math.max(lo, 1e-6 * hi);
        double ratio = Math.log(hi / lo);
        double[] levels = new double[n];
        for (int i = 0; i < n; i++) {
            levels[i] = lo * Math.exp(ratio * (i + 1) / (n + 1));
        }
        return levels;
    }

    /**
     * The branch θ2 = k/θ1, θ1 &gt; 0, inside the window, sampled geometrically in θ1 (even spacing along
     * the hyperbola on a log scale); k = 0 gives the half-line θ2 = 0. Empty when it misses the window.
     */
    public static Polyline equalFunctionCurve(double k, Window w, int points) {
        double lo = Math.max(w.a0(), 0);
        double hi = w.a1();
        if (k == 0) {
            if (hi <= lo || w.b0() > 0 || w.b1() < 0) {
                return new Polyline(new double[0], new double[0], false);
            }
            return new Polyline(new double[] {lo, hi}, new double[] {0, 0}, false);
        }
        // k/θ1 ∈ [b0, b1] with θ1 > 0: θ1 ≥ k/b (the bound of k's sign), θ1 ≤ k/b' when b' has k's sign.
        double near = k > 0 ? w.b1() : w.b0();
        double far = k > 0 ? w.b0() : w.b1();
        if (near * k <= 0) {
            return new Polyline(new double[0], new double[0], false);
        }
        lo = Math.max(lo, k / near);
        if (far * k > 0) {
            hi = Math.min(hi, k / far);
        }
        if (!(hi > lo)) {
            return new Polyline(new double[0], new double[0], false);
        }
        double[] a = new double[points];
        double[] b = new double[points];
        double logRatio = Math.log(hi / lo);
        for (int i = 0; i < points; i++) {
            a[i] = i == points - 1 ? hi : lo * Math.exp(logRatio * i / (points - 1));
            b[i] = k / a[i];
        }
        return new Polyline(a, b, false);
    }
}
