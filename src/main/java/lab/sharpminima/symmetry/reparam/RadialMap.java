package lab.sharpminima.symmetry.reparam;

import org.ejml.data.DMatrixRMaj;

/**
 * The radial reparametrizations of Figure 5: η = h(θ) = (|θ − θ̂|² + b)^a (θ − θ̂) on ℝⁿ, with
 * b ≥ 0 and a &gt; −½. As a {@link Reparametrization} it is g = h⁻¹: η ↦ θ.
 *
 * <p>h maps the sphere of radius r = |θ − θ̂| onto the sphere of radius ρ = φ(r) = (r² + b)^a r and
 * keeps directions, so it is a bijection exactly when φ is an increasing bijection of [0, ∞):
 * φ'(r) = (r² + b)^{a−1}((1 + 2a)r² + b) &gt; 0 for r &gt; 0 needs 1 + 2a &gt; 0, and then
 * φ(r) → ∞ since φ ~ r^{1+2a}. (At a = −½, b = 0, φ ≡ 1 and h is not injective.)
 *
 * <p>With t = r² + b, D = (1 + 2a)r² + b and θ = g(η) = θ̂ + m η:
 * <pre>
 *   m = t^{−a},   ∇g = m I + q ηηᵀ,   q = −2a t^{−3a} / D
 *   Σ_i γ_i ∇²g_i = q(γηᵀ + ηγᵀ + (γ·η)I) + p (γ·η) ηηᵀ,   p = 4a t^{−5a} D^{−2} (3a + (1 + 2a) t/D)
 * </pre>
 * (m = r/ρ; q = m'(ρ)/ρ and p = q'(ρ)/ρ by dr/dρ = 1/φ'(r).) The Jacobian is tangentially r/ρ and
 * radially m + qρ² = 1/φ'(r). Everything depends on r² only, so with b &gt; 0 it is smooth at η = 0
 * (∇g(0) = b^{−a} I, ∇²g(0) = 0); with b = 0 and a ≠ 0, g is not twice differentiable at η = 0 and
 * the derivatives there are refused.
 */
public final class RadialMap implements Reparametrization {

    /**
     * Relative accuracy of the inverse radius r(ρ): Newton stops when the step in log r is below it
     * (or below the rounding noise of F when |log r| or |log ρ| is large or 1 + 2a small).
     */
    static final double RADIUS_TOLERANCE = 1e-15;

    private static final int MAX_NEWTON_STEPS = 200;

    private final double[] center;
    private final double a;
    private final double b;

    /**
     * @param center θ̂
     * @throws IllegalArgumentException when b &lt; 0, a ≤ −½ or a value is not finite
     */
    public RadialMap(double[] center, double a, double b) {
        if (!(a > -0.5) || Double.isInfinite(a)) {
            throw new IllegalArgumentException("radial map exponent a = " + a
                    + " must be a finite number above -1/2 (otherwise (r²+b)^a·r is not increasing in r)");
        }
        if (!(b >= 0) || Double.isInfinite(b)) {
            throw new IllegalArgumentException("radial map offset b = " + b + " must be a finite number ≥ 0");
        }
        for (int i = 0; i < center.length; i++) {
            if (!Double.isFinite(center[i])) {
                throw new IllegalArgumentException("radial map centre[" + i + "] = " + center[i] + " must be finite");
            }
        }
        this.center = center.clone();
        this.a = a;
        this.b = b;
    }

    public double[] center() {
        return center.clone();
    }

    public double a() {
        return a;
    }

    public double b() {
        return b;
    }

    @Override
    public int etaDimension() {
        return center.length;
    }

    @Override
    public int thetaDimension() {
        return center.length;
    }

    /** ρ = φ(r) = (r² + b)^a r, the radial profile. */
    public double profile(double r) {
        if (r * r < Double.POSITIVE_INFINITY) {
            return Math.pow(r * r + b, a) * r;
        }
        // r² overflows (r > 1e154), yet ρ can be representable when a < 0: work in logarithms.
        return Math.exp(a * logPlusB(2 * Math.log(r)) + Math.log(r));
    }

