"""Checks that Python loads a SavedModel exported by tfbridge (Java) and predicts as Java did.

usage: check_java_savedmodel.py SAVEDMODEL_DIR X Y.npy [--atol 1e-6]

X is X.npy for a model with one input, or NAME=X.npy[,NAME=X.npy...] with one file per signature
input (the model's Input layer names), for a model with several inputs.

Loads the directory with tf.saved_model.load (signature serving_default) and with
keras.layers.TFSMLayer, feeds X and compares each with Y (Java's predictions). Exits 1 on a mismatch.

TFSMLayer.call(inputs) passes `inputs` positionally to the endpoint, and a SavedModel signature takes
keyword arguments only, so with several inputs the layer is called through its endpoint the way
TFSMLayer.call does, with the inputs as keywords (Keras 3.15 offers no other way; the script says so).
"""
import argparse
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
import keras  # noqa: E402


def read_inputs(spec, signature_names):
    """{signature input name: array} from X.npy (one input) or NAME=X.npy,... (several)."""
    if "=" not in spec:
        if len(signature_names) != 1:
            sys.exit(f"the signature has inputs {sorted(signature_names)}: give NAME=X.npy for each")
        return {next(iter(signature_names)): np.load(spec)}
    arrays = {}
    for part in spec.split(","):
        name, path = part.split("=", 1)
        arrays[name] = np.load(path)
    if set(arrays) != set(signature_names):
        sys.exit(f"inputs {sorted(arrays)} given, the signature takes {sorted(signature_names)}")
    return arrays


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("x")
    ap.add_argument("y")
    ap.add_argument("--atol", type=float, default=1e-6)
    args = ap.parse_args()
    y = np.load(args.y)

    loaded = tf.saved_model.load(args.dir)
    fn = loaded.signatures["serving_default"]
    signature_inputs = fn.structured_input_signature[1]
    xs = read_inputs(args.x, signature_inputs.keys())
    for name, spec in sorted(signature_inputs.items()):
        print(f"signature input {name!r}: {spec.shape} {spec.dtype.name}, fed {xs[name].shape}")
    out = fn(**{name: tf.constant(x) for name, x in xs.items()})
    (output_name,) = out.keys()
    diff_sm = float(np.max(np.abs(out[output_name].numpy() - y)))
    print(f"tf.saved_model.load: inputs {sorted(xs)}, output {output_name!r}, "
          f"max |diff| {diff_sm:.3g}")

    layer = keras.layers.TFSMLayer(args.dir, call_endpoint="serving_default")
    if len(xs) == 1:
        result = layer(tf.constant(next(iter(xs.values()))))
    else:
        feed = {name: tf.constant(x) for name, x in xs.items()}
        try:
            result = layer(feed)
            print("TFSMLayer called with a dict of the inputs")
        except TypeError as e:
            if "positional" not in str(e):
                raise
            print("note: TFSMLayer.call passes its inputs positionally, which a multi-input "
                  "signature refuses; calling the layer's endpoint with the inputs as keywords")
            result = layer.call_endpoint_fn(**feed)
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
