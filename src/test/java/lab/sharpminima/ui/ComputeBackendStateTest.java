package lab.sharpminima.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import lab.sharpminima.compute.Backend;
import lab.sharpminima.compute.CpuBackend;
import lab.sharpminima.gpu.Backends;
import org.junit.jupiter.api.Test;

/**
 * The compute-backend state without a stage: stand-in devices (a one-thread CPU backend plays a device
 * that passed its smoke check; another is refused with a note), selected on the test's thread.
 */
class ComputeBackendStateTest {

    private final List<String> asked = new ArrayList<>();
    private final CpuBackend good = new CpuBackend(1);

    private Backends.Selection select(String word) {
        asked.add(word);
        if (word.startsWith("opencl:0")) {
            return new Backends.Selection(good, null);
        }
        return new Backends.Selection(new CpuBackend(1), "note: dev1 failed its smoke check: losses differ; using the CPU backend");
    }

    private ComputeBackendState state() {
        return new ComputeBackendState(new SameThreadExecutor(), this::select,
                () -> List.of(new ComputeBackendState.Choice("OpenCL: dev0 (GPU)", "opencl:0"),
                        new ComputeBackendState.Choice("OpenCL: dev1 (CPU)", "opencl:1")));
    }

    @Test
    void startsOnJavaAndListsTheDevicesAfterIt() {
        ComputeBackendState s = state();
        assertThat(s.backend()).isInstanceOf(CpuBackend.class);
        assertThat(s.currentProperty().get()).isEqualTo(ComputeBackendState.Choice.JAVA);
        assertThat(s.descriptionProperty().get()).isEqualTo("Compute: Java (CPU)");
        assertThat(s.choices()).extracting(ComputeBackendState.Choice::word)
                .containsExactly("cpu", "opencl:0", "opencl:1");
        assertThat(asked).isEmpty();
    }

    @Test
    void aDeviceThatPassesBecomesTheBackendAndSwitchingBackIsImmediate() {
        ComputeBackendState s = state();
        Backend java = s.backend();
        s.select(s.choices().get(1));
        assertThat(asked).containsExactly("opencl:0");
        assertThat(s.backend()).isSameAs(good);
        assertThat(s.descriptionProperty().get()).isEqualTo("Compute: OpenCL: dev0 (GPU), fp64");
        assertThat(s.noteProperty().get()).isNull();

        s.select(ComputeBackendState.Choice.JAVA);
        assertThat(s.backend()).isSameAs(java);
        s.select(s.choices().get(1));
        assertThat(asked).as("a device that passed is not checked again").containsExactly("opencl:0");
        assertThat(s.backend()).isSameAs(good);
    }

    @Test
    void aRefusedDeviceLeavesTheBackendAndGivesTheOneLineNote() {
        ComputeBackendState s = state();
        Backend java = s.backend();
        s.select(s.choices().get(2));
        assertThat(s.backend()).isSameAs(java);
        assertThat(s.currentProperty().get()).isEqualTo(ComputeBackendState.Choice.JAVA);
        assertThat(s.noteProperty().get()).isEqualTo("dev1 failed its smoke check: losses differ; using the CPU backend");
        assertThat(s.descriptionProperty().get()).isEqualTo("Compute: Java (CPU)");
        assertThat(s.switchingProperty().get()).isFalse();
    }

    @Test
    void singlePrecisionReselectsTheDeviceInUseOnly() {
        ComputeBackendState s = state();
        s.fp32Property().set(true);
        assertThat(asked).as("Java has no single-precision variant").isEmpty();
        s.select(s.choices().get(1));
        assertThat(asked).containsExactly("opencl:0-fp32");
        s.fp32Property().set(false);
        assertThat(asked).containsExactly("opencl:0-fp32", "opencl:0");
    }
}
