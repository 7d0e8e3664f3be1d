package lab.sharpminima.figure;

import lab.sharpminima.landscape.Window;

/**
 * One preset per figure: the settings that reproduce the paper's figure (Dinh et al. 2017, Figures
 * 1–5) in one click, and the shared toy problem and landscape behind Figures 2–4.
 */
public final class Presets {

    private Presets() {
    }

    /** The toy data of Figure 2: 20 points, y = x exactly (so the minima are the curve θ1θ2 = 1). */
    public static ToyProblem.Settings toy() {
        return new ToyProblem.Settings(20, 1.0, 0.0, 1);
    }

    /** The positive quadrant (0, 3]², where f = θ1θ2·x, at 256×256, 24 levels, θ1θ2 ∈ {0.25, 0.5, 1, 2, 4}. */
    public static LandscapeLayer.Settings landscape() {
        return new LandscapeLayer.Settings(new Window(0.01, 3, 0.01, 3), 256, 24,
                new double[] {0.25, 0.5, 1, 2, 4});
    }

    /** The θ plane around both half-planes, for Figure 4's line θ1 = 0. */
    public static LandscapeLayer.Settings landscapeAcrossAxis() {
        return new LandscapeLayer.Settings(new Window(-1, 3, -0.5, 3.5), 256, 24,
                new double[] {0.25, 0.5, 1, 2, 4});
    }

    /** Figure 1: θ at the minimum, ε = 0.5 on [−5, 5]. */
    public static Figure1.Settings figure1() {
        return new Figure1.Settings(0.0, 0.5, -5, 5, 1001);
    }

    /** Figure 2: the minimum (1, 1) of the toy, α = 1, ε = 0.1. */
    public static Figure2.Settings figure2() {
        return new Figure2.Settings(1.0, 1.0, 1.0, 0.1);
    }

    /** Figure 3: B∞(0.25, (1, 1)) and three images under α = 2 (disjoint from α = 5/3). */
    public static Figure3.Settings figure3() {
        return new Figure3.Settings(1.0, 1.0, 0.25, 2.0, 4);
    }

    /** Figure 4: θ = (1.5, 2/3) on the minimum curve, ε = 0.5, so α = 1/3 and θ′ = (0.5, 2). */
    public static Figure4.Settings figure4() {
        return new Figure4.Settings(1.5, 2.0 / 3, 0.5, 10);
    }

    /**
     * Figure 5: θ on [−3.5, 3.5], a grid of 29 points (step 0.25). The first map (a = ½, b = 0.01,
     * θ̂ = 0) has h'(0) = b^a = 0.1, so the middle minimum gets 100 times sharper, while h' ≈ 4 at
     * r = 2 makes the outer ones about 16 times flatter; the second (a = −0.3, b = 0.01, θ̂ = 2) has
     * h'(2) = b^a ≈ 4, so the right minimum gets about 16 times flatter than in θ.
     */
    public static Figure5.Settings figure5() {
        return new Figure5.Settings(-3.5, 3.5, 1001, 29, new Figure5.Reparam(0.5, 0.01, 0.0),
                new Figure5.Reparam(-0.3, 0.01, 2.0));
    }
}
