package lab.sharpminima.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Model;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.TestNets;
import lab.sharpminima.engine.io.ModelFiles;
import lab.sharpminima.gpu.Backends;
import lab.sharpminima.gpu.OpenClDevice;

/**
 * {@code slice --backend} (issue 6): an OpenCL device (PoCL in CI) agrees with the CPU to 1e-10
 * relative at every node; without a usable device there is one note on stderr and the CPU's answers.
 */
class SliceBackendTest {

    @TempDir
    Path dir;

    private Path model(String name, int[] widths, Activation act, boolean bias, LossKind kind, int n)
            throws IOException {
        Random rnd = new Random(name.hashCode());
        Network net = TestNets.net(widths, act, bias);
        Model m = new Model(net, TestNets.theta(net, rnd), kind, TestNets.data(net, kind, n, rnd, false), null, null);
        Path p = dir.resolve(name);
        ModelFiles.write(m, p);
        return p;
    }

    private String[] args(Path model, String dirs, String backend, Path out) {
        return new String[] {"slice", "--model", model.toString(), "--dirs", dirs, "--seed", "7", "--range=-1.5:1",
            "--steps", "9", "--backend", backend, "--out", out.toString()};
    }

    private static JsonNode loss(Path out) throws IOException {
        return new ObjectMapper().readTree(out.toFile()).get("loss");
    }

    private static boolean fp64Device() {
        try {
            return Backends.devices().stream().anyMatch(OpenClDevice::fp64);
        } catch (Throwable e) { // no libOpenCL at all
            return false;
        }
    }

    @Test
    void openClAgreesWithTheCpuToOneInTenToTheTen() throws IOException {
        assumeTrue(fp64Device(), "no OpenCL device with cl_khr_fp64");
        Path[] models = {
            model("relu.json", new int[] {2, 16, 16, 1}, Activation.RELU, true, LossKind.MSE, 300),
            model("tanh.json", new int[] {3, 8, 5, 4}, Activation.TANH, false, LossKind.CROSS_ENTROPY, 97),
        };
        for (Path m : models) {
            Path cpuOut = dir.resolve("cpu-" + m.getFileName());
            Path clOut = dir.resolve("cl-" + m.getFileName());
            CliTest.Run cpu = CliTest.run(args(m, "filter", "cpu", cpuOut));
            CliTest.Run cl = CliTest.run(args(m, "filter", "opencl", clOut));
            assertThat(cpu.code()).as(cpu.err()).isZero();
            assertThat(cl.code()).as(cl.err()).isZero();
            assertThat(cl.err()).as("no fallback note").isEmpty();
            assertThat(cl.json().get("backend").asText()).startsWith("opencl");
            assertThat(cpu.json().get("backend").asText()).isEqualTo("cpu");
            JsonNode a = loss(cpuOut);
            JsonNode b = loss(clOut);
            for (int i = 0; i < 9; i++) {
                for (int j = 0; j < 9; j++) {
                    double ref = a.get(i).get(j).asDouble();
                    assertThat(b.get(i).get(j).asDouble()).as("%s (%d, %d)", m.getFileName(), i, j)
                            .isCloseTo(ref, within(1e-10 * Math.abs(ref)));
                }
            }
        }
    }

    /** A device that does not exist: one note, and the very same file as {@code --backend cpu}. */
    @Test
    void aMissingDeviceIsOneNoteAndTheCpuAnswers() throws IOException {
        Path m = model("m.json", new int[] {2, 6, 1}, Activation.RELU, true, LossKind.MSE, 50);
        Path cpuOut = dir.resolve("cpu.json");
        Path clOut = dir.resolve("cl.json");
        CliTest.Run cpu = CliTest.run(args(m, "random", "cpu", cpuOut));
        CliTest.Run cl = CliTest.run(args(m, "random", "opencl:99", clOut));
        assertThat(cl.code()).as(cl.err()).isZero();
        assertThat(cl.err().strip().lines().count()).isEqualTo(1);
        assertThat(cl.err()).startsWith("note: ").contains("using the CPU backend");
        assertThat(cl.json().get("backend").asText()).isEqualTo("cpu");
        assertThat(Files.readString(clOut)).isEqualTo(Files.readString(cpuOut));
        assertThat(cpu.err()).isEmpty();
    }

    /**
     * No OpenCL at all: a fresh JVM whose ICD loader finds no platform (OCL_ICD_VENDORS names an
     * empty folder; without libOpenCL the note names the missing driver instead).
     */
    @Test
    void noOpenClPlatformIsOneNoteAndTheCpuAnswers() throws Exception {
        Path m = model("p.json", new int[] {2, 5, 2}, Activation.LEAKY_RELU, true, LossKind.CROSS_ENTROPY, 40);
        Path cpuOut = dir.resolve("cpu.json");
        Path clOut = dir.resolve("cl.json");
        assertThat(CliTest.run(args(m, "filter", "cpu", cpuOut)).code()).isZero();
        Path empty = Files.createDirectories(dir.resolve("no-icd"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "lab.sharpminima.Launcher"));
        command.addAll(List.of(args(m, "filter", "opencl", clOut)));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("OCL_ICD_VENDORS", empty.toString());
        pb.redirectOutput(dir.resolve("stdout.txt").toFile());
        File err = dir.resolve("stderr.txt").toFile();
        pb.redirectError(err);
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the slice finished").isTrue();
        String errText = Files.readString(err.toPath(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(errText).isZero();
        assertThat(errText.strip().lines().count()).as(errText).isEqualTo(1);
        assertThat(errText).startsWith("note: ").contains("OpenCL").contains("using the CPU backend");
        assertThat(Files.readString(clOut)).isEqualTo(Files.readString(cpuOut));
    }
}
