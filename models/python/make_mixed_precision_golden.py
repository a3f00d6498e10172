#!/usr/bin/env python3
"""Golden files for the mixed_bfloat16 dtype policy (Keras 3 / TensorFlow backend).

Usage:
    python models/python/make_mixed_precision_golden.py [--out DIR]

DIR defaults to <repo>/core/src/test/resources/golden/mixed_precision. Each case is a small
keras.Sequential whose layers carry dtype="mixed_bfloat16" (float32 variables, bfloat16 compute),
some with a float32 output layer as Keras recommends, one built under
keras.mixed_precision.set_global_policy("mixed_bfloat16"). Weights and inputs are drawn as in
make_golden.py (uniform, fixed RandomState seeds; the weights are the float32 variables).

  * forward cases (<name>/): x.npy, w<k>.npy, y.npy = model(x, training=False) as float32,
    config.json, policies.json (each layer's dtype policy name);
  * training cases (train_<name>/): x.npy, y_true.npy, w<k>.npy, loss_<i>.npy (what
    train_on_batch returns at step i: the loss before that step's update), after_w<k>.npy.

Run with TF_ENABLE_ONEDNN_OPTS=0 (as the Java tests): the bfloat16 kernels are then TensorFlow's
Eigen ones on both sides.
"""
import argparse
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import numpy as np  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_golden as mg  # noqa: E402  (its helpers and its deterministic TF setup)

keras = mg.keras
L = keras.layers
DEFAULT_OUT = os.path.join(mg.DEFAULT_OUT, "mixed_precision")
MIXED = "mixed_bfloat16"


def dense_forward():
    return [L.Dense(8, activation="relu", dtype=MIXED),
            L.Dense(3, activation="softmax", dtype="float32")]


def cnn_forward():  # every layer mixed: the model's output is bfloat16
    return [L.Conv2D(2, 3, activation="relu", dtype=MIXED), L.MaxPooling2D(2, dtype=MIXED),
            L.Flatten(dtype=MIXED), L.Dense(3, activation="softmax", dtype=MIXED)]


def global_policy_forward():  # built under the global policy; the output layer float32
    keras.mixed_precision.set_global_policy(MIXED)
    try:
        return [L.Dense(6, activation="tanh"), L.BatchNormalization(), L.Dropout(0.3),
                L.Activation("silu"), L.Dense(2, dtype="float32")]
    finally:
        keras.mixed_precision.set_global_policy("float32")


def cnn_train():
    return [L.Conv2D(2, 3, activation="relu", dtype=MIXED), L.MaxPooling2D(2, dtype=MIXED),
            L.Flatten(dtype=MIXED), L.Dense(3, activation="softmax", dtype="float32")]


def mlp_batchnorm_train():  # the loss sees the bfloat16 softmax output cast to float32
    return [L.Dense(4, dtype=MIXED), L.BatchNormalization(momentum=0.8, dtype=MIXED),
            L.Dense(3, activation="softmax", dtype=MIXED)]


def functional_merges():
    """Merges and global pooling under the global policy: a residual Add, a Multiply, two global
    poolings concatenated, a float32 output layer."""
    keras.mixed_precision.set_global_policy(MIXED)
    try:
        x = keras.Input(shape=(6, 6, 2))
        a = L.Conv2D(3, 3, padding="same", activation="relu")(x)
        b = L.Conv2D(3, 3, padding="same")(a)
        added = L.Add()([a, b])
        product = L.Multiply()([added, a])
        pooled = L.Concatenate()([L.GlobalAveragePooling2D()(product),
                                  L.GlobalMaxPooling2D()(added)])
        return keras.Model(x, L.Dense(2, activation="softmax", dtype="float32")(pooled))
    finally:
        keras.mixed_precision.set_global_policy("float32")


