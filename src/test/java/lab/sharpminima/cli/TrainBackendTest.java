package lab.sharpminima.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import lab.sharpminima.engine.Model;
import lab.sharpminima.engine.io.ModelFiles;
import lab.sharpminima.gpu.Backends;
import lab.sharpminima.gpu.OpenClDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --backend} (issue 6): on an OpenCL device (PoCL in CI) the trained parameters and losses
 * agree with {@code --backend cpu} to 1e-10 relative; a device that does not exist is one note and the
 * CPU's very bytes.
 */
class TrainBackendTest {

    @TempDir
    Path dir;

    private static String[] args(String backend, Path out) {
        return new String[] {"train", "--data", "moons", "--n", "240", "--seed", "3", "--layers", "2,12,12,2",
            "--activation", "tanh", "--bias", "--optimizer", "adam", "--lr", "0.01", "--batch", "32", "--epochs", "40",
            "--backend", backend, "--out", out.toString()};
    }

    private static boolean fp64Device() {
        try {
            return Backends.devices().stream().anyMatch(OpenClDevice::fp64);
        } catch (Throwable e) { // no libOpenCL at all
            return false;
        }
    }

    /** 40 epochs of 6 minibatches (the last of 16 rows): 240 Adam steps on the device and on the CPU. */
    @Test
    void openClTrainsToTheCpusParameters() throws Exception {
        assumeTrue(fp64Device(), "no OpenCL device with cl_khr_fp64");
        Path cpuOut = dir.resolve("cpu.json");
        Path clOut = dir.resolve("cl.json");
        CliTest.Run cpu = CliTest.run(args("cpu", cpuOut));
        CliTest.Run cl = CliTest.run(args("opencl", clOut));
        assertThat(cpu.code()).as(cpu.err()).isZero();
        assertThat(cl.code()).as(cl.err()).isZero();
        assertThat(cl.err()).doesNotContain("note:");
        double loss = cpu.json().get("loss").asDouble();
        assertThat(cl.json().get("loss").asDouble()).isCloseTo(loss, within(1e-10 * loss));
        Model a = ModelFiles.read(cpuOut);
        Model b = ModelFiles.read(clOut);
        double scale = 0;
        double err = 0;
        for (int i = 0; i < a.theta().length; i++) {
            scale = Math.max(scale, Math.abs(a.theta()[i]));
            err = Math.max(err, Math.abs(a.theta()[i] - b.theta()[i]));
        }
        assertThat(err).isLessThan(1e-10 * scale);
        assertThat(b.extras().get("meta")).contains("\"backend\":\"opencl");
        assertThat(a.extras().get("meta")).doesNotContain("backend");
    }

    @Test
    void aMissingDeviceIsOneNoteAndTheCpusBytes() throws IOException {
        Path cpuOut = dir.resolve("cpu.json");
        Path clOut = dir.resolve("cl.json");
        CliTest.Run cpu = CliTest.run(args("cpu", cpuOut));
        CliTest.Run cl = CliTest.run(args("opencl:99", clOut));
        assertThat(cl.code()).as(cl.err()).isZero();
        assertThat(cl.err().lines().filter(l -> l.startsWith("note: ")).count()).isEqualTo(1);
        assertThat(cl.err()).contains("using the CPU backend");
        assertThat(Files.readAllBytes(clOut)).isEqualTo(Files.readAllBytes(cpuOut));
        assertThat(cl.out()).isEqualTo(cpu.out());
    }
}
