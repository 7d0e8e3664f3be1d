package lab.sharpminima.engine;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;

/**
 * Matrix products for the engine: EJML's single-threaded kernels for small work, its concurrent
 * ones when the product is large enough to repay the threads. Every method overwrites {@code c}.
 */
final class Products {
    /** Multiply-adds above which the concurrent kernels are used. */
    private static final long CONCURRENT_WORK = 1L << 20;

    private Products() {
    }

    /** c = a·b. */
    static void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        c.reshape(a.numRows, b.numCols);
        if ((long) a.numRows * a.numCols * b.numCols >= CONCURRENT_WORK) {
            CommonOps_MT_DDRM.mult(a, b, c);
        } else {
            CommonOps_DDRM.mult(a, b, c);
        }
    }

    /** c = aᵀ·b. */
    static void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        c.reshape(a.numCols, b.numCols);
        if ((long) a.numRows * a.numCols * b.numCols >= CONCURRENT_WORK) {
            CommonOps_MT_DDRM.multTransA(a, b, c);
        } else {
            CommonOps_DDRM.multTransA(a, b, c);
        }
    }

    /** c = a·bᵀ. */
    static void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        c.reshape(a.numRows, b.numRows);
        if ((long) a.numRows * a.numCols * b.numRows >= CONCURRENT_WORK) {
            CommonOps_MT_DDRM.multTransB(a, b, c);
        } else {
            CommonOps_DDRM.multTransB(a, b, c);
        }
    }

    /** c += a·b. */
    static void multAdd(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if ((long) a.numRows * a.numCols * b.numCols >= CONCURRENT_WORK) {
            CommonOps_MT_DDRM.multAdd(a, b, c);
        } else {
            CommonOps_DDRM.multAdd(a, b, c);
        }
    }

    /** c += aᵀ·b. */
    static void multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if ((long) a.numRows * a.numCols * b.numCols >= CONCURRENT_WORK) {
            CommonOps_MT_DDRM.multAddTransA(a, b, c);
        } else {
            CommonOps_DDRM.multAddTransA(a, b, c);
        }
    }

    /** c += a·bᵀ. */
    static void multAddTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if ((long) a.numRows * a.numCols * b.numRows >= CONCURRENT_WORK) {
            CommonOps_MT_DDRM.multAddTransB(a, b, c);
        } else {
            CommonOps_DDRM.multAddTransB(a, b, c);
        }
    }
}
