package lab.sharpminima.ui.summary;

import java.util.Arrays;
import lab.sharpminima.engine.Model;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The eigenvalues of the Hessian ∇²L(θ), or why there are none yet.
 *
 * <p>Up to {@link #DENSE_LIMIT} parameters the exact dense Hessian ({@code LossFunction.hessian}) is
 * decomposed with EJML's symmetric eigen-solver (tridiagonal QR); beyond that a dense n × n matrix
 * costs too much memory and time for an interactive view, and iterative solvers (Lanczos) belong
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
        DMatrixRMaj h = m.lossFunction().hessian(m.theta());
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(h)) {
            return failed(n, "the eigen-solver did not converge");
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(values);
        for (int i = 0; i < n / 2; i++) {
            double t = values[i];
            values[i] = values[n - 1 - i];
            values[n - 1 - i] = t;
        }
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
