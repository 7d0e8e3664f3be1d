package lab.sharpminima.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OptimizerTest {

    private static final double[] G1 = {0.5, 1.0};
    private static final double[] G2 = {-1.0, 2.0};

    @Test
    void gradientDescentStepsAgainstTheGradient() {
        double[] theta = {1, -2};
        new GradientDescent(0.1).step(theta, G1);
        assertThat(theta).containsExactly(0.95, -2.1);
    }

    @Test
    void momentumTwoStepsByHand() {
        // v1 = g1 → θ1 = (1 − 0.05, −2 − 0.1); v2 = 0.9·g1 + g2 = (−0.55, 2.9) → θ2 = θ1 − 0.1·v2
        double[] theta = {1, -2};
        Momentum opt = new Momentum(0.1);
        opt.step(theta, G1);
        assertThat(theta[0]).isCloseTo(0.95, within(1e-15));
        assertThat(theta[1]).isCloseTo(-2.1, within(1e-15));
        opt.step(theta, G2);
        assertThat(theta[0]).isCloseTo(1.005, within(1e-15));
        assertThat(theta[1]).isCloseTo(-2.39, within(1e-15));
    }

    @Test
    void adamTwoStepsByHand() {
        // step 1: m̂ = g, v̂ = g², so θ moves by η·g/(|g| + ε) = 0.1·(1 − 2e-8) and 0.1·(1 − 1e-8).
        // step 2 (Kingma & Ba's form): m = (−0.055, 0.29), v = (0.00124975, 0.004999),
        // m̂ = m/0.19, v̂ = v/0.001999, θ −= 0.1·m̂/(√v̂ + ε).
        double[] theta = {1, -2};
        Adam opt = new Adam(0.1);
        opt.step(theta, G1);
        assertThat(theta[0]).isCloseTo(0.900000002, within(1e-15));
        assertThat(theta[1]).isCloseTo(-2.099999999, within(1e-15));
        opt.step(theta, G2);
        assertThat(theta[0]).isCloseTo(0.9366103542405654, within(1e-14));
        assertThat(theta[1]).isCloseTo(-2.1965182009718336, within(1e-14));
        assertThat(opt.steps()).isEqualTo(2);
    }

    @Test
    void gradientIsNotModified() {
        double[] g = G1.clone();
        for (OptimizerKind kind : OptimizerKind.values()) {
            Optimizer opt = kind.create(0.1);
            opt.step(new double[] {1, 2}, g);
            opt.step(new double[] {1, 2}, g);
        }
        assertThat(g).containsExactly(G1);
    }

    @Test
    void factoryByIdAndBadHyperParameters() {
        assertThat(OptimizerKind.fromId("ADAM")).isEqualTo(OptimizerKind.ADAM);
        assertThat(OptimizerKind.fromId("rmsprop")).isNull();
        assertThat(OptimizerKind.ids()).isEqualTo("gd, sgd, momentum, adam");
        assertThat(OptimizerKind.MOMENTUM.create(0.2)).isInstanceOf(Momentum.class);
        assertThat(OptimizerKind.SGD.create(0.2).learningRate()).isEqualTo(0.2);
        assertThatThrownBy(() -> OptimizerKind.GD.create(0))
                .hasMessage("the learning rate must be a finite number > 0, got 0.0");
        assertThatThrownBy(() -> new Momentum(0.1, 1.0)).hasMessage("momentum β must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> new Adam(0.1, 0.9, 0.999, 0)).hasMessage("Adam ε must be a finite number > 0, got 0.0");
    }
}
