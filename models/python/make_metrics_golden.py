#!/usr/bin/env python3
"""Golden values of Keras 3.15's metrics over the batches of an epoch.

Usage:
    python models/python/make_metrics_golden.py [--out DIR]

Each case is a one-layer model (Dense on 4 features, weights drawn from a fixed seed) compiled with
SGD(0.1), a loss and a list of metrics (names and objects with options). The case records
`model.evaluate(x, y, batch_size=5)` before training (23 samples: batches of 5, 5, 5, 5, 3), then
the History of `fit(x, y, batch_size=5, epochs=2, shuffle=False, validation_data=(x_val, y_val))`,
whose metrics Keras accumulates over each epoch's batches and resets per epoch and for validation.
Files per case: x, y, x_val, y_val, w<k> (.npy, float32) and expected.json
({"evaluate": {...}, "history": {...}, "metrics": compile config metrics}). Deterministic.
"""
import argparse
import json
import os
import zlib

os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402
import keras  # noqa: E402
from keras import metrics as M  # noqa: E402

N, N_VAL, BATCH, EPOCHS = 23, 9, 5, 2


def categorical_metrics():
    return ["categorical_accuracy", "accuracy", M.TopKCategoricalAccuracy(k=2),
            M.Precision(), M.Recall(), M.Precision(top_k=2, name="precision_top2"),
            M.Recall(class_id=1, thresholds=0.3, name="recall_c1"),
            M.Precision(thresholds=0.3, class_id=2, name="precision_c2"),
            M.AUC(), M.AUC(curve="PR", name="pr_auc"),
            M.AUC(summation_method="minoring", num_thresholds=50, name="auc_min"),
            M.AUC(curve="PRGAIN", summation_method="majoring", name="auc_gain"),
            M.F1Score(average="macro"), M.F1Score(average="micro", threshold=0.4, name="f1_micro"),
            M.FBetaScore(beta=2.0, average="weighted"), "kl_divergence", "cosine_similarity",
            "mse", "mae", "poisson", "categorical_hinge", "log_cosh_error",
            "categorical_crossentropy"]


def sparse_metrics():
    return ["accuracy", "sparse_categorical_accuracy", M.SparseTopKCategoricalAccuracy(k=2),
            "sparse_top_k_categorical_accuracy", "sparse_categorical_crossentropy"]


def binary_metrics():
    return ["accuracy", M.BinaryAccuracy(threshold=0.6, name="acc_06"), "precision", "recall",
            "auc", M.Precision(thresholds=0.7, name="precision_07"),
            M.AUC(curve="PR", num_thresholds=20, name="pr_auc"), "hinge", "squared_hinge", "bce",
            M.BinaryCrossentropy(name="binary_ce")]


def regression_metrics():
    return ["mae", "mse", "mape", "msle", M.RootMeanSquaredError(), "log_cosh_error",
            "cosine_similarity", "mean_absolute_error"]


# name: (units, activation, loss, label kind, metrics)
CASES = {
    "metrics_categorical": (3, "softmax", "categorical_crossentropy", "onehot", categorical_metrics),
    "metrics_sparse": (4, "softmax", "sparse_categorical_crossentropy", "sparse", sparse_metrics),
    "metrics_binary": (1, "sigmoid", "binary_crossentropy", "binary", binary_metrics),
    "metrics_regression": (2, None, "mean_squared_error", "regression", regression_metrics),
}


def labels(kind, units, n, rs):
    if kind == "onehot":
        return np.eye(units, dtype="float32")[rs.randint(0, units, size=(n,))]
    if kind == "sparse":
        return rs.randint(0, units, size=(n,)).astype("float32")
    if kind == "binary":
        return rs.randint(0, 2, size=(n, units)).astype("float32")
    return rs.uniform(0.05, 2.0, size=(n, units)).astype("float32")


def save(path, arr):
    np.save(path, np.array(arr, dtype=np.float32, order="C"), allow_pickle=False)


def make_case(out, name):
    units, activation, loss, kind, metrics = CASES[name]
    keras.backend.clear_session()
    keras.utils.set_random_seed(0)
    rs = np.random.RandomState(zlib.crc32(name.encode("utf-8")) % 100000)
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(units, activation=activation)])
    ws = [rs.uniform(-1, 1, w.shape).astype("float32") for w in model.get_weights()]
    model.set_weights(ws)
    x = rs.uniform(-1, 1, (N, 4)).astype("float32")
    y = labels(kind, units, N, rs)
    x_val = rs.uniform(-1, 1, (N_VAL, 4)).astype("float32")
    y_val = labels(kind, units, N_VAL, rs)
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss=loss, metrics=metrics(),
                  jit_compile=False)
    evaluated = model.evaluate(x, y, batch_size=BATCH, verbose=0, return_dict=True)
    history = model.fit(x, y, batch_size=BATCH, epochs=EPOCHS, shuffle=False, verbose=0,
                        validation_data=(x_val, y_val)).history
    d = os.path.join(out, name)
    os.makedirs(d, exist_ok=True)
    for file, arr in [("x", x), ("y", y), ("x_val", x_val), ("y_val", y_val)]:
        save(os.path.join(d, file + ".npy"), arr)
    for k, w in enumerate(ws):
        save(os.path.join(d, f"w{k}.npy"), w)
    expected = {
        "evaluate": {k: float(v) for k, v in evaluated.items()},
        "history": {k: [float(v) for v in vs] for k, vs in history.items()},
        "metrics": model.get_compile_config()["metrics"],
        "batch_size": BATCH, "epochs": EPOCHS, "optimizer": "SGD(learning_rate=0.1)", "loss": loss,
        "keras_version": keras.__version__,
    }
    with open(os.path.join(d, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--out", default=os.path.join(here, "..", "..", "core", "src", "test",
                                                  "resources", "golden", "metrics"))
    args = ap.parse_args()
    for name in CASES:
        make_case(args.out, name)
        print("wrote", name)


if __name__ == "__main__":
    main()
