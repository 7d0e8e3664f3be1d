package lab.sharpminima.gpu;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import lab.sharpminima.compute.Precision;

/** The OpenCL device the device tests run on, and opening it (skipping the test where there is none). */
final class TestDevices {

    private TestDevices() {
    }

    /** The first device with fp64, else the first device, else {@code null} (no OpenCL, or no platform). */
    static OpenClDevice preferred() {
        List<OpenClDevice> devices;
        try {
            devices = Backends.devices();
        } catch (Throwable e) {
            devices = List.of();
        }
        return devices.stream().filter(OpenClDevice::fp64).findFirst()
                .orElse(devices.isEmpty() ? null : devices.get(0));
    }

    /** A backend on {@code device} in precision {@code p}; the test is skipped without a device or fp64. */
    static OpenClBackend open(OpenClDevice device, Precision p) {
        assumeTrue(device != null, "no OpenCL platform");
        assumeTrue(p == Precision.SINGLE || device.fp64(), "the device has no cl_khr_fp64");
        return new OpenClBackend(device, p);
    }
}
