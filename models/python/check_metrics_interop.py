#!/usr/bin/env python3
"""Compiled metrics both ways between Keras 3.15 and tfbridge (KerasMetricsInteropTest runs it).

    python check_metrics_interop.py make DIR    # a Keras-compiled model with metrics, its data
                                                 # and Keras's evaluate values
    python check_metrics_interop.py check FILE DIR  # loads a Java-written FILE, evaluates DIR's data

`make` writes DIR/keras_metrics.keras, x.npy, y.npy and keras.json; `check` prints one JSON line:
{"evaluate": {...}, "metrics": compile config metrics}. evaluate runs in batches of 5.
"""
import json
import os
import sys

os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import keras  # noqa: E402
from keras import metrics as M  # noqa: E402


def evaluate(model, d):
    x = np.load(os.path.join(d, "x.npy"))
    y = np.load(os.path.join(d, "y.npy"))
    values = model.evaluate(x, y, batch_size=5, verbose=0, return_dict=True)
    return {k: float(v) for k, v in values.items()}


def make(d):
    os.makedirs(d, exist_ok=True)
    keras.utils.set_random_seed(7)
    rs = np.random.RandomState(7)
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, activation="softmax")])
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=[
        "accuracy", "mae", "precision", M.AUC(curve="PR", num_thresholds=50, name="pr_auc"),
        M.F1Score(average="macro"), M.Precision(thresholds=0.3, class_id=1, name="p1"),
        M.TopKCategoricalAccuracy(k=2), M.RootMeanSquaredError(),
        M.FBetaScore(beta=0.5, average="weighted", threshold=0.35), "categorical_crossentropy"])
    np.save(os.path.join(d, "x.npy"), rs.uniform(-2, 2, (17, 4)).astype("float32"))
    np.save(os.path.join(d, "y.npy"), np.eye(3, dtype="float32")[rs.randint(0, 3, 17)])
    model.save(os.path.join(d, "keras_metrics.keras"))
    out = {"evaluate": evaluate(model, d), "metrics": model.get_compile_config()["metrics"]}
    with open(os.path.join(d, "keras.json"), "w", encoding="utf-8") as f:
        json.dump(out, f)


def check(file, d):
    model = keras.models.load_model(file)
    out = {"evaluate": evaluate(model, d), "metrics": model.get_compile_config()["metrics"]}
    print(json.dumps(out))


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2])
    else:
        check(sys.argv[2], sys.argv[3])
