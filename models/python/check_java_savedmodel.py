"""Checks that Python loads a SavedModel exported by tfbridge (Java) and predicts as Java did.

usage: check_java_savedmodel.py SAVEDMODEL_DIR X.npy Y.npy [--atol 1e-6]

Loads the directory with tf.saved_model.load (signature serving_default) and with
keras.layers.TFSMLayer, feeds X and compares each with Y (Java's predictions). Exits 1 on a mismatch.
"""
import argparse
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
import keras  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("x")
    ap.add_argument("y")
    ap.add_argument("--atol", type=float, default=1e-6)
    args = ap.parse_args()
    x = np.load(args.x)
    y = np.load(args.y)

    loaded = tf.saved_model.load(args.dir)
    fn = loaded.signatures["serving_default"]
    (input_name,) = fn.structured_input_signature[1].keys()
    out = fn(**{input_name: tf.constant(x)})
    (output_name,) = out.keys()
    diff_sm = float(np.max(np.abs(out[output_name].numpy() - y)))
    print(f"tf.saved_model.load: input {input_name!r}, output {output_name!r}, max |diff| {diff_sm:.3g}")

    layer = keras.layers.TFSMLayer(args.dir, call_endpoint="serving_default")
    result = layer(tf.constant(x))
    result = result[output_name] if isinstance(result, dict) else result
    diff_layer = float(np.max(np.abs(np.asarray(result) - y)))
    print(f"TFSMLayer max |diff| {diff_layer:.3g}")
    if max(diff_sm, diff_layer) > args.atol:
        print(f"FAIL: predictions differ from Java's by more than {args.atol}")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
