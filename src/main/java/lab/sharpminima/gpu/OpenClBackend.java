package lab.sharpminima.gpu;

import static org.jocl.CL.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import lab.sharpminima.compute.Backend;
import lab.sharpminima.compute.Precision;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;

/**
 * {@link Backend} on one OpenCL device, with the kernels of {@code network.cl}.
 *
 * <p>Losses: a kernel generated per network shape and loss ({@link ForwardSource}): one work-group
 * per parameter vector (64 work-items on a GPU, one on a CPU device), its weights copied to local
 * memory when they fit; each work-item runs VW samples at once in vector types (VW the device's native
 * vector width), each lane adds its loss terms with Kahan compensation, the lanes and then the
 * work-group's items are added pairwise, and the sum is scaled by 1/N — the same quantity as
 * {@link lab.sharpminima.engine.LossFunction#value}, summed in a different but careful order.
 * Gradients: one work-item per (vector, chunk of samples) backpropagates its samples into a private
 * row of partial sums, and a second kernel adds the rows (Kahan) and scales by 1/N. Hessian-vector
 * products ({@code hessian_vector}): one work-item per (direction, chunk of samples) runs the forward,
 * R-forward, backward and R-backward pass of each of its samples (Pearlmutter's R-operator, as
 * {@code engine/RPass}) into a private row, and {@code reduce_rows} adds the chunks' rows (Kahan) and
 * scales by 1/N. A minibatch's loss and gradient ({@code minibatch_gradient}): one θ, one work-item
 * per chunk of the minibatch's rows, reduced the same way by 1/|B|. One program holds every kernel; it
 * is built per shape and loss and kept (the driver's build, 1–4 s on PoCL, dominates small calls), and
 * for the newer operations its kernels and the layer table stay on the device too, as do the last
 * {@link #DATA_CACHE} data sets (by identity), so that a training step uploads only θ and the row
 * indices. Calls are serialised: a kernel's arguments are shared state.
 */
public final class OpenClBackend implements Backend {

    /**
     * Largest buffer of parameter vectors (or partial gradient rows) sent in one launch; the new
     * kernels' partial rows stay below it too (fewer chunks of samples for a very large network).
     */
    static final long MAX_BATCH_BYTES = 96L << 20;
    /**
     * Work-items in a loss work-group on a GPU (a power of two; lowered to what the kernel allows). On a
     * CPU device a group is one work-item: the driver runs a group's items in one thread, and one item
     * per parameter vector with VW-wide vectors over the samples measured 3–5× faster on PoCL than 64
     * items (bench/README.md).
     */
    static final int LOSS_GROUP = 64;
    /** Work-items wanted for a gradient launch, spread over vectors × chunks of samples. */
    static final int GRADIENT_ITEMS = 16384;
    /** At most this many chunks of samples per direction in a Hessian-vector product launch. */
    static final int HVP_CHUNKS = 64;
    /** At most this many work-items (chunks of rows) for one minibatch gradient. */
    static final int MINIBATCH_ITEMS = 256;
    /** Work-items per group for the Hessian-vector and minibatch kernels on a CPU device. */
    static final int SMALL_GROUP = 8;
    /** Data sets kept on the device, most recently used first. */
    static final int DATA_CACHE = 4;

    private static final String SOURCE = readSource();

    private final OpenClDevice device;
    private final Precision precision;
    private final cl_context context;
    private final cl_command_queue queue;
    private final Map<String, cl_program> programs = new HashMap<>();
    private final Map<String, Prepared> prepared = new HashMap<>();
    private final long localMemory;
    /** Data sets on the device, most recently used first; {@link #upload} makes cachedX/Y the current one's. */
    private final ArrayDeque<DeviceData> datasets = new ArrayDeque<>();
    private cl_mem cachedX;
    private cl_mem cachedY;
    private boolean closed;

    /**
     * @throws IllegalArgumentException when fp64 is asked of a device without {@code cl_khr_fp64}
     * @throws CLException              when the driver refuses a context or queue
     */
    public OpenClBackend(OpenClDevice device, Precision precision) {
        if (precision == Precision.DOUBLE && !device.fp64()) {
            throw new IllegalArgumentException(device.name() + " has no cl_khr_fp64; use single precision");
        }
        CL.setExceptionsEnabled(true);
        this.device = device;
        this.precision = precision;
        this.context = clCreateContext(null, 1, new org.jocl.cl_device_id[] {device.device()}, null, null, null);
        this.queue = clCreateCommandQueueWithProperties(context, device.device(), null, null);
        long[] local = new long[1];
        clGetDeviceInfo(device.device(), CL_DEVICE_LOCAL_MEM_SIZE, Sizeof.cl_ulong, Pointer.to(local), null);
        this.localMemory = local[0];
    }

