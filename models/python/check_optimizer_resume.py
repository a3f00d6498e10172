#!/usr/bin/env python3
"""Keras resumes training from Java-written files, all in one process.

Usage:
    python models/python/check_optimizer_resume.py DIR [--atol 1e-5]

DIR holds one directory per optimizer case (as make_optimizer_golden.py writes them) in which Java
wrote java.keras after training the second epoch, beside x.npy, y.npy and Keras's w3_<k>.npy. For
each, Keras loads java.keras (model, optimizer and its state), trains the third epoch as
make_optimizer_golden.py does and compares every weight with w3 (absolute, relative above 1).
Prints "OK <case> <max diff>" or "FAIL <case> <reason>"; exits 1 if any fails.
"""
import argparse
import glob
import os
import sys
import traceback

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import numpy as np  # noqa: E402
import keras  # noqa: E402

FIT = dict(epochs=1, batch_size=4, shuffle=False, verbose=0)


def check(d, atol):
    model = keras.models.load_model(os.path.join(d, "java.keras"))
    model.fit(np.load(os.path.join(d, "x.npy")), np.load(os.path.join(d, "y.npy")), **FIT)
    worst = 0.0
    for k, w in enumerate(model.get_weights()):
        expected = np.load(os.path.join(d, "w3_%d.npy" % k))
        diff = np.abs(expected - w) / np.maximum(1.0, np.abs(expected))
        worst = max(worst, float(diff.max()))
    return worst if worst <= atol else "max diff %g > %g" % (worst, atol)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--atol", type=float, default=1e-5)
    args = ap.parse_args()
    failed = 0
    for d in sorted(glob.glob(os.path.join(args.dir, "*", "java.keras"))):
        d = os.path.dirname(d)
        try:
            result = check(d, args.atol)
        except Exception as e:  # a file Keras cannot load or train is a failure, with its reason
            result = "%s: %s" % (type(e).__name__, str(e).splitlines()[0] if str(e) else "")
            traceback.print_exc(file=sys.stderr)
        keras.utils.clear_session()
        if isinstance(result, float):
            print("OK %s %.3g" % (os.path.basename(d), result))
        else:
            failed += 1
            print("FAIL %s %s" % (os.path.basename(d), result))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
