#!/usr/bin/env python3
"""Golden decisions of Keras's training callbacks, for the Java callbacks to match.

Usage:
    python models/python/make_callback_golden.py [--out DIR]

DIR defaults to <repo>/core/src/test/resources/callbacks. Real Keras callbacks
(EarlyStopping, ReduceLROnPlateau, LearningRateScheduler, TerminateOnNaN) are
bound to a tiny compiled Keras model (Dense(3, softmax) on 2 inputs, SGD,
sparse_categorical_crossentropy, accuracy) and fed scripted epoch logs through
their hooks directly (on_train_begin, on_epoch_begin/end, on_train_end), the
way fit calls them: an epoch that sets model.stop_training ends the run. What
they decide is recorded in callbacks.json: stop flags per epoch, stopped_epoch,
best_epoch, best, the learning rate after each epoch, the logs they add, the
weights restored (the weights are set to the constant epoch+1 before each
epoch's end) and everything they print. CSVLogger writes csv_<case>.csv from
scripted logs. Values that JSON cannot hold (nan, inf) are strings.
Deterministic: no random numbers are used.
"""
import argparse
import contextlib
import io
import json
import math
import os
import warnings

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import keras  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.normpath(
    os.path.join(HERE, "..", "..", "core", "src", "test", "resources", "callbacks"))

EARLY_STOPPING = [
    ("patience", {"patience": 2, "verbose": 1},
     [{"val_loss": v} for v in [1.0, 0.9, 0.95, 0.92, 0.8, 0.85]]),
    ("min_delta", {"min_delta": 0.05, "patience": 1, "verbose": 1},
     [{"val_loss": v} for v in [1.0, 0.97, 0.9, 0.88, 0.87, 0.8]]),
    ("negative_min_delta", {"monitor": "loss", "min_delta": -0.05, "patience": 1},
     [{"loss": v} for v in [1.0, 0.97, 0.9, 0.88, 0.87, 0.8]]),
    ("baseline", {"baseline": 0.5, "patience": 2, "verbose": 1},
     [{"val_loss": v} for v in [0.9, 0.8, 0.6, 0.4, 0.45, 0.41, 0.42]]),
    ("accuracy_auto", {"monitor": "accuracy", "patience": 1, "verbose": 1},
     [{"accuracy": v, "loss": 1.0} for v in [0.5, 0.6, 0.6, 0.55, 0.7]]),
    ("mode_max", {"mode": "max", "patience": 1, "verbose": 1},
     [{"val_loss": v} for v in [0.5, 0.6, 0.55, 0.7, 0.65, 0.6]]),
    ("start_from_epoch", {"start_from_epoch": 2, "verbose": 1},
     [{"val_loss": v} for v in [1.0, 2.0, 3.0, 2.5, 2.6, 2.7]]),
    ("restore_best", {"patience": 2, "restore_best_weights": True, "verbose": 1},
     [{"val_loss": v} for v in [1.0, 0.5, 0.7, 0.6, 0.55]]),
    ("restore_never_beats_baseline",
     {"baseline": 0.1, "patience": 3, "restore_best_weights": True, "verbose": 1},
     [{"val_loss": v} for v in [0.5, 0.4, 0.45, 0.6, 0.3]]),
    ("restore_no_stop", {"patience": 5, "restore_best_weights": True, "verbose": 1},
     [{"val_loss": v} for v in [0.5, 0.4, 0.45]]),
    ("missing_epochs", {"patience": 1, "verbose": 1},
     [{"loss": 1.0}, {"loss": 0.9, "val_loss": 0.8}, {"loss": 0.8},
      {"loss": 0.7, "val_loss": 0.85}, {"loss": 0.6, "val_loss": 0.9}]),
]

