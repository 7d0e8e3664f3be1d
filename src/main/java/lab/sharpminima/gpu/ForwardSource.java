package lab.sharpminima.gpu;

import lab.sharpminima.engine.Layer;
import lab.sharpminima.engine.LossKind;
import lab.sharpminima.engine.Network;

/**
 * OpenCL C for one network's loss term with every layer's shape, activation and offsets written in as
 * constants, over {@code VW} samples at once in vector types ({@code sample_term}, used by the
 * {@code losses_fixed} kernel of {@code network.cl}).
 *
 * <p>Why: with the shapes known, the compiler unrolls the loops over a layer's outputs, so that a
 * sample's activations stay in registers rather than in an array indexed at run time; with VW samples
 * per work-item in a {@code doubleVW} (the device's native vector width: 4 on AVX2, 1 on NVIDIA), each
 * weight, read once from local memory, multiplies VW activations in one SIMD instruction — a CPU
 * OpenCL driver does not vectorise across work-items whose body holds a loop. The arithmetic is that of
 * {@link lab.sharpminima.engine.LossFunction} in the same order for every sample: z_c = Σ_r a_r W_rc
 * summed over r ascending, then + b_c, then φ; lanes past the last sample give 0.
 */
final class ForwardSource {

    /** Loops over at most this many outputs are unrolled. */
    static final int UNROLL_OUT = 64;
    /** A layer with at most this many weights has its loop over inputs unrolled too. */
    static final int UNROLL_WEIGHTS = 2048;

    private ForwardSource() {
    }

    /**
     * Type definitions ({@code realv}, {@code maskv}, {@code VW}, {@code SEL}, {@code LANE_SUM}) and
     * {@code realv sample_term(WMEM const real *w, __global const real *X, __global const real *Y,
     * int base, int N, __global const real *slopes)}: the loss terms of samples base … base + VW − 1.
     *
     * @param vw samples per work-item: 1, 2, 4, 8 or 16
     */
    static String of(Network net, LossKind loss, int vw, boolean doublePrecision) {
        StringBuilder s = new StringBuilder();
        s.append("#define NPARAM ").append(net.parameterCount()).append('\n');
        s.append("#define VW ").append(vw).append('\n');
        if (vw == 1) {
            s.append("typedef real realv;\n#define SEL(a, b, c) ((c) ? (b) : (a))\n#define LANE_SUM(v) (v)\n");
        } else {
            String integer = doublePrecision ? "long" : "int";
            s.append("typedef ").append(doublePrecision ? "double" : "float").append(vw).append(" realv;\n");
            s.append("typedef ").append(integer).append(vw).append(" maskv;\n");
            s.append("#define SEL(a, b, c) select((a), (b), (c))\n");
            s.append("#define LANE_SUM(v) (").append(laneSum("(v)", 0, vw)).append(")\n");
        }
        s.append("inline realv sample_term(WMEM const real *w, __global const real *X, __global const real *Y,\n"
                + "                         const int base, const int N, __global const real *slopes) {\n");
        s.append("    int row[").append(vw).append("];\n");
        s.append("    for (int v = 0; v < VW; v++) row[v] = min(base + v, N - 1);\n");
        s.append("    realv a0[").append(net.inputs()).append("];\n");
        s.append("    for (int j = 0; j < ").append(net.inputs()).append("; j++) a0[j] = ")
                .append(gather(vw, "X", net.inputs())).append(";\n");
        for (int k = 0; k < net.depth(); k++) {
            layer(s, net, k);
        }
        String f = "a" + net.depth();
        s.append("    realv term = 0;\n");
        if (loss == LossKind.MSE) {
            s.append("    for (int j = 0; j < NOUT; j++) {\n")
                    .append("        realv r = ").append(f).append("[j] - ").append(gather(vw, "Y", net.outputs()))
                    .append(";\n        term += r * r;\n    }\n");
        } else {
            s.append("    realv mx = ").append(f).append("[0];\n")
                    .append("    for (int j = 1; j < NOUT; j++) mx = fmax(mx, ").append(f).append("[j]);\n")
                    .append("    realv se = 0;\n")
                    .append("    for (int j = 0; j < NOUT; j++) se += exp(").append(f).append("[j] - mx);\n")
                    .append("    realv lse = mx + log(se);\n")
                    .append("    for (int j = 0; j < NOUT; j++) {\n")
                    .append("        realv y = ").append(gather(vw, "Y", net.outputs())).append(";\n")
                    .append("        term -= SEL((realv) 0, y * (").append(f).append("[j] - lse), y != (realv) 0);\n")
                    .append("    }\n");
        }
        if (vw > 1) {
            s.append("    maskv inside = (maskv) (");
            for (int v = 0; v < vw; v++) {
                s.append(v == 0 ? "" : ", ").append("base + ").append(v).append(" < N ? -1 : 0");
            }
            s.append(");\n    term = SEL((realv) 0, term, inside);\n");
        }
        s.append("    return term;\n}\n");
        return s.toString();
    }

