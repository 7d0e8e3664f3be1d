// Batched loss and gradient of one fully connected network at many parameter vectors; Hessian-vector
// products at one vector along many directions; a minibatch's loss and gradient at one vector.
// Built per network shape and loss with -D USE_DOUBLE (or USE_FLOAT), -D DEPTH, -D MAXW (widest
// layer), -D NIN, -D NOUT and -D WMEM=__local|__global (plus LOCAL_WEIGHTS with __local); the host
// puts the shape's sample_term (gpu/ForwardSource, used by losses_fixed) in place of the marker. The
// other kernels read the layers from the constant table LAYERS that the host writes in (per layer: in,
// out, activation, bias, offset, bias offset), so that the compiler sees every size: with the loops
// over layers unrolled, each layer's loops have constant bounds.
// Activations: 0 relu, 1 leaky_relu, 2 linear, 3 tanh (engine/Activation order). Losses: 0 mse,
// 1 cross_entropy (engine/LossKind order). Everything mirrors engine/LossFunction.

#ifdef USE_DOUBLE
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
typedef double real;
#else
typedef float real;
#endif

#define LSTRIDE 6

/*LAYER_TABLE*/

inline real act_apply(int a, real z, real slope) {
    if (a == 0) return z > 0 ? z : (real) 0;
    if (a == 1) return z > 0 ? z : slope * z;
    if (a == 2) return z;
    return tanh(z);
}

// phi'(z), with relu'(0) = 0 and leaky_relu'(0) = slope, as in engine/Activation.
inline real act_deriv(int a, real z, real slope) {
    if (a == 0) return z > 0 ? (real) 1 : (real) 0;
    if (a == 1) return z > 0 ? (real) 1 : slope;
    if (a == 2) return (real) 1;
    real t = tanh(z);
    return (real) 1 - t * t;
}

// z_k = a_k W_k (+ b_k), a_{k+1} = phi(z_k); acts[k*MAXW ..] holds a_k, zs[k*MAXW ..] holds z_k.
inline void forward(__global const real *slopes, __global const real *th,
                    __global const real *x, real *acts, real *zs) {
    for (int j = 0; j < NIN; j++) acts[j] = x[j];
    #pragma unroll
    for (int k = 0; k < DEPTH; k++) {
        int in = LAYERS[k * LSTRIDE], out = LAYERS[k * LSTRIDE + 1], act = LAYERS[k * LSTRIDE + 2];
        int hasBias = LAYERS[k * LSTRIDE + 3], off = LAYERS[k * LSTRIDE + 4], boff = LAYERS[k * LSTRIDE + 5];
        real slope = slopes[k];
        const real *a = acts + k * MAXW;
        for (int c = 0; c < out; c++) {
            real s = 0;
            for (int r = 0; r < in; r++) s += a[r] * th[off + r * out + c];
            // The bias is added after the product, as LossFunction adds the row vector to a·W.
            if (hasBias) s += th[boff + c];
            zs[k * MAXW + c] = s;
            acts[(k + 1) * MAXW + c] = act_apply(act, s, slope);
        }
    }
}

// The sample's loss term; when g is not null, also d(term)/df into g.
inline real sample_loss(int kind, const real *f, __global const real *y, real *g) {
    if (kind == 0) {
        real s = 0;
        for (int j = 0; j < NOUT; j++) {
            real r = f[j] - y[j];
            s += r * r;
            if (g) g[j] = 2 * r;
        }
        return s;
    }
    real mx = f[0];
    for (int j = 1; j < NOUT; j++) mx = fmax(mx, f[j]);
    real se = 0;
    for (int j = 0; j < NOUT; j++) se += exp(f[j] - mx);
    real lse = mx + log(se);
    real s = 0, ysum = 0;
    for (int j = 0; j < NOUT; j++) {
        real logp = f[j] - lse;
        if (y[j] != 0) s -= y[j] * logp;
        ysum += y[j];
    }
    if (g) {
        for (int j = 0; j < NOUT; j++) g[j] = ysum * exp(f[j] - lse) - y[j];
    }
    return s;
}

// phi''(z): -2 tanh(z)(1 - tanh^2(z)) for tanh, 0 for the piecewise linear ones (engine/Activation).
inline real act_second(int a, real z) {
    if (a != 3) return (real) 0;
    real t = tanh(z);
    return (real) -2 * t * ((real) 1 - t * t);
}

