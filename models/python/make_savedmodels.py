#!/usr/bin/env python3
"""Make SavedModels with real Keras 3 / TensorFlow for the Java SavedModel-import tests.

Usage:
    python models/python/make_savedmodels.py [--out DIR] [--large]

DIR defaults to <repo>/interop/src/test/resources/savedmodel. For every case it writes

    DIR/<case>/model/            the SavedModel (saved_model.pb, variables/, ...)
    DIR/<case>/x_<input>.npy     one input batch per signature input (x_<signature>__<input>.npy
                                 for signatures other than serving_default)
    DIR/<case>/y_<output>.npy    what TensorFlow's loaded signature returns for them (same naming)

and DIR/manifest.json, which lists per case and signature the input and output names, dtypes, shapes
and files. Input names are read from the exported signature, never assumed: Keras 3 `model.export`
names them `keras_tensor_<N>`, the output `output_0`.

Keras cases: the lesson's iris MLP and RNN, a small CNN, a two-input functional model (Concatenate) and
an LSTM; then every other Sequential architecture of make_keras_files.py (its builders are imported, so
the .keras/.h5 and SavedModel tests cover the same models), under the same case names: cnn_small (the
lesson CNN's structure on 12x12 images), strided_cnn, stacked_rnn, mlp_dropout, flatten_regression,
conv1d_text (Embedding + Conv1D; inputs are token ids 0..19 as float32), pooling_cnn, reshape_mlp,
gru_stack and batchnorm_mlp. All are exported with `model.export(dir)`. Weights are drawn from
np.random.RandomState(<seed>) as uniform(-0.5, 0.5) for every array of get_weights(), except
BatchNormalization's moving variances, uniform(0.5, 1.5). Expected outputs come from
`tf.saved_model.load(dir).signatures[...]`, and are checked against `model(x)` within 1e-5.

The tf.Module case has two signatures with float64, int32, int64, bool and string inputs and is saved
with `tf.saved_model.save`. String arrays are written as numpy unicode ('<U') arrays.

`--large` adds the lesson's full CNN ("cnn": 28x28x1 -> Conv2D 32 -> MaxPool -> Conv2D 64 -> MaxPool ->
Flatten -> Dense 128 -> Dense 10, make_keras_files.py's `cnn` builder; ~1.8 MB). It is not committed:
SavedModelGoldenTest makes it in a temporary directory when TFBRIDGE_PYTHON is set (as CI does).

tf-keras 2 (`model.save(dir)` SavedModels) is not made: tf_keras is not part of the pinned toolchain.
"""
import argparse
import json
import os
import shutil
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
import keras  # noqa: E402

import make_keras_files as keras_files  # noqa: E402  (same directory; sets single-threaded TF)

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DEFAULT_OUT = os.path.join(REPO_ROOT, "interop", "src", "test", "resources", "savedmodel")
L = keras.layers


def iris_mlp():
    return keras.Sequential([keras.Input(shape=(4,)), L.Dense(10, activation="relu"),
                             L.Dense(10, activation="relu"), L.Dense(3, activation="softmax")])


def lesson_rnn():
    return keras.Sequential([keras.Input(shape=(5, 1)), L.SimpleRNN(50, activation="relu"),
                             L.Dense(1, activation="sigmoid")])


def small_cnn():
    return keras.Sequential([keras.Input(shape=(8, 8, 1)), L.Conv2D(4, (3, 3), activation="relu"),
                             L.MaxPooling2D((2, 2)), L.Flatten(), L.Dense(3, activation="softmax")])


def two_inputs():
    a = keras.Input(shape=(4,), name="features")
    b = keras.Input(shape=(3,), name="extra")
    h = L.Concatenate()([L.Dense(5, activation="relu")(a), b])
    return keras.Model([a, b], L.Dense(2)(h))


def lstm():
    return keras.Sequential([keras.Input(shape=(6, 3)), L.LSTM(8), L.Dense(2, activation="tanh")])


def sequential_of(layers):
    """A builder of the Sequential model of one of make_keras_files.py's layer lists."""
    return lambda: keras.Sequential(layers())


