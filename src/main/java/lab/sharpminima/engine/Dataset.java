package lab.sharpminima.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * Samples as rows: inputs {@code x} (N × d) and targets {@code y} (N × k). For classification
 * {@code y} holds one-hot rows (or distributions).
 */
public record Dataset(DMatrixRMaj x, DMatrixRMaj y) {

    public Dataset {
        if (x.numRows != y.numRows) {
            throw new IllegalArgumentException("x has " + x.numRows + " rows but y has " + y.numRows);
        }
    }

    public int size() {
        return x.numRows;
    }

    public int inputDimension() {
        return x.numCols;
    }

    public int outputDimension() {
        return y.numCols;
    }

    /** The rows {@code idx} as a new data set, in the given order. */
    public Dataset rows(int[] idx) {
        DMatrixRMaj nx = new DMatrixRMaj(idx.length, x.numCols);
        DMatrixRMaj ny = new DMatrixRMaj(idx.length, y.numCols);
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(x.data, idx[i] * x.numCols, nx.data, i * x.numCols, x.numCols);
            System.arraycopy(y.data, idx[i] * y.numCols, ny.data, i * y.numCols, y.numCols);
        }
        return new Dataset(nx, ny);
    }

    /** The rows {@code from} (inclusive) to {@code to} (exclusive) as a new data set. */
    public Dataset slice(int from, int to) {
        int m = to - from;
        DMatrixRMaj nx = new DMatrixRMaj(m, x.numCols);
        DMatrixRMaj ny = new DMatrixRMaj(m, y.numCols);
        System.arraycopy(x.data, from * x.numCols, nx.data, 0, m * x.numCols);
        System.arraycopy(y.data, from * y.numCols, ny.data, 0, m * y.numCols);
        return new Dataset(nx, ny);
    }
}
