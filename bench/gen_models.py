#!/usr/bin/python3
"""Write random model files (sharp-minima-lab/model v1) that no test has seen, for Java-vs-reference checks.

Usage: python3 bench/gen_models.py OUTDIR [--seed S]

Each file covers a different corner of the spec (see CASES): relu with and without biases, leaky_relu
with slope 0.2 and with the default slope (field omitted), tanh, linear, mixed activations, mse and
cross_entropy with one-hot and soft targets, 1 to 3 hidden layers, 5 to 300 parameters, 10 to 200
samples, each with a test set. Some models have "kink rows": data rows x = c·e_1 (c != 0) while
theta_1[0, j] = 0 (and b_1[j] = 0) for the first two hidden units j, so z_1j is exactly 0 for a
nonzero input and the derivative convention at the kink (relu'(0) = 0, leaky_relu'(0) = slope)
changes the gradient and the Hessian. Soft targets are multiples of 1/16 so each row
sums to exactly 1 in binary floating point. Floats are written with repr() (Python's json does), so
they round-trip bit for bit. Only numpy is needed.
"""
import argparse
import json
import os
import sys

import numpy as np

# name, widths, activations of the hidden layers (the output layer is linear), bias per layer,
# loss ("mse", "ce_onehot", "ce_soft"), N train, N test, kink rows, leaky slope (None = omitted)
CASES = [
    ("relu_nobias_tiny", [1, 3, 1], ["relu"], [False, False], "mse", 10, 10, 1, None),
    ("relu_nobias_kink_rows", [2, 8, 1], ["relu"], [False, False], "mse", 50, 20, 3, None),
    ("relu_bias_2hidden", [3, 6, 4, 2], ["relu", "relu"], [True, True, True], "mse", 100, 30, 0, None),
    ("leaky02_bias", [2, 10, 10, 1], ["leaky_relu", "leaky_relu"], [True, True, True], "mse", 80, 25, 0, 0.2),
    ("leaky_default_nobias_ce_onehot", [2, 12, 12, 3], ["leaky_relu", "leaky_relu"], [False, False, False],
     "ce_onehot", 150, 40, 4, None),
    ("tanh_3hidden", [2, 5, 5, 5, 1], ["tanh", "tanh", "tanh"], [True, True, True, True], "mse", 60, 20, 0, None),
    ("linear_nobias", [3, 4, 2], ["linear"], [False, False], "mse", 40, 15, 0, None),
    ("relu_bias_ce_onehot", [4, 8, 3], ["relu"], [True, True], "ce_onehot", 120, 40, 0, None),
    ("tanh_ce_soft", [3, 7, 7, 4], ["tanh", "tanh"], [True, True, True], "ce_soft", 90, 30, 0, None),
    ("mixed_3hidden", [5, 10, 8, 6, 2], ["relu", "tanh", "leaky_relu"], [True, False, True, False],
     "mse", 200, 50, 2, 0.2),
    ("relu_wide_ce_soft", [6, 14, 10, 2], ["relu", "relu"], [True, True, True], "ce_soft", 110, 35, 0, None),
]


def param_count(widths, biases):
    return sum(i * o + (o if b else 0) for i, o, b in zip(widths[:-1], widths[1:], biases))


def targets(rng, loss, x, n_out):
    n = x.shape[0]
    if loss == "mse":
        # a smooth function of the inputs plus noise, so the loss is not trivially large
        proj = rng.normal(size=(x.shape[1], n_out))
        return np.sin(x @ proj) + 0.1 * rng.normal(size=(n, n_out))
    if loss == "ce_onehot":
        labels = rng.integers(0, n_out, size=n)
        return np.eye(n_out)[labels]
    counts = rng.multinomial(16, np.ones(n_out) / n_out, size=n)
    return counts / 16.0  # exact dyadic values: each row sums to exactly 1


def make_model(rng, case):
    name, widths, hidden, biases, loss, n_train, n_test, kink_rows, slope = case
    acts = hidden + ["linear"]
    layers, weights, bias_values = [], [], []
    for k, (i, o) in enumerate(zip(widths[:-1], widths[1:])):
        layer = {"in": i, "out": o, "activation": acts[k], "bias": biases[k]}
        if acts[k] == "leaky_relu" and slope is not None:
            layer["slope"] = slope
        layers.append(layer)
        weights.append((rng.normal(size=(i, o)) * np.sqrt(2.0 / i)).tolist())
        bias_values.append((0.1 * rng.normal(size=o)).tolist() if biases[k] else None)
    if kink_rows:
        for j in range(2):  # z_1j = c * 0 + sum_i 0 * theta_ij + 0 = 0 exactly on the kink rows
            weights[0][0][j] = 0.0
            if biases[0]:
                bias_values[0][j] = 0.0

    def dataset(n, kinks):
        x = rng.normal(size=(n, widths[0]))
        x[:kinks, 1:] = 0.0  # x = c * e_1 with c = x[i, 0] != 0
        y = targets(rng, loss, x, widths[-1])
        return {"x": x.tolist(), "y": y.tolist()}

    doc = {
        "format": "sharp-minima-lab/model",
        "version": 1,
        "layers": layers,
        "weights": weights,
        "biases": bias_values,
        "loss": "mse" if loss == "mse" else "cross_entropy",
        "data": dataset(n_train, kink_rows),
        "test": dataset(n_test, 0),
        "meta": {"generator": "bench/gen_models.py", "case": name,
                 "parameters": param_count(widths, biases)},
    }
    return name, doc


def main(argv=None):
    p = argparse.ArgumentParser(description="Write random model files for Java-vs-reference checks.")
    p.add_argument("outdir")
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    os.makedirs(args.outdir, exist_ok=True)
    rng = np.random.default_rng(args.seed)
    for case in CASES:
        name, doc = make_model(rng, case)
        doc["meta"]["seed"] = args.seed
        n = doc["meta"]["parameters"]
        assert 5 <= n <= 300, (name, n)
        path = os.path.join(args.outdir, f"{name}.json")
        with open(path, "w") as fh:
            json.dump(doc, fh)  # json writes floats with repr(): exact round trip
            fh.write("\n")
        print(f"{path}: n={n} N={len(doc['data']['x'])} loss={doc['loss']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