# name, builder, weight seed, input shapes (batch first), or a number of rows for a one-input model
# (the shape is then the model's input shape). New cases go at the end: Keras numbers its tensors
# globally, so the existing cases keep their input names (keras_tensor_<N>).
KERAS_CASES = [
    ("iris_mlp", iris_mlp, 1, [(5, 4)]),
    ("lesson_rnn", lesson_rnn, 2, [(4, 5, 1)]),
    ("small_cnn", small_cnn, 3, [(3, 8, 8, 1)]),
    ("two_inputs", two_inputs, 4, [(4, 4), (4, 3)]),
    ("lstm", lstm, 5, [(3, 6, 3)]),
] + [(name, sequential_of(getattr(keras_files, name)), seed, rows) for name, seed, rows in [
    ("cnn_small", 7, 3),
    ("strided_cnn", 8, 3),
    ("stacked_rnn", 9, 4),
    ("mlp_dropout", 10, 5),
    ("flatten_regression", 11, 4),
    ("conv1d_text", 12, 4),
    ("pooling_cnn", 13, 3),
    ("reshape_mlp", 14, 4),
    ("gru_stack", 15, 3),
    ("batchnorm_mlp", 16, 5),
]]
# Made only with --large (not committed): the lesson's full CNN. After every committed Keras case, so
# those keep their input names whether or not it is made.
LARGE_KERAS_CASES = [
    ("cnn", sequential_of(keras_files.cnn), 17, 3),
]


class Mixed(tf.Module):
    """Two signatures over every dtype the Java side maps: float64, int32, int64, bool, string."""

    def __init__(self):
        super().__init__()
        self.scale = tf.Variable(np.float64(1.5), name="scale")
        self.prefix = tf.Variable("hello, ", name="prefix")

    @tf.function(input_signature=[tf.TensorSpec([None, 3], tf.int64, name="ids"),
                                  tf.TensorSpec([None, 3], tf.bool, name="mask"),
                                  tf.TensorSpec([None], tf.float64, name="weight")])
    def score(self, ids, mask, weight):
        kept = tf.where(mask, ids, tf.zeros_like(ids))
        total = tf.reduce_sum(kept, axis=1)
        return {"total": total,
                "scaled": tf.cast(total, tf.float64) * weight * self.scale,
                "any": tf.reduce_any(mask, axis=1)}

    @tf.function(input_signature=[tf.TensorSpec([None], tf.string, name="names"),
                                  tf.TensorSpec([None], tf.int32, name="times")])
    def greet(self, names, times):
        return {"greeting": self.prefix + names,
                "length": tf.strings.length(names) * times}


def mixed_inputs():
    rs = np.random.RandomState(6)
    return {
        "serving_default": {"ids": rs.randint(-50, 50, size=(4, 3)).astype(np.int64),
                            "mask": rs.rand(4, 3) > 0.5,
                            "weight": rs.uniform(-2, 2, size=(4,)).astype(np.float64)},
        "greet": {"names": np.array(["Ada", "Grace", "Kateřina"]),
                  "times": np.array([1, 2, 3], dtype=np.int32)},
    }


def set_weights(model, seed):
    rs = np.random.RandomState(seed)
    weights = []
    for variable, w in zip(model.weights, model.get_weights()):
        low, high = (0.5, 1.5) if variable.path.endswith("moving_variance") else (-0.5, 0.5)
        weights.append(rs.uniform(low, high, w.shape).astype(w.dtype))
    model.set_weights(weights)


def input_batches(name, shapes, seed):
    rs = np.random.RandomState(100 + seed)
    if name in keras_files.TOKEN_INPUTS:
        return [rs.randint(0, keras_files.TOKEN_INPUTS[name], s).astype(np.float32) for s in shapes]
    return [rs.uniform(-1, 1, s).astype(np.float32) for s in shapes]


def spec_of(tensor_spec):
    dims = [-1 if d is None else int(d) for d in tensor_spec.shape.as_list()]
    return {"dtype": tensor_spec.dtype.name if tensor_spec.dtype != tf.string else "string",
            "shape": dims}


def file_name(prefix, signature, name):
    return f"{prefix}_{name}.npy" if signature == "serving_default" else \
        f"{prefix}_{signature}__{name}.npy"


