#!/usr/bin/python3
"""Compare a reference result (bench/reference.py) with the Java CLI's `measure` output.

Usage: python3 bench/compare.py REF.json JAVA.json [--quiet]

Both files hold one JSON object; nested objects are flattened to dotted keys first, so
{"hessian": {"eigenvalues": [...]}} and {"hessian.eigenvalues": [...]} are the same thing, and a
key K that holds {"value": v, ...} is read as v (e.g. "hessian.trace": {"value": ..., "stdErr": ...}).

Checks, each printed as PASS / FAIL / SKIP with the error found:
- n                      exact
- loss, testLoss         |a - b| <= 1e-10 * max(|a|, |b|)          (testLoss only when REF has it)
- gradNorm               |a - b| <= 1e-8 * max(|a|, |b|) + --grad-atol (default 0)
- hessian.eigenvalues    every |lambda_i - mu_i| <= 1e-6 * spectralNorm(REF), both sorted descending;
                         when Java reports fewer (hessian.method != dense, top K by Lanczos) its K are
                         compared with REF's K largest
- hessian.spectralNorm   |a - b| <= 1e-6 * spectralNorm(REF)
- hessian.trace          |a - b| <= 1e-6 * spectralNorm(REF) when dense; when Java gives a standard
                         error (a key under hessian.trace* naming std/err), within 4 of them instead
- outputs                max |a - b| <= 1e-12 * (1 + max |a|), only when both files have it
Exit 0 when nothing failed, 1 when a check failed, 2 when a file cannot be read.
"""
import argparse
import json
import math
import re
import sys

LOSS_RTOL = 1e-10
GRAD_RTOL = 1e-8
EIG_TOL = 1e-6  # times the reference spectral norm, absolute
OUTPUT_RTOL = 1e-12


def flatten(obj, prefix=""):
    """{"a": {"b": 1}} -> {"a.b": 1}; lists are kept as values."""
    flat = {}
    for key, value in obj.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, name + "."))
        else:
            flat[name] = value
    return flat


def lookup(flat, key):
    """The value under key, or under key.value (a measure reported as an object); None if absent."""
    if key in flat:
        return flat[key]
    return flat.get(key + ".value")


class Checker:
    def __init__(self, quiet=False):
        self.failed = 0
        self.quiet = quiet

    def report(self, status, key, detail):
        if status == "FAIL":
            self.failed += 1
        if not self.quiet or status == "FAIL":
            print(f"{status} {key}: {detail}")

    def close(self, key, ref, got, tol, what):
        if got is None:
            self.report("FAIL", key, "missing in Java output")
            return
        err = abs(ref - got)
        ok = math.isfinite(got) and err <= tol
        self.report("PASS" if ok else "FAIL", key,
                    f"ref={ref!r} java={got!r} |diff|={err:.3e} tol={tol:.3e} ({what})")


def compare(ref, java, grad_atol=0.0, checker=None):
    c = checker or Checker()
    r, j = flatten(ref), flatten(java)

    n_ref, n_java = lookup(r, "n"), lookup(j, "n")
    c.report("PASS" if n_ref == n_java else "FAIL", "n", f"ref={n_ref} java={n_java}")

    for key in ("loss", "testLoss"):
        a = lookup(r, key)
        if a is None:
            c.report("SKIP", key, "not in reference")
            continue
        b = lookup(j, key)
        c.close(key, a, b, LOSS_RTOL * max(abs(a), abs(b if b is not None else a)), "1e-10 relative")

    a, b = lookup(r, "gradNorm"), lookup(j, "gradNorm")
    c.close("gradNorm", a, b, GRAD_RTOL * max(abs(a), abs(b if b is not None else a)) + grad_atol,
            "1e-8 relative")

    compare_hessian(r, j, c)

    out_r, out_j = lookup(r, "outputs"), lookup(j, "outputs")
    if out_r is None or out_j is None:
        c.report("SKIP", "outputs", "not in both files")
    elif len(out_r) != len(out_j):
        c.report("FAIL", "outputs", f"length ref={len(out_r)} java={len(out_j)}")
    else:
        err = max((abs(x - y) for x, y in zip(out_r, out_j)), default=0.0)
        tol = OUTPUT_RTOL * (1 + max((abs(x) for x in out_r), default=0.0))
        c.report("PASS" if err <= tol else "FAIL", "outputs", f"max|diff|={err:.3e} tol={tol:.3e}")
    return c.failed


