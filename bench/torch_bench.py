#!/usr/bin/python3
"""PyTorch side of the Java-vs-PyTorch benchmark. Prints ONE JSON object of timings in seconds.

Usage (unset the OpenBLAS overrides so OpenBLAS picks its kernel by itself; see bench/README.md):
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 bench/torch_bench.py [--threads T]
        [--only a,b,c,d] [--repeats R] [--calls C] [--vectorize]

Times are compute only: imports, data generation and model construction are outside the timers
(except in (d), where each timed run starts from a fresh 337-parameter model, a few microseconds);
each figure is the best of R repeats after one untimed warm-up, or in (c) the fastest and the
median of C single calls. The workloads (a)-(d) are described
in bench/README.md so that the Java side can do exactly the same work.
"""
import argparse
import ctypes
import json
import os
import sys
import time

# libgomp reads this when torch loads it. ACTIVE (spinning) threads stall at every barrier when
# other processes share the 2 cores: 2-thread timings then swing 5-10x. PASSIVE keeps them stable;
# set OMP_WAIT_POLICY=ACTIVE in the environment to override.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import torch  # noqa: E402

DTYPES = {"float32": torch.float32, "float64": torch.float64}


def best_of(fn, repeats, warmup=1):
    """Best wall time of fn() over `repeats` timed calls after `warmup` untimed ones; also fn's last result."""
    for _ in range(warmup):
        out = fn()
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


# ---------------------------------------------------------------- (a) dense Hessian + full spectrum

def bench_dense(dtype, repeats, vectorize=False):
    """2-32-32-1 relu MLP, no biases (n = 2*32 + 32*32 + 32*1 = 1120), 512 samples, mse."""
    g = torch.Generator().manual_seed(1)
    widths = [2, 32, 32, 1]
    x = torch.randn(512, 2, generator=g, dtype=torch.float64).to(dtype)
    y = torch.randn(512, 1, generator=g, dtype=torch.float64).to(dtype)
    shapes = list(zip(widths[:-1], widths[1:]))
    theta = torch.cat([torch.randn(i * o, generator=g, dtype=torch.float64) * (2.0 / i) ** 0.5
                       for i, o in shapes]).to(dtype)
    n = theta.numel()
    assert n == 1120

    def loss(t):
        a, off = x, 0
        for k, (i, o) in enumerate(shapes):
            a = a @ t[off:off + i * o].view(i, o)
            off += i * o
            if k < len(shapes) - 1:
                a = torch.relu(a)
        return ((a - y) ** 2).sum(1).mean()

    t_hess, h = best_of(lambda: torch.autograd.functional.hessian(loss, theta), repeats)
    t_eig, eig = best_of(lambda: torch.linalg.eigvalsh(h), repeats)
    t_total, _ = best_of(lambda: torch.linalg.eigvalsh(torch.autograd.functional.hessian(loss, theta)), repeats)
    res = {"n": n, "samples": 512, "hessianSeconds": t_hess, "eigvalshSeconds": t_eig,
           "totalSeconds": t_total, "spectralNorm": eig.abs().max().item(), "trace": torch.trace(h).item()}
    if not vectorize:
        return res
    try:  # vmap-batched backward passes: not the default, reported for information
        t_vec, _ = best_of(lambda: torch.autograd.functional.hessian(loss, theta, vectorize=True), repeats)
        res["hessianVectorizeSeconds"] = t_vec
    except Exception as e:  # noqa: BLE001 - optional extra, depends on the torch build
        res["hessianVectorizeError"] = f"{type(e).__name__}: {e}"[:200]
    return res


# ---------------------------------------------------------------- the 784-128-64-10 net for (b), (c)

class BigNet:
    """784-128-64-10 relu MLP with biases, 1000 Gaussian inputs, one-hot random labels, cross_entropy."""
    WIDTHS = [784, 128, 64, 10]
    SAMPLES = 1000

    def __init__(self, dtype):
        torch.manual_seed(2)
        w = self.WIDTHS
        self.model = torch.nn.Sequential(torch.nn.Linear(w[0], w[1]), torch.nn.ReLU(),
                                         torch.nn.Linear(w[1], w[2]), torch.nn.ReLU(),
                                         torch.nn.Linear(w[2], w[3])).to(dtype)
        self.params = [p for p in self.model.parameters() if p.requires_grad]
        self.n = sum(p.numel() for p in self.params)
        assert self.n == 109386
        self.x = torch.randn(self.SAMPLES, w[0], dtype=dtype)
        self.labels = torch.randint(0, w[3], (self.SAMPLES,))
        self.criterion = torch.nn.CrossEntropyLoss()  # mean over samples of -log softmax: the spec's CE
        self.dtype = dtype

    def loss(self):
        return self.criterion(self.model(self.x), self.labels)

    def grads_with_graph(self):
        """PyHessian's setup: loss.backward(create_graph=True); gradsH = [p.grad]."""
        self.model.zero_grad()
        loss = self.loss()
        return torch.autograd.grad(loss, self.params, create_graph=True)

    def flops_forward(self):
        w = self.WIDTHS
        return 2 * self.SAMPLES * sum(i * o for i, o in zip(w[:-1], w[1:]))