// One sample's forward and backward pass: adds d(term)/d(theta) to p[0 .. n) and returns the term.
inline real backprop_sample(int kind, __global const real *slopes,
                            __global const real *th, __global const real *x, __global const real *y,
                            __global real *p, real *acts, real *zs, real *ga, real *delta) {
    forward(slopes, th, x, acts, zs);
    real term = sample_loss(kind, acts + DEPTH * MAXW, y, ga);
    #pragma unroll
    for (int k = DEPTH - 1; k >= 0; k--) {
        int in = LAYERS[k * LSTRIDE], out = LAYERS[k * LSTRIDE + 1], act = LAYERS[k * LSTRIDE + 2];
        int hasBias = LAYERS[k * LSTRIDE + 3], off = LAYERS[k * LSTRIDE + 4], boff = LAYERS[k * LSTRIDE + 5];
        real slope = slopes[k];
        for (int c = 0; c < out; c++) delta[c] = act_deriv(act, zs[k * MAXW + c], slope) * ga[c];
        const real *a = acts + k * MAXW;
        for (int r = 0; r < in; r++) {
            for (int c = 0; c < out; c++) p[off + r * out + c] += a[r] * delta[c];
        }
        if (hasBias) {
            for (int c = 0; c < out; c++) p[boff + c] += delta[c];
        }
        if (k > 0) {
            for (int r = 0; r < in; r++) {
                real s = 0;
                for (int c = 0; c < out; c++) s += delta[c] * th[off + r * out + c];
                ga[r] = s;
            }
        }
    }
    return term;
}

// One work-item per (parameter vector, chunk of samples): backpropagation of the chunk's samples
// (i = chunk, chunk + C, ...) into its own row of partial sums, loss last: partial[(g*C + c)*(n+1) + ...].
__kernel void gradients(const int N, const int n, const int kind, const int C,
                        __global const real *slopes,
                        __global const real *thetas, __global const real *X, __global const real *Y,
                        __global real *partial) {
    int id = get_global_id(0);
    int g = id / C, chunk = id % C;
    __global const real *th = thetas + (size_t) g * n;
    __global real *p = partial + (size_t) id * (n + 1);
    for (int i = 0; i <= n; i++) p[i] = 0;
    real acts[(DEPTH + 1) * MAXW];
    real zs[DEPTH * MAXW];
    real ga[MAXW];
    real delta[MAXW];
    real sum = 0, comp = 0;
    for (int i = chunk; i < N; i += C) {
        real term = backprop_sample(kind, slopes, th, X + (size_t) i * NIN, Y + (size_t) i * NOUT, p,
                                    acts, zs, ga, delta);
        real yk = term - comp;
        real t = sum + yk;
        comp = (t - sum) - yk;
        sum = t;
    }
    p[n] = sum;
}

// Training's step: one parameter vector, the B samples rows[0 .. B); work-item c of C backpropagates
// rows[c], rows[c + C], ... into its own row of partial sums, loss last: partial[c*(n+1) + ...].
__kernel void minibatch_gradient(const int B, const int n, const int kind, const int C,
                                 __global const real *slopes,
                                 __global const real *th, __global const int *rows,
                                 __global const real *X, __global const real *Y, __global real *partial) {
    int c = get_global_id(0);
    if (c >= C) return; // the host pads the range to whole work-groups
    __global real *p = partial + (size_t) c * (n + 1);
    for (int i = 0; i <= n; i++) p[i] = 0;
    real acts[(DEPTH + 1) * MAXW];
    real zs[DEPTH * MAXW];
    real ga[MAXW];
    real delta[MAXW];
    real sum = 0, comp = 0;
    for (int j = c; j < B; j += C) {
        int i = rows[j];
        real term = backprop_sample(kind, slopes, th, X + (size_t) i * NIN, Y + (size_t) i * NOUT, p,
                                    acts, zs, ga, delta);
        real yk = term - comp;
        real t = sum + yk;
        comp = (t - sum) - yk;
        sum = t;
    }
    p[n] = sum;
}

