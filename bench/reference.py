#!/usr/bin/python3
"""Independent reference for `measure`: loss, gradient norm and the full Hessian spectrum of a model file.

Written from /work/shared/spec/model-format.md alone (not from the Java engine), with PyTorch autograd
in float64:

- an input x is a row vector; layer k computes z_k = a_{k-1} . theta_k (+ b_k), theta_k of shape in x out,
  a_k = phi_k(z_k) with phi in {relu, leaky_relu(slope, default 0.01), linear, tanh};
- mse: L = (1/N) sum_i ||f(x_i) - y_i||^2 (summed over outputs, mean over samples, no 1/2);
- cross_entropy: L = (1/N) sum_i -sum_j y_ij log softmax(f(x_i))_j;
- flat theta: theta_1 row-major, b_1 (if any), theta_2, b_2, ...

Derivative conventions at the kinks (these match the Java engine's stated convention): relu'(0) = 0
(torch.relu), leaky_relu'(0) = slope (torch.nn.functional.leaky_relu).

Usage: /usr/bin/python3 bench/reference.py MODEL.json [--no-hessian] [--max-dense N]
Prints one JSON object with flat dotted keys, like the Java CLI's `measure`:
n, loss, testLoss (when the file has `test`), gradNorm, hessian.method, hessian.eigenvalues (all,
descending), hessian.spectralNorm, hessian.trace, outputs (f(x) on `data`, flattened row-major),
outputsShape, and referenceSeconds (wall time of the computation, imports and parsing excluded).
"""
import argparse
import json
import sys
import time

import torch

ACTIVATIONS = ("relu", "leaky_relu", "linear", "tanh")
LOSSES = ("mse", "cross_entropy")
DEFAULT_SLOPE = 0.01


class ModelError(ValueError):
    """A model file that the spec says a reader must reject."""


def _matrix(rows, name, width=None):
    if not isinstance(rows, list) or not rows:
        raise ModelError(f"{name}: expected a non-empty list of rows")
    t = torch.tensor(rows, dtype=torch.float64)  # raises on ragged rows
    if t.dim() != 2:
        raise ModelError(f"{name}: expected a list of rows of numbers")
    if width is not None and t.shape[1] != width:
        raise ModelError(f"{name}: rows have width {t.shape[1]}, expected {width}")
    if not torch.isfinite(t).all():
        raise ModelError(f"{name}: non-finite number")
    return t