    public OpenClDevice device() {
        return device;
    }

    @Override
    public String name() {
        return "opencl: " + device.name() + " [" + device.platformName() + "] ("
                + (precision == Precision.DOUBLE ? "fp64" : "fp32") + ")";
    }

    @Override
    public Precision precision() {
        return precision;
    }

    @Override
    public synchronized double[] losses(Network net, LossKind loss, Dataset data, double[] thetas, int count) {
        Backend.checkPacked(net, thetas, count, "thetas");
        check(net, data);
        int n = net.parameterCount();
        double[] out = new double[count];
        int batch = (int) Math.max(1, Math.min(count, MAX_BATCH_BYTES / ((long) n * bytes())));
        cl_program program = program(net, loss);
        cl_kernel kernel = clCreateKernel(program, "losses_fixed", null);
        cl_mem slopes = slopes(net);
        upload(data);
        try {
            int wg = groupSize(kernel);
            long local = localWeights(net) ? (long) n * bytes() : bytes();
            for (int from = 0; from < count; from += batch) {
                int m = Math.min(batch, count - from);
                cl_mem th = realBuffer(thetas, from * n, m * n);
                cl_mem res = clCreateBuffer(context, CL_MEM_WRITE_ONLY, (long) m * bytes(), null, null);
                try {
                    int a = 0;
                    a = argInt(kernel, a, data.size());
                    a = argReal(kernel, a, 1.0 / data.size());
                    for (cl_mem b : new cl_mem[] {slopes, th, cachedX, cachedY, res}) {
                        clSetKernelArg(kernel, a++, Sizeof.cl_mem, Pointer.to(b));
                    }
                    clSetKernelArg(kernel, a++, (long) wg * bytes(), null);
                    clSetKernelArg(kernel, a, local, null);
                    clEnqueueNDRangeKernel(queue, kernel, 1, null, new long[] {(long) m * wg}, new long[] {wg}, 0,
                            null, null);
                    readInto(res, m, out, from);
                } finally {
                    clReleaseMemObject(th);
                    clReleaseMemObject(res);
                }
            }
        } finally {
            clReleaseMemObject(slopes);
            clReleaseKernel(kernel);
        }
        return out;
    }

    @Override
    public synchronized double[] lossesAndGradients(Network net, LossKind loss, Dataset data, double[] thetas,
                                                    int count, double[] gradients) {
        Backend.checkPacked(net, thetas, count, "thetas");
        Backend.checkPacked(net, gradients, count, "gradients");
        check(net, data);
        int n = net.parameterCount();
        double[] out = new double[count];
        int chunks = Math.max(1, Math.min(data.size(), Math.min(64, GRADIENT_ITEMS / Math.max(1, count))));
        int batch = (int) Math.max(1, Math.min(count, MAX_BATCH_BYTES / ((long) chunks * (n + 1) * bytes())));
        cl_program program = program(net, loss);
        cl_kernel grad = clCreateKernel(program, "gradients", null);
        cl_kernel reduce = clCreateKernel(program, "reduce_partials", null);
        cl_mem slopes = slopes(net);
        upload(data);
        try {
            for (int from = 0; from < count; from += batch) {
                int m = Math.min(batch, count - from);
                cl_mem th = realBuffer(thetas, from * n, m * n);
                cl_mem partial = clCreateBuffer(context, CL_MEM_READ_WRITE, (long) m * chunks * (n + 1) * bytes(),
                        null, null);
                cl_mem res = clCreateBuffer(context, CL_MEM_WRITE_ONLY, (long) m * (n + 1) * bytes(), null, null);
                try {
                    int a = 0;
                    a = argInt(grad, a, data.size());
                    a = argInt(grad, a, n);
                    a = argInt(grad, a, loss.ordinal());
                    a = argInt(grad, a, chunks);
                    for (cl_mem b : new cl_mem[] {slopes, th, cachedX, cachedY, partial}) {
                        clSetKernelArg(grad, a++, Sizeof.cl_mem, Pointer.to(b));
                    }
                    clEnqueueNDRangeKernel(queue, grad, 1, null, new long[] {(long) m * chunks}, null, 0, null, null);
                    a = 0;
                    a = argInt(reduce, a, n);
                    a = argInt(reduce, a, chunks);
                    a = argReal(reduce, a, 1.0 / data.size());
                    clSetKernelArg(reduce, a++, Sizeof.cl_mem, Pointer.to(partial));
                    clSetKernelArg(reduce, a, Sizeof.cl_mem, Pointer.to(res));
                    clEnqueueNDRangeKernel(queue, reduce, 1, null, new long[] {(long) m * (n + 1)}, null, 0, null,
                            null);
                    double[] rows = new double[m * (n + 1)];
                    readInto(res, rows.length, rows, 0);
                    for (int r = 0; r < m; r++) {
                        System.arraycopy(rows, r * (n + 1), gradients, (from + r) * n, n);
                        out[from + r] = rows[r * (n + 1) + n];
                    }
                } finally {
                    clReleaseMemObject(th);
                    clReleaseMemObject(partial);
                    clReleaseMemObject(res);
                }
            }
        } finally {
            clReleaseMemObject(slopes);
            clReleaseKernel(grad);
            clReleaseKernel(reduce);
        }
        return out;
    }

