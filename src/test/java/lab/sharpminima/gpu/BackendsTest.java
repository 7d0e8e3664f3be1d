package lab.sharpminima.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lab.sharpminima.compute.CpuBackend;
import org.junit.jupiter.api.Test;

/** Selection words, and the CPU fallback with one note when the asked-for device does not exist. */
class BackendsTest {

    @Test
    void aMissingDeviceIsOneNoteAndTheCpu() {
        Backends.Selection s = Backends.select("opencl:99");
        try {
            assertThat(s.backend()).isInstanceOf(CpuBackend.class);
            assertThat(s.note()).startsWith("note: ").endsWith("using the CPU backend").doesNotContain("\n");
        } finally {
            s.backend().close();
        }
    }

    @Test
    void unknownWordsAreRejected() {
        assertThatThrownBy(() -> Backends.select("cuda")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--backend cuda");
        assertThatThrownBy(() -> Backends.select("opencl:x")).isInstanceOf(IllegalArgumentException.class);
    }
}