class Model:
    """A parsed model file: layers, flat theta (float64), loss kind, data and test tensors."""

    def __init__(self, doc):
        if doc.get("format") != "sharp-minima-lab/model" or doc.get("version") != 1:
            raise ModelError("format/version: expected sharp-minima-lab/model version 1")
        self.layers = doc["layers"]
        self.loss = doc["loss"]
        if self.loss not in LOSSES:
            raise ModelError(f"loss: unknown loss {self.loss!r}")
        pieces = []
        prev_out = None
        for k, layer in enumerate(self.layers):
            if layer["activation"] not in ACTIVATIONS:
                raise ModelError(f"layers[{k}].activation: unknown {layer['activation']!r}")
            if prev_out is not None and layer["in"] != prev_out:
                raise ModelError(f"layers[{k}].in: {layer['in']} does not chain with previous out {prev_out}")
            prev_out = layer["out"]
            w = _matrix(doc["weights"][k], f"weights[{k}]", layer["out"])
            if w.shape[0] != layer["in"]:
                raise ModelError(f"weights[{k}]: {w.shape[0]} rows, expected {layer['in']}")
            pieces.append(w.reshape(-1))  # row-major
            b = doc["biases"][k]
            if layer.get("bias", False):
                bt = _matrix([b], f"biases[{k}]", layer["out"])
                pieces.append(bt.reshape(-1))
            elif b is not None:
                raise ModelError(f"biases[{k}]: layer has bias false but biases[{k}] is not null")
        self.theta = torch.cat(pieces)
        self.data = self._dataset(doc.get("data"), "data")
        self.test = self._dataset(doc.get("test"), "test") if doc.get("test") is not None else None

    def _dataset(self, d, name):
        if d is None:
            raise ModelError(f"{name}: required for a loss")
        x = _matrix(d["x"], f"{name}.x", self.layers[0]["in"])
        y = _matrix(d["y"], f"{name}.y", self.layers[-1]["out"])
        if x.shape[0] != y.shape[0]:
            raise ModelError(f"{name}: x has {x.shape[0]} rows, y has {y.shape[0]}")
        if self.loss == "cross_entropy":
            if (y < 0).any() or ((y.sum(1) - 1).abs() > 1e-12).any():
                raise ModelError(f"{name}.y: cross_entropy targets must be non-negative and sum to 1")
        return x, y

    def forward(self, theta, x):
        """f_theta(x) for a batch of row vectors x (N x in); theta is the flat parameter vector."""
        a = x
        off = 0
        for layer in self.layers:
            i, o = layer["in"], layer["out"]
            w = theta[off:off + i * o].reshape(i, o)
            off += i * o
            z = a @ w
            if layer.get("bias", False):
                z = z + theta[off:off + o]
                off += o
            a = self._activate(z, layer)
        return a

    @staticmethod
    def _activate(z, layer):
        act = layer["activation"]
        if act == "relu":
            return torch.relu(z)  # derivative at 0 is 0
        if act == "leaky_relu":
            # derivative at 0 is slope (torch: self > 0 ? grad : grad * slope)
            return torch.nn.functional.leaky_relu(z, layer.get("slope", DEFAULT_SLOPE))
        if act == "tanh":
            return torch.tanh(z)
        return z

    def loss_value(self, theta, dataset):
        x, y = dataset
        out = self.forward(theta, x)
        if self.loss == "mse":
            return ((out - y) ** 2).sum(dim=1).mean()
        return -(y * torch.log_softmax(out, dim=1)).sum(dim=1).mean()


def measure(model, with_hessian=True, max_dense=4000):
    theta = model.theta.clone().requires_grad_(True)
    loss = model.loss_value(theta, model.data)
    (grad,) = torch.autograd.grad(loss, theta)
    result = {"n": int(theta.numel()), "loss": loss.item()}
    if model.test is not None:
        result["testLoss"] = model.loss_value(model.theta, model.test).item()
    result["gradNorm"] = torch.linalg.vector_norm(grad).item()
    if with_hessian:
        if theta.numel() > max_dense:
            raise ModelError(f"n = {theta.numel()} > --max-dense {max_dense}: dense Hessian too large")
        h = torch.autograd.functional.hessian(lambda t: model.loss_value(t, model.data), model.theta)
        h = 0.5 * (h + h.T)  # autograd's two triangles agree only to rounding; eigvalsh reads one
        eig = torch.linalg.eigvalsh(h).flip(0)  # descending
        result["hessian.method"] = "dense"
        result["hessian.eigenvalues"] = eig.tolist()
        result["hessian.spectralNorm"] = eig.abs().max().item()
        result["hessian.trace"] = torch.trace(h).item()
    with torch.no_grad():
        out = model.forward(model.theta, model.data[0])
    result["outputs"] = out.reshape(-1).tolist()
    result["outputsShape"] = list(out.shape)
    return result


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("model")
    p.add_argument("--no-hessian", action="store_true", help="skip the dense Hessian")
    p.add_argument("--max-dense", type=int, default=4000, help="refuse a dense Hessian above this n")
    args = p.parse_args(argv)
    try:
        with open(args.model) as fh:
            doc = json.load(fh)
        model = Model(doc)
    except (OSError, json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
        print(f"error: {args.model}: {e}", file=sys.stderr)
        return 2
    torch.set_grad_enabled(True)
    t0 = time.perf_counter()
    try:
        result = measure(model, not args.no_hessian, args.max_dense)
    except ModelError as e:
        print(f"error: {args.model}: {e}", file=sys.stderr)
        return 2
    result["referenceSeconds"] = time.perf_counter() - t0
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
