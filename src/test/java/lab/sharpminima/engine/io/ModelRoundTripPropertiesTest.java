package lab.sharpminima.engine.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import lab.sharpminima.engine.Activation;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Model;
import lab.sharpminima.engine.Network;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.ejml.data.DMatrixRMaj;

/**
 * Any finite double written to a model file reads back bit for bit, and writing is deterministic:
 * toJson(parse(toJson(m))) = toJson(m).
 */
class ModelRoundTripPropertiesTest {

    /** Uniform over bit patterns (so every exponent, subnormals included) plus the awkward cases. */
    @Provide
    Arbitrary<Double> anyFinite() {
        Arbitrary<Double> bits = Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
        Arbitrary<Double> special = Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE,
                Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, -Double.MAX_VALUE,
                1e23, 2e23, 9.999999999999999E22, 0.1, 1.0 / 3, 1e-5, 1e7, 123456789.0, 5e-324);
        Arbitrary<Double> subnormal = Arbitraries.longs().between(1, (1L << 52) - 1).map(Double::longBitsToDouble);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, bits),
                net.jqwik.api.Tuple.of(2, special),
                net.jqwik.api.Tuple.of(1, subnormal),
                net.jqwik.api.Tuple.of(1, Arbitraries.doubles()));
    }

    @Property(tries = 200, seed = "1977")
    boolean everyFiniteDoubleReadsBackBitForBit(
            @ForAll @Size(min = 1, max = 12) List<@net.jqwik.api.From("anyFinite") Double> values,
            @ForAll @IntRange(min = 1, max = 3) int rows) throws Exception {
        int n = values.size();
        Network net = new Network(List.of(new Layer(1, n, Activation.LEAKY_RELU, values.get(0), true),
                Layer.of(n, 1, Activation.LINEAR, false)));
        double[] theta = new double[net.parameterCount()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = values.get(i % n);
        }
        DMatrixRMaj x = new DMatrixRMaj(rows, 1);
        DMatrixRMaj y = new DMatrixRMaj(rows, 1);
        for (int i = 0; i < rows; i++) {
            x.data[i] = values.get((i + 1) % n);
            y.data[i] = values.get((i + 2) % n);
        }
        Model m = new Model(net, theta, LossKind.MSE, new Dataset(x, y), null, Map.of());
        String text = ModelFiles.toJson(m);
        Model back = ModelFiles.parse(text, "p.json");
        assertThat(bits(back.theta())).containsExactly(bits(theta));
        assertThat(bits(back.data().x().data)).containsExactly(bits(x.data));
        assertThat(bits(back.data().y().data)).containsExactly(bits(y.data));
        assertThat(Double.doubleToRawLongBits(back.network().layer(0).slope()))
                .isEqualTo(Double.doubleToRawLongBits(values.get(0)));
        return ModelFiles.toJson(back).equals(text);
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }
}
