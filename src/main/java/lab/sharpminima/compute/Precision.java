package lab.sharpminima.compute;

/** The floating-point format a backend computes in; the CPU backend is always {@link #DOUBLE}. */
public enum Precision {
    /** IEEE binary64 (OpenCL {@code cl_khr_fp64}). */
    DOUBLE,
    /** IEEE binary32, for devices without {@code cl_khr_fp64} or on request. */
    SINGLE;

    /** The relative tolerance to which results in this precision are expected to agree with the CPU's. */
    public double tolerance() {
        return this == DOUBLE ? 1e-10 : 1e-4;
    }
}
