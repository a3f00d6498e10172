#!/usr/bin/env python3
"""Keras-made files of a small model trained with each optimizer setting, and how Keras resumes
training from them: the golden files of issue 10's "a Keras-made .keras trained one epoch resumes
in Java as Keras resumes it, and the reverse".

Usage:
    python models/python/make_optimizer_golden.py [--out DIR] [--only CASE ...]

DIR defaults to <repo>/interop/src/test/resources/optimizers. Per case (one optimizer setting):
x.npy (8x4), y.npy (8x2), model.keras and model.h5 (none for NO_LEGACY_H5) saved after one epoch
(batch 4, no shuffling, mse: two steps, so the optimizer's slots and step count are non-trivial),
w2_<k>.npy the weights after Keras trains a second epoch from that state, w3_<k>.npy after a
third, case.json the optimizer's config. OptimizerResumeTest (interop) loads model.keras /
model.h5, trains the second epoch in Java and compares with w2; it saves Java's state after it and
check_optimizer_resume.py has Keras train the third epoch from Java's file and compare with w3.
"""
import argparse
import json
import os
import zlib

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import numpy as np  # noqa: E402
import keras  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.normpath(os.path.join(HERE, "..", "..", "interop", "src", "test",
                                            "resources", "optimizers"))
O = keras.optimizers
S = keras.optimizers.schedules

CASES = {
    "adam": lambda: O.Adam(learning_rate=0.05),
    "adam_amsgrad": lambda: O.Adam(learning_rate=0.05, amsgrad=True),
    "adam_clipnorm_weight_decay": lambda: O.Adam(learning_rate=0.05, clipnorm=0.5,
                                                 weight_decay=0.05),
    "sgd": lambda: O.SGD(learning_rate=0.1),
    "sgd_nesterov": lambda: O.SGD(learning_rate=0.1, momentum=0.9, nesterov=True),
    "sgd_exponential_decay": lambda: O.SGD(
        learning_rate=S.ExponentialDecay(0.2, decay_steps=3, decay_rate=0.5), momentum=0.5),
    # schedules: 2 steps an epoch, so the rate changes between the three epochs
    "adam_cosine_warmup": lambda: O.Adam(learning_rate=S.CosineDecay(
        0.0, 3, alpha=0.1, warmup_target=0.05, warmup_steps=2)),
    "sgd_piecewise_constant": lambda: O.SGD(learning_rate=S.PiecewiseConstantDecay(
        [1, 3], [0.2, 0.1, 0.02]), momentum=0.5),
    "rmsprop_momentum_centered": lambda: O.RMSprop(learning_rate=0.01, momentum=0.5,
                                                   centered=True),
    "adagrad": lambda: O.Adagrad(learning_rate=0.1),
    "adadelta": lambda: O.Adadelta(learning_rate=1.0),
    "ftrl": lambda: O.Ftrl(learning_rate=0.1, l1_regularization_strength=0.01,
                           l2_shrinkage_regularization_strength=0.1, beta=0.2),
    "adafactor": lambda: O.Adafactor(learning_rate=0.1, clip_threshold=0.5),
    "adamw": lambda: O.AdamW(learning_rate=0.05, weight_decay=0.1),
    "adamax": lambda: O.Adamax(learning_rate=0.05),
    "nadam": lambda: O.Nadam(learning_rate=0.05),
    "nadam_exponential_decay": lambda: O.Nadam(
        learning_rate=S.ExponentialDecay(0.05, decay_steps=3, decay_rate=0.5)),
    "lion": lambda: O.Lion(learning_rate=0.01),
    # the base optimizer's step options: each fit ends with finalize_variable_values (use_ema: the
    # weights take their averages); three accumulation steps leave non-zero accumulators in the
    # file after an epoch of two steps
    "adam_ema": lambda: O.Adam(learning_rate=0.05, use_ema=True, ema_momentum=0.9),
    "sgd_ema_overwrite": lambda: O.SGD(learning_rate=0.1, momentum=0.5, use_ema=True,
                                       ema_overwrite_frequency=3),
    "adam_accumulation": lambda: O.Adam(learning_rate=0.05, gradient_accumulation_steps=3),
    "sgd_accumulation_ema": lambda: O.SGD(learning_rate=0.1, momentum=0.9,
                                          gradient_accumulation_steps=3, use_ema=True,
                                          ema_momentum=0.5),
    "adam_loss_scale": lambda: O.Adam(learning_rate=0.05, loss_scale_factor=64.0),
}

FIT = dict(epochs=1, batch_size=4, shuffle=False, verbose=0)

# Keras 3.15 cannot write these to a legacy .h5: Adafactor names both factored moments of a variable
# after it ("adafactor/kernel", also for every layer's kernel) and h5py refuses a second dataset of
# that name. Their cases have no model.h5.
NO_LEGACY_H5 = {"adafactor"}


def model_and_data(name):
    seed = zlib.crc32(name.encode()) & 0x7FFFFFFF
    keras.utils.clear_session()
    keras.utils.set_random_seed(seed)
    rng = np.random.RandomState(seed)
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, activation="relu"),
                              keras.layers.Dense(2)], name="optimizer_case")
    for v in model.weights:
        v.assign(rng.uniform(-0.5, 0.5, size=tuple(v.shape)).astype("float32"))
    x = rng.uniform(-1, 1, size=(8, 4)).astype("float32")
    y = rng.uniform(-1, 1, size=(8, 2)).astype("float32")
    return model, x, y


def weights(d, prefix, model):
    for k, w in enumerate(model.get_weights()):
        np.save(os.path.join(d, "%s_%d.npy" % (prefix, k)), w)


def make(out, name):
    model, x, y = model_and_data(name)
    model.compile(optimizer=CASES[name](), loss="mse")
    d = os.path.join(out, name)
    os.makedirs(d, exist_ok=True)
    np.save(os.path.join(d, "x.npy"), x)
    np.save(os.path.join(d, "y.npy"), y)
    model.fit(x, y, **FIT)
    model.save(os.path.join(d, "model.keras"))
    if name not in NO_LEGACY_H5:
        model.save(os.path.join(d, "model.h5"))
    model.fit(x, y, **FIT)
    weights(d, "w2", model)
    model.fit(x, y, **FIT)
    weights(d, "w3", model)
    with open(os.path.join(d, "case.json"), "w") as f:
        json.dump({"optimizer": keras.optimizers.serialize(model.optimizer),
                   "iterations_in_file": 2, "fit": FIT}, f, indent=1, sort_keys=True)
        f.write("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--only", nargs="*")
    args = ap.parse_args()
    for name in CASES:
        if not args.only or name in args.only:
            make(args.out, name)
            print("wrote", name)


if __name__ == "__main__":
    main()