REDUCE_LR = [
    ("patience", 0.1, {"factor": 0.5, "patience": 2, "verbose": 1},
     [{"val_loss": v} for v in [1.0, 0.9, 0.9, 0.95, 0.85, 0.86, 0.87, 0.88]]),
    ("cooldown", 0.01, {"patience": 1, "cooldown": 2, "verbose": 1},
     [{"val_loss": v} for v in [1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 0.5, 0.6, 0.7]]),
    ("min_lr", 0.01, {"factor": 0.5, "patience": 0, "min_lr": 0.004, "verbose": 1},
     [{"val_loss": v} for v in [1.0, 2.0, 3.0, 4.0, 5.0]]),
    ("accuracy_auto_min_delta", 0.2,
     {"monitor": "accuracy", "min_delta": 0.01, "patience": 1, "factor": 0.2, "verbose": 1},
     [{"accuracy": v, "loss": 1.0} for v in [0.5, 0.505, 0.52, 0.52, 0.6, 0.6]]),
    ("default_min_delta", 0.001, {"patience": 1, "verbose": 1},
     [{"val_loss": v} for v in [1.0, 0.99995, 0.9999, 0.9998, 0.99975]]),
    ("mode_min_on_accuracy", 0.5, {"monitor": "val_accuracy", "mode": "min", "patience": 1,
                                   "factor": 0.3, "verbose": 1},
     [{"val_accuracy": v} for v in [0.5, 0.6, 0.4, 0.45, 0.5]]),
    ("factor_zero", 0.05, {"factor": 0.0, "patience": 1, "min_lr": 0.001, "verbose": 1},
     [{"val_loss": v} for v in [1.0, 1.0, 1.0, 1.0]]),
    ("missing_epochs", 0.1, {"patience": 1, "verbose": 1},
     [{"loss": 1.0}, {"loss": 0.9, "val_loss": 0.8}, {"loss": 0.8},
      {"loss": 0.7, "val_loss": 0.85}]),
]

SCHEDULES = {
    "halve_odd_epochs": lambda epoch, lr: lr * 0.5 if epoch % 2 else lr,
    "third_after_one": lambda epoch, lr: lr if epoch < 1 else lr / 3.0,
    "by_epoch": lambda epoch, lr: 0.1 / (epoch + 1),
}

CSV = [
    ("no_validation", {}, [[{"loss": 0.6931471824645996, "accuracy": 0.5}],
                           [{"loss": 0.1 + 0.2, "accuracy": 0.75}, {"loss": 1e-05,
                                                                     "accuracy": 1.0}]]),
    ("validation_semicolon", {"separator": ";"},
     [[{"loss": 1.5e16, "val_loss": 2.5, "learning_rate": 0.009999999776482582},
       {"loss": 0.25, "learning_rate": 0.0010000000474974513},
       {"loss": "nan", "val_loss": "inf", "learning_rate": -0.0}]]),
    ("append", {"append": True},
     [[{"loss": 0.5, "val_loss": 0.4}], [{"loss": 0.3, "val_loss": 0.2},
                                          {"loss": 123456789.0, "val_loss": 1e-4}]]),
    ("quoting", {}, [[{"a,b": 1.0, 'say "hi"': 2.0, "val_x": 3.0}]]),
]


def jnum(v):
    """A float as JSON can hold it (nan and infinities as their Python repr)."""
    return v if v is None or math.isfinite(v) else repr(float(v))


def pnum(v):
    return float(v) if isinstance(v, str) else v


