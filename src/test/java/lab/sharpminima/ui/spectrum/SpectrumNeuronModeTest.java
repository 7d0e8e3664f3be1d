package lab.sharpminima.ui.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.Model;
import lab.sharpminima.engine.Network;
import lab.sharpminima.figure.SpectrumFigure;
import lab.sharpminima.ui.MainViewModel;
import lab.sharpminima.ui.SameThreadExecutor;
import lab.sharpminima.ui.TransformState;
import lab.sharpminima.ui.measures.MeasuresViewModel;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spectrum view's per-neuron mode without a stage, on the XOR sample (2-4-1, n = 17): the top
 * eigenvalue of D H D, with D built here from the flat θ layout and decomposed by EJML directly, is
 * the one the ViewModel shows, and it equals λ_max of the Hessian recomputed at the moved point
 * (Section 4.2 of Dinh et al. 2017). Also the export of both model tabs through the ViewModels.
 */
class SpectrumNeuronModeTest {

    static final Path XOR = Path.of("assets", "models", "xor-2-4-1.json");

    @TempDir
    Path dir;

    private final MainViewModel main = new MainViewModel(new SameThreadExecutor());
    private final TransformState state = new TransformState(main);
    private final SpectrumViewModel vm = new SpectrumViewModel(main.executor(), state);

    /**
     * D = diag(1/s) for unit j of hidden layer k scaled by c: its incoming weights θ_k[i][j] (row-major
     * in × out) and bias b_k[j] get s = c, its outgoing weights θ_{k+1}[j][o] get s = 1/c.
     */
    static double[] neuronD(Network net, int k, int j, double c) {
        double[] d = new double[net.parameterCount()];
        java.util.Arrays.fill(d, 1);
        Layer in = net.layer(k);
        for (int i = 0; i < in.in(); i++) {
            d[net.offset(k) + i * in.out() + j] = 1 / c;
        }
        if (in.bias()) {
            d[net.biasOffset(k) + j] = 1 / c;
        }
        Layer out = net.layer(k + 1);
        for (int o = 0; o < out.out(); o++) {
            d[net.offset(k + 1) + j * out.out() + o] = c;
        }
        return d;
    }

    /** λ_max of a symmetric matrix by EJML's symmetric eigen-decomposition. */
    static double topEigenvalue(DMatrixRMaj a) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(a.numRows, false, true);
        assertThat(eig.decompose(a.copy())).isTrue();
        double top = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.numRows; i++) {
            top = Math.max(top, eig.getEigenvalue(i).real);
        }
        return top;
    }

    @Test
    void theTopEigenvalueOfDHDFollowsTheRescaledNeuron() {
        main.openModel(XOR);
        vm.setMode(SpectrumViewModel.Mode.NEURON);
        vm.setNeuron(1, 3);
        vm.setNeuronExponent(0.8);
        SpectrumFigure.Data r = vm.resultProperty().get();

        Model m = main.modelProperty().get();
        DMatrixRMaj h = m.lossFunction().hessian(m.theta());
        DMatrixRMaj d = CommonOps_DDRM.diag(neuronD(m.network(), 0, 2, Math.pow(10, 0.8)));
        DMatrixRMaj dh = new DMatrixRMaj(h.numRows, h.numCols);
        DMatrixRMaj dhd = new DMatrixRMaj(h.numRows, h.numCols);
        CommonOps_DDRM.mult(d, h, dh);
        CommonOps_DDRM.mult(dh, d, dhd);
        double expected = topEigenvalue(dhd);

        assertThat(r.predictedTop()).isCloseTo(expected, within(1e-10 * Math.abs(expected)));
        assertThat(r.recomputedTop()).isCloseTo(expected, within(1e-8 * Math.abs(expected)));
        // The rescaling did move the curvature, by far more than the tolerance.
        assertThat(Math.abs(expected - r.before().eigenvalues()[0])).isGreaterThan(1e-2 * expected);
        assertThat(r.description()).isEqualTo("unit 3 of layer 1 × c, c = 6.31");
        assertThat(vm.differenceProperty().get()).contains("relative");
        assertThat(vm.messageProperty().get()).contains("unit 3 of layer 1");
    }

    @Test
    void neuronPicksAreClampedAndTheModeSwitchesBack() {
        main.openModel(XOR);
        assertThat(vm.hiddenLayers()).isEqualTo(1);
        assertThat(vm.unitsOf(1)).isEqualTo(4);
        vm.setMode(SpectrumViewModel.Mode.NEURON);
        vm.setNeuron(5, 9);
        assertThat(vm.neuronLayerProperty().get()).isEqualTo(1);
        assertThat(vm.neuronUnitProperty().get()).isEqualTo(4);
        vm.setNeuronExponent(7);
        assertThat(vm.neuronExponentProperty().get()).isEqualTo(SpectrumViewModel.MAX_NEURON_EXPONENT);
        vm.setMode(SpectrumViewModel.Mode.LAYERS);
        // Back to T_α at the identity: after = before.
        SpectrumFigure.Data r = vm.resultProperty().get();
        assertThat(r.after().eigenvalues()).containsExactly(r.before().eigenvalues(), within(1e-12));
        assertThat(r.moved()).isEqualTo("T_α θ");
    }

    @Test
    void bothModelTabsExportWhatTheyShowAtTheChosenScale() throws Exception {
        MeasuresViewModel measures = new MeasuresViewModel(main.executor(), state);
        main.openModel(XOR);
        state.setExponent(0, 0.5);
        vm.logScaleProperty().set(true);
        assertThat(vm.exportSettings()).containsEntry("logAlpha1", 0.5).containsEntry("log", 1.0);
        for (String ext : new String[] {"png", "svg", "pdf"}) {
            Path s = dir.resolve("spectrum." + ext);
            main.exportFigure(vm, s, 1);
            assertThat(main.errorProperty().get()).as("spectrum " + ext).isNull();
            Path t = dir.resolve("measures." + ext);
            main.exportFigure(measures, t, 4);
            assertThat(main.errorProperty().get()).as("measures " + ext).isNull();
            assertThat(main.statusProperty().get()).startsWith("Exported measures");
        }
        BufferedImage one = ImageIO.read(dir.resolve("spectrum.png").toFile());
        assertThat(one.getWidth()).isEqualTo(900);
        BufferedImage four = ImageIO.read(dir.resolve("measures.png").toFile());
        assertThat(four.getWidth()).isEqualTo(3600);
        assertThat(Files.readString(dir.resolve("spectrum.svg"))).contains("α = (3.16, 0.316)");
        assertThat(Files.readString(dir.resolve("measures.svg"))).contains("max |Δf| over the data");
        assertThat(new String(Files.readAllBytes(dir.resolve("measures.pdf")), 0, 5, StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
    }

    @Test
    void withoutAModelTheExportSaysWhy() {
        main.exportFigure(vm, dir.resolve("s.png"));
        assertThat(main.errorProperty().get()).startsWith("Export failed").contains("open a model");
        assertThat(Files.exists(dir.resolve("s.png"))).isFalse();
    }
}