// R{z_k} = R{a_k} W_k + a_k V_k (+ vb_k), R{a_{k+1}} = phi'(z_k) R{z_k}, R{a_0} = 0 (engine/RPass).
inline void r_forward(__global const real *slopes, __global const real *th,
                      __global const real *v, const real *acts, const real *zs, real *ra, real *rz) {
    for (int j = 0; j < NIN; j++) ra[j] = 0;
    #pragma unroll
    for (int k = 0; k < DEPTH; k++) {
        int in = LAYERS[k * LSTRIDE], out = LAYERS[k * LSTRIDE + 1], act = LAYERS[k * LSTRIDE + 2];
        int hasBias = LAYERS[k * LSTRIDE + 3], off = LAYERS[k * LSTRIDE + 4], boff = LAYERS[k * LSTRIDE + 5];
        real slope = slopes[k];
        const real *a = acts + k * MAXW;
        const real *rak = ra + k * MAXW;
        for (int c = 0; c < out; c++) {
            real s = 0;
            for (int r = 0; r < in; r++) s += rak[r] * th[off + r * out + c];
            for (int r = 0; r < in; r++) s += a[r] * v[off + r * out + c];
            if (hasBias) s += v[boff + c];
            rz[k * MAXW + c] = s;
            ra[(k + 1) * MAXW + c] = act_deriv(act, zs[k * MAXW + c], slope) * s;
        }
    }
}

// g = d(term)/df and R{g} from f and R{f}: mse 2(f - y) and 2 R{f}; cross-entropy s p - y and
// s p (R{f} - p.R{f}), p = softmax(f), s = sum_j y_j (engine/RPass.outputR, unscaled).
inline void output_r(int kind, const real *f, const real *rf, __global const real *y, real *g, real *rg) {
    if (kind == 0) {
        for (int j = 0; j < NOUT; j++) {
            g[j] = 2 * (f[j] - y[j]);
            rg[j] = 2 * rf[j];
        }
        return;
    }
    real mx = f[0];
    for (int j = 1; j < NOUT; j++) mx = fmax(mx, f[j]);
    real se = 0;
    for (int j = 0; j < NOUT; j++) se += exp(f[j] - mx);
    real lse = mx + log(se);
    real ysum = 0, dot = 0;
    for (int j = 0; j < NOUT; j++) {
        ysum += y[j];
        dot += exp(f[j] - lse) * rf[j];
    }
    for (int j = 0; j < NOUT; j++) {
        real pj = exp(f[j] - lse);
        g[j] = ysum * pj - y[j];
        rg[j] = ysum * pj * (rf[j] - dot);
    }
}

// One work-item per (direction, chunk of samples): the R-operator (Pearlmutter 1994) on the chunk's
// samples i = chunk, chunk + C, ... at the one point th, adding each sample's (H v)_i, unscaled, into
// its own row: partial[(g*C + c)*n + ...]. Per sample, as engine/RPass and HessianOperator:
//   R{delta_k} = phi'(z_k) R{dL/da_{k+1}} + phi''(z_k) R{z_k} dL/da_{k+1}
//   R{dL/da_k} = R{delta_k} W_k^T + delta_k V_k^T
//   (H v)_{W_k} = a_k^T R{delta_k} + R{a_k}^T delta_k,   (H v)_{b_k} = R{delta_k}.
__kernel void hessian_vector(const int N, const int n, const int kind, const int C,
                             __global const real *slopes,
                             __global const real *th, __global const real *vs,
                             __global const real *X, __global const real *Y, __global real *partial,
                             const int items) {
    int id = get_global_id(0);
    if (id >= items) return; // the host pads the range to whole work-groups
    int g = id / C, chunk = id % C;
    __global const real *v = vs + (size_t) g * n;
    __global real *p = partial + (size_t) id * n;
    for (int i = 0; i < n; i++) p[i] = 0;
    real acts[(DEPTH + 1) * MAXW], zs[DEPTH * MAXW];
    real ra[(DEPTH + 1) * MAXW], rz[DEPTH * MAXW];
    real ga[MAXW], rga[MAXW], delta[MAXW], rdelta[MAXW];
    for (int i = chunk; i < N; i += C) {
        forward(slopes, th, X + (size_t) i * NIN, acts, zs);
        r_forward(slopes, th, v, acts, zs, ra, rz);
        output_r(kind, acts + DEPTH * MAXW, ra + DEPTH * MAXW, Y + (size_t) i * NOUT, ga, rga);
        #pragma unroll
        for (int k = DEPTH - 1; k >= 0; k--) {
            int in = LAYERS[k * LSTRIDE], out = LAYERS[k * LSTRIDE + 1], act = LAYERS[k * LSTRIDE + 2];
            int hasBias = LAYERS[k * LSTRIDE + 3], off = LAYERS[k * LSTRIDE + 4], boff = LAYERS[k * LSTRIDE + 5];
            real slope = slopes[k];
            for (int c = 0; c < out; c++) {
                real z = zs[k * MAXW + c];
                real d1 = act_deriv(act, z, slope);
                delta[c] = d1 * ga[c];
                rdelta[c] = d1 * rga[c] + act_second(act, z) * rz[k * MAXW + c] * ga[c];
            }
            const real *a = acts + k * MAXW;
            const real *rak = ra + k * MAXW;
            for (int r = 0; r < in; r++) {
                for (int c = 0; c < out; c++) p[off + r * out + c] += a[r] * rdelta[c] + rak[r] * delta[c];
            }
            if (hasBias) {
                for (int c = 0; c < out; c++) p[boff + c] += rdelta[c];
            }
            if (k > 0) {
                for (int r = 0; r < in; r++) {
                    real s = 0, rs = 0;
                    for (int c = 0; c < out; c++) {
                        real w = th[off + r * out + c];
                        s += delta[c] * w;
                        rs += rdelta[c] * w + delta[c] * v[off + r * out + c];
                    }
                    ga[r] = s;
                    rga[r] = rs;
                }
            }
        }
    }
}

