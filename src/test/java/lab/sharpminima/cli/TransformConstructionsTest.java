package lab.sharpminima.cli;

import static lab.sharpminima.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Model;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.TestNets;
import lab.sharpminima.engine.io.ModelFiles;
import lab.sharpminima.linalg.SymmetricEigen;
import lab.sharpminima.symmetry.EpsilonSharpening;
import lab.sharpminima.symmetry.NeuronScale;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code transform}'s constructions (Theorems 4, 5, Section 4.3, neuron scaling) and their bad input. */
class TransformConstructionsTest {

    @TempDir
    Path dir;

    /** A 3-4-4-2 network at an exact minimum: MSE with targets f_θ(x). */
    private Path minimum(String name, Activation act, boolean bias) throws IOException {
        Random rnd = new Random(name.hashCode());
        Network net = TestNets.net(new int[] {3, 4, 4, 2}, act, bias);
        double[] theta = TestNets.theta(net, rnd);
        DMatrixRMaj x = TestNets.data(net, LossKind.MSE, 30, rnd, false).x();
        Model m = new Model(net, theta, LossKind.MSE, new Dataset(x, LossFunction.outputs(net, theta, x)),
                null, null);
        Path p = dir.resolve(name);
        ModelFiles.write(m, p);
        return p;
    }

    private static JsonNode lastJson;

    private Path transformJson(Path model, String... modeArgs) throws Exception {
        Path out = dir.resolve("out-" + model.getFileName());
        String[] args = new String[modeArgs.length + 5];
        args[0] = "transform";
        args[1] = "--model";
        args[2] = model.toString();
        System.arraycopy(modeArgs, 0, args, 3, modeArgs.length);
        args[args.length - 2] = "--out";
        args[args.length - 1] = out.toString();
        CliTest.Run r = run(args);
        assertThat(r.code()).as(r.err()).isZero();
        lastJson = r.json();
        return out;
    }

    private static SymmetricEigen spectrum(Path file) throws Exception {
        Model m = ModelFiles.read(file);
        return SymmetricEigen.decompose(m.lossFunction().hessian(m.theta()), false);
    }

    @Test
    void targetSpectralNormWritesAnEquivalentModelThatReachesM() throws Exception {
        Path p = minimum("t4.json", Activation.RELU, true);
        Path out = transformJson(p, "--target-spectral-norm", "1e4");
        JsonNode j = lastJson;
        assertThat(j.get("alpha").size()).isEqualTo(3);
        assertThat(j.get("alpha").get(1).asDouble()).isEqualTo(1.0);
        assertThat(j.get("target").asDouble()).isEqualTo(1e4);
        assertThat(j.get("method").asText()).isEqualTo("dense");
        assertThat(j.get("spectralNormBefore").asDouble()).isEqualTo(spectrum(p).spectralNorm()).isLessThan(1e4);
        double after = spectrum(out).spectralNorm();
        assertThat(after).isGreaterThanOrEqualTo(1e4);
        assertThat(j.get("spectralNormAfter").asDouble()).isEqualTo(after);
        assertThat(j.get("proofBound").asDouble()).isPositive();
        assertThat(j.get("maxOutputChange").asDouble()).isLessThan(1e-12 * maxAbsOutput(p));
    }

    @Test
    void targetEigsReachesTheGuaranteedCount() throws Exception {
        Path p = minimum("t5.json", Activation.RELU, false);
        Path out = transformJson(p, "--target-eigs", "1e3");
        JsonNode j = lastJson;
        SymmetricEigen before = spectrum(p);
        assertThat(j.get("rank").asInt()).isEqualTo(before.rank());
        assertThat(j.get("minLayerParameters").asInt()).isEqualTo(8);
        assertThat(j.get("layerWithFewest").asInt()).isEqualTo(3);
        assertThat(j.get("guaranteed").asInt()).isEqualTo(before.rank() - 8).isPositive();
        assertThat(j.get("eigenvaluesAboveMBefore").asInt()).isEqualTo(before.countAbove(1e3));
        int after = spectrum(out).countAbove(1e3);
        assertThat(j.get("eigenvaluesAboveM").asInt()).isEqualTo(after).isGreaterThanOrEqualTo(j.get("guaranteed").asInt());
        double beta = j.get("beta").asDouble();
        assertThat(j.get("alpha").get(2).asDouble()).isCloseTo(beta * beta, within(1e-12 * beta * beta));
        assertThat(j.get("maxOutputChange").asDouble()).isLessThan(1e-12 * maxAbsOutput(p));
    }

