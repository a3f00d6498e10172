#!/usr/bin/env python3
"""Golden cases for single layers (and small layer combinations), made with real Keras 3.15.

Usage:
    python models/python/make_layer_golden.py [--out DIR] [--only CASE ...] [--group GROUP ...]

DIR defaults to <repo>/interop/src/test/resources/layers. The cases live in
models/python/layer_cases/<group>.py, each module defining CASES, a list of layer_golden.Case.
For every case it writes DIR/<case>/:
    model.keras, model.h5   the model, compiled with SGD(learning_rate=case.lr) and "mse" (or the
                            case's compile options: losses by output name, loss_weights), saved
                            before any training (no optimizer state)
    x_<i>.npy               input i (model.inputs order), float32 or the input's integer dtype
    y.npy                   model.predict(x) (inference), float32; y_<j>.npy per output j when
                            the model has several outputs
    t.npy                   the regression target of the training step (t_<j>.npy per output)
    w1_<k>.npy              get_weights()[k] after one train_on_batch(x, t): one SGD step on the
                            whole batch, training mode (only when case.train)
    case.json               inputs, outputs, batch, tolerance, train, weight paths
Weights are never Keras's initializers: every float variable is drawn from uniform(-0.5, 0.5)
(variances from uniform(0.5, 1.5)) with the case's seed, unless the case sets them itself.
TensorFlow runs single-threaded with op determinism, so the .npy files are reproducible on one
machine; the .keras/.h5 files are not byte-reproducible (they carry the save date).
"""
import argparse
import importlib
import json
import os
import pkgutil
import sys
import zlib

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import numpy as np  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DEFAULT_OUT = os.path.join(REPO_ROOT, "interop", "src", "test", "resources", "layers")
sys.path.insert(0, HERE)

import tensorflow as tf  # noqa: E402
import keras  # noqa: E402

tf.config.threading.set_inter_op_parallelism_threads(1)
tf.config.threading.set_intra_op_parallelism_threads(1)
tf.config.experimental.enable_op_determinism()
tf.get_logger().setLevel("ERROR")

import layer_cases  # noqa: E402
from layer_golden import Case  # noqa: E402


def all_cases(groups):
    cases = []
    for info in sorted(pkgutil.iter_modules(layer_cases.__path__), key=lambda m: m.name):
        if groups and info.name not in groups:
            continue
        module = importlib.import_module("layer_cases." + info.name)
        for case in module.CASES:
            case.group = info.name
            cases.append(case)
    names = [c.name for c in cases]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        raise SystemExit("duplicate case names: %s" % sorted(dup))
    return cases


def seed_of(name):
    return zlib.crc32(name.encode("utf-8")) & 0x7FFFFFFF


def make_inputs(case, model, rng):
    xs = []
    for i, inp in enumerate(model.inputs):
        shape = (case.batch,) + tuple(inp.shape[1:])
        spec = case.x[i] if case.x and i < len(case.x) else {}
        dtype = str(inp.dtype)
        if "int" in dtype:
            x = rng.randint(spec.get("low", 0), spec.get("high", 10), size=shape).astype(dtype)
            for row, length in enumerate(spec.get("lengths", [])):
                x[row, length:] = 0  # padding for mask_zero cases
        else:
            x = rng.uniform(spec.get("low", -1.0), spec.get("high", 1.0), size=shape).astype("float32")
            for row, length in enumerate(spec.get("lengths", [])):
                x[row, length:] = spec.get("pad", 0.0)
        xs.append(x)
    return xs


def set_weights(model, rng):
    for v in model.weights:
        if "float" not in str(v.dtype):
            continue
        shape = tuple(v.shape)
        if "variance" in v.path:
            v.assign(rng.uniform(0.5, 1.5, size=shape).astype("float32"))
        else:
            v.assign(rng.uniform(-0.5, 0.5, size=shape).astype("float32"))


def save(path, array):
    np.save(path, np.ascontiguousarray(array))


def make_case(out, case):
    keras.utils.clear_session()
    keras.utils.set_random_seed(seed_of(case.name))
    rng = np.random.RandomState(seed_of(case.name))
    model = case.build()
    (case.weights or set_weights)(model, rng)
    xs = make_inputs(case, model, rng)
    options = {"loss": "mse", **(case.compile or {})}
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=case.lr), **options)
    d = os.path.join(out, case.name)
    os.makedirs(d, exist_ok=True)
    for f in os.listdir(d):
        os.remove(os.path.join(d, f))
    model.save(os.path.join(d, "model.keras"))
    model.save(os.path.join(d, "model.h5"))
    feed = xs[0] if len(xs) == 1 else xs
    ys = model.predict(feed, batch_size=case.batch, verbose=0)
    ys = ys if isinstance(ys, list) else [ys]
    ts = [rng.uniform(-1.0, 1.0, size=y.shape).astype("float32") for y in ys]
    for i, x in enumerate(xs):
        save(os.path.join(d, "x_%d.npy" % i), x)
    single = len(ys) == 1
    for j, (y, t) in enumerate(zip(ys, ts)):
        save(os.path.join(d, "y.npy" if single else "y_%d.npy" % j), y.astype("float32"))
        save(os.path.join(d, "t.npy" if single else "t_%d.npy" % j), t)
    if case.train:
        model.train_on_batch(feed, ts[0] if single else ts)
        for k, w in enumerate(model.get_weights()):
            save(os.path.join(d, "w1_%d.npy" % k), w)
    meta = {
        "group": case.group,
        "batch": case.batch,
        "tolerance": case.tolerance,
        "train": case.train,
        "lr": case.lr,
        "inputs": [{"name": t.name, "dtype": str(t.dtype), "shape": list(t.shape)} for t in model.inputs],
        "outputs": len(ys),
        "weights": [w.path for w in model.weights],
        "notes": case.notes,
    }
    with open(os.path.join(d, "case.json"), "w") as f:
        json.dump(meta, f, indent=1, sort_keys=True)
        f.write("\n")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--group", nargs="*")
    args = ap.parse_args(argv)
    cases = all_cases(args.group)
    if args.only:
        cases = [c for c in cases if c.name in args.only]
    for case in cases:
        make_case(args.out, case)
        print("wrote", case.name)


if __name__ == "__main__":
    main()
