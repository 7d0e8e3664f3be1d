package lab.sharpminima.figure;

import lab.sharpminima.landscape.Polyline;
import lab.sharpminima.landscape.Window;
import lab.sharpminima.measure.EpsilonSharpness;
import lab.sharpminima.symmetry.EpsilonSharpening;

/**
 * Figure 4 of Dinh et al. (2017), Section 4.3: the ball B₂(ε, θ) (green) and the ball B₂(ε, θ′) (red)
 * with θ′ = T_α θ and α = ε/‖θ1‖, which computes the same function; the line θ1 = 0, on which (and
 * left of which) the toy model is the constant f ≡ 0; and each ball's ε-sharpness maximiser
 * (Definition 2). θ′'s ball reaches the constant point (0, θ2/α) at distance exactly ε, so its
 * ε-sharpness is at least the constant function's excess loss. Drawn over the {@link LandscapeLayer}.
 */
public final class Figure4 {

    private Figure4() {
    }

    /**
     * @param theta1   θ1 (≠ 0)
     * @param theta2   θ2
     * @param epsilon  ε &gt; 0, the balls' radius
     * @param restarts restarts of each ε-sharpness ascent (1 … 64)
     */
    public record Settings(double theta1, double theta2, double epsilon, int restarts) {
        public Settings {
            Checks.finite("theta1", theta1);
            if (theta1 == 0) {
                throw new IllegalArgumentException("theta1 must not be 0 (the model is then constant and no "
                        + "alpha = epsilon/|theta1| exists)");
            }
            Checks.finite("theta2", theta2);
            Checks.positive("epsilon", epsilon);
            Checks.atLeast("restarts", restarts, 1, 64);
        }
    }

    /**
     * @param ball             B₂(ε, θ)
     * @param sharpenedBall    B₂(ε, θ′), θ′ = T_α θ
     * @param alpha            α = ε/|θ1|
     * @param constantPoint    (0, θ2/α), inside the sharpened ball
     * @param constantLine     the segment θ1 = 0 across the window
     * @param sharpness        ε-sharpness at θ, with its maximiser
     * @param sharpenedSharpness ε-sharpness at θ′, with its maximiser
     * @param constantExcess   (L(0, θ2/α) − L(θ′))/(1 + L(θ′)), a lower bound on the latter
     */
    public record Data(Circle ball, Circle sharpenedBall, double alpha, double[] constantPoint, Polyline constantLine,
                       EpsilonSharpness.Result sharpness, EpsilonSharpness.Result sharpenedSharpness,
                       double constantExcess) {
        public Data {
            constantPoint = constantPoint.clone();
        }

        @Override
        public double[] constantPoint() {
            return constantPoint.clone();
        }
    }

    public static Data build(ToyProblem problem, Window window, Settings s) {
        double[] theta = {s.theta1(), s.theta2()};
        EpsilonSharpening.Result moved = EpsilonSharpening.of(problem.network(), theta, s.epsilon());
        double[] sharp = moved.theta();
        EpsilonSharpness measure = new EpsilonSharpness(s.epsilon(), s.restarts(),
                EpsilonSharpness.DEFAULT_MAX_ITERATIONS, 1);
        double lSharp = problem.loss().value(sharp);
        double excess = (problem.loss().value(moved.constantPoint()) - lSharp) / (1 + lSharp);
        Polyline line = new Polyline(new double[] {0, 0}, new double[] {window.b0(), window.b1()}, false);
        return new Data(new Circle(theta[0], theta[1], s.epsilon()), new Circle(sharp[0], sharp[1], s.epsilon()),
                moved.scale().alpha()[0], moved.constantPoint(), line, measure.measure(problem.loss(), theta),
                measure.measure(problem.loss(), sharp), excess);
    }
}
