package lab.sharpminima.gpu;

import static org.jocl.CL.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * One OpenCL device as the driver describes it.
 *
 * @param platformName  the platform (driver), e.g. "Portable Computing Language"
 * @param name          the device's name
 * @param gpu           whether the device type is GPU
 * @param fp64          whether it has {@code cl_khr_fp64}
 * @param computeUnits  CL_DEVICE_MAX_COMPUTE_UNITS (SMs on NVIDIA, cores on a CPU)
 * @param clockMHz      CL_DEVICE_MAX_CLOCK_FREQUENCY
 * @param vectorDouble  CL_DEVICE_NATIVE_VECTOR_WIDTH_DOUBLE
 * @param vectorFloat   CL_DEVICE_NATIVE_VECTOR_WIDTH_FLOAT
 * @param maxWorkGroup  CL_DEVICE_MAX_WORK_GROUP_SIZE
 */
public record OpenClDevice(String platformName, String name, boolean gpu, boolean fp64, int computeUnits,
                           int clockMHz, int vectorDouble, int vectorFloat, long maxWorkGroup,
                           cl_platform_id platform, cl_device_id device) {

    /**
     * Every device of every platform; an empty list when the OpenCL loader has no platform.
     *
     * @throws LinkageError or {@link org.jocl.CLException} when there is no OpenCL loader at all
     */
    public static List<OpenClDevice> list() {
        skipped = null;
        CL.setExceptionsEnabled(true);
        int[] count = new int[1];
        try {
            clGetPlatformIDs(0, null, count);
        } catch (org.jocl.CLException e) {
            // CL_PLATFORM_NOT_FOUND_KHR: an ICD loader without any driver.
            return List.of();
        }
        cl_platform_id[] platforms = new cl_platform_id[count[0]];
        clGetPlatformIDs(platforms.length, platforms, null);
        List<OpenClDevice> out = new ArrayList<>();
        for (cl_platform_id p : platforms) {
            String platformName = platformString(p, CL_PLATFORM_NAME);
            if (replacesSignalHandlers(platformName) && !signalChaining()) {
                skipped = platformName + " (PoCL) was skipped: it replaces the JVM's SIGSEGV handler with LLVM's,"
                        + " which crashes the JVM at its next safepoint; start Java with"
                        + " LD_PRELOAD=$JAVA_HOME/lib/libjsig.so (the tests do) to use it";
                continue;
            }
            int[] nd = new int[1];
            try {
                clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, 0, null, nd);
            } catch (org.jocl.CLException e) {
                continue;
            }
            cl_device_id[] devices = new cl_device_id[nd[0]];
            clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, devices.length, devices, null);
            for (cl_device_id d : devices) {
                out.add(describe(platformName, p, d));
            }
        }
        return out;
    }

    /** Why the last {@link #list()} skipped a platform, or {@code null}. */
    private static volatile String skipped;

    /** Why the last {@link #list()} left a platform out (one line), or {@code null} when it left none out. */
    public static String skippedNote() {
        return skipped;
    }

    /**
     * Whether a platform's driver installs its own handlers for the signals the JVM needs. PoCL's CPU
     * device does, when its devices are first asked for: LLVM's crash handlers take SIGSEGV, and the
     * JVM's safepoint polls (reads of a protected page) then kill the process, as {@code bench gpu}
     * did here at random (JuliaGPU/OpenCL.jl#487 describes the same for Julia's safepoints).
     */
    static boolean replacesSignalHandlers(String platformName) {
        return platformName.contains("Portable Computing Language");
    }

    /**
     * Whether the JVM keeps its signal handlers when a library installs others: the JDK's libjsig is
     * loaded (signal chaining, {@code LD_PRELOAD=$JAVA_HOME/lib/libjsig.so}), or
     * {@code -Dsml.opencl.unchained=true} accepts the risk.
     */
    static boolean signalChaining() {
        if (Boolean.getBoolean("sml.opencl.unchained")) {
            return true;
        }
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/maps")).contains("libjsig");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private static OpenClDevice describe(String pname, cl_platform_id p, cl_device_id d) {
        long type = deviceLong(d, CL_DEVICE_TYPE);
        String ext = deviceString(d, CL_DEVICE_EXTENSIONS);
        return new OpenClDevice(pname, deviceString(d, CL_DEVICE_NAME).trim(), (type & CL_DEVICE_TYPE_GPU) != 0,
                ext.contains("cl_khr_fp64"), deviceInt(d, CL_DEVICE_MAX_COMPUTE_UNITS),
                deviceInt(d, CL_DEVICE_MAX_CLOCK_FREQUENCY), deviceInt(d, CL_DEVICE_NATIVE_VECTOR_WIDTH_DOUBLE),
                deviceInt(d, CL_DEVICE_NATIVE_VECTOR_WIDTH_FLOAT), deviceSize(d, CL_DEVICE_MAX_WORK_GROUP_SIZE), p, d);
    }

    /**
     * A nominal peak in GFLOP/s: computeUnits × clock × 2 (an FMA is two FLOPs) × lanes per compute
     * unit per cycle. Lanes: on a GPU, 64 fp64 / 128 fp32 per SM for NVIDIA (data-centre parts, A100/H100
     * class; consumer parts have far fewer fp64 lanes, so there it is an upper bound), 64 otherwise; on a
     * CPU, two FMA ports × the native vector width. The driver does not report lanes, hence this table.
     */
    public double nominalPeakGflops(boolean doublePrecision) {
        int lanes;
        if (gpu) {
            boolean nvidia = name.toLowerCase(Locale.ROOT).contains("nvidia")
                    || platformName.toLowerCase(Locale.ROOT).contains("nvidia");
            lanes = nvidia ? (doublePrecision ? 64 : 128) : 64;
        } else {
            lanes = 2 * Math.max(1, doublePrecision ? vectorDouble : vectorFloat);
        }
        return computeUnits * (clockMHz / 1000.0) * 2.0 * lanes;
    }

    /** "name (platform, GPU|CPU, fp64|fp32 only)". */
    public String describe() {
        return name + " (" + platformName + ", " + (gpu ? "GPU" : "CPU") + ", " + (fp64 ? "fp64" : "fp32 only")
                + ", " + computeUnits + " compute units at " + clockMHz + " MHz)";
    }

    private static String deviceString(cl_device_id d, int param) {
        long[] size = new long[1];
        clGetDeviceInfo(d, param, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        clGetDeviceInfo(d, param, buf.length, Pointer.to(buf), null);
        return cString(buf);
    }

    private static String platformString(cl_platform_id p, int param) {
        long[] size = new long[1];
        clGetPlatformInfo(p, param, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        clGetPlatformInfo(p, param, buf.length, Pointer.to(buf), null);
        return cString(buf);
    }

    private static String cString(byte[] buf) {
        int len = 0;
        while (len < buf.length && buf[len] != 0) {
            len++;
        }
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    private static int deviceInt(cl_device_id d, int param) {
        int[] v = new int[1];
        clGetDeviceInfo(d, param, Sizeof.cl_uint, Pointer.to(v), null);
        return v[0];
    }

    private static long deviceLong(cl_device_id d, int param) {
        long[] v = new long[1];
        clGetDeviceInfo(d, param, Sizeof.cl_ulong, Pointer.to(v), null);
        return v[0];
    }

    private static long deviceSize(cl_device_id d, int param) {
        long[] v = new long[1];
        clGetDeviceInfo(d, param, Sizeof.size_t, Pointer.to(v), null);
        return v[0];
    }
}
