package lab.sharpminima.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.landscape.LossGrid;
import lab.sharpminima.landscape.Plane;
import lab.sharpminima.landscape.Polyline;
import lab.sharpminima.landscape.SublevelRegion;
import lab.sharpminima.landscape.Window;

/**
 * Volume ε-flatness (Definition 1, after Hochreiter &amp; Schmidhuber 1997): the volume of
 * C(L, θ, ε), the largest connected set containing θ on which L &lt; L(θ) + ε.
 *
 * <p>Two estimates are offered. In a plane ({@link #planar}): the loss on a grid over a window, the
 * 4-connected component of the sublevel set containing θ, its area and whether it reaches the
 * window's edge. In the full space ({@link #growth}, by {@link VolumeFlatnessMonteCarlo}): the volume
 * of the part of C inside boxes of growing half-width R, with its standard error.
 *
 * <p>Theorem 2: for a rectifier network with θ1 ≠ 0 and θ2 ≠ 0, C(L, θ, ε) has infinite volume for
 * every ε &gt; 0, so the planar component reaches the edge of any window along the orbit
 * {T_α θ : α &gt; 0}, and the box estimates keep growing with R. T_α is linear with Jacobian
 * determinant α^{n1 − n2} (Section 4.1) and maps C(L, θ, ε) onto C(L, T_α θ, ε), since
 * L ∘ T_α = L: volumes are multiplied by α^{n1 − n2}, so the measure is {@link Invariance#MOVED}
 * unless n1 = n2 (and then it is infinite anyway).
 */
public final class VolumeFlatness implements Measure {

    /**
     * A planar estimate.
     *
     * @param plane       the plane (θ at its coordinates (thetaA, thetaB))
     * @param grid        L on the window
     * @param lossAtTheta L(θ), evaluated exactly at θ (not read off the grid)
     * @param epsilon     ε
     * @param region      the component of {L &lt; L(θ) + ε} containing θ's grid node
     */
    public record Planar(Plane plane, LossGrid grid, double lossAtTheta, double epsilon, SublevelRegion region) {

        /** The component's area within the window, from its contour polygon. */
        public double area() {
            return region.area();
        }

        /** Node count times cell area. */
        public double countedArea() {
            return region.countedArea();
        }

        /** False when the component reaches the window's edge: unbounded within the window. */
        public boolean bounded() {
            return region.isBoundedInWindow();
        }

        /** The component's contour in plane coordinates. */
        public List<Polyline> boundary() {
            return region.boundary();
        }
    }

    /** A box estimate for the half-width R of the cube θ ± R. */
    public record Growth(double radius, VolumeFlatnessMonteCarlo.Estimate estimate) {
    }

    private final double epsilon;

    /**
     * @throws IllegalArgumentException unless ε is positive and finite
     */
    public VolumeFlatness(double epsilon) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("--epsilon must be a positive number, got " + epsilon);
        }
        this.epsilon = epsilon;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public String key() {
        return "volumeFlatness";
    }

    @Override
    public String source() {
        return "Dinh et al. 2017, Definition 1 (volume epsilon-flatness, after Hochreiter & Schmidhuber 1997);"
                + " Theorem 2 and Section 4.1";
    }

    /** Section 4.1: vol T_α(C) = α^{n1 − n2} vol C; unchanged only when n1 = n2. */
    @Override
    public Invariance underAlphaScale() {
        return Invariance.MOVED;
    }

    /**
     * Scaling neuron j's incoming weights (and bias) by α and its outgoing ones by 1/α multiplies
     * volumes by α^{fan-in − fan-out}: moved unless they are equal.
     */
    @Override
    public Invariance underNeuronScaling() {
        return Invariance.MOVED;
    }

    /** Section 5.1: L is constant along v ↦ αv, which multiplies volumes in v by α^{dim v}. */
    @Override
    public Invariance underWeightNormalization() {
        return Invariance.MOVED;
    }

    /** The planar estimate for a model: L on the grid, in parallel. */
    public Planar planar(LossFunction loss, Plane plane, Window window, int steps) {
        LossGrid grid = LossGrid.compute(plane, loss, window, steps);
        return planar(grid, plane, loss.value(plane.theta()));
    }

    /**
     * The planar estimate for any f of the plane's points (thread-safe when threads &gt; 1).
     */
    public Planar planar(ToDoubleFunction<double[]> f, Plane plane, Window window, int steps, int threads) {
        LossGrid grid = LossGrid.compute(plane, f, window, steps, threads);
        return planar(grid, plane, f.applyAsDouble(plane.theta()));
    }

    private Planar planar(LossGrid grid, Plane plane, double lossAtTheta) {
        if (!Double.isFinite(lossAtTheta)) {
            throw new IllegalArgumentException("L(theta) = " + lossAtTheta + " is not finite; check the model");
        }
        SublevelRegion region = SublevelRegion.containing(grid, plane.thetaA(), plane.thetaB(),
                lossAtTheta + epsilon);
        return new Planar(plane, grid, lossAtTheta, epsilon, region);
    }

    /**
     * Box estimates of vol(C(L, θ, ε) ∩ [θ − R, θ + R]ⁿ) for each R, by {@code sampler}: they grow
     * without bound with R when C is unbounded (Theorem 2).
     */
    public List<Growth> growth(LossFunction loss, double[] theta, double[] radii, VolumeFlatnessMonteCarlo sampler) {
        double level = loss.value(theta) + epsilon;
        List<Growth> out = new ArrayList<>(radii.length);
        for (double r : radii) {
            VolumeFlatnessMonteCarlo.Box box = VolumeFlatnessMonteCarlo.Box.cube(theta, r);
            out.add(new Growth(r, sampler.estimate(loss::value, theta, level, box)));
        }
        return out;
    }

    /** {@link #growth(LossFunction, double[], double[], VolumeFlatnessMonteCarlo)} with the points on {@code backend}. */
    public List<Growth> growth(LossFunction loss, double[] theta, double[] radii, VolumeFlatnessMonteCarlo sampler,
                               lab.sharpminima.compute.Backend backend) {
        double level = loss.value(theta) + epsilon;
        List<Growth> out = new ArrayList<>(radii.length);
        for (double r : radii) {
            VolumeFlatnessMonteCarlo.Box box = VolumeFlatnessMonteCarlo.Box.cube(theta, r);
            out.add(new Growth(r, sampler.estimate(loss, backend, theta, level, box)));
        }
        return out;
    }
}
