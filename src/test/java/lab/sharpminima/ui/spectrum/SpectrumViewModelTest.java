package lab.sharpminima.ui.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import lab.sharpminima.linalg.SymmetricEigen;
import lab.sharpminima.ui.MainViewModel;
import lab.sharpminima.ui.SameThreadExecutor;
import lab.sharpminima.ui.TransformState;
import org.junit.jupiter.api.Test;

/** The Spectrum ViewModel without a stage, on the XOR sample model (n = 17, depth 2). */
class SpectrumViewModelTest {

    static final Path XOR = Path.of("assets", "models", "xor-2-4-1.json");

    private final MainViewModel main = new MainViewModel(new SameThreadExecutor());
    private final TransformState state = new TransformState(main);
    private final SpectrumViewModel vm = new SpectrumViewModel(main.executor(), state);

    @Test
    void theTopEigenvalueOfDHDEqualsTheOneRecomputedAtTheMovedPoint() {
        main.openModel(XOR);
        lab.sharpminima.figure.SpectrumFigure.Data identity = vm.resultProperty().get();
        assertThat(identity.after().eigenvalues()).containsExactly(identity.before().eigenvalues(), within(1e-12));

        state.setExponent(0, 0.7);
        lab.sharpminima.figure.SpectrumFigure.Data r = vm.resultProperty().get();
        assertThat(r.recomputedTop()).isCloseTo(r.predictedTop(), within(1e-9 * Math.abs(r.predictedTop())));
        // The curvature did move: λ_max after differs from before by far more than the tolerance.
        assertThat(Math.abs(r.recomputedTop() - r.before().eigenvalues()[0]))
                .isGreaterThan(1e-3 * r.before().eigenvalues()[0]);
        assertThat(r.after().eigenvalues()).hasSize(17);
        assertThat(vm.differenceProperty().get()).contains("relative");
    }

    @Test
    void theLastSliderFollowsSoThatTheProductOfTheAlphasIsOne() {
        main.openModel(XOR);
        state.setExponent(0, 1.3);
        assertThat(state.exponent(1)).isEqualTo(-1.3);
        double[] alpha = state.currentProperty().get().scale().alpha();
        assertThat(alpha[0] * alpha[1]).isCloseTo(1, within(1e-12));
        assertThat(alpha[0]).isCloseTo(Math.pow(10, 1.3), within(1e-9));
        state.setExponent(0, 5);
        assertThat(state.exponent(0)).isEqualTo(TransformState.MAX_EXPONENT);
        assertThat(state.exponent(1)).isEqualTo(TransformState.MIN_EXPONENT);
        assertThatThrownBy(() -> state.setExponent(1, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("follows");
    }

    @Test
    void scaledIsDiagonalTimesMatrixTimesDiagonal() {
        org.ejml.data.DMatrixRMaj h = new org.ejml.data.DMatrixRMaj(new double[][] {{2, 1}, {1, 3}});
        org.ejml.data.DMatrixRMaj s = lab.sharpminima.figure.SpectrumFigure.scaled(h, new double[] {2, 0.5});
        assertThat(s.get(0, 0)).isEqualTo(8);
        assertThat(s.get(0, 1)).isEqualTo(1);
        assertThat(s.get(1, 1)).isEqualTo(0.75);
        assertThat(SymmetricEigen.decompose(s, false).trace()).isCloseTo(8.75, within(1e-12));
    }

    @Test
    void withoutAModelNothingIsComputed() {
        assertThat(vm.resultProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).contains("Open a model");
        assertThat(state.depth()).isZero();
    }
}
