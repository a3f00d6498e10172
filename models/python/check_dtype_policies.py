#!/usr/bin/env python3
"""Check a Java-written Keras model file's dtype policies with real Keras.

Usage:
    python models/python/check_dtype_policies.py FILE X.npy Y.npy [--atol 1e-5]

Loads FILE (.keras or legacy .h5) with keras.models.load_model, prints one line per layer,
"<layer name>: <dtype policy name>" (e.g. "dense: mixed_bfloat16"), then checks that
model.predict(X) equals Y (Java's predictions) within --atol. Exits 1 if the predictions differ,
2 on usage errors.
"""
import argparse
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import numpy as np  # noqa: E402
import keras  # noqa: E402


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file")
    ap.add_argument("x")
    ap.add_argument("y")
    ap.add_argument("--atol", type=float, default=1e-5)
    args = ap.parse_args(argv)
    model = keras.models.load_model(args.file)
    for layer in model.layers:
        print(f"{layer.name}: {layer.dtype_policy.name}")
    y = np.asarray(model.predict(np.load(args.x), verbose=0), dtype="float32")
    diff = float(np.max(np.abs(y - np.load(args.y))))
    ok = diff <= args.atol
    print(f"predict max |diff| {diff:.3g} ({'ok' if ok else 'FAIL'}, atol {args.atol})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
