package lab.sharpminima.linalg;

/**
 * A symmetric linear map x ↦ Ax on ℝⁿ, known only through products (e.g. a Hessian through its
 * Hessian-vector products). Implementations must be safe to call repeatedly; {@code y} is overwritten.
 */
public interface SymmetricOperator {

    /** n, the dimension of the space. */
    int dimension();

    /** y ← A x. {@code x} is not modified; {@code x} and {@code y} must be distinct arrays. */
    void apply(double[] x, double[] y);
}