    @Override
    public synchronized void hessianVectorProducts(Network net, LossKind loss, Dataset data, double[] theta,
                                                   double[] vs, int count, double[] out) {
        Backend.checkPacked(net, theta, 1, "theta");
        Backend.checkPacked(net, vs, count, "directions");
        Backend.checkPacked(net, out, count, "products");
        check(net, data);
        int n = net.parameterCount();
        int chunks = Math.max(1, Math.min(data.size(), Math.min(HVP_CHUNKS, GRADIENT_ITEMS / Math.max(1, count))));
        chunks = (int) Math.max(1, Math.min(chunks, MAX_BATCH_BYTES / ((long) n * bytes())));
        int batch = (int) Math.max(1, Math.min(count, MAX_BATCH_BYTES / ((long) chunks * n * bytes())));
        Prepared p = prepare(net, loss);
        cl_kernel hvp = p.kernel("hessian_vector");
        cl_kernel reduce = p.kernel("reduce_rows");
        upload(data);
        cl_mem th = realBuffer(theta, 0, n);
        try {
            for (int from = 0; from < count; from += batch) {
                int m = Math.min(batch, count - from);
                cl_mem v = realBuffer(vs, from * n, m * n);
                cl_mem partial = clCreateBuffer(context, CL_MEM_READ_WRITE, (long) m * chunks * n * bytes(), null,
                        null);
                cl_mem res = clCreateBuffer(context, CL_MEM_WRITE_ONLY, (long) m * n * bytes(), null, null);
                try {
                    int a = 0;
                    a = argInt(hvp, a, data.size());
                    a = argInt(hvp, a, n);
                    a = argInt(hvp, a, loss.ordinal());
                    a = argInt(hvp, a, chunks);
                    a = argMems(hvp, a, p.slopes, th, v, cachedX, cachedY, partial);
                    argInt(hvp, a, m * chunks);
                    launch(hvp, m * chunks);
                    reduceRows(reduce, n, chunks, 1.0 / data.size(), partial, res, m);
                    readInto(res, m * n, out, from * n);
                } finally {
                    clReleaseMemObject(v);
                    clReleaseMemObject(partial);
                    clReleaseMemObject(res);
                }
            }
        } finally {
            clReleaseMemObject(th);
        }
    }

