package lab.sharpminima.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The guided path is plain data: its order follows the paper's argument and its captions fit the bar. */
class GuidedPathTest {

    @Test
    void theStepsFollowTheArgumentFromFigure1ToFigure5() {
        assertThat(GuidedPath.steps()).extracting(GuidedPath.Step::tab)
                .containsExactly("figure1", "figure3", "figure2", "spectrum", "figure4", "figure5");
    }

    @Test
    void everyCaptionAndTitleIsShortAndNotBlank() {
        for (GuidedPath.Step s : GuidedPath.steps()) {
            assertThat(s.title()).as(s.tab()).isNotBlank().hasSizeLessThan(80);
            assertThat(s.caption()).as(s.tab()).isNotBlank().hasSizeLessThan(GuidedPath.MAX_CAPTION);
            // 2–3 sentences each.
            long sentences = s.caption().chars().filter(c -> c == '.').count();
            assertThat(sentences).as(s.tab()).isBetween(2L, 4L);
        }
    }

    @Test
    void onlyFigure2SetsAnAlphaAndItKeepsThePointInTheWindow() {
        List<GuidedPath.Step> withAlpha = GuidedPath.steps().stream().filter(GuidedPath.Step::setsAlpha).toList();
        assertThat(withAlpha).extracting(GuidedPath.Step::tab).containsExactly("figure2");
        double alpha = Math.pow(10, withAlpha.get(0).log10Alpha());
        assertThat(alpha).isCloseTo(2.5, org.assertj.core.data.Offset.offset(1e-12));
        // T_α of the preset's θ = (1, 1) is (α, 1/α): inside the landscape's window (0.01, 3]².
        var w = Presets.landscape().window();
        assertThat(alpha).isBetween(w.a0(), w.a1());
        assertThat(1 / alpha).isBetween(w.b0(), w.b1());
    }

    @Test
    void theTheoremStepsCiteTheirTheorems() {
        assertThat(GuidedPath.steps().get(1).caption()).contains("Theorem 2");
        assertThat(GuidedPath.steps().get(2).caption()).contains("Theorem 3").contains("Theorem 4");
        assertThat(GuidedPath.steps().get(3).caption()).contains("Theorem 5");
    }
}