    @Test
    void sharpenEpsPutsAConstantFunctionEpsilonAway() throws Exception {
        Path p = minimum("s.json", Activation.LEAKY_RELU, true);
        Path out = transformJson(p, "--sharpen-eps", "0.01");
        JsonNode j = lastJson;
        Model after = ModelFiles.read(out);
        Model before = ModelFiles.read(p);
        double norm = EpsilonSharpening.firstLayerNorm(before.network(), before.theta());
        assertThat(EpsilonSharpening.firstLayerNorm(after.network(), after.theta())).isCloseTo(0.01, within(1e-14));
        assertThat(j.get("epsilon").asDouble()).isEqualTo(0.01);
        assertThat(j.get("firstLayerNormBefore").asDouble()).isEqualTo(norm);
        assertThat(j.get("distanceToConstant").asDouble()).isCloseTo(0.01, within(1e-14));
        assertThat(j.get("alpha").get(0).asDouble()).isEqualTo(0.01 / norm);
        assertThat(j.get("maxOutputChange").asDouble()).isLessThan(1e-12 * maxAbsOutput(p));
    }

    @Test
    void neuronScaleAppliesTheProductOfItsOptions() throws Exception {
        Path p = minimum("n.json", Activation.RELU, true);
        Path out = transformJson(p, "--neuron-scale", "1:2:3", "--neuron-scale", "2:4:0.5", "--neuron-scale", "1:2:2");
        JsonNode j = lastJson;
        Model before = ModelFiles.read(p);
        NeuronScale s = NeuronScale.single(before.network(), 0, 1, 6).times(1, 3, 0.5);
        assertThat(ModelFiles.read(out).theta()).containsExactly(s.apply(before.theta()));
        assertThat(j.get("scales").size()).isEqualTo(3);
        assertThat(j.get("scales").get(1).get("layer").asInt()).isEqualTo(2);
        assertThat(j.get("scales").get(1).get("unit").asInt()).isEqualTo(4);
        assertThat(j.get("scales").get(1).get("c").asDouble()).isEqualTo(0.5);
        assertThat(j.get("maxOutputChange").asDouble()).isLessThan(1e-12 * maxAbsOutput(p));
    }