# name: (seed, input shape, layers, x shape); layers None: a functional model
FORWARD = {
    "mixed_dense": (11, (4,), dense_forward, (6, 4)),
    "mixed_cnn": (12, (6, 6, 1), cnn_forward, (3, 6, 6, 1)),
    "mixed_global_policy": (13, (5,), global_policy_forward, (4, 5)),
    "mixed_functional_merges": (14, None, functional_merges, (3, 6, 6, 2)),
}
# name: (seed, input shape, layers, optimizer, loss, x shape, y kind, steps)
TRAIN = {
    "train_mixed_cnn_adam": (21, (6, 6, 1), cnn_train, lambda: keras.optimizers.Adam(),
                             "categorical_crossentropy", (4, 6, 6, 1), ("onehot", 3), 3),
    "train_mixed_batchnorm_sgd": (22, (4,), mlp_batchnorm_train,
                                  lambda: keras.optimizers.SGD(learning_rate=0.1),
                                  "sparse_categorical_crossentropy", (6, 4), ("sparse", 3), 3),
}


def start(d, seed, input_shape, layers):
    mg.fresh_session()
    model = layers() if input_shape is None else mg.build(input_shape, layers())
    ws = mg.set_explicit_weights(model, 200 + seed)
    os.makedirs(d, exist_ok=True)
    for k, w in enumerate(ws):
        mg.save_npy(os.path.join(d, f"w{k}.npy"), w)
    policies = {lyr.name: lyr.dtype_policy.name for lyr in model.layers
                if not isinstance(lyr, L.InputLayer)}
    mg.save_json(os.path.join(d, "policies.json"), policies)
    return model


def make_forward(out, name, seed, input_shape, layers, x_shape):
    d = os.path.join(out, name)
    model = start(d, seed, input_shape, layers)
    x = np.random.RandomState(100 + seed).uniform(-1, 1, x_shape).astype("float32")
    y = np.asarray(model(x, training=False)).astype("float32")
    mg.save_npy(os.path.join(d, "x.npy"), x)
    mg.save_npy(os.path.join(d, "y.npy"), y)
    mg.save_json(os.path.join(d, "config.json"), model.get_config())
    print(f"{name:28s} y{tuple(y.shape)} range [{y.min():.4g}, {y.max():.4g}]")


def make_train(out, name, seed, input_shape, layers, opt_fn, loss, x_shape, y_kind, steps):
    d = os.path.join(out, name)
    model = start(d, seed, input_shape, layers)
    x = np.random.RandomState(100 + seed).uniform(-1, 1, x_shape).astype("float32")
    y_true = mg.make_y_true(y_kind, x_shape[0], 300 + seed)
    model.compile(optimizer=opt_fn(), loss=loss, jit_compile=False)
    mg.save_npy(os.path.join(d, "x.npy"), x)
    mg.save_npy(os.path.join(d, "y_true.npy"), y_true)
    losses = []
    for i in range(steps):
        ret = model.train_on_batch(x, y_true)
        losses.append(float(ret[0] if isinstance(ret, (list, tuple)) else ret))
        mg.save_npy(os.path.join(d, f"loss_{i}.npy"), np.float32(losses[-1]))
    for k, w in enumerate(model.get_weights()):
        mg.save_npy(os.path.join(d, f"after_w{k}.npy"), w)
    mg.save_json(os.path.join(d, "config.json"), model.get_config())
    print(f"{name:28s} losses {['%.6f' % v for v in losses]}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=DEFAULT_OUT)
    out = os.path.abspath(ap.parse_args(argv).out)
    os.makedirs(out, exist_ok=True)
    for name, (seed, shape, layers, x_shape) in FORWARD.items():
        make_forward(out, name, seed, shape, layers, x_shape)
    for name, (seed, shape, layers, opt, loss, x_shape, y_kind, steps) in TRAIN.items():
        make_train(out, name, seed, shape, layers, opt, loss, x_shape, y_kind, steps)
    return 0


if __name__ == "__main__":
    sys.exit(main())
