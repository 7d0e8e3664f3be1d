package lab.sharpminima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code experiment}: the table on stdout and in --out, the same for the same seed; bad input exits 2. */
class ExperimentCommandTest {

    @TempDir
    Path dir;

    private static final String[] QUICK = {"--samples", "80", "--layers", "2,6,2", "--epochs", "30",
        "--restarts", "1", "--max-iterations", "20"};

    private CliTest.Run run(Path out) {
        String[] args = new String[QUICK.length + 5];
        args[0] = "experiment";
        System.arraycopy(QUICK, 0, args, 1, QUICK.length);
        args[QUICK.length + 1] = "--seed";
        args[QUICK.length + 2] = "5";
        args[QUICK.length + 3] = "--out";
        args[QUICK.length + 4] = out.toString();
        return CliTest.run(args);
    }

    @Test
    void writesTheSameTableTwiceAndItReverses() throws Exception {
        CliTest.Run a = run(dir.resolve("a.json"));
        CliTest.Run b = run(dir.resolve("b.json"));
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(b.out()).isEqualTo(a.out());
        assertThat(Files.readString(dir.resolve("a.json"))).isEqualTo(Files.readString(dir.resolve("b.json")));
        JsonNode j = new ObjectMapper().readTree(dir.resolve("a.json").toFile());
        assertThat(j.get("alpha").size()).isEqualTo(2);
        for (JsonNode row : j.get("rows")) {
            String m = row.get("measure").asText();
            if (m.equals("hessian.spectralNorm") || m.equals("epsSharpness")) {
                assertThat(row.get("smallAfterTalpha").asDouble()).as(m).isGreaterThan(row.get("large").asDouble());
            }
            if (m.equals("testLoss")) {
                assertThat(row.get("smallAfterTalpha").asDouble())
                        .isCloseTo(row.get("small").asDouble(), org.assertj.core.api.Assertions.within(1e-12));
            }
        }
    }

    @Test
    void badInputIsOneLine() {
        Path out = dir.resolve("never.json");
        CliTest.Run r = CliTest.run("experiment", "--layers", "3,4,2", "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: ").contains("--layers");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        CliTest.Run e = CliTest.run("experiment", "--epochs", "0");
        assertThat(e.code()).isEqualTo(2);
        assertThat(e.err()).contains("--epochs");
        assertThat(out).doesNotExist();
    }
}
