#!/usr/bin/env python3
"""Keras 3.15's loss values, and fit/evaluate with sample and class weights, for the Java tests.

Usage:
    python models/python/make_loss_golden.py [--out DIR]

DIR defaults to <repo>/core/src/test/resources/golden/losses. Per loss case <case>/: y_true.npy,
y_pred.npy, sample_weight.npy (weighted cases) and loss.npy = loss(y_true, y_pred, sample_weight)
of the Keras loss object (reduction sum_over_batch_size). io.tfbridge.losses.LossGoldenTest feeds
y_pred through a linear model and compares evaluate's loss (1e-6).

Per fit case <case>/: x.npy, y.npy, w<k>.npy (initial weights), sample_weight.npy or
class_weight.json, and the History of model.fit(x, y, ..., validation_split=0.25, batch_size=3,
epochs=2, shuffle=False) as <key>.npy (loss, val_loss, accuracy, val_accuracy), then after_w<k>.npy
and evaluate_loss.npy / evaluate_accuracy.npy of model.evaluate(x, y, sample_weight, batch_size=4).
io.tfbridge.models.WeightedFitGoldenTest compares (1e-5).
"""
import argparse
import json
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import numpy as np  # noqa: E402
import keras  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.normpath(os.path.join(
    HERE, "..", "..", "core", "src", "test", "resources", "golden", "losses"))
LS = keras.losses


def uniform(lo, hi):
    return lambda rs, shape: rs.uniform(lo, hi, shape)


def binary(rs, shape):
    return rs.randint(0, 2, shape).astype("float64")


def signed(rs, shape):
    return 2.0 * rs.randint(0, 2, shape) - 1


def onehot(rs, shape):
    return np.eye(shape[-1])[rs.randint(0, shape[-1], shape[:-1])]


def probabilities(rs, shape):
    p = rs.uniform(0.0, 1.0, shape)
    p[0, 0] = 0.0  # a zero probability: Keras clips it to 1e-7
    return p / p.sum(axis=-1, keepdims=True)


def with_zero_row(draw):
    def make(rs, shape):
        v = draw(rs, shape)
        v[1] = 0.0  # a zero vector: cosine similarity 0
        return v
    return make


def with_zero(draw):
    def make(rs, shape):
        v = draw(rs, shape)
        v[0, 0] = 0.0  # a zero label: MAPE divides by epsilon
        return v
    return make


WEIGHTS = [1.0, 0.0, 2.5, 0.5]
# case: (loss factory, shape, y_true draw, y_pred draw, sample weights or None)
CASES = {
    "mae": (LS.MeanAbsoluteError, (4, 3), uniform(-1, 1), uniform(-1, 1), None),
    "mape": (LS.MeanAbsolutePercentageError, (4, 3), with_zero(uniform(-1, 1)), uniform(-1, 1),
             None),
    "msle": (LS.MeanSquaredLogarithmicError, (4, 3), uniform(0, 2), uniform(-0.5, 2), None),
    "kld": (LS.KLDivergence, (4, 3), probabilities, probabilities, None),
    "poisson": (LS.Poisson, (4, 3), lambda rs, s: rs.randint(0, 4, s).astype("float64"),
                uniform(0.1, 3), None),
    "huber": (LS.Huber, (4, 3), uniform(-2, 2), uniform(-2, 2), None),
    "huber_delta": (lambda: LS.Huber(delta=0.3), (4, 3), uniform(-1, 1), uniform(-1, 1), None),
    "log_cosh": (LS.LogCosh, (4, 3), uniform(-30, 30), uniform(-30, 30), None),
    "hinge_binary": (LS.Hinge, (4, 3), binary, uniform(-2, 2), None),
    "hinge_signed": (LS.Hinge, (4, 3), signed, uniform(-2, 2), None),
    "hinge_other": (LS.Hinge, (4, 3), uniform(-1, 1), uniform(-2, 2), None),
    "squared_hinge": (LS.SquaredHinge, (4, 3), binary, uniform(-2, 2), None),
    "categorical_hinge": (LS.CategoricalHinge, (4, 3), onehot, uniform(-1, 1), None),
    "cosine_similarity": (LS.CosineSimilarity, (4, 3), with_zero_row(uniform(-1, 1)),
                          uniform(-1, 1), None),
    "cosine_similarity_axis1": (lambda: LS.CosineSimilarity(axis=1), (2, 3, 4), uniform(-1, 1),
                                uniform(-1, 1), None),
    "mse_sequence": (LS.MeanSquaredError, (2, 3, 4), uniform(-1, 1), uniform(-1, 1), None),
    "mae_weighted": (LS.MeanAbsoluteError, (4, 3), uniform(-1, 1), uniform(-1, 1), WEIGHTS),
    "huber_weighted": (LS.Huber, (4, 3), uniform(-2, 2), uniform(-2, 2), WEIGHTS),
    "kld_weighted": (LS.KLDivergence, (4, 3), probabilities, probabilities, WEIGHTS),
}