// Adds the C partial rows of each parameter vector (Kahan) and scales by 1/N: out[g*(n+1) + i].
__kernel void reduce_partials(const int n, const int C, const real invN,
                              __global const real *partial, __global real *out) {
    int id = get_global_id(0);
    int g = id / (n + 1), i = id % (n + 1);
    real sum = 0, comp = 0;
    for (int c = 0; c < C; c++) {
        real yk = partial[((size_t) g * C + c) * (n + 1) + i] - comp;
        real t = sum + yk;
        comp = (t - sum) - yk;
        sum = t;
    }
    out[id] = invN * sum;
}

// The same for rows of any width W (Hessian-vector products): out[g*W + i] = scale * sum_c partial[(g*C + c)*W + i].
__kernel void reduce_rows(const int W, const int C, const real scale,
                          __global const real *partial, __global real *out, const int items) {
    int id = get_global_id(0);
    if (id >= items) return; // the host pads the range to whole work-groups
    int g = id / W, i = id % W;
    real sum = 0, comp = 0;
    for (int c = 0; c < C; c++) {
        real yk = partial[((size_t) g * C + c) * W + i] - comp;
        real t = sum + yk;
        comp = (t - sum) - yk;
        sum = t;
    }
    out[id] = scale * sum;
}

/*SAMPLE_TERM*/

// The losses kernel for one network shape and loss, with sample_term from the host's ForwardSource.
// One work-group per parameter vector (one work-item on a CPU device): its NPARAM values are first
// copied to local memory (WMEM __local) when they fit, so that every work-item reads each weight from
// there. Work-item lid takes the blocks of VW samples starting at VW·lid, VW·(lid + wg), ...; each
// lane sums its samples' terms with Kahan compensation, the lanes are added pairwise, then a pairwise
// tree in local memory adds the items' sums.
__kernel void losses_fixed(const int N, const real invN, __global const real *slopes,
                           __global const real *thetas, __global const real *X, __global const real *Y,
                           __global real *out, __local real *scratch, __local real *wlocal) {
    int g = get_group_id(0), lid = get_local_id(0), wg = get_local_size(0);
    __global const real *th = thetas + (size_t) g * NPARAM;
#ifdef LOCAL_WEIGHTS
    for (int i = lid; i < NPARAM; i += wg) wlocal[i] = th[i];
    barrier(CLK_LOCAL_MEM_FENCE);
    WMEM const real *w = wlocal;
#else
    WMEM const real *w = th;
#endif
    realv sum = 0, comp = 0;
    for (int base = lid * VW; base < N; base += wg * VW) {
        realv term = sample_term(w, X, Y, base, N, slopes);
        realv yk = term - comp;
        realv t = sum + yk;
        comp = (t - sum) - yk;
        sum = t;
    }
    scratch[lid] = LANE_SUM(sum);
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int s = wg / 2; s > 0; s >>= 1) {
        if (lid < s) scratch[lid] += scratch[lid + s];
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (lid == 0) out[g] = invN * scratch[0];
}