    @Override
    public synchronized double lossAndGradient(Network net, LossKind loss, Dataset data, double[] theta, int[] rows,
                                               int from, int to, double[] gradient) {
        Backend.checkPacked(net, theta, 1, "theta");
        Backend.checkPacked(net, gradient, 1, "gradient");
        check(net, data);
        Backend.checkRows(data, rows, from, to);
        int n = net.parameterCount();
        int size = to - from;
        int chunks = (int) Math.max(1, Math.min(Math.min(size, MINIBATCH_ITEMS),
                MAX_BATCH_BYTES / ((long) (n + 1) * bytes())));
        Prepared p = prepare(net, loss);
        cl_kernel grad = p.kernel("minibatch_gradient");
        cl_kernel reduce = p.kernel("reduce_rows");
        upload(data);
        cl_mem th = realBuffer(theta, 0, n);
        cl_mem idx = clCreateBuffer(context, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, (long) size * Sizeof.cl_int,
                Pointer.to(java.util.Arrays.copyOfRange(rows, from, to)), null);
        cl_mem partial = clCreateBuffer(context, CL_MEM_READ_WRITE, (long) chunks * (n + 1) * bytes(), null, null);
        cl_mem res = clCreateBuffer(context, CL_MEM_WRITE_ONLY, (long) (n + 1) * bytes(), null, null);
        try {
            int a = 0;
            a = argInt(grad, a, size);
            a = argInt(grad, a, n);
            a = argInt(grad, a, loss.ordinal());
            a = argInt(grad, a, chunks);
            argMems(grad, a, p.slopes, th, idx, cachedX, cachedY, partial);
            launch(grad, chunks);
            reduceRows(reduce, n + 1, chunks, 1.0 / size, partial, res, 1);
            double[] row = new double[n + 1];
            readInto(res, n + 1, row, 0);
            System.arraycopy(row, 0, gradient, 0, n);
            return row[n];
        } finally {
            clReleaseMemObject(th);
            clReleaseMemObject(idx);
            clReleaseMemObject(partial);
            clReleaseMemObject(res);
        }
    }

    /** out[g·W + i] = scale · Σ_c partial[(g·C + c)·W + i] for g &lt; m, by {@code reduce_rows} (Kahan over c). */
    private void reduceRows(cl_kernel reduce, int width, int chunks, double scale, cl_mem partial, cl_mem res, int m) {
        int a = 0;
        a = argInt(reduce, a, width);
        a = argInt(reduce, a, chunks);
        a = argReal(reduce, a, scale);
        a = argMems(reduce, a, partial, res);
        argInt(reduce, a, m * width);
        launch(reduce, m * width);
    }

    /**
     * Enqueues {@code items} work-items in groups of {@link #SMALL_GROUP} (a GPU: {@link #LOSS_GROUP}), the
     * range padded to whole groups (the kernels return early past {@code items}). An explicit small group:
     * left to the driver, PoCL made one group of thousands of items, whose private arrays overflowed its
     * thread's stack.
     */
    private void launch(cl_kernel kernel, int items) {
        long[] max = new long[1];
        clGetKernelWorkGroupInfo(kernel, device.device(), CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t, Pointer.to(max),
                null);
        long wanted = device.gpu() ? LOSS_GROUP : SMALL_GROUP;
        long group = Math.max(1, Math.min(wanted, Math.min(max[0], device.maxWorkGroup())));
        long global = (items + group - 1) / group * group;
        clEnqueueNDRangeKernel(queue, kernel, 1, null, new long[] {global}, new long[] {group}, 0, null, null);
    }

    private static int argMems(cl_kernel k, int from, cl_mem... buffers) {
        int a = from;
        for (cl_mem b : buffers) {
            clSetKernelArg(k, a++, Sizeof.cl_mem, Pointer.to(b));
        }
        return a;
    }

    /**
     * What stays on the device for one network (shape, loss and slopes): the program, the slopes and
     * the kernels made so far. Used under the backend's lock only.
     */
    private final class Prepared {
        final cl_program program;
        final cl_mem slopes;
        final Map<String, cl_kernel> kernels = new HashMap<>();

        Prepared(Network net, LossKind loss) {
            this.program = program(net, loss);
            this.slopes = OpenClBackend.this.slopes(net);
        }

        cl_kernel kernel(String name) {
            return kernels.computeIfAbsent(name, k -> clCreateKernel(program, k, null));
        }

        void release() {
            kernels.values().forEach(CL::clReleaseKernel);
            clReleaseMemObject(slopes);
        }
    }

    private Prepared prepare(Network net, LossKind loss) {
        StringBuilder key = new StringBuilder(programKey(net, loss));
        for (Layer l : net.layers()) {
            key.append(' ').append(l.slope());
        }
        Prepared p = prepared.get(key.toString());
        if (p == null) {
            p = new Prepared(net, loss);
            prepared.put(key.toString(), p);
        }
        return p;
    }

    // ---------------------------------------------------------------------------------------------

