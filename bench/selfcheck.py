#!/usr/bin/python3
"""Check bench/reference.py against things it does not share code with, on generated model files.

Usage: /usr/bin/python3 bench/selfcheck.py MODEL.json [...]

For each model:
- loss and testLoss from a plain numpy forward pass (written separately here) agree with the
  reference to 1e-12 relative;
- the gradient agrees with central differences of the loss (step 1e-6, tolerance 1e-6 relative to
  max(1, ||grad||)), and each Hessian column with central differences of the autograd gradient
  (step 1e-5, tolerance 1e-5 relative to max(1, ||H||)); skipped on models whose data hits a
  relu/leaky_relu kink exactly (the loss is not differentiable there; see gen_models.py);
- on kink models, the gradient with derivative 1 at the kink (instead of relu'(0) = 0,
  leaky_relu'(0) = slope) differs, so the convention is exercised.
Exit 1 when any check fails.
"""
import json
import sys

import numpy as np
import torch

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import reference  # noqa: E402


def numpy_loss(doc, data):
    a = np.array(data["x"], dtype=np.float64)
    y = np.array(data["y"], dtype=np.float64)
    for k, layer in enumerate(doc["layers"]):
        z = a @ np.array(doc["weights"][k])
        if layer.get("bias", False):
            z = z + np.array(doc["biases"][k])
        act = layer["activation"]
        if act == "relu":
            a = np.maximum(z, 0.0)
        elif act == "leaky_relu":
            a = np.where(z > 0, z, layer.get("slope", 0.01) * z)
        elif act == "tanh":
            a = np.tanh(z)
        else:
            a = z
    if doc["loss"] == "mse":
        return float(np.mean(np.sum((a - y) ** 2, axis=1)))
    shifted = a - a.max(axis=1, keepdims=True)
    logsm = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(np.mean(-np.sum(y * logsm, axis=1)))


def hits_kink(model):
    """True when some relu/leaky_relu pre-activation on the data is exactly 0."""
    theta, (x, _) = model.theta, model.data
    a, off = x, 0
    for layer in model.layers:
        i, o = layer["in"], layer["out"]
        z = a @ theta[off:off + i * o].reshape(i, o)
        off += i * o
        if layer.get("bias", False):
            z = z + theta[off:off + o]
            off += o
        if layer["activation"] in ("relu", "leaky_relu") and (z == 0).any():
            return True
        a = model._activate(z, layer)
    return False


def check(path):
    fails = []
    with open(path) as fh:
        doc = json.load(fh)
    model = reference.Model(doc)
    res = reference.measure(model)
    for key, data in (("loss", doc["data"]), ("testLoss", doc.get("test"))):
        if data is None:
            continue
        ref, alt = res[key], numpy_loss(doc, data)
        if abs(ref - alt) > 1e-12 * max(1.0, abs(ref)):
            fails.append(f"{key}: reference {ref!r} numpy {alt!r}")

    lossf = lambda t: model.loss_value(t, model.data)  # noqa: E731
    theta = model.theta.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(lossf(theta), theta)
    if hits_kink(model):
        # the same model with derivative 1 at the kink; the gradient must change
        saved = torch.relu, torch.nn.functional.leaky_relu
        torch.relu = lambda z: torch.where(z >= 0, z, torch.zeros_like(z))
        torch.nn.functional.leaky_relu = lambda z, s: torch.where(z >= 0, z, s * z)
        try:
            theta2 = model.theta.clone().requires_grad_(True)
            (grad1,) = torch.autograd.grad(lossf(theta2), theta2)
        finally:
            torch.relu, torch.nn.functional.leaky_relu = saved
        if torch.equal(grad, grad1):
            fails.append("kink model but the derivative convention at 0 does not change the gradient")
        return fails, "kink (FD skipped)"

    n = model.theta.numel()
    fd_grad = torch.zeros(n, dtype=torch.float64)
    hess = torch.autograd.functional.hessian(lossf, model.theta)
    fd_hess = torch.zeros(n, n, dtype=torch.float64)
    for i in range(n):
        e = torch.zeros(n, dtype=torch.float64)
        e[i] = 1e-6
        fd_grad[i] = (lossf(model.theta + e) - lossf(model.theta - e)) / 2e-6
        e[i] = 1e-5
        tp = (model.theta + e).requires_grad_(True)
        tm = (model.theta - e).requires_grad_(True)
        (g_p,) = torch.autograd.grad(lossf(tp), tp)
        (g_m,) = torch.autograd.grad(lossf(tm), tm)
        fd_hess[:, i] = (g_p - g_m) / 2e-5
    gerr = (fd_grad - grad).abs().max().item()
    if gerr > 1e-6 * max(1.0, grad.norm().item()):
        fails.append(f"gradient vs central differences: max err {gerr:.3e}")
    herr = (fd_hess - hess).abs().max().item()
    hnorm = torch.linalg.matrix_norm(hess, 2).item()
    if herr > 1e-5 * max(1.0, hnorm):
        fails.append(f"Hessian vs central differences of the gradient: max err {herr:.3e}")
    return fails, f"FD grad err {gerr:.1e}, FD Hessian err {herr:.1e} (||H|| {hnorm:.3g})"


def main(paths):
    bad = 0
    for path in paths:
        fails, note = check(path)
        print(f"{'FAIL' if fails else 'PASS'} {path}: {note}")
        for f in fails:
            print(f"  {f}")
        bad += bool(fails)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
