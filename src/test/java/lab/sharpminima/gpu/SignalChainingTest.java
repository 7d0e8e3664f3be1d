package lab.sharpminima.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * PoCL replaces the JVM's SIGSEGV handler, so it is used only with signal chaining (libjsig
 * preloaded): a JVM started without it leaves PoCL out with one note and computes on the CPU; the same
 * command with libjsig preloaded runs on the device. Skipped where no PoCL platform exists.
 */
class SignalChainingTest {

    @Test
    void poclIsLeftOutWithANoteUnlessTheJvmChainsSignals() throws Exception {
        assumeTrue(OpenClDevice.signalChaining(), "this test JVM runs without libjsig");
        List<OpenClDevice> devices;
        try {
            devices = OpenClDevice.list();
        } catch (Throwable e) {
            devices = List.of();
        }
        assumeTrue(devices.stream().anyMatch(d -> OpenClDevice.replacesSignalHandlers(d.platformName())),
                "no PoCL platform");
        Path libjsig = Path.of(System.getProperty("java.home"), "lib", "libjsig.so");
        assumeTrue(Files.exists(libjsig), "no libjsig.so in this JDK");

        String without = run(null);
        assertThat(without).contains("(PoCL) was skipped").contains("libjsig").contains("using the CPU backend");
        String with = run(libjsig.toString());
        assertThat(with).doesNotContain("was skipped").doesNotContain("using the CPU backend");
    }

    /** {@code measure --backend opencl} on the XOR model in a new JVM; LD_PRELOAD as given (null: unset). */
    private static String run(String preload) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "lab.sharpminima.Launcher", "measure", "--model", "assets/models/xor-2-4-1.json",
                "--backend", "opencl", "--measures", "eps-sharpness");
        pb.environment().remove("LD_PRELOAD");
        if (preload != null) {
            pb.environment().put("LD_PRELOAD", preload);
        }
        pb.redirectErrorStream(true);
        File out = File.createTempFile("sml-chain-", ".txt");
        out.deleteOnExit();
        pb.redirectOutput(out);
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(out.toPath(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        return text;
    }
}
