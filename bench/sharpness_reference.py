#!/usr/bin/python3
"""Independent reference for the sharpness measures: a many-restart maximiser in float64.

Written from the definitions (Dinh et al. 2017, Definition 2; Keskar et al. 2017, Metric 2.1 with A = I),
not from the Java classes:

- ball (default): max over ||d||_2 <= E of (L(theta + d) - L(theta)) / (1 + L(theta));
- --keskar: 100 * max over |d_i| <= E (|theta_i| + 1) of the same ratio.

Method: R restarts (default 128) run projected Adam together as one batch of parameter vectors (the
network's forward pass is batched over restarts with torch.bmm): starts are the +-gradient direction
(corners along +-sign(grad) for the box), random points on the sphere and uniform in the ball (random
corners and uniform interior points for the box); the step is lr * Adam direction scaled by the region's
size, with a cosine-decayed lr, and each restart's best iterate is kept. The best 4 points are
then polished by scipy: SLSQP with the constraint E^2 - ||d||^2 >= 0 for the ball, L-BFGS-B with bounds
for the box. The answer is the best feasible point found; it is re-evaluated once more in float64.

Usage: /usr/bin/python3 bench/sharpness_reference.py MODEL.json --epsilon E [--keskar]
       [--restarts R] [--steps S] [--seed SEED]
Prints {"value": ..., "argmax": [...], "loss": ..., "referenceSeconds": ...}.
Model loading is bench/reference.py's.
"""
import argparse
import json
import math
import os
import sys
import time

import numpy as np
import torch
from scipy.optimize import minimize

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference import Model, ModelError  # noqa: E402

torch.set_default_dtype(torch.float64)


def batched_loss(model, thetas, dataset):
    """L for each row of thetas (R x n), one forward pass over all restarts."""
    x, y = dataset
    r = thetas.shape[0]
    a = x.unsqueeze(0).expand(r, -1, -1)
    off = 0
    for layer in model.layers:
        i, o = layer["in"], layer["out"]
        w = thetas[:, off:off + i * o].reshape(r, i, o)
        off += i * o
        z = torch.bmm(a, w)
        if layer.get("bias", False):
            z = z + thetas[:, off:off + o].unsqueeze(1)
            off += o
        a = Model._activate(z, layer)
    if model.loss == "mse":
        return ((a - y) ** 2).sum(dim=2).mean(dim=1)
    return -(y * torch.log_softmax(a, dim=2)).sum(dim=2).mean(dim=1)


class Problem:
    """The constraint set around theta and its projection, for the ball or Keskar's box."""

    def __init__(self, theta, eps, keskar):
        self.theta = theta
        self.eps = eps
        self.keskar = keskar
        self.width = eps * (theta.abs() + 1) if keskar else torch.full_like(theta, eps)

    def project(self, d):
        if self.keskar:
            return torch.maximum(torch.minimum(d, self.width), -self.width)
        norm = torch.linalg.vector_norm(d, dim=-1, keepdim=True)
        factor = torch.clamp(self.eps / torch.clamp(norm, min=1e-300), max=1.0)
        return d * factor

    def starts(self, grad, count, gen):
        n = self.theta.numel()
        rows = []
        if self.keskar:
            rows += [self.width * torch.sign(grad), -self.width * torch.sign(grad)]
            half = (count - 2) // 2
            signs = torch.randint(0, 2, (half, n), generator=gen) * 2.0 - 1.0
            rows += list(signs * self.width)
            u = torch.rand((count - 2 - half, n), generator=gen) * 2 - 1
            rows += list(u * self.width)
        else:
            g = grad / max(grad.norm().item(), 1e-300)
            rows += [self.eps * g, -self.eps * g]
            gauss = torch.randn((count - 2, n), generator=gen)
            gauss = gauss / gauss.norm(dim=1, keepdim=True)
            radius = torch.ones(count - 2, 1)
            inside = (count - 2) // 2
            radius[:inside, 0] = torch.rand(inside, generator=gen) ** (1.0 / n)
            rows += list(self.eps * gauss * radius)
        return torch.stack(rows)