    /**
     * r = φ⁻¹(ρ) for ρ ≥ 0: Newton's method on F(s) = a·log(e^{2s} + b) + s − log ρ in s = log r.
     * F is increasing with F' between 1 + 2a and 1 and F'' of one sign (that of a), so Newton converges
     * from any start; b = 0 is solved exactly in one step. Returns +∞ when r is beyond the double range
     * (possible for a near −½, where r ~ ρ^{1/(1+2a)}).
     */
    public double radius(double rho) {
        if (!(rho >= 0)) {
            throw new IllegalArgumentException("radius ρ = " + rho + " must be ≥ 0");
        }
        if (rho == 0 || a == 0) {
            return rho;
        }
        double logRho = Math.log(rho);
        // r ≈ ρ/(r² + b)^a with r² ≈ ρ^{2/(1+2a)} at large ρ, and r ≈ ρ b^{-a} at small ρ.
        double s = logRho - a * logPlusB(2 * logRho / (1 + 2 * a));
        for (int step = 0; step < MAX_NEWTON_STEPS; step++) {
            double logT = logPlusB(2 * s);
            double f = a * logT + s - logRho;
            double fPrime = 1 + 2 * a * Math.exp(2 * s - logT);
            double ds = f / fPrime;
            s -= ds;
            // Rounding of F is a few ulps of its largest term, amplified by 1/F' in the step.
            double noise = 8 * Math.ulp(Math.max(1.0, Math.max(Math.abs(s), Math.abs(logRho)))) / fPrime;
            if (Math.abs(ds) <= Math.max(RADIUS_TOLERANCE, noise)) {
                return Math.exp(s);
            }
        }
        throw new IllegalStateException("radial map inverse did not converge for ρ = " + rho);
    }

    /** log(eˣ + b) without overflow, so that radii up to the double range solve. */
    private double logPlusB(double x) {
        if (b == 0) {
            return x;
        }
        double logB = Math.log(b);
        return Math.max(x, logB) + Math.log1p(Math.exp(-Math.abs(x - logB)));
    }

    /** η = h(θ) = (|θ − θ̂|² + b)^a (θ − θ̂). */
    public double[] eta(double[] theta) {
        checkLength(theta);
        double[] d = new double[theta.length];
        double r2 = 0;
        for (int i = 0; i < d.length; i++) {
            d[i] = theta[i] - center[i];
            r2 += d[i] * d[i];
        }
        double factor = Math.pow(r2 + b, a);
        for (int i = 0; i < d.length; i++) {
            d[i] *= factor;
        }
        return d;
    }

    /** θ = g(η) = θ̂ + (r/ρ) η with r = φ⁻¹(|η|). */
    @Override
    public double[] theta(double[] eta) {
        checkLength(eta);
        double rho = norm(eta);
        double m = rho == 0 ? 0.0 : radius(rho) / rho; // η = 0 maps to θ̂ whatever m is
        double[] theta = new double[eta.length];
        for (int i = 0; i < eta.length; i++) {
            theta[i] = center[i] + m * eta[i];
        }
        return theta;
    }

    /** ∇g(η) = m I + q ηηᵀ. */
    @Override
    public DMatrixRMaj jacobian(double[] eta) {
        double[] coefficients = coefficients(eta);
        int n = eta.length;
        DMatrixRMaj jac = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                jac.unsafe_set(i, k, coefficients[1] * eta[i] * eta[k] + (i == k ? coefficients[0] : 0.0));
            }
        }
        return jac;
    }

    /** Σ_i γ_i ∇²g_i(η) = q(γηᵀ + ηγᵀ + (γ·η)I) + p(γ·η)ηηᵀ. */
    @Override
    public DMatrixRMaj curvature(double[] eta, double[] gamma) {
        if (gamma.length != eta.length) {
            throw new IllegalArgumentException("γ has " + gamma.length + " entries, expected " + eta.length);
        }
        double[] coefficients = coefficients(eta);
        double q = coefficients[1];
        double p = coefficients[2];
        double ge = 0;
        for (int i = 0; i < eta.length; i++) {
            ge += gamma[i] * eta[i];
        }
        int n = eta.length;
        DMatrixRMaj c = new DMatrixRMaj(n, n);
        for (int k = 0; k < n; k++) {
            for (int l = 0; l < n; l++) {
                double v = q * (gamma[k] * eta[l] + gamma[l] * eta[k] + (k == l ? ge : 0.0)) + p * ge * eta[k] * eta[l];
                c.unsafe_set(k, l, v);
            }
        }
        return c;
    }

    /** {m, q, p} at η (see the class comment). */
    private double[] coefficients(double[] eta) {
        checkLength(eta);
        double rho = norm(eta);
        if (rho == 0 && b == 0 && a != 0) {
            throw new IllegalArgumentException("the radial map with b = 0 and a = " + a
                    + " is not twice differentiable at η = 0; use b > 0 or move off the centre");
        }
        double r = rho == 0 ? 0.0 : radius(rho);
        double t = r * r + b;
        double d = (1 + 2 * a) * r * r + b;
        double m = Math.pow(t, -a);
        double q = -2 * a * Math.pow(t, -3 * a) / d;
        double p = 4 * a * Math.pow(t, -5 * a) / (d * d) * (3 * a + (1 + 2 * a) * t / d);
        return new double[] {m, q, p};
    }

    private static double norm(double[] v) {
        double n = 0;
        for (double x : v) {
            n = Math.hypot(n, x);
        }
        return n;
    }

    private void checkLength(double[] v) {
        if (v.length != center.length) {
            throw new IllegalArgumentException("the radial map works on ℝ^" + center.length + ", got a vector of length "
                    + v.length);
        }
    }
}