def save(path, arr):
    np.save(path, np.array(arr, dtype=np.float32), allow_pickle=False)


def make_loss_case(out, index, name, case):
    factory, shape, true_draw, pred_draw, weights = case
    rs = np.random.RandomState(500 + index)
    y_true = true_draw(rs, shape).astype("float32")
    y_pred = pred_draw(rs, shape).astype("float32")
    sw = None if weights is None else np.asarray(weights, dtype="float32")
    value = float(factory()(y_true, y_pred, sample_weight=sw))
    d = os.path.join(out, name)
    os.makedirs(d, exist_ok=True)
    save(os.path.join(d, "y_true.npy"), y_true)
    save(os.path.join(d, "y_pred.npy"), y_pred)
    if sw is not None:
        save(os.path.join(d, "sample_weight.npy"), sw)
    save(os.path.join(d, "loss.npy"), np.float32(value))
    return value


FIT_CASES = {
    "fit_sample_weight": {"sample_weight": [1.0, 0.0, 2.5, 0.5, 1.0, 3.0, 0.25, 2.0]},
    "fit_class_weight": {"class_weight": {0: 3.0, 2: 0.25}},
}


def make_fit_case(out, index, name, weighting):
    keras.backend.clear_session()
    keras.utils.set_random_seed(0)
    rs = np.random.RandomState(700 + index)
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, activation="softmax")])
    ws = [rs.uniform(-0.5, 0.5, w.shape).astype("float32") for w in model.get_weights()]
    model.set_weights(ws)
    x = rs.uniform(-1, 1, (8, 4)).astype("float32")
    y = rs.randint(0, 3, (8,)).astype("float32")
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.2),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"], jit_compile=False)
    sw = weighting.get("sample_weight")
    sw = None if sw is None else np.asarray(sw, dtype="float32")
    history = model.fit(x, y, sample_weight=sw, class_weight=weighting.get("class_weight"),
                        validation_split=0.25, batch_size=3, epochs=2, shuffle=False, verbose=0)
    loss, accuracy = model.evaluate(x, y, sample_weight=sw, batch_size=4, verbose=0)
    d = os.path.join(out, name)
    os.makedirs(d, exist_ok=True)
    save(os.path.join(d, "x.npy"), x)
    save(os.path.join(d, "y.npy"), y)
    for k, w in enumerate(ws):
        save(os.path.join(d, f"w{k}.npy"), w)
    for k, w in enumerate(model.get_weights()):
        save(os.path.join(d, f"after_w{k}.npy"), w)
    if sw is not None:
        save(os.path.join(d, "sample_weight.npy"), sw)
    else:
        with open(os.path.join(d, "class_weight.json"), "w", encoding="utf-8") as f:
            json.dump({str(k): v for k, v in weighting["class_weight"].items()}, f, sort_keys=True)
            f.write("\n")
    for key, values in history.history.items():
        save(os.path.join(d, f"{key}.npy"), values)
    save(os.path.join(d, "evaluate_loss.npy"), np.float32(loss))
    save(os.path.join(d, "evaluate_accuracy.npy"), np.float32(accuracy))
    return history.history


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=DEFAULT_OUT)
    out = os.path.abspath(ap.parse_args(argv).out)
    os.makedirs(out, exist_ok=True)
    for i, (name, case) in enumerate(CASES.items()):
        print(f"{name:26s} {make_loss_case(out, i, name, case):.6f}")
    for i, (name, weighting) in enumerate(FIT_CASES.items()):
        print(f"{name:26s} {make_fit_case(out, i, name, weighting)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
