package lab.sharpminima.ui.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import lab.sharpminima.figure.MeasuresTable;
import lab.sharpminima.measure.Invariance;
import lab.sharpminima.ui.MainViewModel;
import lab.sharpminima.ui.SameThreadExecutor;
import lab.sharpminima.ui.TransformState;
import org.junit.jupiter.api.Test;

/** The Measures ViewModel without a stage, on the XOR sample model (ReLU, so T_α keeps the function). */
class MeasuresViewModelTest {

    private final MainViewModel main = new MainViewModel(new SameThreadExecutor());
    private final TransformState state = new TransformState(main);
    private final MeasuresViewModel vm = new MeasuresViewModel(main.executor(), state);

    private Map<String, MeasuresTable.Row> rows() {
        return vm.rows().stream().collect(Collectors.toMap(MeasuresTable.Row::key, Function.identity()));
    }

    @Test
    void invariantMeasuresStayAndTheSpectralNormMoves() {
        main.openModel(Path.of("assets", "models", "xor-2-4-1.json"));
        assertThat(vm.rows()).isNotEmpty().noneMatch(MeasuresTable.Row::moved);

        state.setExponent(0, 1);
        Map<String, MeasuresTable.Row> r = rows();
        assertThat(r).containsKeys("loss", "testLoss", "maxOutputChange", "epsSharpness", "keskarSharpness",
                "hessian.spectralNorm", "hessian.trace", "hessianRank", "asam", "relativeFlatness", "fisherRao",
                "pacBayesMag", "pacBayes");
        for (MeasuresTable.Row row : vm.rows()) {
            if (row.declared() == Invariance.INVARIANT) {
                assertThat(row.moved()).as(row.name() + " " + row.before() + " → " + row.after()).isFalse();
            }
        }
        assertThat(r.get("hessian.spectralNorm").moved()).isTrue();
        assertThat(r.get("hessian.spectralNorm").declared()).isEqualTo(Invariance.MOVED);
        assertThat(r.get("hessian.trace").moved()).isTrue();
        assertThat(r.get("maxOutputChange").after()).isLessThanOrEqualTo(1e-12);
        assertThat(vm.messageProperty().get()).startsWith("T_α with α = (10, 0.1");
    }

    @Test
    void movedComparesRelativelyWithAnAbsoluteFloor() {
        assertThat(new MeasuresTable.Row("a", "a", 1, 1 + 1e-7, Invariance.MOVED).moved()).isFalse();
        assertThat(new MeasuresTable.Row("a", "a", 1, 1 + 1e-5, Invariance.MOVED).moved()).isTrue();
        assertThat(new MeasuresTable.Row("a", "a", 0, 1e-15, Invariance.MOVED).moved()).isFalse();
        assertThat(new MeasuresTable.Row("a", "a", 0, 1e-9, Invariance.MOVED).moved()).isTrue();
    }
}
