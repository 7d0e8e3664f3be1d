package lab.sharpminima.figure;

import java.util.List;
import java.util.Objects;

/**
 * The guided path through the paper's argument (Dinh et al. 2017, Sections 2–5), as plain data: one
 * step per view, in the order Figure 1 (the definitions of Section 2) → Theorem 2 (Figure 3, Section
 * 4.1) → Theorems 3–5 (Figure 2's α slider at α = 2.5, which keeps T_α(1, 1) in view, then the Spectrum of a real network, Section 4.2) →
 * Figure 4 (Section 4.3) → Figure 5 (Section 5.1). The app walks it with a caption bar; the captions
 * are in our own words.
 */
public final class GuidedPath {

    /** A caption longer than this does not fit the caption bar on one or two lines. */
    public static final int MAX_CAPTION = 400;

    /**
     * One step: the view to show (a tab name, as in {@code -Dsml.tab=figure2}), a short title, a caption,
     * and the log₁₀ α to set on that view's α slider after its preset (Figures 2 and 3 have one;
     * {@link Double#NaN}: keep the preset).
     */
    public record Step(String tab, String title, String caption, double log10Alpha) {
        public Step {
            Objects.requireNonNull(tab, "tab");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(caption, "caption");
        }

        /** True when the step moves an α slider after applying the preset. */
        public boolean setsAlpha() {
            return !Double.isNaN(log10Alpha);
        }
    }

    private static final List<Step> STEPS = List.of(
            new Step("figure1", "Two ways to call a minimum flat",
                    "Flatness is measured in two ways (Section 2). Fix a height ε: the width of the region where the "
                            + "loss stays below L(θ) + ε is the volume ε-flatness (Definition 1). Fix a width 2ε: "
                            + "the rise of the loss inside it is the ε-sharpness (Definition 2).",
                    Double.NaN),
            new Step("figure3", "Theorem 2: every minimum has infinite volume",
                    "For y = φ_rect(x·θ₁)·θ₂, T_α(θ₁, θ₂) = (αθ₁, θ₂/α) computes the same function and keeps areas. "
                            + "The box around θ and its images under T_α, T_α², … are disjoint and all lie in the "
                            + "same flat region, so its volume is infinite at every minimum (Theorem 2).",
                    Double.NaN),
            new Step("figure2", "Theorems 3 and 4: the same function, any curvature",
                    "Here α = 2.5 slides the point along its curve θ₁θ₂ = const: the loss and every output stay "
                            + "the same. But the Hessian becomes D_α ∇²L D_α (Theorem 3): its largest eigenvalue more "
                            + "than triples, and grows without bound with α, so any minimum can be made as sharp as "
                            + "we like (Theorem 4).",
                    Math.log10(2.5)),
            new Step("spectrum", "Theorem 5: many large eigenvalues at once",
                    "In a deeper network, one α per layer with ∏α_k = 1 leaves the function unchanged, while "
                            + "D_α ∇²L D_α can have many eigenvalues as large as we like, not just one (Theorem 5). "
                            + "Open a model (File → Open) and move the α sliders to see the spectrum shift.",
                    Double.NaN),
            new Step("figure4", "ε-sharpness is not invariant either",
                    "The green ball B₂(ε, θ) and the red ball B₂(ε, θ′) have the same radius, and θ′ = T_α(θ) is the "
                            + "same function. But θ′ lies near the line θ₁ = 0, where the output is 0 and the loss high, so the rise "
                            + "of the loss inside its ball, the ε-sharpness, is much larger (Section 4.3).",
                    Double.NaN),
            new Step("figure5", "Reparametrization changes every geometry",
                    "With a bijection η = g⁻¹(θ), the loss L∘g computes the same functions, yet at a minimum its "
                            + "Hessian is ∇gᵀ ∇²L ∇g (Section 5.1). The regular grid in θ bunches up or spreads out in "
                            + "η: one minimum becomes sharper or flatter than the others at will.",
                    Double.NaN));

    private GuidedPath() {
    }

    /** The steps, in order. */
    public static List<Step> steps() {
        return STEPS;
    }
}
