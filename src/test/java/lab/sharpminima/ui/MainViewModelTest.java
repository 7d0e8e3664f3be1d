package lab.sharpminima.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Model;
import lab.sharpminima.engine.Network;
import lab.sharpminima.engine.io.ModelFiles;
import lab.sharpminima.ui.summary.ModelSummary;
import lab.sharpminima.ui.summary.Spectrum;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main ViewModel without a stage: commands run to completion on the test thread. */
class MainViewModelTest {

    static final Path XOR = Path.of("assets", "models", "xor-2-4-1.json");
    static final Path TOY = Path.of("assets", "models", "paper-toy-2param.json");

    @TempDir
    Path dir;

    /** Holds work until the test runs it, in any order, to play out races deterministically. */
    static final class QueueExecutor implements BackgroundExecutor {
        final Deque<Runnable> queue = new ArrayDeque<>();

        @Override
        public <T> void execute(Callable<T> work, Consumer<? super T> ok, Consumer<? super Throwable> fail) {
            queue.add(() -> new SameThreadExecutor().execute(work, ok, fail));
        }

        void runLast() {
            queue.pollLast().run();
        }

        void runFirst() {
            queue.pollFirst().run();
        }
    }

    @Test
    void startsEmpty() {
        MainViewModel vm = new MainViewModel(new SameThreadExecutor());
        assertThat(vm.modelProperty().get()).isNull();
        assertThat(vm.summaryProperty().get()).isNull();
        assertThat(vm.statusProperty().get()).contains("Open a model file");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void openingAGoodFileFillsTheSummaryWithTheEnginesNumbers() throws Exception {
        MainViewModel vm = new MainViewModel(new SameThreadExecutor());
        vm.openModel(XOR);
        Model m = ModelFiles.read(XOR);
        LossFunction f = m.lossFunction();
        double[] g = new double[m.theta().length];
        double loss = f.gradient(m.theta(), g);
        ModelSummary s = vm.summaryProperty().get();
        assertThat(s.fileName()).isEqualTo("xor-2-4-1.json");
        assertThat(s.n()).isEqualTo(17);
        assertThat(s.loss()).isEqualTo("mse");
        assertThat(s.trainSamples()).isEqualTo(40);
        assertThat(s.testSamples()).isEqualTo(20);
        assertThat(s.trainLoss().getAsDouble()).isEqualTo(loss);
        assertThat(s.testLoss().getAsDouble()).isEqualTo(new LossFunction(m.network(), m.loss(), m.test())
                .value(m.theta()));
        double norm = 0;
        for (double v : g) {
            norm += v * v;
        }
        assertThat(s.gradientNorm().getAsDouble()).isCloseTo(Math.sqrt(norm), within(1e-15));
        assertThat(s.layers()).extracting(ModelSummary.LayerRow::activation).containsExactly("relu", "linear");
        assertThat(vm.modelProperty().get().theta()).containsExactly(m.theta());
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).startsWith("Opened xor-2-4-1.json: n = 17, L(θ) = ");
    }

    @Test
    void spectrumAgreesWithTheHessiansTraceAndPowerIteration() throws Exception {
        MainViewModel vm = new MainViewModel(new SameThreadExecutor());
        vm.openModel(XOR);
        Spectrum sp = vm.spectrumProperty().get();
        assertThat(sp.state()).isEqualTo(Spectrum.State.READY);
        double[] ev = sp.eigenvalues();
        assertThat(ev).hasSize(17);
        for (int i = 1; i < ev.length; i++) {
            assertThat(ev[i]).isLessThanOrEqualTo(ev[i - 1]);
        }
        Model m = ModelFiles.read(XOR);
        DMatrixRMaj h = m.lossFunction().hessian(m.theta());
        double sum = 0;
        for (double v : ev) {
            sum += v;
        }
        assertThat(sum).isCloseTo(CommonOps_DDRM.trace(h), within(1e-10 * Math.abs(ev[0])));
        // λ_max by power iteration on Hessian-vector products (λ_max ≈ 9.6 dominates |λ_min| ≈ 3e-5).
        double[] v = new double[17];
        double[] hv = new double[17];
        java.util.Arrays.fill(v, 1.0);
        double lambda = 0;
        for (int it = 0; it < 500; it++) {
            m.lossFunction().hessianVectorProduct(m.theta(), v, hv);
            double nrm = 0;
            for (double x : hv) {
                nrm += x * x;
            }
            nrm = Math.sqrt(nrm);
            lambda = nrm;
            for (int i = 0; i < 17; i++) {
                v[i] = hv[i] / nrm;
            }
        }
        assertThat(sp.max()).isCloseTo(lambda, within(1e-8 * lambda));
    }

    @Test
    void paperToySpectrumIsKnownInClosedForm() {
        // At θ = (2, 0.5) the residuals vanish, so ∇²L = (2/N)Σx² · [θ₂², θ₁θ₂; θ₁θ₂, θ₁²], a rank-one
        // matrix with eigenvalues (2/N)Σx² (θ₁² + θ₂²) = 2 · 1.435 · 4.25 = 12.1975 and 0.
        MainViewModel vm = new MainViewModel(new SameThreadExecutor());
        vm.openModel(TOY);
        Spectrum sp = vm.spectrumProperty().get();
        assertThat(sp.max()).isCloseTo(12.1975, within(1e-12));
        assertThat(sp.min()).isCloseTo(0.0, within(1e-12));
        assertThat(vm.summaryProperty().get().gradientNorm().getAsDouble()).isZero();
    }