    /** Pairwise sum of lanes from … from + count − 1 of {@code v}, e.g. ((v.s0 + v.s1) + (v.s2 + v.s3)). */
    private static String laneSum(String v, int from, int count) {
        if (count == 1) {
            return v + ".s" + Integer.toHexString(from);
        }
        int half = count / 2;
        return "(" + laneSum(v, from, half) + " + " + laneSum(v, from + half, half) + ")";
    }

    /** The VW samples' values of column j of a row-major array with {@code width} columns. */
    private static String gather(int vw, String array, int width) {
        if (vw == 1) {
            return array + "[row[0] * " + width + " + j]";
        }
        StringBuilder s = new StringBuilder("(realv) (");
        for (int v = 0; v < vw; v++) {
            s.append(v == 0 ? "" : ", ").append(array).append("[row[").append(v).append("] * ").append(width)
                    .append(" + j]");
        }
        return s.append(')').toString();
    }

    private static void layer(StringBuilder s, Network net, int k) {
        Layer l = net.layer(k);
        String a = "a" + k;
        String z = "a" + (k + 1);
        boolean unrollOut = l.out() <= UNROLL_OUT;
        boolean unrollIn = unrollOut && (long) l.in() * l.out() <= UNROLL_WEIGHTS;
        String pragmaOut = unrollOut ? "#pragma unroll\n    " : "";
        s.append("    realv ").append(z).append('[').append(l.out()).append("];\n");
        s.append("    {\n");
        s.append("    ").append(pragmaOut).append("for (int c = 0; c < ").append(l.out()).append("; c++) ")
                .append(z).append("[c] = 0;\n");
        s.append(unrollIn ? "    #pragma unroll\n" : "");
        s.append("    for (int r = 0; r < ").append(l.in()).append("; r++) {\n");
        s.append("        const realv ar = ").append(a).append("[r];\n");
        s.append(unrollOut ? "        #pragma unroll\n" : "");
        s.append("        for (int c = 0; c < ").append(l.out()).append("; c++) ").append(z)
                .append("[c] += ar * w[").append(net.offset(k)).append(" + r * ").append(l.out()).append(" + c];\n");
        s.append("    }\n");
        s.append("    const real slope = slopes[").append(k).append("];\n");
        s.append("    ").append(pragmaOut).append("for (int c = 0; c < ").append(l.out()).append("; c++) {\n");
        s.append("        const realv zc = ").append(z).append("[c]")
                .append(l.bias() ? " + w[" + net.biasOffset(k) + " + c]" : "").append(";\n");
        s.append("        ").append(z).append("[c] = ").append(activation(l)).append(";\n");
        s.append("    }\n    }\n");
    }

    /** φ(zc) as in engine/Activation: relu, leaky relu with its slope, linear, tanh. */
    private static String activation(Layer l) {
        return switch (l.activation()) {
            case RELU -> "SEL((realv) 0, zc, zc > (realv) 0)";
            case LEAKY_RELU -> "SEL(slope * zc, zc, zc > (realv) 0)";
            case LINEAR -> "zc";
            case TANH -> "tanh(zc)";
        };
    }
}