    @Test
    void helpSaysHowLayersAndUnitsAreCounted() {
        CliTest.Run r = run("transform", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--neuron-scale").contains("counted from 1").contains("--target-eigs")
                .contains("--target-spectral-norm").contains("--sharpen-eps");
    }

    @Test
    void modesAreExclusiveAndOneIsRequired() throws Exception {
        Path p = minimum("x.json", Activation.RELU, false);
        String out = dir.resolve("never.json").toString();
        assertError(run("transform", "--model", p.toString(), "--alpha", "2,1,0.5", "--sharpen-eps", "0.1",
                "--out", out), "--alpha and --sharpen-eps", "cannot be combined");
        assertError(run("transform", "--model", p.toString(), "--target-eigs", "1", "--target-spectral-norm", "1",
                "--neuron-scale", "1:1:2", "--out", out), "--target-spectral-norm and --target-eigs and --neuron-scale");
        assertError(run("transform", "--model", p.toString(), "--out", out), "one of --alpha");
        assertOnlyInputs("x.json");
    }

    @Test
    void badValuesExitTwoNamingTheOptionAndWriteNothing() throws Exception {
        Path p = minimum("b.json", Activation.RELU, false);
        for (String v : new String[] {"0", "-1", "NaN", "Infinity"}) {
            assertError(bad(p, "--target-spectral-norm", v), "--target-spectral-norm", "positive");
            assertError(bad(p, "--target-eigs", v), "--target-eigs", "positive");
            assertError(bad(p, "--sharpen-eps", v), "--sharpen-eps", "positive");
        }
        assertError(bad(p, "--target-spectral-norm", "1e308"), "--target-spectral-norm", "out of reach");
        assertError(bad(p, "--target-eigs", "10", "--dense-threshold", "20"), "--target-eigs", "dense threshold 20");
        assertError(bad(p, "--target-spectral-norm", "many"), "--target-spectral-norm");
        assertError(bad(p, "--neuron-scale", "1:5:2"), "--neuron-scale", "unit 5", "1 to 4");
        assertError(bad(p, "--neuron-scale", "3:1:2"), "--neuron-scale", "layer 3 is not a hidden layer");
        assertError(bad(p, "--neuron-scale", "0:1:2"), "--neuron-scale", "layer 0");
        for (String c : new String[] {"0", "-2", "NaN", "Infinity"}) {
            assertError(bad(p, "--neuron-scale", "1:1:" + c), "--neuron-scale", "positive");
        }
        assertError(bad(p, "--neuron-scale", "1:1"), "--neuron-scale", "LAYER:UNIT:C");
        assertError(bad(p, "--neuron-scale", "a:b:c"), "--neuron-scale", "LAYER:UNIT:C");
        assertError(bad(p, "--neuron-scale", "1:1:1e-154", "--neuron-scale", "1:1:1e-154"), "--neuron-scale",
                "layer 1 unit 1", "underflows");
        assertOnlyInputs("b.json");
    }

    @Test
    void modelsTheConstructionsCannotUseExitTwo() throws Exception {
        Path tanh = minimum("tanh.json", Activation.TANH, true);
        for (String[] mode : new String[][] {{"--target-spectral-norm", "1e3"}, {"--target-eigs", "1e3"},
            {"--sharpen-eps", "0.1"}}) {
            assertError(bad(tanh, mode), mode[0], "tanh", "not non-negatively homogeneous");
        }
        Model m = ModelFiles.read(minimum("dead.json", Activation.RELU, false));
        double[] zeroFirst = m.theta().clone();
        java.util.Arrays.fill(zeroFirst, 0, m.network().end(0), 0.0);
        Path dead = dir.resolve("dead.json");
        ModelFiles.write(m.withTheta(zeroFirst), dead);
        assertError(bad(dead, "--target-spectral-norm", "1e3"), "--target-spectral-norm", "Hessian at theta is zero");
        assertError(bad(dead, "--sharpen-eps", "0.1"), "--sharpen-eps", "first layer is zero");
        Path noData = dir.resolve("nodata.json");
        ModelFiles.write(new Model(m.network(), m.theta(), LossKind.MSE, null, null, null), noData);
        assertError(bad(noData, "--target-spectral-norm", "1e3"), "data");
        assertOnlyInputs("tanh.json", "dead.json", "nodata.json");
    }

    /**
     * The PyTorch reference (bench/reference.py, written from the model format alone) confirms that the
     * written model reaches M and computes the same outputs. Skipped where python3 with torch is missing.
     */
    @Test
    void pythonReferenceConfirmsTheorem4() throws Exception {
        File python = new File("/usr/bin/python3");
        Path script = Path.of("bench/reference.py");
        Assumptions.assumeTrue(python.canExecute() && Files.exists(script), "no python3 or bench/reference.py");
        Path p = minimum("py.json", Activation.RELU, true);
        Path out = transformJson(p, "--target-spectral-norm", "1e6");
        JsonNode before = reference(python, script, p);
        Assumptions.assumeTrue(before != null, "python3 has no torch");
        JsonNode after = reference(python, script, out);
        assertThat(after.get("hessian.spectralNorm").asDouble()).isGreaterThanOrEqualTo(1e6 * (1 - 1e-9));
        assertThat(after.get("hessian.spectralNorm").asDouble())
                .isCloseTo(lastJson.get("spectralNormAfter").asDouble(), within(1e-8 * 1e6));
        JsonNode fa = before.get("outputs");
        JsonNode fb = after.get("outputs");
        for (int i = 0; i < fa.size(); i++) {
            assertThat(fb.get(i).asDouble()).isCloseTo(fa.get(i).asDouble(), within(1e-12 * maxAbsOutput(p)));
        }
    }

    private static JsonNode reference(File python, Path script, Path model) throws Exception {
        Process proc = new ProcessBuilder(python.getPath(), script.toString(), model.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!proc.waitFor(120, TimeUnit.SECONDS) || proc.exitValue() != 0) {
            return null;
        }
        return new ObjectMapper().readTree(text);
    }

    private CliTest.Run bad(Path model, String... modeArgs) {
        String[] args = new String[modeArgs.length + 5];
        args[0] = "transform";
        args[1] = "--model";
        args[2] = model.toString();
        System.arraycopy(modeArgs, 0, args, 3, modeArgs.length);
        args[args.length - 2] = "--out";
        args[args.length - 1] = dir.resolve("never.json").toString();
        return run(args);
    }

    private static void assertError(CliTest.Run r, String... fragments) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: ").doesNotContain("Exception").doesNotContain("\tat ");
        for (String f : fragments) {
            assertThat(r.err()).contains(f);
        }
    }

    private void assertOnlyInputs(String... names) throws IOException {
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(names);
        }
    }

    private static double maxAbsOutput(Path p) throws Exception {
        Model m = ModelFiles.read(p);
        DMatrixRMaj f = LossFunction.outputs(m.network(), m.theta(), m.data().x());
        double max = 0;
        for (double v : f.data) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