    @Test
    void aBadFileKeepsTheLastGoodModelAndNamesTheField() throws Exception {
        MainViewModel vm = new MainViewModel(new SameThreadExecutor());
        vm.openModel(TOY);
        ModelSummary good = vm.summaryProperty().get();
        Model goodModel = vm.modelProperty().get();
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(TOY).replace("[0.5]", "[0.5, 1.0]"));
        vm.openModel(bad);
        String expected = "bad.json: weights[1] must have 1 row of 1 number, row 0 has 2";
        assertThat(vm.errorProperty().get()).isEqualTo(expected);
        assertThat(vm.statusProperty().get()).isEqualTo(expected);
        assertThat(vm.summaryProperty().get()).isSameAs(good);
        assertThat(vm.modelProperty().get()).isSameAs(goodModel);
        assertThat(vm.modelPathProperty().get()).isEqualTo(TOY);
        assertThat(vm.busyProperty().get()).isFalse();
        vm.openModel(XOR);
        assertThat(vm.errorProperty().get()).isNull();
    }

    @Test
    void aMissingFileGivesACleanMessage() {
        MainViewModel vm = new MainViewModel(new SameThreadExecutor());
        vm.openModel(dir.resolve("gone.json"));
        assertThat(vm.errorProperty().get()).startsWith("gone.json: no such file");
        assertThat(vm.summaryProperty().get()).isNull();
    }

    @Test
    void aResultForAnOlderRequestIsDropped() {
        QueueExecutor ex = new QueueExecutor();
        MainViewModel vm = new MainViewModel(ex);
        vm.openModel(XOR);
        vm.openModel(TOY);
        assertThat(ex.queue).hasSize(2);
        ex.runLast();                       // the toy loads first; its spectrum is queued
        assertThat(vm.summaryProperty().get().fileName()).isEqualTo("paper-toy-2param.json");
        assertThat(vm.spectrumProperty().get().state()).isEqualTo(Spectrum.State.COMPUTING);
        ex.runFirst();                      // the XOR load finishes late: dropped, nothing queued
        assertThat(vm.summaryProperty().get().fileName()).isEqualTo("paper-toy-2param.json");
        assertThat(ex.queue).hasSize(1);
        ex.runFirst();                      // the toy's spectrum
        assertThat(vm.spectrumProperty().get().state()).isEqualTo(Spectrum.State.READY);
        assertThat(vm.spectrumProperty().get().n()).isEqualTo(2);
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aStaleSpectrumAndAStaleFailureAreDropped() throws Exception {
        QueueExecutor ex = new QueueExecutor();
        MainViewModel vm = new MainViewModel(ex);
        vm.openModel(XOR);
        ex.runFirst();                      // XOR loaded, its spectrum queued
        vm.openModel(dir.resolve("missing.json"));
        vm.openModel(TOY);
        ex.runFirst();                      // XOR's spectrum: stale
        ex.runFirst();                      // the missing file's failure: stale
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(vm.spectrumProperty().get().state()).isEqualTo(Spectrum.State.COMPUTING);
        assertThat(vm.spectrumProperty().get().n()).isEqualTo(17);
        ex.runFirst();                      // the toy loads
        ex.runFirst();                      // and its spectrum
        assertThat(vm.summaryProperty().get().n()).isEqualTo(2);
        assertThat(vm.spectrumProperty().get().eigenvalues()).hasSize(2);
    }

    @Test
    void aModelWithoutDataHasNoLossAndNoSpectrum() throws Exception {
        Model toy = ModelFiles.read(TOY);
        Path f = dir.resolve("nodata.json");
        ModelFiles.write(new Model(toy.network(), toy.theta(), toy.loss(), null, null, null), f);
        MainViewModel vm = new MainViewModel(new SameThreadExecutor());
        vm.openModel(f);
        assertThat(vm.summaryProperty().get().trainLoss()).isEmpty();
        assertThat(vm.summaryProperty().get().gradientNorm()).isEmpty();
        assertThat(vm.spectrumProperty().get().state()).isEqualTo(Spectrum.State.NO_DATA);
        assertThat(vm.statusProperty().get()).isEqualTo("Opened nodata.json: n = 2.");
    }

    @Test
    void aLargeModelSendsTheSpectrumToTheCli() throws Exception {
        Network net = Network.mlp(new int[] {50, 41, 1}, Activation.RELU, false);
        assertThat(net.parameterCount()).isEqualTo(2091);
        DMatrixRMaj x = new DMatrixRMaj(1, 50);
        Model big = new Model(net, new double[2091], LossKind.MSE, new Dataset(x, new DMatrixRMaj(1, 1)), null, null);
        Path f = dir.resolve("big.json");
        ModelFiles.write(big, f);
        MainViewModel vm = new MainViewModel(new SameThreadExecutor());
        vm.openModel(f);
        assertThat(vm.spectrumProperty().get().state()).isEqualTo(Spectrum.State.TOO_LARGE);
        assertThat(vm.spectrumProperty().get().note()).isEqualTo("n > 2000: use the CLI");
    }

    @Test
    void theFirstNonOptionParameterIsTheModel() {
        assertThat(SharpMinimaApp.modelArgument(List.of("--verbose", "m.json"))).contains(Path.of("m.json"));
        assertThat(SharpMinimaApp.modelArgument(List.of())).isEmpty();
    }
}
