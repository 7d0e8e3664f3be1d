package lab.sharpminima.measure;

import java.util.List;

/**
 * Maximises an {@link AscentObjective} over a {@link Region} by projected gradient ascent with restarts,
 * keeping the best point found.
 *
 * <p>From x, the step is x' = Proj(x + t·d), d = w²⊙g/‖w⊙g‖ the region-scaled gradient direction
 * ({@link Region#direction}), so t = 1 crosses the region once whatever ε and |θ_i| are. A trial is
 * accepted only if F rises; otherwise t is halved (backtracking), down to {@value #MIN_STEP}. After an
 * accepted step t doubles, up to {@value #MAX_STEP}: on the sphere a long step followed by the
 * projection acts as a shifted power iteration, x ∝ (I + tH/μ)x for a quadratic, and a larger t
 * converges faster. A run stops after {@code maxIterations} accepted steps, when no step length
 * raises F, when the projected step does not move x (a KKT point), or after three consecutive gains
 * below {@value #RELATIVE_IMPROVEMENT} relative to the gain F(x) − F(c) made so far.
 */
final class ProjectedAscent {

    static final double RELATIVE_IMPROVEMENT = 1e-8;
    static final double MIN_STEP = 1e-10;
    static final double MAX_STEP = 16;
    static final int SMALL_GAINS_TO_STOP = 3;

    /** A starting point with a name for the report (e.g. "gradient", "random 4"). */
    record Start(String label, double[] point) {
    }

    /** One ascent: the last (best) point, F there, and the objective passes it used. */
    record Run(double[] point, double value, int evaluations, int iterations) {
    }

    /**
     * The best of all runs.
     *
     * @param restart       index in the start list of the run that won
     * @param label         its start's label
     * @param restartValues F at the end of each run, in start order
     * @param evaluations   objective passes over all runs
     */
    record Best(double[] point, double value, int restart, String label, double[] restartValues,
                int evaluations) {
    }

    private final int maxIterations;

    ProjectedAscent(int maxIterations) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maximum iterations must be at least 1, got " + maxIterations);
        }
        this.maxIterations = maxIterations;
    }

    /** Runs the ascent from every start; {@code base} = F(c) is the reference for relative gains. */
    Best maximise(AscentObjective f, Region region, List<Start> starts, double base) {
        double[] values = new double[starts.size()];
        Run best = null;
        int winner = -1;
        int evaluations = 0;
        for (int s = 0; s < starts.size(); s++) {
            Run run = ascend(f, region, starts.get(s).point(), base);
            values[s] = run.value();
            evaluations += run.evaluations();
            if (best == null || run.value() > best.value()) {
                best = run;
                winner = s;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no starting point");
        }
        return new Best(best.point(), best.value(), winner, starts.get(winner).label(), values, evaluations);
    }

    /** One projected ascent from {@code start} (projected first). */
    Run ascend(AscentObjective f, Region region, double[] start, double base) {
        int n = f.dimension();
        double[] x = start.clone();
        region.project(x);
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        int evaluations = 1;
        double[] d = new double[n];
        double[] trial = new double[n];
        double[] gTrial = new double[n];
        double t = 1;
        int smallGains = 0;
        int iterations = 0;
        while (iterations < maxIterations && region.direction(g, d)) {
            double fTrial = Double.NEGATIVE_INFINITY;
            boolean moved = false;
            while (t >= MIN_STEP) {
                for (int i = 0; i < n; i++) {
                    trial[i] = x[i] + t * d[i];
                }
                region.project(trial);
                if (java.util.Arrays.equals(trial, x)) {
                    break; // the projected step is null: x is stationary for the region
                }
                fTrial = f.valueAndGradient(trial, gTrial);
                evaluations++;
                if (fTrial > fx) {
                    moved = true;
                    break;
                }
                t *= 0.5;
            }
            if (!moved) {
                break;
            }
            double gain = fTrial - fx;
            double[] swap = x;
            x = trial;
            trial = swap;
            swap = g;
            g = gTrial;
            gTrial = swap;
            fx = fTrial;
            iterations++;
            smallGains = gain <= RELATIVE_IMPROVEMENT * Math.abs(fx - base) ? smallGains + 1 : 0;
            if (smallGains >= SMALL_GAINS_TO_STOP) {
                break;
            }
            t = Math.min(2 * t, MAX_STEP);
        }
        return new Run(x, fx, evaluations, iterations);
    }
}