def make_model():
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(3, activation="softmax")])
    model.compile(optimizer=keras.optimizers.SGD(0.01), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    x = np.array([[0.1, 0.2], [0.3, -0.4]], np.float32)
    model.evaluate(x, np.array([0, 2]), verbose=0)  # builds the compiled metrics
    return model


def set_marker(model, value):
    model.set_weights([np.full(w.shape, value, np.float32) for w in model.get_weights()])


def drive(model, callback, epochs, lr=None, marker=False):
    """Calls the hooks as fit does; returns per-epoch records and the printed text."""
    if lr is not None:
        model.optimizer.learning_rate = lr
    model.stop_training = False
    callback.set_model(model)
    records = []
    out = io.StringIO()
    with contextlib.redirect_stdout(out), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        callback.on_train_begin({})
        for epoch, logs in enumerate(epochs):
            callback.on_epoch_begin(epoch, {})
            if marker:
                set_marker(model, epoch + 1)
            logs = {k: pnum(v) for k, v in logs.items()}
            callback.on_epoch_end(epoch, logs)
            records.append({
                "stop_training": bool(model.stop_training),
                "learning_rate": float(model.optimizer.learning_rate),
                "logs_learning_rate": logs.get("learning_rate"),
            })
            if model.stop_training:
                break
        callback.on_train_end({})
    return records, out.getvalue()


def early_stopping_cases(model):
    cases = []
    for name, kwargs, epochs in EARLY_STOPPING:
        callback = keras.callbacks.EarlyStopping(**kwargs)
        records, printed = drive(model, callback, epochs, marker=True)
        cases.append({
            "name": name, "kwargs": kwargs, "epochs": epochs,
            "stop_training": [r["stop_training"] for r in records],
            "stopped_epoch": callback.stopped_epoch, "best_epoch": callback.best_epoch,
            "best": jnum(callback.best),
            "weights_after": float(model.get_weights()[0].flat[0]),
            "printed": printed,
        })
    return cases


def reduce_lr_cases(model):
    cases = []
    for name, lr, kwargs, epochs in REDUCE_LR:
        callback = keras.callbacks.ReduceLROnPlateau(**kwargs)
        records, printed = drive(model, callback, epochs, lr=lr)
        cases.append({
            "name": name, "initial_learning_rate": lr, "kwargs": kwargs, "epochs": epochs,
            "learning_rate": [r["learning_rate"] for r in records],
            "logs_learning_rate": [r["logs_learning_rate"] for r in records],
            "printed": printed,
        })
    return cases


def scheduler_cases(model):
    cases = []
    for name, schedule in SCHEDULES.items():
        callback = keras.callbacks.LearningRateScheduler(schedule, verbose=1)
        records, printed = drive(model, callback, [{"loss": 1.0}] * 4, lr=0.1)
        cases.append({
            "name": name, "initial_learning_rate": 0.1,
            "learning_rate": [r["learning_rate"] for r in records],
            "logs_learning_rate": [r["logs_learning_rate"] for r in records],
            "printed": printed,
        })
    return cases


def terminate_on_nan_cases(model):
    cases = []
    for batch, loss in [(0, 1.0), (3, float("nan")), (7, float("inf")), (2, float("-inf"))]:
        for raise_error in (False, True):
            model.stop_training = False
            callback = keras.callbacks.TerminateOnNaN(raise_error=raise_error)
            callback.set_model(model)
            out, error = io.StringIO(), None
            with contextlib.redirect_stdout(out):
                try:
                    callback.on_train_batch_end(batch, {"loss": loss})
                except RuntimeError as e:
                    error = str(e)
            cases.append({"batch": batch, "loss": jnum(loss), "raise_error": raise_error,
                          "stop_training": bool(model.stop_training),
                          "printed": out.getvalue(), "error": error})
    return cases


def csv_cases(out_dir):
    cases = []
    for name, kwargs, runs in CSV:
        path = os.path.join(out_dir, f"csv_{name}.csv")
        if os.path.exists(path):
            os.remove(path)
        callback = keras.callbacks.CSVLogger(path, **kwargs)
        for run in runs:
            callback.on_train_begin({})
            for epoch, logs in enumerate(run):
                callback.on_epoch_end(epoch, {k: pnum(v) for k, v in logs.items()})
            callback.on_train_end({})
        cases.append({"name": name, "kwargs": kwargs, "runs": runs, "file": f"csv_{name}.csv"})
    return cases


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=DEFAULT_OUT)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    model = make_model()
    golden = {
        "early_stopping": early_stopping_cases(model),
        "reduce_lr_on_plateau": reduce_lr_cases(model),
        "learning_rate_scheduler": scheduler_cases(model),
        "terminate_on_nan": terminate_on_nan_cases(model),
        "csv_logger": csv_cases(args.out),
        "versions": {"keras": keras.__version__, "numpy": np.__version__},
    }
    with open(os.path.join(args.out, "callbacks.json"), "w") as f:
        json.dump(golden, f, indent=1, allow_nan=False)
        f.write("\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
