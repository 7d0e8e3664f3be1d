package lab.sharpminima.ui.summary;

import lab.sharpminima.engine.Model;
import lab.sharpminima.measure.HessianSpectrum;

/**
 * The eigenvalues of the Hessian ∇²L(θ), or why there are none yet.
 *
 * <p>Up to {@link #DENSE_LIMIT} parameters the exact dense Hessian ({@code LossFunction.hessian}) is
 * decomposed by {@link HessianSpectrum}, the measure the command line prints; beyond that a dense
 * n × n matrix costs too much memory and time for an interactive view, and iterative solvers (Lanczos) belong
 * to the command line for now.
 *
 * @param state        what this value holds
 * @param n            number of parameters
 * @param eigenvalues  all n eigenvalues in descending order when {@code state} is READY, else empty
 * @param note         a one-line explanation for the states without eigenvalues
 */
public record Spectrum(State state, int n, double[] eigenvalues, String note) {

    /** Largest n for which the dense Hessian is formed and decomposed. */
    public static final int DENSE_LIMIT = 2000;

    public enum State { COMPUTING, READY, TOO_LARGE, NO_DATA, FAILED }

    public Spectrum {
        eigenvalues = eigenvalues.clone();
    }

    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    public static Spectrum computing(int n) {
        return new Spectrum(State.COMPUTING, n, new double[0], "computing the Hessian (n = " + n + ")…");
    }

    public static Spectrum failed(int n, String why) {
        return new Spectrum(State.FAILED, n, new double[0], why);
    }

    /** Whether the dense route applies to this model; otherwise {@link #of} answers at once. */
    public static boolean needsWork(Model m) {
        return m.data() != null && m.network().parameterCount() <= DENSE_LIMIT;
    }

    /** The spectrum of ∇²L(θ) on the model's data (dense, exact), or the reason it is not computed. */
    public static Spectrum of(Model m) {
        int n = m.network().parameterCount();
        if (m.data() == null) {
            return new Spectrum(State.NO_DATA, n, new double[0], "no data in the file: the loss needs data");
        }
        if (n > DENSE_LIMIT) {
            return new Spectrum(State.TOO_LARGE, n, new double[0], "n > " + DENSE_LIMIT + ": use the CLI");
        }
        HessianSpectrum.Result r = new HessianSpectrum(DENSE_LIMIT, 1, 1e-8, false, 1)
                .measure(m.lossFunction(), m.theta());
        double[] values = r.eigenvalues();
        return new Spectrum(State.READY, n, values, "");
    }

    /** λ_max; only for READY. */
    public double max() {
        return eigenvalues[0];
    }

    /** λ_min; only for READY. */
    public double min() {
        return eigenvalues[eigenvalues.length - 1];
    }
}
