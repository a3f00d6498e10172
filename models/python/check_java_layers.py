#!/usr/bin/env python3
"""Check Java-written copies of the layer golden cases with real Keras, all in one process.

Usage:
    python models/python/check_java_layers.py DIR [--atol 1e-5]

DIR holds one directory per case (as make_layer_golden.py writes them) in which Java wrote
java.keras and java.h5 next to x_<i>.npy and y.npy (y_<j>.npy for several outputs). For each
file the script loads it with keras.models.load_model, predicts x and compares with y within
--atol (relative above 1), and prints one line per file: "OK <case>/<file> <max diff>" or
"FAIL <case>/<file> <reason>", or "SKIP" for a java.h5 whose case's own Keras-written model.h5
(copied beside it) Keras cannot load either (legacy .h5 has no module for op nodes such as
NotEqual). A java.h5 whose case's model.h5 Keras loads only uncompiled (its "mse" loss name, a Keras
3.15 bug) is loaded uncompiled too. Exits 1 if any file fails.
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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import layer_cases.custom  # noqa: E402,F401  (registers the cases' custom layer classes)


def check(path, d, atol, compile=True):
    model = keras.models.load_model(path, compile=compile)
    xs = [np.load(f) for f in sorted(glob.glob(os.path.join(d, "x_*.npy")),
                                     key=lambda f: int(f.rsplit("_", 1)[1][:-4]))]
    ys = model.predict(xs[0] if len(xs) == 1 else xs, verbose=0)
    ys = ys if isinstance(ys, list) else [ys]
    single = len(ys) == 1
    worst = 0.0
    for j, y in enumerate(ys):
        expected = np.load(os.path.join(d, "y.npy" if single else "y_%d.npy" % j))
        if expected.shape != y.shape:
            return "output %d shape %s, expected %s" % (j, y.shape, expected.shape)
        diff = np.abs(expected - y) / np.maximum(1.0, np.abs(expected))
        worst = max(worst, float(diff.max()) if diff.size else 0.0)
    return worst if worst <= atol else "max diff %g > %g" % (worst, atol)


def loads(path, compile=True):
    """Whether Keras loads a file it wrote itself (some legacy .h5 files it cannot: op nodes)."""
    try:
        keras.models.load_model(path, compile=compile)
        return True
    except Exception:  # noqa: BLE001 - any failure means Keras cannot read its own file
        return False


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--atol", type=float, default=1e-5)
    args = ap.parse_args(argv)
    failed = 0
    for d in sorted(glob.glob(os.path.join(args.dir, "*"))):
        for name in ("java.keras", "java.h5"):
            path = os.path.join(d, name)
            if not os.path.exists(path):
                continue
            label = "%s/%s" % (os.path.basename(d), name)
            own = os.path.join(d, "model.h5")
            compiled = True
            if name == "java.h5" and os.path.exists(own) and not loads(own):
                # Keras 3.15 cannot load its own compiled .h5 when the loss is a name such as
                # "mse" ("Could not deserialize 'keras.metrics.mse'"): compare without compiling
                compiled = False
                if not loads(own, compile=False):
                    print("SKIP %s Keras cannot load its own model.h5 for this case" % label)
                    keras.utils.clear_session()
                    continue
            try:
                result = check(path, d, args.atol, compile=compiled)
            except Exception as e:  # a file Keras cannot load is a failure, with its reason
                result = "%s: %s" % (type(e).__name__, str(e).splitlines()[0] if str(e) else "")
                traceback.print_exc(file=sys.stderr)
            keras.utils.clear_session()
            if isinstance(result, float):
                print("OK %s %.3g" % (label, result))
            else:
                failed += 1
                print("FAIL %s %s" % (label, result))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
