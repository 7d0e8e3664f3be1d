package lab.sharpminima.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Model;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.TestNets;
import lab.sharpminima.engine.io.ModelFiles;

/** {@code slice}: the file equals direct evaluation at every node; bad input is one line and no file. */
class SliceCommandTest {

    @TempDir
    Path dir;

    private Path model(String name, int[] widths, Activation act, boolean bias, LossKind kind) throws IOException {
        Random rnd = new Random(name.hashCode());
        Network net = TestNets.net(widths, act, bias);
        Model m = new Model(net, TestNets.theta(net, rnd), kind, TestNets.data(net, kind, 60, rnd, false), null, null);
        Path p = dir.resolve(name);
        ModelFiles.write(m, p);
        return p;
    }

    private static double[] vector(JsonNode n) {
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = n.get(i).asDouble();
        }
        return v;
    }

    private void assertSliceMatchesDirect(Path modelFile, String dirs, String range, int steps) throws Exception {
        Path out = dir.resolve(dirs + ".json");
        CliTest.Run r = CliTest.run("slice", "--model", modelFile.toString(), "--dirs", dirs, "--seed", "4",
                "--range=" + range, "--steps", String.valueOf(steps), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("steps").asInt()).isEqualTo(steps);
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        Model m = ModelFiles.read(modelFile);
        LossFunction f = m.lossFunction();
        double[] a = vector(j.get("a"));
        double[] b = vector(j.get("b"));
        double[] d1 = vector(j.get("d1"));
        double[] d2 = vector(j.get("d2"));
        assertThat(a).hasSize(steps);
        assertThat(b).hasSize(steps);
        assertThat(d1).hasSize(m.theta().length);
        assertThat(j.get("loss").size()).isEqualTo(steps);
        double[] p = new double[m.theta().length];
        for (int i = 0; i < steps; i++) {
            JsonNode row = j.get("loss").get(i);
            assertThat(row.size()).isEqualTo(steps);
            for (int k = 0; k < steps; k++) {
                for (int q = 0; q < p.length; q++) {
                    p[q] = m.theta()[q] + a[k] * d1[q] + b[i] * d2[q];
                }
                assertThat(row.get(k).asDouble()).as("%s (%d, %d)", dirs, i, k).isCloseTo(f.value(p), within(1e-12));
            }
        }
    }

    @Test
    void everyKindOfDirectionMatchesDirectEvaluation() throws Exception {
        Path p = model("relu.json", new int[] {2, 16, 16, 1}, Activation.RELU, true, LossKind.MSE);
        assertSliceMatchesDirect(p, "random", "-1:1", 11);
        assertSliceMatchesDirect(p, "filter", "-1:1", 11);
        assertSliceMatchesDirect(p, "eigen", "-0.5:0.25", 9);
        Path ce = model("ce.json", new int[] {3, 6, 3}, Activation.LEAKY_RELU, false, LossKind.CROSS_ENTROPY);
        assertSliceMatchesDirect(ce, "filter", "-2:3", 7);
    }

    @Test
    void eigenDirectionsAreUnitAndTheirEigenvaluesAreWritten() throws Exception {
        Path p = model("tanh.json", new int[] {2, 5, 1}, Activation.TANH, true, LossKind.MSE);
        Path out = dir.resolve("e.json");
        CliTest.Run r = CliTest.run("slice", "--model", p.toString(), "--dirs", "eigen", "--steps", "3",
                "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        double[] d1 = vector(j.get("d1"));
        double s = 0;
        for (double v : d1) {
            s += v * v;
        }
        assertThat(Math.sqrt(s)).isCloseTo(1, within(1e-10));
        assertThat(j.get("eigenvalues").get(0).asDouble()).isGreaterThanOrEqualTo(j.get("eigenvalues").get(1).asDouble());
    }

    @Test
    void badInputIsOneLineAndWritesNothing() throws Exception {
        Path p = model("m.json", new int[] {2, 4, 1}, Activation.RELU, true, LossKind.MSE);
        Path out = dir.resolve("never.json");
        String[][] cases = {
            {"--dirs", "pca", "--dirs"},
            {"--range=1:-1", "--range"},
            {"--range=a:b", "--range"},
            {"--range=1", "--range"},
            {"--steps", "1", "--steps"},
            {"--backend", "opencl:x", "opencl:K"},
            {"--backend", "cuda", "--backend"},
        };
        for (String[] c : cases) {
            String[] args = c.length == 3
                    ? new String[] {"slice", "--model", p.toString(), c[0], c[1], "--out", out.toString()}
                    : new String[] {"slice", "--model", p.toString(), "--dirs", "random", c[0], "--out", out.toString()};
            if (c.length == 3 && !c[0].equals("--dirs")) {
                args = new String[] {"slice", "--model", p.toString(), "--dirs", "random", c[0], c[1], "--out",
                        out.toString()};
            }
            CliTest.Run r = CliTest.run(args);
            String expect = c[c.length - 1];
            assertThat(r.code()).as(String.join(" ", c)).isEqualTo(2);
            assertThat(r.err()).startsWith("error: ").contains(expect).doesNotContain("Exception");
            assertThat(r.err().strip().lines().count()).isEqualTo(1);
            assertThat(out).doesNotExist();
        }
        CliTest.Run missing = CliTest.run("slice", "--model", dir.resolve("nope.json").toString(), "--dirs", "random",
                "--out", out.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.json");
        CliTest.Run noDir = CliTest.run("slice", "--model", p.toString(), "--dirs", "random", "--out",
                dir.resolve("no/such/folder/s.json").toString());
        assertThat(noDir.code()).isEqualTo(2);
        assertThat(noDir.err()).startsWith("error: ").contains("--out");
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }
}