def adam_ascent(model, prob, l0, starts, steps):
    """Projected Adam on all restarts at once; returns each restart's best point and loss."""
    d = prob.project(starts.clone())
    m = torch.zeros_like(d)
    v = torch.zeros_like(d)
    best_d = d.clone()
    best_l = torch.full((d.shape[0],), -math.inf)
    b1, b2 = 0.9, 0.999
    for t in range(1, steps + 1):
        d.requires_grad_(True)
        losses = batched_loss(model, prob.theta + d, model.data)
        (g,) = torch.autograd.grad(losses.sum(), d)
        with torch.no_grad():
            better = losses > best_l
            best_l = torch.where(better, losses, best_l)
            best_d[better] = d[better]
            m = b1 * m + (1 - b1) * g
            v = b2 * v + (1 - b2) * g * g
            mhat = m / (1 - b1 ** t)
            vhat = v / (1 - b2 ** t)
            lr = 0.05 * (0.5 * (1 + math.cos(math.pi * t / steps)) + 1e-3)
            d = prob.project(d.detach() + lr * prob.width * mhat / (vhat.sqrt() + 1e-30))
    with torch.no_grad():
        losses = batched_loss(model, prob.theta + d, model.data)
        better = losses > best_l
        best_l = torch.where(better, losses, best_l)
        best_d[better] = d[better]
    return best_d, best_l


def polish(model, prob, d0):
    """scipy's SLSQP (ball) or L-BFGS-B (box) from d0, maximising L(theta + d)."""
    def neg(dv):
        d = torch.tensor(dv, requires_grad=True)
        loss = model.loss_value(prob.theta + d, model.data)
        (g,) = torch.autograd.grad(loss, d)
        return -loss.item(), -g.numpy()

    x0 = d0.numpy()
    if prob.keskar:
        w = prob.width.numpy()
        res = minimize(neg, x0, jac=True, method="L-BFGS-B", bounds=list(zip(-w, w)),
                       options={"maxiter": 500, "ftol": 1e-15, "gtol": 1e-14})
    else:
        eps2 = prob.eps ** 2
        cons = {"type": "ineq", "fun": lambda dv: eps2 - dv @ dv, "jac": lambda dv: -2 * dv}
        res = minimize(neg, x0, jac=True, method="SLSQP", constraints=[cons],
                       options={"maxiter": 500, "ftol": 1e-16})
    return prob.project(torch.tensor(res.x))


def maximise(model, eps, keskar, restarts, steps, seed):
    theta = model.theta
    prob = Problem(theta, eps, keskar)
    t = theta.clone().requires_grad_(True)
    l0t = model.loss_value(t, model.data)
    (grad,) = torch.autograd.grad(l0t, t)
    l0 = l0t.item()
    gen = torch.Generator().manual_seed(seed)
    best_d, best_l = adam_ascent(model, prob, l0, prob.starts(grad, restarts, gen), steps)
    order = torch.argsort(best_l, descending=True)[:4]
    candidates = [best_d[i] for i in order]
    candidates += [polish(model, prob, best_d[i]) for i in order]
    with torch.no_grad():
        values = [model.loss_value(theta + c, model.data).item() for c in candidates]
    k = int(np.argmax(values))
    scale = (100.0 if keskar else 1.0) / (1 + l0)
    value = max(0.0, (values[k] - l0) * scale)
    argmax = theta + candidates[k] if values[k] >= l0 else theta
    return value, argmax, l0


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("model")
    p.add_argument("--epsilon", type=float, required=True)
    p.add_argument("--keskar", action="store_true", help="Keskar et al.'s box and x100")
    p.add_argument("--restarts", type=int, default=128)
    p.add_argument("--steps", type=int, default=400)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    if not (args.epsilon > 0 and math.isfinite(args.epsilon)):
        print("error: --epsilon must be a positive finite number", file=sys.stderr)
        return 2
    try:
        with open(args.model) as fh:
            model = Model(json.load(fh))
    except (OSError, json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
        print(f"error: {args.model}: {e}", file=sys.stderr)
        return 2
    torch.manual_seed(args.seed)
    t0 = time.perf_counter()
    value, argmax, l0 = maximise(model, args.epsilon, args.keskar, max(args.restarts, 4), args.steps,
                                 args.seed)
    out = {"value": value, "loss": l0, "referenceSeconds": time.perf_counter() - t0,
           "argmax": argmax.tolist()}
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