def compare_hessian(r, j, c):
    eig_r = lookup(r, "hessian.eigenvalues")
    if eig_r is None:
        c.report("SKIP", "hessian", "not in reference")
        return
    spec = lookup(r, "hessian.spectralNorm")
    if spec is None:
        spec = max(abs(x) for x in eig_r)
    tol = EIG_TOL * spec
    eig_j = lookup(j, "hessian.eigenvalues")
    method = lookup(j, "hessian.method")
    dense = method is None or str(method).lower().startswith("dense")
    if eig_j is None:
        c.report("FAIL", "hessian.eigenvalues", "missing in Java output")
    elif len(eig_j) != len(eig_r) and (dense or len(eig_j) > len(eig_r)):
        c.report("FAIL", "hessian.eigenvalues", f"count ref={len(eig_r)} java={len(eig_j)} (method {method})")
    else:
        ref_sorted = sorted(eig_r, reverse=True)[:len(eig_j)]
        got_sorted = sorted(eig_j, reverse=True)
        if list(eig_j) != got_sorted:
            c.report("FAIL", "hessian.eigenvalues.order", "Java eigenvalues are not in descending order")
        errs = [abs(x - y) for x, y in zip(ref_sorted, got_sorted)]
        worst = max(range(len(errs)), key=errs.__getitem__) if errs else 0
        ok = all(math.isfinite(y) for y in got_sorted) and all(e <= tol for e in errs)
        detail = (f"{len(errs)} values, max|diff|={max(errs, default=0):.3e} at index {worst} "
                  f"(ref={ref_sorted[worst] if errs else None!r}), tol={tol:.3e} (1e-6 x spectral norm)")
        c.report("PASS" if ok else "FAIL", "hessian.eigenvalues", detail)

    c.close("hessian.spectralNorm", spec, lookup(j, "hessian.spectralNorm"), tol, "1e-6 x spectral norm")

    trace_r = lookup(r, "hessian.trace")
    trace_j = lookup(j, "hessian.trace")
    stderr = None
    for key, value in j.items():
        if key.startswith("hessian.trace") and re.search(r"std|err", key, re.I) and isinstance(value, (int, float)):
            stderr = value
    if trace_r is None:
        c.report("SKIP", "hessian.trace", "not in reference")
    elif stderr is not None and not dense:
        c.close("hessian.trace", trace_r, trace_j, 4 * stderr + tol, "4 standard errors (Hutchinson)")
    else:
        c.close("hessian.trace", trace_r, trace_j, tol, "1e-6 x spectral norm")


def main(argv=None):
    p = argparse.ArgumentParser(description="Compare bench/reference.py output with Java `measure` output.")
    p.add_argument("ref")
    p.add_argument("java")
    p.add_argument("--grad-atol", type=float, default=0.0,
                   help="absolute slack added to the gradNorm tolerance (for models at a critical point)")
    p.add_argument("--quiet", action="store_true", help="print only failures and the summary")
    args = p.parse_args(argv)
    docs = []
    for path in (args.ref, args.java):
        try:
            with open(path) as fh:
                doc = json.load(fh)
        except (OSError, json.JSONDecodeError) as e:
            print(f"error: {path}: {e}", file=sys.stderr)
            return 2
        if not isinstance(doc, dict):
            print(f"error: {path}: expected one JSON object", file=sys.stderr)
            return 2
        docs.append(doc)
    checker = Checker(args.quiet)
    failed = compare(docs[0], docs[1], args.grad_atol, checker)
    print(f"{'FAIL' if failed else 'PASS'} overall: {failed} check(s) failed ({args.ref} vs {args.java})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
