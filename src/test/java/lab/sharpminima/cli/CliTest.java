package lab.sharpminima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Model;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.TestNets;
import lab.sharpminima.engine.io.ModelFiles;
import lab.sharpminima.engine.train.Accuracy;
import lab.sharpminima.linalg.SymmetricEigen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract: its JSON, its exit codes, its one-line errors and the files it leaves. */
class CliTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out);
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path randomModel(String name, Activation act, boolean bias, LossKind kind) throws IOException {
        Random rnd = new Random(name.hashCode());
        Network net = TestNets.net(new int[] {3, 6, 5, 2}, act, bias);
        Model m = new Model(net, TestNets.theta(net, rnd), kind, TestNets.data(net, kind, 40, rnd, false),
                TestNets.data(net, kind, 15, rnd, false), null);
        Path p = dir.resolve(name);
        ModelFiles.write(m, p);
        return p;
    }

    private static void assertOneErrorLine(Run r, String... fragments) {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: ").doesNotContain("Exception").doesNotContain("\tat ");
        for (String f : fragments) {
            assertThat(r.err()).contains(f);
        }
    }

    @Test
    void measurePrintsTheEngineNumbers() throws Exception {
        Path p = randomModel("m.json", Activation.RELU, true, LossKind.MSE);
        Run r = run("measure", "--model", p.toString(), "--measures", "hessian");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        Model m = ModelFiles.read(p);
        LossFunction f = m.lossFunction();
        double[] g = new double[f.dimension()];
        assertThat(j.get("n").asInt()).isEqualTo(m.network().parameterCount());
        assertThat(j.get("loss").asDouble()).isEqualTo(f.gradient(m.theta(), g));
        assertThat(j.get("gradNorm").asDouble()).isEqualTo(MeasureCommand.norm(g));
        assertThat(j.get("testLoss").asDouble())
                .isEqualTo(new LossFunction(m.network(), m.loss(), m.test()).value(m.theta()));
        SymmetricEigen eig = SymmetricEigen.decompose(f.hessian(m.theta()), false);
        JsonNode h = j.get("hessian");
        assertThat(h.get("method").asText()).isEqualTo("dense");
        assertThat(h.get("eigenvalues").size()).isEqualTo(f.dimension());
        for (int i = 0; i < f.dimension(); i++) {
            assertThat(h.get("eigenvalues").get(i).asDouble()).isEqualTo(eig.value(i));
        }
        assertThat(h.get("spectralNorm").asDouble()).isEqualTo(eig.spectralNorm());
        assertThat(h.get("trace").asDouble()).isEqualTo(eig.trace());
    }

    @Test
    void measureAboveTheDenseThresholdUsesLanczosAndAgreesWithDense() throws Exception {
        Path p = randomModel("big.json", Activation.TANH, true, LossKind.CROSS_ENTROPY);
        Run dense = run("measure", "--model", p.toString(), "--measures", "hessian");
        Run lanczos = run("measure", "--model", p.toString(), "--measures", "hessian,trace",
                "--dense-threshold", "10", "--top", "3");
        assertThat(lanczos.code()).as(lanczos.err()).isZero();
        JsonNode d = dense.json().get("hessian");
        JsonNode l = lanczos.json().get("hessian");
        assertThat(l.get("method").asText()).isEqualTo("lanczos");
        assertThat(l.get("eigenvalues").size()).isEqualTo(3);
        double norm = d.get("spectralNorm").asDouble();
        for (int i = 0; i < 3; i++) {
            assertThat(l.get("eigenvalues").get(i).asDouble())
                    .isCloseTo(d.get("eigenvalues").get(i).asDouble(), org.assertj.core.data.Offset.offset(1e-7 * norm));
        }
        assertThat(l.get("spectralNorm").asDouble()).isCloseTo(norm, org.assertj.core.data.Offset.offset(1e-7 * norm));
        double se = l.get("traceStandardError").asDouble();
        assertThat(se).isPositive();
        assertThat(Math.abs(l.get("trace").asDouble() - d.get("trace").asDouble())).isLessThan(5 * se);
    }

    @Test
    void transformKeepsOutputsAndWritesTheScaledModel() throws Exception {
        Path p = randomModel("relu.json", Activation.RELU, true, LossKind.MSE);
        Path out = dir.resolve("out.json");
        Run r = run("transform", "--model", p.toString(), "--alpha", "4,0.5,0.5", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("maxOutputChange").asDouble()).isLessThan(1e-12);
        Model before = ModelFiles.read(p);
        Model after = ModelFiles.read(out);
        assertThat(after.theta()[0]).isEqualTo(4 * before.theta()[0]);
        int lastWeight = after.network().offset(2);
        assertThat(after.theta()[lastWeight]).isEqualTo(0.5 * before.theta()[lastWeight]);
    }

    @Test
    void transformOfTanhReportsTheChange() throws Exception {
        Path p = randomModel("tanh.json", Activation.TANH, false, LossKind.MSE);
        Run r = run("transform", "--model", p.toString(), "--alpha", "3,1,0.3333333333333333", "--out",
                dir.resolve("t.json").toString());
        assertThat(r.code()).isZero();
        assertThat(r.json().get("maxOutputChange").asDouble()).isGreaterThan(1e-3);
        assertThat(r.err()).contains("tanh");
    }

    @Test
    void badAlphasExitTwoAndWriteNothing() throws Exception {
        Path p = randomModel("a.json", Activation.RELU, false, LossKind.MSE);
        Path out = dir.resolve("never.json");
        assertOneErrorLine(run("transform", "--model", p.toString(), "--alpha", "2,2,2", "--out", out.toString()),
                "product");
        assertOneErrorLine(run("transform", "--model", p.toString(), "--alpha", "-1,-1,1", "--out", out.toString()),
                "alpha[0]");
        assertOneErrorLine(run("transform", "--model", p.toString(), "--alpha", "NaN,1,1", "--out", out.toString()),
                "alpha[0]");
        assertOneErrorLine(run("transform", "--model", p.toString(), "--alpha", "2,0.5", "--out", out.toString()),
                "3 values");
        assertOneErrorLine(run("transform", "--model", p.toString(), "--alpha", "1,1e-308,1e308", "--out",
                out.toString()), "alpha[1]", "underflows parameter");
        assertOneErrorLine(run("transform", "--model", p.toString(), "--alpha", "x,1,1", "--out", out.toString()),
                "--alpha");
        assertThat(Files.exists(out)).isFalse();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("a.json");
        }
    }

    @Test
    void badModelFilesExitTwoNamingTheField() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"sharp-minima-lab/model\", \"version\": 2}");
        assertOneErrorLine(run("measure", "--model", bad.toString()), "version");
        assertOneErrorLine(run("measure", "--model", dir.resolve("missing.json").toString()), "missing.json");
        Path noData = dir.resolve("nodata.json");
        Files.writeString(noData, "{\"format\": \"sharp-minima-lab/model\", \"version\": 1, \"layers\": "
                + "[{\"in\": 1, \"out\": 1, \"activation\": \"linear\", \"bias\": false}], \"weights\": [[[2.0]]], "
                + "\"biases\": [null], \"loss\": \"mse\"}");
        assertOneErrorLine(run("measure", "--model", noData.toString()), "data");
    }

    @Test
    void badOptionsExitTwo() throws Exception {
        Path p = randomModel("o.json", Activation.RELU, false, LossKind.MSE);
        assertOneErrorLine(run("measure", "--model", p.toString(), "--measures", "curvature"), "curvature");
        assertOneErrorLine(run("measure", "--model", p.toString(), "--epsilon", "-1"), "--epsilon");
        assertOneErrorLine(run("measure", "--model", p.toString(), "--backend", "cuda"), "--backend");
        assertOneErrorLine(run("measure", "--modle", p.toString()), "--model");
        assertOneErrorLine(run("frobnicate"), "frobnicate");
        assertOneErrorLine(run("train", "--data", "moons", "--layers", "3,4,2", "--out", dir.resolve("t.json").toString()),
                "--layers", "2");
        assertOneErrorLine(run("train", "--data", "nosuch", "--layers", "2,4,2", "--out", dir.resolve("t.json").toString()),
                "nosuch");
        assertOneErrorLine(run("train", "--data", "moons", "--layers", "2,4,2", "--optimizer", "lbfgs", "--out",
                dir.resolve("t.json").toString()), "lbfgs");
        assertThat(Files.exists(dir.resolve("t.json"))).isFalse();
    }

    @Test
    void trainIsReproducibleToTheByteAndLearnsTwoMoons() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        String[] args = {"train", "--data", "moons", "--n", "300", "--seed", "7", "--layers", "2,16,16,2", "--bias",
            "--optimizer", "adam", "--lr", "0.01", "--batch", "32", "--epochs", "60", "--out"};
        Run r1 = run(concat(args, a.toString()));
        Run r2 = run(concat(args, b.toString()));
        assertThat(r1.code()).as(r1.err()).isZero();
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        Model m = ModelFiles.read(a);
        assertThat(m.extras()).containsKey("meta");
        assertThat(Accuracy.of(m.network(), m.theta(), m.data())).isGreaterThanOrEqualTo(0.95);
        assertThat(r1.json().get("accuracy").asDouble()).isGreaterThanOrEqualTo(0.95);
        assertThat(r1.json().get("epochs").asInt()).isEqualTo(60);
    }

    private static String[] concat(String[] a, String last) {
        String[] r = java.util.Arrays.copyOf(a, a.length + 1);
        r[a.length] = last;
        return r;
    }

    @Test
    void invariantMeasuresStayWhileTheSpectralNormMoves() throws Exception {
        Path p = randomModel("inv.json", Activation.RELU, true, LossKind.CROSS_ENTROPY);
        Path moved = dir.resolve("moved.json");
        assertThat(run("transform", "--model", p.toString(), "--alpha", "7,0.25,0.5714285714285714", "--out",
                moved.toString()).code()).isZero();
        JsonNode before = run("measure", "--model", p.toString(), "--measures", "hessian,invariant").json();
        JsonNode after = run("measure", "--model", moved.toString(), "--measures", "hessian,invariant").json();
        JsonNode ib = before.get("invariant");
        JsonNode ia = after.get("invariant");
        int count = 0;
        for (var it = ib.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (ib.get(key).isNumber()) {
                double b = ib.get(key).asDouble();
                assertThat(ia.get(key).asDouble()).as(key).isCloseTo(b, org.assertj.core.data.Offset.offset(1e-6 * Math.abs(b)));
                count++;
            }
        }
        assertThat(count).isGreaterThanOrEqualTo(3);
        assertThat(ib.get("holdsForThisNetwork").asBoolean()).isTrue();
        double nb = before.get("hessian").get("spectralNorm").asDouble();
        double na = after.get("hessian").get("spectralNorm").asDouble();
        assertThat(Math.max(na / nb, nb / na)).isGreaterThan(2);
    }

    @Test
    void sharpnessArgmaxLiesInItsRegionAndGivesItsValue() throws Exception {
        Path p = randomModel("sharp.json", Activation.RELU, true, LossKind.MSE);
        double eps = 0.05;
        JsonNode j = run("measure", "--model", p.toString(), "--measures", "eps-sharpness,keskar-sharpness",
                "--epsilon", String.valueOf(eps)).json();
        Model m = ModelFiles.read(p);
        LossFunction f = m.lossFunction();
        double l0 = f.value(m.theta());
        JsonNode e = j.get("epsSharpness");
        double[] arg = new ObjectMapper().convertValue(e.get("argmax"), double[].class);
        double dist = 0;
        for (int i = 0; i < arg.length; i++) {
            dist += (arg[i] - m.theta()[i]) * (arg[i] - m.theta()[i]);
        }
        assertThat(Math.sqrt(dist)).isLessThanOrEqualTo(eps * (1 + 1e-12));
        assertThat(e.get("value").asDouble()).isEqualTo((f.value(arg) - l0) / (1 + l0));
        assertThat(e.get("value").asDouble()).isPositive();
        assertThat(e.get("epsilon").asDouble()).isEqualTo(eps);
        JsonNode k = j.get("keskarSharpness");
        double[] box = new ObjectMapper().convertValue(k.get("argmax"), double[].class);
        for (int i = 0; i < box.length; i++) {
            assertThat(Math.abs(box[i] - m.theta()[i])).isLessThanOrEqualTo(eps * (Math.abs(m.theta()[i]) + 1) * (1 + 1e-12));
        }
        assertThat(k.get("value").asDouble()).isEqualTo(100 * (f.value(box) - l0) / (1 + l0));
        assertThat(k.get("value").asDouble()).isGreaterThanOrEqualTo(100 * e.get("value").asDouble());
    }

    @Test
    void measureOnOpenClAgreesWithTheCpuOrFallsBackWithOneNote() throws IOException {
        Path p = randomModel("backend.json", Activation.TANH, true, LossKind.CROSS_ENTROPY);
        String[] args = {"measure", "--model", p.toString(), "--measures", "eps-sharpness", "--restarts", "6",
            "--max-iterations", "20", "--backend"};
        Run cpu = run(java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("cpu"))
                .toArray(String[]::new));
        Run cl = run(java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("opencl"))
                .toArray(String[]::new));
        assertThat(cpu.code()).isZero();
        assertThat(cl.code()).isZero();
        assertThat(cl.err().strip().lines().count()).isLessThanOrEqualTo(1);
        double a = cpu.json().get("epsSharpness").get("value").asDouble();
        double b = cl.json().get("epsSharpness").get("value").asDouble();
        assertThat(b).isCloseTo(a, org.assertj.core.data.Offset.offset(1e-8 * Math.max(1, Math.abs(a))));
    }
}
