package lab.sharpminima.measure;

import lab.sharpminima.engine.HessianOperator;
import lab.sharpminima.engine.LossFunction;
import lab.sharpminima.linalg.Hutchinson;
import lab.sharpminima.linalg.Lanczos;
import lab.sharpminima.linalg.SymmetricEigen;

/**
 * The Hessian-based measures of Section 4.2: the eigenvalues of ∇²L(θ), its spectral norm
 * ‖∇²L(θ)‖₂ = max|λ| and its trace. T_α moves all of them (Theorems 3–5), since
 * ∇²L(T_α θ) = D_α ∇²L(θ) D_α.
 *
 * <p>Up to {@link #DEFAULT_DENSE_THRESHOLD} parameters the Hessian is assembled exactly and
 * decomposed by EJML; above, Lanczos with full reorthogonalisation finds the top K eigenvalues and
 * the most negative one (for the spectral norm), and Hutchinson's estimator gives the trace with its
 * standard error (the methods of PyHessian, Yao et al. 2020).
 */
public final class HessianSpectrum implements Measure {

    public static final int DEFAULT_DENSE_THRESHOLD = 2000;

    /** How the numbers were obtained. */
    public enum Method { DENSE, LANCZOS }

    /**
     * @param method             dense (exact) or Lanczos
     * @param eigenvalues        descending; all n when dense, the top K otherwise
     * @param spectralNorm       max |λ|
     * @param trace              exact when dense, Hutchinson's estimate otherwise (NaN if not asked)
     * @param traceStandardError 0 when dense
     * @param traceSamples       Hutchinson's probe count (0 when dense)
     * @param rank               numerical rank with {@code rankTolerance} (dense only, −1 otherwise)
     * @param rankTolerance      n·ε·max|λ|, as numpy.linalg.matrix_rank
     * @param converged          whether Lanczos met its tolerance (always true when dense)
     * @param operatorProducts   Hessian-vector products used (0 when dense)
     */
    public record Result(Method method, double[] eigenvalues, double spectralNorm, double trace,
                         double traceStandardError, int traceSamples, int rank, double rankTolerance,
                         boolean converged, int operatorProducts) {
    }

    private final int denseThreshold;
    private final int topK;
    private final double tolerance;
    private final boolean wantTrace;
    private final long seed;

    /**
     * @param denseThreshold largest n for which the Hessian is dense
     * @param topK           eigenvalues Lanczos finds above the threshold
     * @param tolerance      Lanczos's relative residual tolerance
     * @param wantTrace      whether to estimate the trace when not dense (it is free when dense)
     * @param seed           seed of the Lanczos start vector and Hutchinson's probes
     */
    public HessianSpectrum(int denseThreshold, int topK, double tolerance, boolean wantTrace, long seed) {
        if (topK < 1) {
            throw new IllegalArgumentException("--top must be at least 1, got " + topK);
        }
        this.denseThreshold = denseThreshold;
        this.topK = topK;
        this.tolerance = tolerance;
        this.wantTrace = wantTrace;
        this.seed = seed;
    }

    @Override
    public String key() {
        return "hessian";
    }

    @Override
    public String source() {
        return "Dinh et al. 2017, Section 4.2 (spectral norm and trace of the Hessian; Theorems 3-5)";
    }

    /** ∇²L(T_α θ) = D_α ∇²L(θ) D_α: the spectrum moves (Theorem 4: its norm arbitrarily). */
    @Override
    public Invariance underAlphaScale() {
        return Invariance.MOVED;
    }

    @Override
    public Invariance underNeuronScaling() {
        return Invariance.MOVED;
    }

    /** Section 5.1: in weight-normalised coordinates v ↦ αv moves the nonzero eigenvalues. */
    @Override
    public Invariance underWeightNormalization() {
        return Invariance.MOVED;
    }

    public static HessianSpectrum defaults() {
        return new HessianSpectrum(DEFAULT_DENSE_THRESHOLD, 10, 1e-8, true, 1);
    }

    public Result measure(LossFunction f, double[] theta) {
        int n = f.dimension();
        if (n <= denseThreshold) {
            SymmetricEigen eig = SymmetricEigen.decompose(f.hessian(theta), false);
            double tol = eig.defaultTolerance();
            return new Result(Method.DENSE, eig.values(), eig.spectralNorm(), eig.trace(), 0, 0,
                    eig.rank(tol), tol, true, 0);
        }
        HessianOperator h = f.hessianOperator(theta);
        int k = Math.min(topK, n);
        Lanczos.Result top = Lanczos.of(k, Lanczos.Which.LARGEST_ALGEBRAIC)
                .withTolerance(tolerance).withSeed(seed).solve(h);
        Lanczos.Result bottom = Lanczos.of(1, Lanczos.Which.SMALLEST_ALGEBRAIC)
                .withTolerance(tolerance).withSeed(seed + 1).solve(h);
        double norm = Math.max(Math.abs(top.eigenvalues()[0]), Math.abs(bottom.eigenvalues()[0]));
        int products = top.applications() + bottom.applications();
        double trace = Double.NaN;
        double se = Double.NaN;
        int samples = 0;
        if (wantTrace) {
            Hutchinson.Result t = Hutchinson.defaults().withSeed(seed + 2).estimate(h);
            trace = t.estimate();
            se = t.standardError();
            samples = t.samples();
            products += samples;
        }
        return new Result(Method.LANCZOS, top.eigenvalues(), norm, trace, se, samples, -1, Double.NaN,
                top.converged() && bottom.converged(), products);
    }
}
