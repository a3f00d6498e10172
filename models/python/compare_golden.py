#!/usr/bin/env python3
"""Compare two golden trees written by make_golden.py.

Usage:
    python models/python/compare_golden.py A B [--atol 1e-6] [--rtol 1e-5] [--train-atol 1e-5]

Checks, file by file:
  * both trees contain exactly the same relative file paths;
  * .npy: same dtype and shape, and |a - b| <= atol + rtol * |b| elementwise
    (NaNs must coincide). Files under a case directory named train_* use
    max(atol, --train-atol), since a few optimizer steps amplify float noise;
  * .json: same structure and keys, strings/bools equal, numbers within the
    same tolerance; keys containing "version", "date" or "time" are ignored
    (e.g. meta.json "versions");
  * anything else (README.md): identical text, ignoring lines that mention a
    version; files ending in a --skip-ext extension only need to exist in both.
Prints one line per mismatch and a final summary line; exit status 1 on any
mismatch, 2 on usage errors, 0 otherwise. Needs only numpy.
"""
import argparse
import json
import math
import os
import re
import sys

import numpy as np

IGNORED_KEY = re.compile(r"version|date|time", re.IGNORECASE)


def list_files(root):
    out = set()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for f in filenames:
            if f.startswith("."):
                continue
            out.add(os.path.relpath(os.path.join(dirpath, f), root).replace(os.sep, "/"))
    return out


def tol_for(rel, args):
    case = rel.split("/", 1)[0]
    atol = max(args.atol, args.train_atol) if case.startswith("train_") else args.atol
    return atol, args.rtol


def compare_npy(pa, pb, atol, rtol):
    try:
        a = np.load(pa, allow_pickle=False)
        b = np.load(pb, allow_pickle=False)
    except Exception as e:  # noqa: BLE001
        return [f"cannot load: {e}"]
    if a.dtype != b.dtype:
        return [f"dtype {a.dtype} != {b.dtype}"]
    if a.shape != b.shape:
        return [f"shape {a.shape} != {b.shape}"]
    if a.size == 0:
        return []
    if not np.issubdtype(a.dtype, np.number):
        return [] if np.array_equal(a, b) else ["non-numeric contents differ"]
    a64 = a.astype(np.float64)
    b64 = b.astype(np.float64)
    nan_a, nan_b = np.isnan(a64), np.isnan(b64)
    if not np.array_equal(nan_a, nan_b):
        return [f"NaN positions differ ({int(nan_a.sum())} vs {int(nan_b.sum())} NaNs)"]
    a64 = np.where(nan_a, 0.0, a64)
    b64 = np.where(nan_b, 0.0, b64)
    diff = np.abs(a64 - b64)
    bad = diff > atol + rtol * np.abs(b64)
    if not bad.any():
        return []
    idx = np.unravel_index(int(np.argmax(np.where(bad, diff, -1.0))), a.shape)
    return [
        f"{int(bad.sum())}/{a.size} values out of tolerance (atol={atol:g}, rtol={rtol:g}); "
        f"max abs diff {diff.max():.3g} at {tuple(int(i) for i in idx)}: "
        f"{a64[idx]!r} vs {b64[idx]!r}"
    ]


def compare_json_values(x, y, path, atol, rtol, out):
    if isinstance(x, dict) and isinstance(y, dict):
        kx = {k for k in x if not IGNORED_KEY.search(k)}
        ky = {k for k in y if not IGNORED_KEY.search(k)}
        for k in sorted(kx - ky):
            out.append(f"{path}/{k}: only in A")
        for k in sorted(ky - kx):
            out.append(f"{path}/{k}: only in B")
        for k in sorted(kx & ky):
            compare_json_values(x[k], y[k], f"{path}/{k}", atol, rtol, out)
    elif isinstance(x, list) and isinstance(y, list):
        if len(x) != len(y):
            out.append(f"{path}: list length {len(x)} != {len(y)}")
        else:
            for i, (u, v) in enumerate(zip(x, y)):
                compare_json_values(u, v, f"{path}[{i}]", atol, rtol, out)
    elif (isinstance(x, (int, float)) and not isinstance(x, bool)
          and isinstance(y, (int, float)) and not isinstance(y, bool)):
        if isinstance(x, float) or isinstance(y, float):
            if not (math.isclose(x, y, rel_tol=rtol, abs_tol=atol)
                    or (math.isnan(x) and math.isnan(y))):
                out.append(f"{path}: {x!r} != {y!r}")
        elif x != y:
            out.append(f"{path}: {x!r} != {y!r}")
    elif type(x) is not type(y) or x != y:
        out.append(f"{path}: {x!r} != {y!r}")


def compare_json(pa, pb, atol, rtol):
    try:
        with open(pa, encoding="utf-8") as f:
            a = json.load(f)
        with open(pb, encoding="utf-8") as f:
            b = json.load(f)
    except Exception as e:  # noqa: BLE001
        return [f"cannot parse: {e}"]
    out = []
    compare_json_values(a, b, "", atol, rtol, out)
    return out


def compare_text(pa, pb):
    def lines(p):
        with open(p, encoding="utf-8", errors="replace") as f:
            return [ln.rstrip("\n") for ln in f if not re.search("version", ln, re.IGNORECASE)]

    la, lb = lines(pa), lines(pb)
    if la == lb:
        return []
    for i, (u, v) in enumerate(zip(la, lb)):
        if u != v:
            return [f"text differs (first difference at non-version line {i + 1}): {u!r} vs {v!r}"]
    return [f"text differs: {len(la)} vs {len(lb)} non-version lines"]


def main(argv=None):
    ap = argparse.ArgumentParser(description="Compare two golden trees file by file.")
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--atol", type=float, default=1e-6, help="absolute tolerance (default 1e-6)")
    ap.add_argument("--rtol", type=float, default=1e-5, help="relative tolerance (default 1e-5)")
    ap.add_argument("--train-atol", type=float, default=1e-5,
                    help="absolute tolerance for train_* cases (default 1e-5)")
    ap.add_argument("--skip-ext", nargs="*", default=[],
                    help="file extensions present in both trees but not compared (binary model "
                         "files that carry a save date, e.g. .keras .h5)")
    args = ap.parse_args(argv)
    for d in (args.a, args.b):
        if not os.path.isdir(d):
            print(f"not a directory: {d}", file=sys.stderr)
            return 2

    fa, fb = list_files(args.a), list_files(args.b)
    problems = 0
    for rel in sorted(fa - fb):
        print(f"MISSING in B: {rel}")
        problems += 1
    for rel in sorted(fb - fa):
        print(f"MISSING in A: {rel}")
        problems += 1
    common = sorted(fa & fb)
    for rel in common:
        pa, pb = os.path.join(args.a, rel), os.path.join(args.b, rel)
        atol, rtol = tol_for(rel, args)
        if any(rel.endswith(ext) for ext in args.skip_ext):
            msgs = []
        elif rel.endswith(".npy"):
            msgs = compare_npy(pa, pb, atol, rtol)
        elif rel.endswith(".json"):
            msgs = compare_json(pa, pb, atol, rtol)
        else:
            msgs = compare_text(pa, pb)
        for m in msgs:
            print(f"MISMATCH {rel}: {m}")
        problems += len(msgs)
    verdict = "OK" if problems == 0 else "FAIL"
    print(f"{verdict}: compared {len(common)} common files ({len(fa)} in A, {len(fb)} in B), "
          f"{problems} mismatch(es)")
    return 0 if problems == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
