#!/usr/bin/env python3
"""Check a Java-written Keras model file with real Keras: load, predict, train further.

Usage:
    python models/python/check_java_keras.py FILE X.npy Y.npy [XT.npy YT.npy]
        [--expect-iterations N] [--atol 1e-6] [--epochs 5]
    python models/python/check_java_keras.py --jobs JOBS.json
        (JOBS.json: a list of such argument lists, checked in one process, each after a line
        "== FILE"; one Python and one TensorFlow start instead of one per file)

FILE is a .keras or legacy .h5 file that tfbridge (Java) wrote. For a model with several inputs
(a functional model), X.npy and XT.npy are comma-separated lists of .npy files, one per model input
in the model's input order (e.g. x_a.npy,x_b.npy). The script
  1. loads it with keras.models.load_model (compiled from the file's compile config);
  2. checks that model.predict(X) equals Y (Java's predictions) within --atol;
  3. with --expect-iterations, checks that the optimizer's iteration count came from the file
     (i.e. the optimizer state Java saved was restored);
  4. trains --epochs epochs on XT, YT (or, without them, on labels synthesised for the model's loss)
     and checks that the loss on that data falls. Keras 3.15.1 cannot resume training from any
     legacy .h5 with optimizer weights (its loader builds the optimizer without the model's
     variables; Keras-written files fail alike), so for .h5 files it recompiles with a fresh
     optimizer of the same config, says so, and trains on from the file's weights.
Prints one line per check; exits 1 if any check fails, 2 on usage errors.
"""
import argparse
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import keras  # noqa: E402


def synthetic_labels(model, x, rs):
    shape = (len(x),) + tuple(model.output_shape[1:])
    loss = model.loss if isinstance(model.loss, str) else getattr(model.loss, "name", "")
    if "sparse" in loss:
        return rs.randint(0, shape[-1], size=shape[:-1]).astype("float32")
    if "categorical" in loss:
        return keras.utils.to_categorical(rs.randint(0, shape[-1], size=shape[:-1]), shape[-1])
    if "binary" in loss:
        return rs.randint(0, 2, size=shape).astype("float32")
    return rs.normal(size=shape).astype("float32")


def load_inputs(files, model):
    """One .npy file, or comma-separated files: one per model input, in the model's input order."""
    arrays = [np.load(f) for f in files.split(",")]
    if len(arrays) != len(model.inputs):
        sys.exit(f"{files}: {len(arrays)} input files for a model with {len(model.inputs)} inputs")
    return arrays[0] if len(arrays) == 1 else arrays


def parser_of():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("x")
    parser.add_argument("y")
    parser.add_argument("train", nargs="*", help="XT.npy YT.npy")
    parser.add_argument("--expect-iterations", type=int)
    parser.add_argument("--atol", type=float, default=1e-6)
    parser.add_argument("--epochs", type=int, default=5)
    return parser


def parse(parser, argv):
    args = parser.parse_args(argv)
    if len(args.train) not in (0, 2):
        parser.error("give both XT.npy and YT.npy, or neither")
    return args


def main():
    parser = parser_of()
    if sys.argv[1:2] == ["--jobs"]:
        with open(sys.argv[2]) as f:
            jobs = json.load(f)
        failed = False
        for job in jobs:
            args = parse(parser, job)
            print(f"== {args.file}", flush=True)
            try:
                failed |= check(args)
            except Exception as e:  # noqa: BLE001  (one file's failure is reported, the rest go on)
                print(f"FAIL: {type(e).__name__}: {e}")
                failed = True
            keras.utils.clear_session()
        sys.exit(1 if failed else 0)
    sys.exit(1 if check(parse(parser, sys.argv[1:])) else 0)


def check(args):
    """Runs the checks on one file; True if any failed."""
    model = keras.models.load_model(args.file)
    failed = False
    x, y = load_inputs(args.x, model), np.load(args.y)
    print(f"model {model.__class__.__name__} {model.name!r}: inputs "
          f"{[t.name for t in model.inputs]}, layers {[layer.name for layer in model.layers]}")
    diff = float(np.max(np.abs(model.predict(x, verbose=0) - y)))
    ok = diff <= args.atol
    failed |= not ok
    print(f"{'ok' if ok else 'FAIL'}: predict max |diff| {diff:.3g} (atol {args.atol})")

    iterations = int(model.optimizer.iterations.numpy())
    print(f"optimizer {model.optimizer.__class__.__name__} "
          f"learning_rate {float(model.optimizer.learning_rate.numpy()):.6g} iterations {iterations}"
          f" loss {model.loss}")
    if args.expect_iterations is not None:
        ok = iterations == args.expect_iterations
        failed |= not ok
        print(f"{'ok' if ok else 'FAIL'}: iterations {iterations}, expected {args.expect_iterations}")

    rs = np.random.RandomState(0)
    if args.train:
        xt, yt = load_inputs(args.train[0], model), np.load(args.train[1])
    else:
        xt = rs.normal(size=(32,) + tuple(model.input_shape[1:])).astype("float32")
        yt = synthetic_labels(model, xt, rs)
    before = model.evaluate(xt, yt, verbose=0, return_dict=True)["loss"]
    try:
        model.fit(xt, yt, epochs=args.epochs, batch_size=8, verbose=0)
    except ValueError as e:
        if "Unknown variable" not in str(e) or not args.file.endswith((".h5", ".hdf5")):
            raise
        # Keras 3.15's legacy loader builds the optimizer with model._trainable_variables, which
        # is empty for a Sequential model, so fit() refuses the model's variables; Keras's own .h5
        # files fail the same way. Continue from the file's weights with a fresh optimizer.
        print("note: Keras cannot resume a legacy .h5 optimizer state (it fails on Keras-written "
              ".h5 files too); training on with a fresh optimizer of the same config")
        optimizer = model.optimizer.__class__.from_config(model.optimizer.get_config())
        model.compile(optimizer=optimizer, loss=model.loss)
        model.fit(xt, yt, epochs=args.epochs, batch_size=8, verbose=0)
    after = model.evaluate(xt, yt, verbose=0, return_dict=True)["loss"]
    ok = after < before
    failed |= not ok
    print(f"{'ok' if ok else 'FAIL'}: fit {args.epochs} epochs, loss {before:.6g} -> {after:.6g}")
    return failed


if __name__ == "__main__":
    main()
