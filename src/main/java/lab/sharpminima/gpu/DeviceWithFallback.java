package lab.sharpminima.gpu;

import lab.sharpminima.compute.Backend;
import lab.sharpminima.compute.CpuBackend;
import lab.sharpminima.compute.Precision;
import lab.sharpminima.engine.Dataset;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;

/**
 * An OpenCL backend that hands a call to the CPU when the device fails on it (a program that does not
 * build for a network wider than the smoke check's, a buffer the device cannot allocate): the user
 * gets the CPU's answer, never a crash, and {@link #fallbackNote()} says why. Argument errors (bad
 * lengths, mismatched data) are not device failures and propagate.
 */
public final class DeviceWithFallback implements Backend {

    private final OpenClBackend device;
    private final CpuBackend cpu;
    private volatile String note;

    DeviceWithFallback(OpenClBackend device) {
        this.device = device;
        this.cpu = CpuBackend.defaults();
    }

    /** The device backend behind this one. */
    public OpenClBackend device() {
        return device;
    }

    /** Why the last call that fell back did so, or null when none has. */
    public String fallbackNote() {
        return note;
    }

    @Override
    public String name() {
        return device.name();
    }

    @Override
    public Precision precision() {
        return device.precision();
    }

    @Override
    public double[] losses(Network net, LossKind loss, Dataset data, double[] thetas, int count) {
        try {
            return device.losses(net, loss, data, thetas, count);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            note = "note: " + device.device().name() + " failed (" + e.getMessage() + "); the CPU computed it";
            return cpu.losses(net, loss, data, thetas, count);
        }
    }

    @Override
    public double[] lossesAndGradients(Network net, LossKind loss, Dataset data, double[] thetas, int count,
                                       double[] gradients) {
        try {
            return device.lossesAndGradients(net, loss, data, thetas, count, gradients);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            note = "note: " + device.device().name() + " failed (" + e.getMessage() + "); the CPU computed it";
            return cpu.lossesAndGradients(net, loss, data, thetas, count, gradients);
        }
    }

    @Override
    public void hessianVectorProducts(Network net, LossKind loss, Dataset data, double[] theta, double[] vs, int count,
                                      double[] out) {
        try {
            device.hessianVectorProducts(net, loss, data, theta, vs, count, out);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            note = failed(e);
            cpu.hessianVectorProducts(net, loss, data, theta, vs, count, out);
        }
    }

    @Override
    public double lossAndGradient(Network net, LossKind loss, Dataset data, double[] theta, int[] rows, int from,
                                  int to, double[] gradient) {
        try {
            return device.lossAndGradient(net, loss, data, theta, rows, from, to, gradient);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            note = failed(e);
            return cpu.lossAndGradient(net, loss, data, theta, rows, from, to, gradient);
        }
    }

    private String failed(RuntimeException e) {
        return "note: " + device.device().name() + " failed (" + e.getMessage() + "); the CPU computed it";
    }

    @Override
    public void close() {
        device.close();
        cpu.close();
    }
}
