package lab.sharpminima.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.mult.MatrixVectorMult_DDRM;

/**
 * A dense symmetric matrix as a {@link SymmetricOperator}: y ← A x by EJML's matrix-vector product.
 * For tests and small problems; the matrix is shared, not copied, and its symmetry is not checked.
 */
public final class DenseOperator implements SymmetricOperator {

    private final DMatrixRMaj a;

    /** @throws IllegalArgumentException if {@code a} is not square */
    public DenseOperator(DMatrixRMaj a) {
        if (a.numRows != a.numCols) {
            throw new IllegalArgumentException("matrix is " + a.numRows + " × " + a.numCols + ", it must be square");
        }
        this.a = a;
    }

    @Override
    public int dimension() {
        return a.numRows;
    }

    @Override
    public void apply(double[] x, double[] y) {
        int n = a.numRows;
        MatrixVectorMult_DDRM.mult(a, DMatrixRMaj.wrap(n, 1, x), DMatrixRMaj.wrap(n, 1, y));
    }
}