# PyHessian utilities (pyhessian/utils.py), same arithmetic
def group_product(xs, ys):
    return sum(torch.sum(x * y) for x, y in zip(xs, ys))


def group_add(params, update, alpha=1.0):
    return [p.add(u * alpha) for p, u in zip(params, update)]


def normalization(v):
    s = torch.sqrt(group_product(v, v))
    return [vi / (s + 1e-6) for vi in v]


def orthnormal(w, v_list):
    for v in v_list:
        w = group_add(w, v, alpha=-group_product(w, v))
    return normalization(w)


def hessian_vector_product(gradsH, params, v):
    return torch.autograd.grad(gradsH, params, grad_outputs=v, only_inputs=True, retain_graph=True)


def pyhessian_eigenvalues(net, gradsH, top_n=5, max_iter=100, tol=1e-3):
    """PyHessian hessian.eigenvalues() (single-batch mode): power iteration with deflation."""
    eigenvalues, eigenvectors, hvps = [], [], 0
    gen = torch.Generator().manual_seed(3)
    while len(eigenvalues) < top_n:
        eigenvalue = None
        v = [torch.randn(p.size(), generator=gen, dtype=net.dtype) for p in net.params]
        v = normalization(v)
        for _ in range(max_iter):
            v = orthnormal(v, eigenvectors)
            hv = hessian_vector_product(gradsH, net.params, v)
            hvps += 1
            tmp = group_product(hv, v).item()
            v = normalization(hv)
            if eigenvalue is None:
                eigenvalue = tmp
            elif abs(eigenvalue - tmp) / (abs(eigenvalue) + 1e-6) < tol:
                break
            else:
                eigenvalue = tmp
        eigenvalues.append(eigenvalue)
        eigenvectors.append(v)
    return eigenvalues, hvps


def bench_power(dtype, repeats):
    net = BigNet(dtype)
    t_grad, gradsH = best_of(net.grads_with_graph, repeats)
    t_power, (eigs, hvps) = best_of(lambda: pyhessian_eigenvalues(net, gradsH), repeats)
    return {"n": net.n, "samples": net.SAMPLES, "topN": 5, "maxIter": 100, "tol": 1e-3,
            "gradWithGraphSeconds": t_grad, "powerIterationSeconds": t_power,
            "totalSeconds": t_grad + t_power, "hvpCount": hvps, "secondsPerHvp": t_power / hvps,
            "eigenvalues": eigs}


# ---------------------------------------------------------------- (c) HVP rate and fwd+bwd GFLOP/s

