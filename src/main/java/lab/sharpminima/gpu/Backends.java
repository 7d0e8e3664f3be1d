package lab.sharpminima.gpu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import lab.sharpminima.compute.Backend;
import lab.sharpminima.compute.CpuBackend;
import lab.sharpminima.compute.Precision;

/**
 * Chooses a {@link Backend} from a command-line word, never failing for want of OpenCL.
 *
 * <p>Words: {@code cpu} (the Java reference); {@code opencl} (the best OpenCL device: a GPU before a
 * CPU device, fp64 before fp32); {@code opencl:K} (device K of {@link #devices()}); {@code auto}
 * (the same as {@code opencl}, issue 6: a GPU, then a CPU OpenCL device, then Java). A suffix
 * {@code -fp32} (e.g. {@code opencl-fp32}) asks for single precision. A device is used only after its
 * smoke check agrees with the CPU; a missing driver, a failed build or a failed check gives the CPU
 * backend and a one-line note saying why. A device that fails later, on a network the smoke check did
 * not cover, hands that call to the CPU ({@link DeviceWithFallback}).
 */
public final class Backends {

    /** The backend and, when it is not what was asked for, why (else null). */
    public record Selection(Backend backend, String note) {
    }

    private Backends() {
    }

    /** The words {@link #select} accepts, for help texts. */
    public static final String WORDS = "cpu, opencl, opencl:K, auto (add -fp32 for single precision)";

    /**
     * @throws IllegalArgumentException for a word that is none of {@link #WORDS}
     */
    public static Selection select(String word) {
        String w = word == null ? "" : word.trim().toLowerCase(Locale.ROOT);
        boolean single = w.endsWith("-fp32");
        if (single) {
            w = w.substring(0, w.length() - 5);
        }
        if (w.equals("cpu")) {
            return new Selection(CpuBackend.defaults(), null);
        }
        Integer index = null;
        if (w.startsWith("opencl:")) {
            try {
                index = Integer.parseInt(w.substring(7));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--backend " + word + ": K in opencl:K must be a device number");
            }
        } else if (!w.equals("opencl") && !w.equals("auto")) {
            throw new IllegalArgumentException("--backend " + word + " is not one of " + WORDS);
        }
        return openCl(index, single);
    }

    private static Selection openCl(Integer index, boolean single) {
        List<OpenClDevice> devices;
        try {
            devices = devices();
        } catch (Throwable e) { // UnsatisfiedLinkError (no libOpenCL), CLException: the CPU takes over.
            return fallback("no OpenCL driver (" + firstLine(e) + ")");
        }
        if (devices.isEmpty()) {
            String skipped = OpenClDevice.skippedNote();
            return fallback(skipped != null ? skipped : "no OpenCL platform");
        }
        List<OpenClDevice> order = new ArrayList<>();
        if (index != null) {
            if (index < 0 || index >= devices.size()) {
                return fallback("there is no OpenCL device " + index + " (" + devices.size() + " found)");
            }
            order.add(devices.get(index));
        } else {
            order.addAll(devices);
            order.sort(Comparator.comparing((OpenClDevice d) -> !d.gpu()).thenComparing(d -> !d.fp64()));
        }
        String why = null;
        for (OpenClDevice d : order) {
            Precision p = single || !d.fp64() ? Precision.SINGLE : Precision.DOUBLE;
            try {
                OpenClBackend b = new OpenClBackend(d, p);
                String fail = SmokeCheck.run(b);
                if (fail == null) {
                    return new Selection(new DeviceWithFallback(b), null);
                }
                b.close();
                why = d.name() + " failed its smoke check: " + fail;
            } catch (Throwable e) {
                why = d.name() + ": " + firstLine(e);
            }
        }
        return fallback(why);
    }

    /** Every OpenCL device, GPUs first as found; empty when there is no platform. */
    public static List<OpenClDevice> devices() {
        return OpenClDevice.list();
    }

    private static Selection fallback(String why) {
        return new Selection(CpuBackend.defaults(), "note: " + why + "; using the CPU backend");
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
