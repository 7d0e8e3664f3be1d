package lab.sharpminima.session;

import java.nio.file.Path;
import lab.sharpminima.engine.Model;
import lab.sharpminima.figure.Presets;

/**
 * The whole state of the desktop app, as plain data: what a session file holds.
 *
 * <p>The model is embedded (not referred to by path) so that a session is self-contained: a lecturer
 * copies one file to the classroom laptop and the picture comes back, even where the model file is
 * not, or has since been retrained in place. Model files are small (kilobytes to a few megabytes), so
 * the copy costs little; {@link ModelEntry#source()} keeps the original path for the status line.
 *
 * @param model     the opened model, or {@code null} when none was open
 * @param transform log₁₀ α_k per layer of the transformation T_α (Definition 5, Section 4.2), the last
 *                  one −Σ of the others (∏ α_k = 1); empty without a model
 * @param tab       the selected tab's name ({@code model}, {@code figure1} … {@code figure5},
 *                  {@code spectrum}, {@code measures}, …)
 */
public record Session(ModelEntry model, double[] transform, Figure1 figure1, Figure2 figure2, Figure3 figure3,
                      Figure4 figure4, Figure5 figure5, String tab, Seeds seeds) {

    /** The value of the {@code format} field. */
    public static final String FORMAT = "sharp-minima-lab-session";
    /** The version this app writes and reads. */
    public static final int VERSION = 1;

    public Session {
        transform = transform.clone();
    }

    @Override
    public double[] transform() {
        return transform.clone();
    }

    /** The opened model and the path it was opened from (informational; the model itself is embedded). */
    public record ModelEntry(Path source, Model model) {
    }

    /** Figure 1 (Definitions 1–2): θ and ε. */
    public record Figure1(double theta, double epsilon) {
    }

    /** Figure 2: the unscaled point θ = (θ₁, θ₂), log₁₀ α and ε of the ε-sharpness readout. */
    public record Figure2(double theta1, double theta2, double alphaExponent, double epsilon) {
    }

    /** Figure 3 (Theorem 2): log₁₀ α, the box radius r and the number k of boxes. */
    public record Figure3(double alphaExponent, double radius, int count) {
    }

    /** Figure 4 (Section 4.3): θ and ε. */
    public record Figure4(double theta1, double theta2, double epsilon) {
    }

    /** Figure 5 (Section 5): the two radial reparametrizations. */
    public record Figure5(Radial first, Radial second) {
    }

    /** One radial map of Figure 5: a, log₁₀ b and the centre θ̂. */
    public record Radial(double a, double logB, double centre) {
    }

    /**
     * The seeds behind the picture: the toy data of Figures 2–4, the SLQ density of the Spectrum
     * view and the random measures of the Measures view. They are fixed in this version of the app;
     * a session records them so that a file made with other seeds is refused rather than silently
     * drawn differently.
     */
    public record Seeds(long toyData, long spectrum, long measures) {

        /** The seeds this version of the app draws with. */
        public static final Seeds CURRENT = new Seeds(Presets.toy().seed(), 1, 1);
    }
}
