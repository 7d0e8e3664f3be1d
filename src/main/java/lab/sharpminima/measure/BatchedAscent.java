package lab.sharpminima.measure;

import java.util.Arrays;
import java.util.List;
import lab.sharpminima.compute.Backend;
import lab.sharpminima.engine.LossFunction;

/**
 * {@link ProjectedAscent} on F = L with all restarts advancing in lockstep, so that each round's trial
 * points (one per live run) are one batched {@link Backend#lossesAndGradients} call. Each run follows
 * exactly the rules of {@link ProjectedAscent#ascend} — the same trial points, backtracking, step
 * doubling and stopping tests — so on the CPU backend the result equals the one-at-a-time ascent's.
 */
final class BatchedAscent {

    private final int maxIterations;

    BatchedAscent(int maxIterations) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maximum iterations must be at least 1, got " + maxIterations);
        }
        this.maxIterations = maxIterations;
    }

    /** One run's state between rounds. */
    private static final class Run {
        double[] x;
        double[] g;
        double fx;
        double[] d;
        double[] trial;
        double t = 1;
        int smallGains;
        int iterations;
        int evaluations = 1;
        boolean needDirection = true;
        boolean done;
    }

    /** Runs the ascent from every start; {@code base} = F(c) is the reference for relative gains. */
    ProjectedAscent.Best maximise(LossFunction f, Backend backend, Region region, List<ProjectedAscent.Start> starts,
                                  double base) {
        if (starts.isEmpty()) {
            throw new IllegalArgumentException("no starting point");
        }
        int n = f.dimension();
        Run[] runs = new Run[starts.size()];
        double[] xs = new double[runs.length * n];
        for (int s = 0; s < runs.length; s++) {
            Run r = new Run();
            r.x = starts.get(s).point().clone();
            region.project(r.x);
            r.d = new double[n];
            r.trial = new double[n];
            runs[s] = r;
            System.arraycopy(r.x, 0, xs, s * n, n);
        }
        double[] gs = new double[runs.length * n];
        double[] fs = backend.lossesAndGradients(f.network(), f.kind(), f.data(), xs, runs.length, gs);
        for (int s = 0; s < runs.length; s++) {
            runs[s].fx = fs[s];
            runs[s].g = Arrays.copyOfRange(gs, s * n, s * n + n);
        }
        int[] live = new int[runs.length];
        while (true) {
            int m = 0;
            for (int s = 0; s < runs.length; s++) {
                if (prepareTrial(runs[s], region)) {
                    live[m++] = s;
                }
            }
            if (m == 0) {
                break;
            }
            double[] batch = new double[m * n];
            for (int k = 0; k < m; k++) {
                System.arraycopy(runs[live[k]].trial, 0, batch, k * n, n);
            }
            double[] grads = new double[m * n];
            double[] values = backend.lossesAndGradients(f.network(), f.kind(), f.data(), batch, m, grads);
            for (int k = 0; k < m; k++) {
                settle(runs[live[k]], values[k], Arrays.copyOfRange(grads, k * n, k * n + n), base);
            }
        }
        return best(runs, starts);
    }

    /** Sets the run's next trial point; false when the run has stopped. */
    private boolean prepareTrial(Run r, Region region) {
        if (r.done) {
            return false;
        }
        if (r.needDirection) {
            if (r.iterations >= maxIterations || !region.direction(r.g, r.d)) {
                r.done = true;
                return false;
            }
            r.needDirection = false;
        }
        if (r.t < ProjectedAscent.MIN_STEP) {
            r.done = true;
            return false;
        }
        for (int i = 0; i < r.x.length; i++) {
            r.trial[i] = r.x[i] + r.t * r.d[i];
        }
        region.project(r.trial);
        if (Arrays.equals(r.trial, r.x)) {
            r.done = true; // the projected step is null: x is stationary for the region
            return false;
        }
        return true;
    }

    /** Accepts a rising trial (and doubles t) or halves t, as {@link ProjectedAscent#ascend} does. */
    private static void settle(Run r, double fTrial, double[] gTrial, double base) {
        r.evaluations++;
        if (!(fTrial > r.fx)) {
            r.t *= 0.5;
            return;
        }
        double gain = fTrial - r.fx;
        double[] swap = r.x;
        r.x = r.trial;
        r.trial = swap;
        r.g = gTrial;
        r.fx = fTrial;
        r.iterations++;
        r.smallGains = gain <= ProjectedAscent.RELATIVE_IMPROVEMENT * Math.abs(r.fx - base) ? r.smallGains + 1 : 0;
        r.t = Math.min(2 * r.t, ProjectedAscent.MAX_STEP);
        r.needDirection = true;
        if (r.smallGains >= ProjectedAscent.SMALL_GAINS_TO_STOP) {
            r.done = true;
        }
    }

    private static ProjectedAscent.Best best(Run[] runs, List<ProjectedAscent.Start> starts) {
        double[] values = new double[runs.length];
        int winner = 0;
        int evaluations = 0;
        for (int s = 0; s < runs.length; s++) {
            values[s] = runs[s].fx;
            evaluations += runs[s].evaluations;
            if (runs[s].fx > runs[winner].fx) {
                winner = s;
            }
        }
        return new ProjectedAscent.Best(runs[winner].x, runs[winner].fx, winner, starts.get(winner).label(), values,
                evaluations);
    }
}