    private static void check(Network net, Dataset data) {
        if (data.inputDimension() != net.inputs() || data.outputDimension() != net.outputs()) {
            throw new IllegalArgumentException("data has " + data.inputDimension() + " inputs and "
                    + data.outputDimension() + " targets, the network " + net.inputs() + " and " + net.outputs());
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("the data set is empty");
        }
    }

    private int bytes() {
        return precision == Precision.DOUBLE ? Sizeof.cl_double : Sizeof.cl_float;
    }

    /** Samples per work-item in the losses kernel: the device's native vector width, 1 … 16. */
    private int vectorWidth() {
        int w = precision == Precision.DOUBLE ? device.vectorDouble() : device.vectorFloat();
        return w >= 16 ? 16 : w >= 8 ? 8 : w >= 4 ? 4 : w >= 2 ? 2 : 1;
    }

    /**
     * Whether a work-group's copy of one parameter vector fits in local memory (at most a quarter of
     * it, so that the reduction's scratch and the driver's own use still fit).
     */
    private boolean localWeights(Network net) {
        return (long) net.parameterCount() * bytes() <= localMemory / 4;
    }

    /**
     * The program for this exact shape (every layer's size, activation and bias) and loss, built once:
     * one build per network serves both kernels, since the driver's build dominates small workloads.
     */
    private cl_program program(Network net, LossKind loss) {
        String key = programKey(net, loss);
        cl_program cached = programs.get(key);
        return cached != null ? cached : build(options(net), key, SOURCE.replace("/*LAYER_TABLE*/", layerTable(net))
                .replace("/*SAMPLE_TERM*/", ForwardSource.of(net, loss, vectorWidth(), precision == Precision.DOUBLE)));
    }

    private String options(Network net) {
        int maxw = net.inputs();
        for (Layer l : net.layers()) {
            maxw = Math.max(maxw, l.out());
        }
        return common(net) + " -D DEPTH=" + net.depth() + " -D MAXW=" + maxw
                + (localWeights(net) ? " -D LOCAL_WEIGHTS -D WMEM=__local" : " -D WMEM=__global");
    }

    /** The build options and the exact shape (every layer's size, activation and bias) and loss. */
    private String programKey(Network net, LossKind loss) {
        StringBuilder shape = new StringBuilder(options(net)).append(' ').append(loss.id());
        for (Layer l : net.layers()) {
            shape.append(' ').append(l.in()).append('-').append(l.out()).append(l.activation().id())
                    .append(l.bias() ? "+b" : "");
        }
        return shape.toString();
    }

    private String common(Network net) {
        return (precision == Precision.DOUBLE ? "-D USE_DOUBLE" : "-D USE_FLOAT") + " -D NIN=" + net.inputs()
                + " -D NOUT=" + net.outputs();
    }

    /** Builds {@code source} with {@code options} and keeps it under {@code key}. */
    private cl_program build(String options, String key, String source) {
        cl_program p = clCreateProgramWithSource(context, 1, new String[] {source}, null, null);
        try {
            clBuildProgram(p, 0, null, options, null, null);
        } catch (CLException e) {
            throw new CLException("building network.cl failed on " + device.name() + ": " + buildLog(p)
                    .lines().filter(s -> !s.isBlank()).findFirst().orElse(e.getMessage()), e.getStatus());
        }
        programs.put(key, p);
        return p;
    }