def per_call(fn, calls, warmup=2):
    """Wall times of `calls` single calls of fn() after `warmup` untimed ones: (min, median)."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(calls):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    times.sort()
    return times[0], times[len(times) // 2]


def bench_rates(dtype, calls):
    """Single calls timed one by one, so that a burst of load from other processes spoils few of them."""
    net = BigNet(dtype)
    gen = torch.Generator().manual_seed(4)
    v = [torch.randn(p.size(), generator=gen, dtype=dtype) for p in net.params]
    gradsH = net.grads_with_graph()

    def retained():  # PyHessian style: the gradient graph is built once and reused
        return hessian_vector_product(gradsH, net.params, v)

    def full():  # from scratch: forward, gradient with graph, grad of (grad . v)
        g = net.grads_with_graph()
        return torch.autograd.grad(g, net.params, grad_outputs=v)

    def fwd_bwd():
        net.model.zero_grad()
        loss = net.loss()
        loss.backward()
        return loss

    ret_min, ret_med = per_call(retained, calls)
    full_min, full_med = per_call(full, calls)
    fb_min, fb_med = per_call(fwd_bwd, calls)
    flops = 3 * net.flops_forward()  # forward 2*N*sum(in*out), backward twice that
    return {"n": net.n, "samples": net.SAMPLES, "calls": calls,
            "hvpPerSecondRetainedGraph": 1 / ret_min, "hvpPerSecondRetainedGraphMedian": 1 / ret_med,
            "hvpPerSecondFromScratch": 1 / full_min, "hvpPerSecondFromScratchMedian": 1 / full_med,
            "forwardBackwardSeconds": fb_min, "forwardBackwardSecondsMedian": fb_med,
            "forwardBackwardFlops": flops,
            "forwardBackwardGflops": flops / fb_min / 1e9, "forwardBackwardGflopsMedian": flops / fb_med / 1e9}


# ---------------------------------------------------------------- (d) training epochs per second

def bench_training(dtype, repeats, epochs_gd=200, epochs_sgd=20):
    """2-16-16-1 relu MLP with biases, 1000 points, mse; full-batch GD and minibatch SGD (batch 32)."""
    torch.manual_seed(5)
    x = torch.randn(1000, 2, dtype=dtype)
    y = torch.sin(x[:, :1]) + 0.1 * torch.randn(1000, 1, dtype=dtype)

    def make():
        model = torch.nn.Sequential(torch.nn.Linear(2, 16), torch.nn.ReLU(), torch.nn.Linear(16, 16),
                                    torch.nn.ReLU(), torch.nn.Linear(16, 1)).to(dtype)
        return model, torch.optim.SGD(model.parameters(), lr=0.01)

    def step(model, opt, xb, yb):
        opt.zero_grad()
        loss = ((model(xb) - yb) ** 2).sum(1).mean()
        loss.backward()
        opt.step()
        return loss

    def gd():
        model, opt = make()
        for _ in range(epochs_gd):
            step(model, opt, x, y)
        return model

    def sgd():
        model, opt = make()
        for _ in range(epochs_sgd):
            perm = torch.randperm(1000)  # reshuffle every epoch: 31 batches of 32 and one of 8
            for s in range(0, 1000, 32):
                idx = perm[s:s + 32]
                step(model, opt, x[idx], y[idx])
        return model

    t_gd, _ = best_of(gd, repeats)
    t_sgd, _ = best_of(sgd, repeats)
    n = sum(p.numel() for p in make()[0].parameters())
    return {"n": n, "samples": 1000,
            "gdEpochsPerSecond": epochs_gd / t_gd, "gdStepsPerEpoch": 1,
            "sgdEpochsPerSecond": epochs_sgd / t_sgd, "sgdStepsPerEpoch": 32, "sgdBatch": 32}


# ---------------------------------------------------------------- environment

def openblas_set_threads(threads):
    """torch.set_num_threads does not reach OpenBLAS's own pool; set it too so both use `threads`."""
    try:
        ctypes.CDLL("libopenblas.so.0").openblas_set_num_threads(threads)
    except (OSError, AttributeError):
        pass


def openblas_info():
    try:
        lib = ctypes.CDLL("libopenblas.so.0")
        lib.openblas_get_corename.restype = ctypes.c_char_p
        lib.openblas_get_config.restype = ctypes.c_char_p
        return {"corename": lib.openblas_get_corename().decode(), "config": lib.openblas_get_config().decode(),
                "threads": lib.openblas_get_num_threads()}
    except OSError as e:
        return {"error": str(e)}


def main(argv=None):
    p = argparse.ArgumentParser(description="PyTorch timings for the Java-vs-PyTorch benchmark.")
    p.add_argument("--threads", type=int, default=len(os.sched_getaffinity(0)))
    p.add_argument("--only", default="a,b,c,d")
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--calls", type=int, default=30, help="single calls timed one by one in (c)")
    p.add_argument("--vectorize", action="store_true",
                   help="also time hessian(..., vectorize=True) in (a) (slow on this torch build)")
    args = p.parse_args(argv)
    torch.set_num_threads(args.threads)
    openblas_set_threads(args.threads)
    parts = set(args.only.split(","))
    out = {"torch": torch.__version__, "threads": torch.get_num_threads(), "cpus": os.cpu_count(),
           "openblas": openblas_info(),
           "env": {k: os.environ.get(k) for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE",
                                                  "OMP_NUM_THREADS", "OMP_WAIT_POLICY", "OPENBLAS_NUM_THREADS")},
           "repeats": args.repeats, "loadAverageBefore": os.getloadavg()}
    t0 = time.perf_counter()
    for name in DTYPES:
        dtype = DTYPES[name]
        if "a" in parts:
            out[f"denseHessian.{name}"] = bench_dense(dtype, args.repeats, args.vectorize)
        if "b" in parts:
            out[f"powerIteration.{name}"] = bench_power(dtype, args.repeats)
        if "c" in parts:
            out[f"rates.{name}"] = bench_rates(dtype, args.calls)
        if "d" in parts:
            out[f"training.{name}"] = bench_training(dtype, args.repeats)
    out["benchWallSeconds"] = time.perf_counter() - t0
    out["loadAverageAfter"] = os.getloadavg()  # other processes on the 2 cores make timings noisy
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
