package lab.sharpminima.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import lab.sharpminima.compute.CpuBackend;
import lab.sharpminima.compute.Precision;
import lab.sharpminima.engine.Model;
import lab.sharpminima.engine.io.ModelFiles;
import lab.sharpminima.figure.MeasuresTable;
import org.junit.jupiter.api.Test;

/**
 * The Measures table with ε-sharpness's restarts batched on a backend (what the UI's Compute menu
 * switches): on the CPU backend every value is exactly the serial one; on an OpenCL device (fp64)
 * ε-sharpness agrees to 1e-8 relative and the other rows, which never touch the device, exactly.
 */
class MeasuresOnDeviceTest {

    private static final Path XOR = Path.of("assets/models/xor-2-4-1.json");

    @Test
    void theTableOnABackendIsTheSerialTable() throws Exception {
        Model m = ModelFiles.read(XOR);
        List<MeasuresTable.Value> serial = MeasuresTable.valuesAt(m, m.theta());
        try (CpuBackend cpu = new CpuBackend(2)) {
            assertThat(MeasuresTable.valuesAt(m, m.theta(), cpu)).isEqualTo(serial);
        }
        OpenClDevice d;
        try {
            d = Backends.devices().stream().filter(OpenClDevice::fp64).findFirst().orElse(null);
        } catch (Throwable e) {
            d = null;
        }
        assumeTrue(d != null, "no OpenCL device with fp64");
        try (OpenClBackend b = new OpenClBackend(d, Precision.DOUBLE)) {
            List<MeasuresTable.Value> onDevice = MeasuresTable.valuesAt(m, m.theta(), b);
            assertThat(onDevice).hasSameSizeAs(serial);
            for (int i = 0; i < serial.size(); i++) {
                MeasuresTable.Value s = serial.get(i);
                MeasuresTable.Value v = onDevice.get(i);
                if (s.key().equals("epsSharpness")) {
                    assertThat(v.value()).isCloseTo(s.value(), org.assertj.core.data.Offset.offset(
                            1e-8 * Math.max(1e-12, Math.abs(s.value()))));
                } else {
                    assertThat(v).as(s.name()).isEqualTo(s);
                }
            }
        }
    }
}