    private String buildLog(cl_program p) {
        long[] size = new long[1];
        clGetProgramBuildInfo(p, device.device(), CL_PROGRAM_BUILD_LOG, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        clGetProgramBuildInfo(p, device.device(), CL_PROGRAM_BUILD_LOG, buf.length, Pointer.to(buf), null);
        return new String(buf, StandardCharsets.UTF_8).replace("\0", "");
    }

    /** LOSS_GROUP on a GPU, 1 on a CPU, halved until the kernel and device allow it (a power of two). */
    private int groupSize(cl_kernel kernel) {
        if (!device.gpu()) {
            return 1;
        }
        long[] max = new long[1];
        clGetKernelWorkGroupInfo(kernel, device.device(), CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t,
                Pointer.to(max), null);
        int wg = LOSS_GROUP;
        while (wg > 1 && (wg > max[0] || wg > device.maxWorkGroup())) {
            wg /= 2;
        }
        return wg;
    }

    /** The constant table LAYERS of network.cl: per layer in, out, activation, bias, offset, bias offset. */
    private static String layerTable(Network net) {
        StringBuilder t = new StringBuilder("__constant int LAYERS[").append(net.depth() * 6).append("] = {");
        for (int k = 0; k < net.depth(); k++) {
            Layer l = net.layer(k);
            t.append(k == 0 ? "" : ", ").append(l.in()).append(", ").append(l.out()).append(", ")
                    .append(l.activation().ordinal()).append(", ").append(l.bias() ? 1 : 0).append(", ")
                    .append(net.offset(k)).append(", ").append(l.bias() ? net.biasOffset(k) : 0);
        }
        return t.append("};\n").toString();
    }

    private cl_mem slopes(Network net) {
        double[] s = new double[net.depth()];
        for (int k = 0; k < s.length; k++) {
            s[k] = net.layer(k).slope();
        }
        return realBuffer(s, 0, s.length);
    }

    /** A data set's inputs and targets on the device. */
    private record DeviceData(Dataset data, cl_mem x, cl_mem y) {
    }

    /**
     * Makes {@code data} (by identity: a data set is not changed after it is made) the current one on
     * the device, uploading it unless it is among the {@link #DATA_CACHE} most recently used; training
     * steps and batches of one data set follow each other.
     */
    private void upload(Dataset data) {
        DeviceData hit = null;
        for (DeviceData d : datasets) {
            if (d.data() == data) {
                hit = d;
                break;
            }
        }
        if (hit == null) {
            if (datasets.size() == DATA_CACHE) {
                release(datasets.removeLast());
            }
            hit = new DeviceData(data, realBuffer(data.x().data, 0, data.size() * data.inputDimension()),
                    realBuffer(data.y().data, 0, data.size() * data.outputDimension()));
        } else {
            datasets.remove(hit);
        }
        datasets.addFirst(hit);
        cachedX = hit.x();
        cachedY = hit.y();
    }

    private static void release(DeviceData d) {
        clReleaseMemObject(d.x());
        clReleaseMemObject(d.y());
    }

    private void releaseData() {
        datasets.forEach(OpenClBackend::release);
        datasets.clear();
        cachedX = null;
        cachedY = null;
    }

    private cl_mem realBuffer(double[] src, int from, int length) {
        int len = Math.max(1, length);
        Pointer ptr;
        if (precision == Precision.DOUBLE) {
            double[] d = new double[len];
            System.arraycopy(src, from, d, 0, length);
            ptr = Pointer.to(d);
        } else {
            float[] f = new float[len];
            for (int i = 0; i < length; i++) {
                f[i] = (float) src[from + i];
            }
            ptr = Pointer.to(f);
        }
        return clCreateBuffer(context, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, (long) len * bytes(), ptr, null);
    }

    private void readInto(cl_mem buf, int length, double[] dst, int at) {
        if (precision == Precision.DOUBLE) {
            double[] d = new double[length];
            clEnqueueReadBuffer(queue, buf, CL_TRUE, 0, (long) length * bytes(), Pointer.to(d), 0, null, null);
            System.arraycopy(d, 0, dst, at, length);
        } else {
            float[] f = new float[length];
            clEnqueueReadBuffer(queue, buf, CL_TRUE, 0, (long) length * bytes(), Pointer.to(f), 0, null, null);
            for (int i = 0; i < length; i++) {
                dst[at + i] = f[i];
            }
        }
    }

    private static int argInt(cl_kernel k, int index, int v) {
        clSetKernelArg(k, index, Sizeof.cl_int, Pointer.to(new int[] {v}));
        return index + 1;
    }

    private int argReal(cl_kernel k, int index, double v) {
        if (precision == Precision.DOUBLE) {
            clSetKernelArg(k, index, Sizeof.cl_double, Pointer.to(new double[] {v}));
        } else {
            clSetKernelArg(k, index, Sizeof.cl_float, Pointer.to(new float[] {(float) v}));
        }
        return index + 1;
    }

    private static String readSource() {
        try (InputStream in = OpenClBackend.class.getResourceAsStream("network.cl")) {
            if (in == null) {
                throw new IllegalStateException("network.cl is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        releaseData();
        prepared.values().forEach(Prepared::release);
        prepared.clear();
        programs.values().forEach(CL::clReleaseProgram);
        programs.clear();
        clReleaseCommandQueue(queue);
        clReleaseContext(context);
    }
}
