/**
 * The OpenCL implementation of {@link lab.sharpminima.compute.Backend} through JOCL: device listing,
 * the kernels in {@code network.cl} (for losses one work-group per parameter vector, the network's
 * shape written in by {@code ForwardSource} and several samples per work-item in vector types; for
 * gradients one work-item per vector and chunk of samples; for Hessian-vector products one per direction
 * and chunk of samples; for a minibatch gradient one per chunk of its rows; fp64 with {@code cl_khr_fp64}, fp32
 * otherwise), a smoke
 * check against the CPU before a device is trusted, and {@link lab.sharpminima.gpu.Backends}, the
 * selection with its CPU fallback. Serves the batched work of Sections 3–4 (Definitions 1 and 2).
 * May import {@code engine} and {@code compute}; no JavaFX, AWT or charting.
 */
package lab.sharpminima.gpu;