def run_signature(case_dir, fn, signature, inputs):
    """Calls a loaded signature, writes inputs and outputs as .npy, returns the manifest entry."""
    args, kwargs = fn.structured_input_signature
    entry = {"inputs": {}, "outputs": {}}
    for name, spec in sorted(kwargs.items()):
        entry["inputs"][name] = dict(spec_of(spec), file=file_name("x", signature, name))
        np.save(os.path.join(case_dir, entry["inputs"][name]["file"]), inputs[name])
    feeds = {k: tf.constant(v) for k, v in inputs.items()}
    result = fn(**feeds)
    for name, spec in sorted(fn.structured_outputs.items()):
        value = result[name].numpy()
        if value.dtype == object:
            value = np.array([v.decode("utf-8") for v in value.ravel()]).reshape(value.shape)
        entry["outputs"][name] = dict(spec_of(spec), file=file_name("y", signature, name))
        np.save(os.path.join(case_dir, entry["outputs"][name]["file"]), value)
    return entry


def make_keras_case(out, name, builder, seed, shapes):
    keras.utils.set_random_seed(seed)
    model = builder()
    if isinstance(shapes, int):
        shapes = [(shapes,) + tuple(model.input_shape[1:])]
    set_weights(model, seed)
    case_dir = os.path.join(out, name)
    model_dir = os.path.join(case_dir, "model")
    os.makedirs(case_dir)
    model.export(model_dir, verbose=False)
    drop_empty_dirs(model_dir)
    loaded = tf.saved_model.load(model_dir)
    fn = loaded.signatures["serving_default"]
    input_names = [spec.name for spec in model.inputs]
    xs = input_batches(name, shapes, seed)
    # The signature's keyword names are the Keras tensors' names, in the model's input order.
    inputs = dict(zip(input_names, xs))
    entry = run_signature(case_dir, fn, "serving_default", inputs)
    expected = np.asarray(model(xs if len(xs) > 1 else xs[0]))
    got = np.load(os.path.join(case_dir, entry["outputs"]["output_0"]["file"]))
    diff = float(np.max(np.abs(expected - got)))
    if diff > 1e-5:
        raise SystemExit(f"{name}: SavedModel and Keras differ by {diff}")
    return {"model": f"{name}/model", "kind": "keras_export", "signatures": {"serving_default": entry}}


def make_module_case(out, name):
    case_dir = os.path.join(out, name)
    model_dir = os.path.join(case_dir, "model")
    os.makedirs(case_dir)
    module = Mixed()
    tf.saved_model.save(module, model_dir,
                        signatures={"serving_default": module.score, "greet": module.greet})
    drop_empty_dirs(model_dir)
    loaded = tf.saved_model.load(model_dir)
    signatures = {}
    for signature, inputs in mixed_inputs().items():
        signatures[signature] = run_signature(case_dir, loaded.signatures[signature], signature,
                                              inputs)
    return {"model": f"{name}/model", "kind": "tf_module", "signatures": signatures}


def drop_empty_dirs(model_dir):
    """Removes empty directories (assets/): git keeps none, so the committed copy has none either."""
    for d, subdirs, files in os.walk(model_dir, topdown=False):
        if not subdirs and not files:
            os.rmdir(d)


def size_of(path):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=DEFAULT_OUT, help=f"output directory (default {DEFAULT_OUT})")
    ap.add_argument("--large", action="store_true",
                    help="also the lesson's full CNN (case 'cnn', ~1.8 MB; not committed)")
    args = ap.parse_args(argv)
    out = os.path.abspath(args.out)
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    manifest = {"tensorflow": tf.__version__, "keras": keras.__version__, "cases": {}}
    for name, builder, seed, shapes in KERAS_CASES + (LARGE_KERAS_CASES if args.large else []):
        manifest["cases"][name] = make_keras_case(out, name, builder, seed, shapes)
    manifest["cases"]["tf_module"] = make_module_case(out, "tf_module")
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2, sort_keys=True)
        f.write("\n")
    for name in manifest["cases"]:
        sigs = manifest["cases"][name]["signatures"]
        names = {s: list(e["inputs"]) for s, e in sigs.items()}
        print(f"{name:18s} {size_of(os.path.join(out, name)) / 1024:7.1f} KiB  inputs {names}")
    print(f"wrote {out} ({size_of(out) / 1024:.1f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
