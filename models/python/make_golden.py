#!/usr/bin/env python3
"""Generate golden reference files (Keras 3 / TensorFlow backend) for the Java tests.

Usage:
    python models/python/make_golden.py [--out DIR] [--only CASE [CASE ...]]

DIR defaults to <repo>/core/src/test/resources/golden (computed from this
script's location, so the working directory does not matter).

Every case is a small keras.Sequential. Weights are never left to Keras'
initializers: for each case one np.random.RandomState(<weight seed>) draws
uniform(lo, hi, shape) for every array of model.get_weights() in order
(kernels AND biases), then model.set_weights(). Inputs come from a separate
RandomState(<input seed>). See the README.md this script writes into DIR.

Verified facts (Keras 3.15.1, tensorflow-cpu 2.21.0) that the generator
relies on and re-checks on every run (it aborts if they stop holding):
  * train_on_batch() returns the loss of the forward pass of that very call,
    i.e. the loss of the batch computed with the weights *before* this step's
    update (backend/tensorflow/trainer.py:57-84: loss is computed and fed to
    _loss_tracker inside the GradientTape, apply_gradients comes after; and
    train_on_batch calls reset_metrics() first, trainer.py:624, so the value
    is that single batch's loss, not a running mean).
    Checked here: loss_<i> == loss_fn(y_true, model(x)) evaluated just before
    step i, to ~1e-7.
  * softmax/sigmoid outputs carry `_keras_logits`, and the crossentropy losses
    use those logits (no 1e-7 clipping) both eagerly and inside
    train_on_batch. Checked here with a saturated-logit probe.
"""
import argparse
import json
import os
import platform
import sys
import zlib

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DEFAULT_OUT = os.path.join(REPO_ROOT, "core", "src", "test", "resources", "golden")


def _import_keras():
    import tensorflow as tf
    import keras

    # Deterministic, machine-independent kernels as far as TF allows.
    tf.config.threading.set_inter_op_parallelism_threads(1)
    tf.config.threading.set_intra_op_parallelism_threads(1)
    tf.config.experimental.enable_op_determinism()
    tf.get_logger().setLevel("ERROR")  # silence tf.function retracing notices
    return tf, keras


tf, keras = _import_keras()
L = keras.layers

# --------------------------------------------------------------------------
# Case definitions
# --------------------------------------------------------------------------


def lesson_iris_layers():
    return [L.Dense(10, activation="relu"), L.Dense(10, activation="relu"),
            L.Dense(3, activation="softmax")]


def lesson_cnn_layers():
    return [
        L.Conv2D(32, kernel_size=(3, 3), activation="relu"),
        L.MaxPooling2D(pool_size=(2, 2)),
        L.Conv2D(64, kernel_size=(3, 3), activation="relu"),
        L.MaxPooling2D(pool_size=(2, 2)),
        L.Flatten(),
        L.Dense(128, activation="relu"),
        L.Dense(10, activation="softmax"),
    ]


def lesson_rnn_x():
    """The lesson's RNN data: pad_sequences([[1,2,3],[4,5,6],[7,8,9]], padding='post', maxlen=5)."""
    seqs = np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    padded = keras.utils.pad_sequences(seqs, padding="post", maxlen=5)
    return padded.astype("float32").reshape(3, 5, 1)


# Forward (inference) cases:
# name, input_shape, layer factory, x shape, x range, weight range, seed id
FORWARD_CASES = [
    ("dense_relu", (5,), lambda: [L.Dense(4, activation="relu")], (3, 5)),
    ("dense_softmax", (6,), lambda: [L.Dense(3, activation="softmax")], (4, 6)),
    ("dense_sigmoid", (3,), lambda: [L.Dense(2, activation="sigmoid")], (4, 3)),
    ("dense_tanh_nobias", (4,), lambda: [L.Dense(3, activation="tanh", use_bias=False)], (2, 4)),
    ("dense_linear", (3,), lambda: [L.Dense(2)], (2, 3)),
    ("conv2d_valid", (7, 7, 2), lambda: [L.Conv2D(3, (3, 3), activation="relu")], (2, 7, 7, 2)),
    ("conv2d_same_strided", (8, 7, 3),
     lambda: [L.Conv2D(4, (3, 3), strides=(2, 2), padding="same", use_bias=False)], (2, 8, 7, 3)),
    ("conv2d_rect_kernel", (6, 7, 1),
     lambda: [L.Conv2D(2, (2, 3), strides=(1, 2), activation="sigmoid")], (2, 6, 7, 1)),
    ("maxpool_valid", (7, 7, 3), lambda: [L.MaxPooling2D((2, 2))], (2, 7, 7, 3)),
    ("maxpool_same_strided", (7, 8, 2),
     lambda: [L.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="same")], (2, 7, 8, 2)),
    ("flatten", (3, 4, 2), lambda: [L.Flatten()], (2, 3, 4, 2)),
    ("simple_rnn_last", (5, 3), lambda: [L.SimpleRNN(4)], (2, 5, 3)),
    ("simple_rnn_seq_relu", (4, 2),
     lambda: [L.SimpleRNN(3, activation="relu", return_sequences=True)], (2, 4, 2)),
    ("dropout_inference", (3,), lambda: [L.Dense(4), L.Dropout(0.5)], (2, 3)),
    ("lesson_iris", (4,), lesson_iris_layers, (5, 4)),
    ("lesson_cnn", (28, 28, 1), lesson_cnn_layers, (2, 28, 28, 1)),
    ("lesson_rnn", (5, 1),
     lambda: [L.SimpleRNN(50, activation="relu"), L.Dense(1, activation="sigmoid")], (3, 5, 1)),
]

# Per-case overrides: x range / fixed x, weight range.
X_RANGE = {"lesson_cnn": (0.0, 1.0)}
# lesson_cnn: as specified, keeps activations moderate. lesson_rnn: with +-0.5 the relu
# state reaches ~30 on the lesson's inputs 1..9 and the sigmoid output saturates to
# 1e-2..3e-9 (useless for an atol comparison); +-0.2 gives outputs ~0.52-0.55.
W_RANGE = {"lesson_cnn": (-0.1, 0.1), "lesson_rnn": (-0.2, 0.2)}
FIXED_X = {"lesson_rnn": lesson_rnn_x}


def sgd(**kw):
    return keras.optimizers.SGD(**kw)


def adam(**kw):
    return keras.optimizers.Adam(**kw)


# Training cases: name, input_shape, layers, optimizer factory, loss, x shape,
# y kind ("sparse" n classes / "onehot" n / "binary" / "regression" units), steps
TRAIN_CASES = [
    ("train_iris_adam", (4,), lesson_iris_layers, lambda: adam(),
     "sparse_categorical_crossentropy", (10, 4), ("sparse", 3), 3),
    ("train_sparse_sgd", (4,), lambda: [L.Dense(3, activation="softmax")],
     lambda: sgd(learning_rate=0.1), "sparse_categorical_crossentropy", (6, 4), ("sparse", 3), 2),
    ("train_categorical_sgd", (4,), lambda: [L.Dense(3, activation="softmax")],
     lambda: sgd(learning_rate=0.1), "categorical_crossentropy", (6, 4), ("onehot", 3), 2),
    ("train_binary_adam", (3,), lambda: [L.Dense(1, activation="sigmoid")],
     lambda: adam(learning_rate=0.01), "binary_crossentropy", (6, 3), ("binary", 1), 2),
    ("train_mse_sgd_momentum", (3,), lambda: [L.Dense(2)],
     lambda: sgd(learning_rate=0.05, momentum=0.9), "mean_squared_error", (6, 3),
     ("regression", 2), 3),
    ("train_cnn_adam", (6, 6, 1),
     lambda: [L.Conv2D(2, (3, 3), activation="relu"), L.MaxPooling2D((2, 2)), L.Flatten(),
              L.Dense(3, activation="softmax")],
     lambda: adam(), "categorical_crossentropy", (4, 6, 6, 1), ("onehot", 3), 2),
    ("train_rnn_adam", (4, 2),
     lambda: [L.SimpleRNN(3, activation="tanh"), L.Dense(1, activation="sigmoid")],
     lambda: adam(), "binary_crossentropy", (3, 4, 2), ("binary", 1), 2),
]

ALL_NAMES = [c[0] for c in FORWARD_CASES] + [c[0] for c in TRAIN_CASES]

# Forward cases added after the training cases: they number on from the end of ALL_NAMES, so the
# earlier cases keep their seeds (and their committed files). Append new ones here.
MORE_FORWARD_CASES = [
    ("activation_layers", (4,),
     lambda: [L.Activation("tanh"), L.Dense(3), L.Activation("softmax")], (3, 4)),
    ("reshape_infer", (3, 4), lambda: [L.Reshape((2, -1, 3))], (2, 3, 4)),
    ("reshape_dense", (6,), lambda: [L.Dense(6), L.Reshape((3, 2)), L.Dense(2)], (2, 6)),
    ("avgpool_valid", (7, 7, 3), lambda: [L.AveragePooling2D((2, 2))], (2, 7, 7, 3)),
    ("avgpool_same_strided", (7, 8, 2),
     lambda: [L.AveragePooling2D(pool_size=(3, 3), strides=(2, 2), padding="same")],
     (2, 7, 8, 2)),
    ("global_avgpool2d", (4, 5, 3), lambda: [L.GlobalAveragePooling2D()], (2, 4, 5, 3)),
    ("global_maxpool2d", (4, 5, 3), lambda: [L.GlobalMaxPooling2D()], (2, 4, 5, 3)),
    ("global_maxpool2d_keepdims", (3, 4, 2),
     lambda: [L.GlobalMaxPooling2D(keepdims=True)], (2, 3, 4, 2)),
    ("global_avgpool1d", (6, 4), lambda: [L.GlobalAveragePooling1D()], (2, 6, 4)),
    ("conv1d_valid", (8, 3), lambda: [L.Conv1D(4, 3, activation="relu")], (2, 8, 3)),
    ("conv1d_same_strided", (9, 2),
     lambda: [L.Conv1D(3, 4, strides=2, padding="same", use_bias=False)], (2, 9, 2)),
    ("embedding", (5,), lambda: [L.Embedding(10, 3)], (3, 5)),
    ("embedding_conv1d_text", (6,),
     lambda: [L.Embedding(7, 4), L.Conv1D(3, 2, activation="relu"), L.GlobalAveragePooling1D(),
              L.Dense(2, activation="softmax")], (3, 6)),
]
FORWARD_CASES += MORE_FORWARD_CASES
ALL_NAMES += [c[0] for c in MORE_FORWARD_CASES]
# Recurrent and normalization cases, numbered on after the cases above (same reason).
RECURRENT_NORM_FORWARD_CASES = [
    ("lstm_last", (5, 3), lambda: [L.LSTM(4)], (2, 5, 3)),
    ("lstm_seq", (4, 2), lambda: [L.LSTM(3, return_sequences=True)], (2, 4, 2)),
    ("gru_last", (5, 3), lambda: [L.GRU(4)], (2, 5, 3)),
    ("gru_seq_reset_before", (4, 2),
     lambda: [L.GRU(3, return_sequences=True, reset_after=False)], (2, 4, 2)),
    ("batchnorm_inference", (5,), lambda: [L.Dense(4), L.BatchNormalization()], (3, 5)),
    ("batchnorm_rank3_noscale", (3, 4),
     lambda: [L.BatchNormalization(scale=False, epsilon=0.01)], (2, 3, 4)),
]
RECURRENT_NORM_TRAIN_CASES = [
    ("train_lstm_adam", (4, 2),
     lambda: [L.LSTM(3), L.Dense(1, activation="sigmoid")],
     lambda: adam(), "binary_crossentropy", (3, 4, 2), ("binary", 1), 2),
    ("train_gru_adam", (4, 2),
     lambda: [L.GRU(3, return_sequences=True), L.Flatten(), L.Dense(1, activation="sigmoid")],
     lambda: adam(), "binary_crossentropy", (3, 4, 2), ("binary", 1), 2),
    ("train_batchnorm_sgd", (4,),
     lambda: [L.Dense(4), L.BatchNormalization(momentum=0.8), L.Dense(3, activation="softmax")],
     lambda: sgd(learning_rate=0.1), "sparse_categorical_crossentropy", (6, 4), ("sparse", 3), 2),
]
FORWARD_CASES += RECURRENT_NORM_FORWARD_CASES
TRAIN_CASES += RECURRENT_NORM_TRAIN_CASES
ALL_NAMES += [c[0] for c in RECURRENT_NORM_FORWARD_CASES + RECURRENT_NORM_TRAIN_CASES]
FIXED_X_TAKES_SHAPE = {"embedding", "embedding_conv1d_text"}

# Functional (keras.Model(inputs, outputs)) cases, numbered on after the cases above. Each builder
# makes its layers in the order it applies them (Keras names unnamed layers when they are made) and
# returns (inputs, output).


def functional_two_inputs():
    a = keras.Input(shape=(4,), name="a")
    b = keras.Input(shape=(3,), name="b")
    h = L.Concatenate()([a, b])
    h = L.Dense(5, activation="relu")(h)
    return [a, b], L.Dense(3, activation="softmax")(h)


def functional_residual():
    x = keras.Input(shape=(6,))
    h = L.Dense(6, activation="relu")(x)
    h = L.Add()([h, x])
    return [x], L.Dense(2, activation="sigmoid")(h)


def functional_branchy():
    # The branches have different depths, so model.layers (deepest first, ties in depth-first order
    # from the output) differs from the order the layers were made: dense_1, dense, dense_2, ...
    x = keras.Input(shape=(6,))
    short = L.Dense(4, activation="relu")(x)
    long = L.Dense(3, activation="tanh")(x)
    long = L.Dense(2)(long)
    h = L.Concatenate()([short, long])
    return [x], L.Dense(3, activation="softmax")(h)


def functional_concat_axis1():
    a = keras.Input(shape=(2, 3))
    b = keras.Input(shape=(4, 3))
    h = L.Concatenate(axis=1)([a, b])
    h = L.Flatten()(h)
    return [a, b], L.Dense(2)(h)


# name, builder, x shapes (one per input, batch first)
FUNCTIONAL_FORWARD_CASES = [
    ("functional_two_inputs", functional_two_inputs, [(4, 4), (4, 3)]),
    ("functional_residual", functional_residual, [(3, 6)]),
    ("functional_branchy", functional_branchy, [(3, 6)]),
    ("functional_concat_axis1", functional_concat_axis1, [(2, 2, 3), (2, 4, 3)]),
]
# name, builder, optimizer factory, loss, x shapes, y kind, steps
FUNCTIONAL_TRAIN_CASES = [
    ("train_functional_two_inputs_adam", functional_two_inputs, lambda: adam(learning_rate=0.01),
     "sparse_categorical_crossentropy", [(6, 4), (6, 3)], ("sparse", 3), 5),
    ("train_functional_residual_sgd", functional_residual, lambda: sgd(learning_rate=0.1),
     "binary_crossentropy", [(6, 6)], ("binary", 2), 5),
    ("train_functional_branchy_sgd_momentum", functional_branchy,
     lambda: sgd(learning_rate=0.05, momentum=0.9), "categorical_crossentropy", [(6, 6)],
     ("onehot", 3), 5),
]
ALL_NAMES += [c[0] for c in FUNCTIONAL_FORWARD_CASES + FUNCTIONAL_TRAIN_CASES]

# Optimizer options (issue 10), numbered on after the cases above: a Dense(3, relu) -> Dense(2)
# regression trained 4 steps with each option, so that every step's update matters.
def _mlp():
    return [L.Dense(3, activation="relu"), L.Dense(2)]


def _decay(**kw):
    return keras.optimizers.schedules.ExponentialDecay(**kw)


OPTIMIZER_TRAIN_CASES = [
    (name, (4,), _mlp, opt, "mean_squared_error", (6, 4), ("regression", 2), 4)
    for name, opt in [
        ("opt_adam_amsgrad", lambda: adam(learning_rate=0.05, amsgrad=True)),
        ("opt_adam_clipnorm", lambda: adam(learning_rate=0.05, clipnorm=0.1)),
        ("opt_sgd_clipvalue", lambda: sgd(learning_rate=0.1, clipvalue=0.05)),
        ("opt_sgd_global_clipnorm", lambda: sgd(learning_rate=0.1, momentum=0.5,
                                                global_clipnorm=0.2)),
        ("opt_adam_weight_decay", lambda: adam(learning_rate=0.05, weight_decay=0.1)),
        ("opt_sgd_nesterov", lambda: sgd(learning_rate=0.1, momentum=0.9, nesterov=True)),
        ("opt_sgd_exponential_decay", lambda: sgd(
            learning_rate=_decay(initial_learning_rate=0.2, decay_steps=2, decay_rate=0.5),
            momentum=0.9)),
        ("opt_adam_exponential_decay_staircase", lambda: adam(
            learning_rate=_decay(initial_learning_rate=0.05, decay_steps=2, decay_rate=0.3,
                                 staircase=True))),
    ]
]
TRAIN_CASES += OPTIMIZER_TRAIN_CASES
ALL_NAMES += [c[0] for c in OPTIMIZER_TRAIN_CASES]

# Embedding inputs are token ids (integers stored as float32), drawn from RandomState(x seed).
for _name, _vocab in (("embedding", 10), ("embedding_conv1d_text", 7)):
    FIXED_X[_name] = (lambda n, v: lambda shape: np.random.RandomState(seeds_for(n)["x"])
                      .randint(0, v, shape).astype("float32"))(_name, _vocab)


# Cases added from here on take seeds from their names, not their positions, so that lists added in
# parallel (one per change) do not move each other's seeds: add them with `name_seeded(cases)`.
NAME_SEEDED = set()


def name_seeded(cases):
    """Registers training cases (tuples as TRAIN_CASES holds) with name-derived seeds."""
    TRAIN_CASES.extend(cases)
    ALL_NAMES.extend(c[0] for c in cases)
    NAME_SEEDED.update(c[0] for c in cases)


# Learning-rate schedules (issue 10): each schedule and option on the _mlp regression, decay over
# 2-3 steps and 4-6 training steps, so that the rate changes within the trajectory.
def _sched_cases():
    S = keras.optimizers.schedules
    cases = [
        ("opt_sched_sgd_piecewise", 4, lambda: sgd(
            learning_rate=S.PiecewiseConstantDecay([1, 2], [0.2, 0.1, 0.05]), momentum=0.5)),
        ("opt_sched_sgd_polynomial", 5, lambda: sgd(learning_rate=S.PolynomialDecay(
            0.2, 3, end_learning_rate=0.01, power=2.0))),
        ("opt_sched_adam_polynomial_cycle", 5, lambda: adam(learning_rate=S.PolynomialDecay(
            0.05, 2, power=0.5, cycle=True))),
        ("opt_sched_sgd_inverse_time", 4, lambda: sgd(
            learning_rate=S.InverseTimeDecay(0.2, 2, 0.5), momentum=0.9)),
        ("opt_sched_adam_inverse_time_staircase", 5, lambda: adam(
            learning_rate=S.InverseTimeDecay(0.05, 2, 1.5, staircase=True))),
        ("opt_sched_sgd_cosine", 5, lambda: sgd(learning_rate=S.CosineDecay(0.2, 3, alpha=0.1))),
        ("opt_sched_adam_cosine_warmup", 6, lambda: adam(learning_rate=S.CosineDecay(
            0.0, 3, alpha=0.2, warmup_target=0.05, warmup_steps=2))),
        ("opt_sched_sgd_cosine_restarts", 6, lambda: sgd(
            learning_rate=S.CosineDecayRestarts(0.2, 2), momentum=0.5)),
        ("opt_sched_adam_cosine_restarts_periodic", 6, lambda: adam(
            learning_rate=S.CosineDecayRestarts(0.05, 2, t_mul=1.0, m_mul=0.5, alpha=0.1))),
    ]
    return [(name, (4,), _mlp, opt, "mean_squared_error", (6, 4), ("regression", 2), steps)
            for name, steps, opt in cases]


name_seeded(_sched_cases())

# RMSprop, Adagrad, Adadelta: Keras's defaults and each non-default option (Adadelta at lr 1.0, the
# paper's rate: at its default 0.001 four steps move the weights by less than the tolerance).
_RMS = keras.optimizers.RMSprop
name_seeded([
    (name, (4,), _mlp, opt, "mean_squared_error", (6, 4), ("regression", 2), 4)
    for name, opt in [
        ("opt_rmsprop", lambda: _RMS()),
        ("opt_rmsprop_rho_epsilon", lambda: _RMS(learning_rate=0.01, rho=0.5, epsilon=1e-3)),
        ("opt_rmsprop_momentum", lambda: _RMS(learning_rate=0.01, momentum=0.9)),
        ("opt_rmsprop_centered", lambda: _RMS(learning_rate=0.01, centered=True)),
        ("opt_rmsprop_momentum_centered", lambda: _RMS(learning_rate=0.01, rho=0.8,
                                                       momentum=0.5, centered=True)),
        ("opt_adagrad", lambda: keras.optimizers.Adagrad()),
        ("opt_adagrad_initial_accumulator_value", lambda: keras.optimizers.Adagrad(
            learning_rate=0.1, initial_accumulator_value=0.5)),
        ("opt_adagrad_epsilon", lambda: keras.optimizers.Adagrad(
            learning_rate=0.1, initial_accumulator_value=0.0, epsilon=1e-3)),
        ("opt_adadelta", lambda: keras.optimizers.Adadelta(learning_rate=1.0)),
        ("opt_adadelta_rho_epsilon", lambda: keras.optimizers.Adadelta(
            learning_rate=1.0, rho=0.8, epsilon=1e-4)),
    ]
])

# Ftrl and Adafactor: Keras's defaults and each main option (Adafactor factors the rank-2 kernels
# and keeps plain second moments for the biases).
name_seeded([
    (name, (4,), _mlp, opt, "mean_squared_error", (6, 4), ("regression", 2), 4)
    for name, opt in [
        ("opt_ftrl_defaults", lambda: keras.optimizers.Ftrl()),
        ("opt_ftrl_l1_l2", lambda: keras.optimizers.Ftrl(
            learning_rate=0.1, l1_regularization_strength=0.05, l2_regularization_strength=0.2)),
        ("opt_ftrl_shrinkage", lambda: keras.optimizers.Ftrl(
            learning_rate=0.1, l2_shrinkage_regularization_strength=0.3, learning_rate_power=-0.3,
            initial_accumulator_value=0.5)),
        ("opt_ftrl_beta", lambda: keras.optimizers.Ftrl(
            learning_rate=0.1, beta=0.5, learning_rate_power=0.0, initial_accumulator_value=0.0)),
        ("opt_adafactor_defaults", lambda: keras.optimizers.Adafactor()),
        ("opt_adafactor_clip_threshold", lambda: keras.optimizers.Adafactor(
            learning_rate=0.1, clip_threshold=0.5)),
        ("opt_adafactor_relative_step", lambda: keras.optimizers.Adafactor(
            learning_rate=0.8, relative_step=False, beta_2_decay=-0.5, epsilon_2=0.01)),
        ("opt_adafactor_schedule", lambda: keras.optimizers.Adafactor(
            learning_rate=_decay(initial_learning_rate=0.8, decay_steps=2, decay_rate=0.5),
            epsilon_1=1e-3)),
    ]
])

# AdamW, Adamax, Nadam, Lion: Keras's defaults, then their own and the common options.
name_seeded([
    (name, (4,), _mlp, opt, "mean_squared_error", (6, 4), ("regression", 2), 4)
    for name, opt in [
        ("opt_adamw_defaults", lambda: keras.optimizers.AdamW()),
        ("opt_adamw_options", lambda: keras.optimizers.AdamW(
            learning_rate=0.05, weight_decay=0.2, beta_1=0.8, beta_2=0.99, epsilon=1e-3)),
        ("opt_adamw_amsgrad", lambda: keras.optimizers.AdamW(
            learning_rate=0.05, amsgrad=True, clipnorm=0.5)),
        ("opt_adamax_defaults", lambda: keras.optimizers.Adamax()),
        ("opt_adamax_options", lambda: keras.optimizers.Adamax(
            learning_rate=0.05, beta_1=0.7, beta_2=0.95, epsilon=1e-3)),
        ("opt_adamax_weight_decay", lambda: keras.optimizers.Adamax(
            learning_rate=0.05, weight_decay=0.1, global_clipnorm=0.3)),
        ("opt_nadam_defaults", lambda: keras.optimizers.Nadam()),
        ("opt_nadam_options", lambda: keras.optimizers.Nadam(
            learning_rate=0.05, beta_1=0.8, beta_2=0.99, epsilon=1e-4)),
        ("opt_nadam_exponential_decay", lambda: keras.optimizers.Nadam(
            learning_rate=_decay(initial_learning_rate=0.05, decay_steps=2, decay_rate=0.5),
            weight_decay=0.05, clipvalue=0.1)),
        ("opt_lion_defaults", lambda: keras.optimizers.Lion()),
        ("opt_lion_options", lambda: keras.optimizers.Lion(
            learning_rate=0.01, beta_1=0.5, beta_2=0.9)),
        ("opt_lion_weight_decay", lambda: keras.optimizers.Lion(
            learning_rate=0.01, weight_decay=0.5, clipnorm=0.2)),
    ]
])


# The base optimizer's step options (issue 10): use_ema with an overwrite frequency (without one
# train_on_batch never shows the averages), gradient_accumulation_steps (iterations count every
# call, the update and a schedule see them as Keras does), loss_scale_factor; 5-6 steps so that
# the accumulation and overwrite periods recur.
name_seeded([
    (name, (4,), _mlp, opt, "mean_squared_error", (6, 4), ("regression", 2), steps)
    for name, steps, opt in [
        ("opt_step_adam_ema_overwrite", 5, lambda: adam(
            learning_rate=0.05, use_ema=True, ema_momentum=0.8, ema_overwrite_frequency=2)),
        ("opt_step_sgd_ema_overwrite", 5, lambda: sgd(
            learning_rate=0.1, momentum=0.5, use_ema=True, ema_overwrite_frequency=3)),
        ("opt_step_adam_accumulation", 5, lambda: adam(
            learning_rate=0.05, gradient_accumulation_steps=2)),
        ("opt_step_sgd_accumulation", 6, lambda: sgd(
            learning_rate=0.1, momentum=0.9, gradient_accumulation_steps=3, clipnorm=0.1)),
        ("opt_step_sgd_accumulation_schedule", 6, lambda: sgd(
            learning_rate=_decay(initial_learning_rate=0.2, decay_steps=2, decay_rate=0.5),
            gradient_accumulation_steps=2)),
        ("opt_step_nadam_accumulation", 5, lambda: keras.optimizers.Nadam(
            learning_rate=0.05, gradient_accumulation_steps=2, weight_decay=0.1)),
        ("opt_step_adam_accumulation_ema", 6, lambda: adam(
            learning_rate=0.05, gradient_accumulation_steps=2, use_ema=True, ema_momentum=0.5,
            ema_overwrite_frequency=2)),
        ("opt_step_adam_loss_scale", 4, lambda: adam(learning_rate=0.05, loss_scale_factor=128.0)),
        ("opt_step_sgd_loss_scale", 4, lambda: sgd(
            learning_rate=0.1, momentum=0.9, loss_scale_factor=0.3)),
    ]
])

# Losses (issue 10): each of Keras's other losses on a small model whose output suits it, by name
# (Keras's defaults) or as a serialized loss (a non-default option), 3 SGD steps.
def _loss_cases():
    def dense(units, activation=None):
        return lambda: [L.Dense(3, activation="tanh"), L.Dense(units, activation=activation)]
    return [
        ("loss_mae_sgd", dense(2), "mean_absolute_error", ("regression", 2)),
        ("loss_mape_sgd", dense(2), "mape", ("away_from_zero", 2)),
        ("loss_msle_sgd", dense(2, "softplus"), "msle", ("positive", 2)),
        ("loss_kld_sgd", dense(3, "softmax"), "kl_divergence", ("soft", 3)),
        ("loss_poisson_sgd", dense(2, "softplus"), "poisson", ("counts", 2)),
        ("loss_huber_sgd", dense(2), "huber", ("regression", 2)),
        ("loss_huber_delta_sgd", dense(2), {"class_name": "Huber", "config": {"delta": 0.3}},
         ("regression", 2)),
        ("loss_log_cosh_sgd", dense(2), "log_cosh", ("regression", 2)),
        ("loss_hinge_sgd", dense(1), "hinge", ("binary", 1)),
        ("loss_squared_hinge_sgd", dense(2), "squared_hinge", ("signed", 2)),
        ("loss_categorical_hinge_sgd", dense(3), "categorical_hinge", ("onehot", 3)),
        ("loss_cosine_similarity_sgd", dense(3), "cosine_similarity", ("regression", 3)),
    ]


name_seeded([(name, (4,), layers, lambda lr=0.001 if "mape" in name else 0.1: sgd(learning_rate=lr),
              loss, (6, 4), y_kind, 3) for name, layers, loss, y_kind in _loss_cases()])

# Weighted training (issue 10): train_on_batch with sample_weight, and with class_weight, which
# Keras turns into one weight per sample (sparse labels: the label; one-hot: the argmax).
TRAIN_WEIGHTS = {
    "weighted_sample_mse_sgd": {"sample_weight": [1.0, 0.0, 2.5, 0.5, 1.0, 3.0]},
    "weighted_sample_sparse_adam": {"sample_weight": [0.2, 1.0, 1.0, 4.0, 0.0, 1.5]},
    "weighted_class_sparse_sgd": {"class_weight": {0: 3.0, 2: 0.25}},
    "weighted_class_onehot_adam": {"class_weight": {0: 0.5, 1: 2.0, 2: 1.5}},
}
name_seeded([
    ("weighted_sample_mse_sgd", (4,), _mlp, lambda: sgd(learning_rate=0.1, momentum=0.5),
     "mean_squared_error", (6, 4), ("regression", 2), 3),
    ("weighted_sample_sparse_adam", (4,), lambda: [L.Dense(3, activation="softmax")],
     lambda: adam(learning_rate=0.05), "sparse_categorical_crossentropy", (6, 4), ("sparse", 3), 3),
    ("weighted_class_sparse_sgd", (4,), lambda: [L.Dense(3, activation="softmax")],
     lambda: sgd(learning_rate=0.2), "sparse_categorical_crossentropy", (6, 4), ("sparse", 3), 3),
    ("weighted_class_onehot_adam", (4,), lambda: [L.Dense(3, activation="softmax")],
     lambda: adam(learning_rate=0.05), "categorical_crossentropy", (6, 4), ("onehot", 3), 3),
])


def seeds_for(name):
    """Fixed per-case seeds: x, weights, labels, from the case's position (or name, see above)."""
    if name in NAME_SEEDED:
        i = 1000 + zlib.crc32(name.encode("utf-8")) % 100000
    else:
        i = ALL_NAMES.index(name) + 1
    return {"x": 100 + i, "weights": 200 + i, "y_true": 300 + i}


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def fresh_session():
    # Resets layer-name counters so config.json names ("sequential", "dense",
    # "dense_1", ...) do not depend on which cases ran before.
    keras.backend.clear_session()
    keras.utils.set_random_seed(0)


def build(input_shape, layers):
    return keras.Sequential([keras.Input(shape=input_shape)] + list(layers))


def set_explicit_weights(model, seed, lo=-0.5, hi=0.5):
    rs = np.random.RandomState(seed)
    # a variance must be positive: moving_variance entries are drawn from uniform(0.5, 1.5)
    ws = [rs.uniform(*((0.5, 1.5) if v.path.endswith("moving_variance") else (lo, hi)), v.shape)
          .astype("float32") for v in model.weights]
    model.set_weights(ws)
    got = model.get_weights()
    assert all(np.array_equal(a, b) for a, b in zip(ws, got))
    return ws


def save_npy(path, arr):
    # (not np.ascontiguousarray: it turns 0-d scalars into shape (1,))
    arr = np.array(arr, dtype=np.float32, order="C")
    np.save(path, arr, allow_pickle=False)


def save_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=2, sort_keys=True)
        f.write("\n")


def versions():
    return {
        "keras_version": keras.__version__,
        "tensorflow_version": tf.__version__,
        "numpy_version": np.__version__,
        "python_version": platform.python_version(),
    }


def make_forward(out, name, input_shape, layer_fn, x_shape):
    fresh_session()
    s = seeds_for(name)
    model = build(input_shape, layer_fn())
    lo, hi = W_RANGE.get(name, (-0.5, 0.5))
    ws = set_explicit_weights(model, s["weights"], lo, hi)
    if name in FIXED_X:
        x = FIXED_X[name](x_shape) if name in FIXED_X_TAKES_SHAPE else FIXED_X[name]()
        assert x.shape == x_shape
    else:
        xlo, xhi = X_RANGE.get(name, (-1.0, 1.0))
        x = np.random.RandomState(s["x"]).uniform(xlo, xhi, x_shape).astype("float32")
    y = np.asarray(model(x, training=False))
    d = os.path.join(out, name)
    os.makedirs(d, exist_ok=True)
    save_npy(os.path.join(d, "x.npy"), x)
    for k, w in enumerate(ws):
        save_npy(os.path.join(d, f"w{k}.npy"), w)
    save_npy(os.path.join(d, "y.npy"), y)
    save_json(os.path.join(d, "config.json"), model.get_config())
    return y


def make_y_true(kind, n, seed):
    rs = np.random.RandomState(seed)
    what, k = kind
    if what == "sparse":
        return rs.randint(0, k, size=(n,)).astype("float32")
    if what == "onehot":
        return np.eye(k, dtype="float32")[rs.randint(0, k, size=(n,))]
    if what == "binary":
        return rs.randint(0, 2, size=(n, k)).astype("float32")
    if what == "regression":
        return rs.uniform(-1, 1, size=(n, k)).astype("float32")
    if what == "away_from_zero":  # MAPE divides by the labels: keep its steps moderate
        return rs.uniform(1, 2, size=(n, k)).astype("float32")
    if what == "positive":
        return rs.uniform(0, 2, size=(n, k)).astype("float32")
    if what == "counts":
        return rs.randint(0, 4, size=(n, k)).astype("float32")
    if what == "signed":
        return (2 * rs.randint(0, 2, size=(n, k)) - 1).astype("float32")
    if what == "soft":
        p = rs.uniform(0.1, 1, size=(n, k))
        return (p / p.sum(axis=1, keepdims=True)).astype("float32")
    raise ValueError(kind)


def make_train(out, name, input_shape, layer_fn, opt_fn, loss_name, x_shape, y_kind, steps):
    fresh_session()
    s = seeds_for(name)
    model = build(input_shape, layer_fn())
    ws = set_explicit_weights(model, s["weights"])
    x = np.random.RandomState(s["x"]).uniform(-1, 1, x_shape).astype("float32")
    y_true = make_y_true(y_kind, x_shape[0], s["y_true"])
    opt = opt_fn()
    # a dict is a serialized loss (a loss with options), not a dict of losses by output
    loss = keras.losses.get(loss_name) if isinstance(loss_name, dict) else loss_name
    # jit_compile=False: no XLA; the train function is a plain tf.function.
    model.compile(optimizer=opt, loss=loss, jit_compile=False)
    assert model.jit_compile is False
    loss_fn = keras.losses.get(loss_name)
    weighting = TRAIN_WEIGHTS.get(name, {})
    kwargs, sw = {}, None
    if "sample_weight" in weighting:
        sw = np.asarray(weighting["sample_weight"], dtype="float32")
        kwargs["sample_weight"] = sw
    if "class_weight" in weighting:
        kwargs["class_weight"] = weighting["class_weight"]
        from keras.src.trainers.data_adapters import data_adapter_utils
        sw = data_adapter_utils.class_weight_to_sample_weights(y_true, weighting["class_weight"])

    d = os.path.join(out, name)
    os.makedirs(d, exist_ok=True)
    save_npy(os.path.join(d, "x.npy"), x)
    save_npy(os.path.join(d, "y_true.npy"), y_true)
    for k, w in enumerate(ws):
        save_npy(os.path.join(d, f"w{k}.npy"), w)

    losses = []
    max_pre_update_diff = 0.0
    for i in range(steps):
        # Loss of this batch with the weights as they are *before* step i.
        # (training=True, as train_on_batch runs it: BatchNormalization uses the batch statistics;
        # the call also moves the moving statistics, so the weights are put back after it)
        before = model.get_weights()
        values = np.asarray(loss_fn(y_true, model(x, training=True)))
        pre = float(np.mean(values if sw is None else values * sw))
        model.set_weights(before)
        ret = model.train_on_batch(x, y_true, **kwargs)
        ret = float(ret[0] if isinstance(ret, (list, tuple)) else ret)
        diff = abs(ret - pre)
        max_pre_update_diff = max(max_pre_update_diff, diff)
        if diff > 1e-5 * max(1.0, abs(pre)):
            raise SystemExit(f"{name}: train_on_batch loss {ret} != pre-update loss {pre}")
        losses.append(ret)
        save_npy(os.path.join(d, f"loss_{i}.npy"), np.float32(ret))
    after = model.get_weights()
    for k, w in enumerate(after):
        save_npy(os.path.join(d, f"after_w{k}.npy"), w)
    save_json(os.path.join(d, "config.json"), model.get_config())
    if "sample_weight" in weighting:
        save_npy(os.path.join(d, "sample_weight.npy"), sw)
    meta = {
        "case": name,
        "loss": loss_name,
        "train_on_batch_kwargs": {k: (v if isinstance(v, dict) else "sample_weight.npy")
                                  for k, v in kwargs.items()},
        "optimizer": keras.optimizers.serialize(opt),
        "steps": steps,
        "batch_size": int(x_shape[0]),
        "jit_compile": False,
        "train_call": "model.train_on_batch(x, y_true) repeated `steps` times on the same batch",
        "loss_files": "loss_<i>.npy, i = 0..steps-1: value returned by train_on_batch for step i "
                      "= loss of the batch computed with the weights BEFORE that step's update",
        "loss_is_pre_update_loss": True,
        "weights": "w<k>.npy = initial weights, after_w<k>.npy = weights after the last step; "
                   "order = model.get_weights()",
        "seeds": s,
        "weight_init": "np.random.RandomState(seeds.weights).uniform(-0.5, 0.5, shape) per "
                       "model.get_weights() entry, in order",
        "x_init": "np.random.RandomState(seeds.x).uniform(-1, 1, x_shape)",
        "y_true_kind": y_kind[0],
        "versions": versions(),
    }
    save_json(os.path.join(d, "meta.json"), meta)
    return losses, max_pre_update_diff


def build_functional(builder):
    inputs, output = builder()
    return keras.Model(inputs, output)


def functional_x(name, x_shapes):
    rs = np.random.RandomState(seeds_for(name)["x"])
    return [rs.uniform(-1, 1, shape).astype("float32") for shape in x_shapes]


def functional_meta(model):
    """functional.json: what the Java test checks besides the numbers."""
    layers = [lyr for lyr in model.layers if not isinstance(lyr, L.InputLayer)]
    return {
        "model_name": model.name,
        "inputs": [t._keras_history.operation.name for t in model.inputs],  # InputLayer names
        "input_shapes": [list(t.shape[1:]) for t in model.inputs],
        "layers": [lyr.name for lyr in layers],
        "layer_classes": [type(lyr).__name__ for lyr in layers],
        "param_counts": [int(lyr.count_params()) for lyr in layers],
        "total_params": int(model.count_params()),
        "weight_paths": [v.path for v in model.weights],
        "x_files": "x<i>.npy = input i, in model.inputs order",
    }


def write_functional_common(d, model, xs, ws, prefix="w"):
    os.makedirs(d, exist_ok=True)
    for i, x in enumerate(xs):
        save_npy(os.path.join(d, f"x{i}.npy"), x)
    for k, w in enumerate(ws):
        save_npy(os.path.join(d, f"{prefix}{k}.npy"), w)
    save_json(os.path.join(d, "functional.json"), functional_meta(model))


def make_functional_forward(out, name, builder, x_shapes):
    fresh_session()
    model = build_functional(builder)
    ws = set_explicit_weights(model, seeds_for(name)["weights"])
    xs = functional_x(name, x_shapes)
    y = np.asarray(model(xs, training=False))
    # the same through predict(), the path the Java test takes
    assert np.allclose(y, model.predict(xs, verbose=0), atol=1e-6)
    d = os.path.join(out, name)
    write_functional_common(d, model, xs, ws)
    save_npy(os.path.join(d, "y.npy"), y)
    save_json(os.path.join(d, "config.json"), model.get_config())
    return y


def make_functional_train(out, name, builder, opt_fn, loss_name, x_shapes, y_kind, steps):
    fresh_session()
    s = seeds_for(name)
    model = build_functional(builder)
    ws = set_explicit_weights(model, s["weights"])
    xs = functional_x(name, x_shapes)
    y_true = make_y_true(y_kind, x_shapes[0][0], s["y_true"])
    opt = opt_fn()
    model.compile(optimizer=opt, loss=loss_name, jit_compile=False)
    loss_fn = keras.losses.get(loss_name)
    d = os.path.join(out, name)
    write_functional_common(d, model, xs, ws)
    save_npy(os.path.join(d, "y_true.npy"), y_true)
    losses = []
    max_pre_update_diff = 0.0
    for i in range(steps):
        pre = float(np.mean(np.asarray(loss_fn(y_true, model(xs, training=True)))))
        ret = model.train_on_batch(xs, y_true)
        ret = float(ret[0] if isinstance(ret, (list, tuple)) else ret)
        diff = abs(ret - pre)
        max_pre_update_diff = max(max_pre_update_diff, diff)
        if diff > 1e-5 * max(1.0, abs(pre)):
            raise SystemExit(f"{name}: train_on_batch loss {ret} != pre-update loss {pre}")
        losses.append(ret)
        save_npy(os.path.join(d, f"loss_{i}.npy"), np.float32(ret))
    for k, w in enumerate(model.get_weights()):
        save_npy(os.path.join(d, f"after_w{k}.npy"), w)
    save_json(os.path.join(d, "config.json"), model.get_config())
    meta = {
        "case": name,
        "loss": loss_name,
        "optimizer": keras.optimizers.serialize(opt),
        "steps": steps,
        "batch_size": int(x_shapes[0][0]),
        "jit_compile": False,
        "train_call": "model.train_on_batch([x0, x1, ...], y_true) repeated `steps` times on the "
                      "same batch",
        "loss_files": "loss_<i>.npy, i = 0..steps-1: value returned by train_on_batch for step i "
                      "= loss of the batch computed with the weights BEFORE that step's update",
        "loss_is_pre_update_loss": True,
        "weights": "w<k>.npy = initial weights, after_w<k>.npy = weights after the last step; "
                   "order = model.get_weights()",
        "seeds": s,
        "weight_init": "np.random.RandomState(seeds.weights).uniform(-0.5, 0.5, shape) per "
                       "model.get_weights() entry, in order",
        "x_init": "one np.random.RandomState(seeds.x) draws uniform(-1, 1, shape) for x0, x1, ... "
                  "in order",
        "y_true_kind": y_kind[0],
        "versions": versions(),
    }
    save_json(os.path.join(d, "meta.json"), meta)
    return losses, max_pre_update_diff


# Keras clips in float32: 1 - 1e-7 rounds to 0.99999988 (so log(1 - p) >= log(1.19e-7)).
EPS32 = np.float32(1e-7)
ONE_MINUS_EPS32 = np.float32(1.0 - 1e-7)


def check_logits_behaviour():
    """Re-verify fact (1) of the README: crossentropy losses use the pre-activation logits
    (no 1e-7 clipping) eagerly, in evaluate() and in train_on_batch (graph and run_eagerly)."""
    x = np.array([[1.0, 0.0], [0.0, 1.0]], "float32")
    probes = {
        # sample 0 logits [40, 0, -40] with target class 2: from-logits CE = 80.
        "sparse_categorical_crossentropy": (
            "softmax", [np.array([[40, 0, -40], [1, 2, 3]], "float32"), np.zeros(3, "float32")],
            np.array([2, 0], "float32")),
        "categorical_crossentropy": (
            "softmax", [np.array([[40, 0, -40], [1, 2, 3]], "float32"), np.zeros(3, "float32")],
            np.array([[0, 0, 1], [1, 0, 0]], "float32")),
        # sample 0 logit 40 with target 0: from-logits BCE = 40.
        "binary_crossentropy": (
            "sigmoid", [np.array([[40], [-1]], "float32"), np.zeros(1, "float32")],
            np.array([[0], [1]], "float32")),
    }
    result = {}
    for loss_name, (act, ws, y) in probes.items():
        z = x @ ws[0] + ws[1]
        if act == "softmax":
            yi = y.astype(int) if y.ndim == 1 else y.argmax(1)
            zs = z - z.max(1, keepdims=True)
            logp = zs - np.log(np.exp(zs).sum(1, keepdims=True))
            expect = float(-logp[np.arange(2), yi].mean())
            p = np.exp(logp)
            clipped = float(-np.log(np.clip(p.astype("float32"), EPS32, ONE_MINUS_EPS32))
                            [np.arange(2), yi].mean())
        else:
            zz, yy = z[:, 0].astype(np.float64), y[:, 0]
            expect = float(np.mean(np.maximum(zz, 0) - zz * yy + np.log1p(np.exp(-abs(zz)))))
            p = np.clip((1 / (1 + np.exp(-zz))).astype("float32"), EPS32, ONE_MINUS_EPS32)
            p = p.astype(np.float64)
            clipped = float(np.mean(-(yy * np.log(p) + (1 - yy) * np.log(1 - p))))
        got = {}
        for run_eagerly in (False, True):
            fresh_session()
            m = build((2,), [L.Dense(ws[0].shape[1], activation=act)])
            m.set_weights(ws)
            lf = keras.losses.get(loss_name)
            if not run_eagerly:
                got["eager_loss_fn(model(x))"] = float(np.mean(np.asarray(lf(y, m(x)))))
                got["loss_fn(constant probabilities)"] = float(
                    np.mean(np.asarray(lf(y, tf.constant(np.asarray(m(x)))))))
            m.compile(optimizer=keras.optimizers.SGD(0.0), loss=loss_name, jit_compile=False,
                      run_eagerly=run_eagerly)
            tag = "run_eagerly" if run_eagerly else "graph"
            got[f"evaluate[{tag}]"] = float(m.evaluate(x, y, verbose=0))
            got[f"train_on_batch[{tag}]"] = float(m.train_on_batch(x, y))
        for k, v in got.items():
            want = clipped if k.startswith("loss_fn(constant") else expect
            if abs(v - want) > 1e-4 * max(1.0, abs(want)):
                raise SystemExit(f"Keras logits behaviour changed for {loss_name}: {k}={v}, "
                                 f"expected {want} (from logits {expect}, clipped {clipped})")
        result[loss_name] = {"from_logits": expect, "clipped_probabilities": clipped}
    return result


# --------------------------------------------------------------------------
# README
# --------------------------------------------------------------------------

README = r"""# Golden reference files (Keras -> Java)

Generated by `models/python/make_golden.py`; do not edit by hand.

Exact command (from the repository root, venv as in CI):

    python3 -m venv V && V/bin/pip install tensorflow-cpu==2.21.0 keras==3.15.1 h5py scikit-learn
    V/bin/python models/python/make_golden.py --out core/src/test/resources/golden

Check a regeneration against this tree:

    V/bin/python models/python/make_golden.py --out /tmp/golden2
    V/bin/python models/python/compare_golden.py core/src/test/resources/golden /tmp/golden2

Versions used: keras {keras_version}, tensorflow {tensorflow_version}, numpy {numpy_version}
(CPU, TF backend, 1 thread, op determinism on, `keras.utils.set_random_seed(0)` before each case).

## Layout

One directory per case. All `.npy` files are NumPy format v1.0, little-endian
`float32` (`<f4`), C order, no pickles. Scalars (`loss_<i>.npy`) have shape `()`.

Inference cases (`dense_*`, `conv2d_*`, `maxpool_*`, `flatten`, `simple_rnn_*`,
`dropout_inference`, `lesson_*`, and, numbered after the training cases, `activation_layers`,
`reshape_*`, `avgpool_*`, `global_*`, `conv1d_*`, `embedding*`, `lstm_*`, `gru_*`, `batchnorm_*`):

| file | content |
|---|---|
| `x.npy` | input batch |
| `w0.npy` .. `wK.npy` | weights, exactly `model.get_weights()` order (see below) |
| `y.npy` | `model(x, training=False)` |
| `config.json` | `model.get_config()` (indent 2, sorted keys) |

Training cases (`train_*`):

| file | content |
|---|---|
| `x.npy`, `y_true.npy` | the one batch used for every step (integer labels stored as float32) |
| `w0.npy` .. `wK.npy` | initial weights (before step 0) |
| `loss_0.npy` .. `loss_<steps-1>.npy` | value returned by `train_on_batch` at step i: the loss of the batch computed with the weights *before* step i's update |
| `after_w0.npy` .. `after_wK.npy` | weights after the last step |
| `config.json` | `model.get_config()` |
| `meta.json` | optimizer config, loss name, steps, seeds, versions |

Functional cases (`functional_*`, `train_functional_*`; `keras.Model(inputs, output)` built with
`keras.Input` and merge layers, see the `functional_*` builders in `make_golden.py`) have the same
files except that the input batch is `x0.npy`, `x1.npy`, ... (one per input, in `model.inputs`
order, all drawn in that order from one `RandomState(100+n).uniform(-1, 1, shape)`), and one more:

| file | content |
|---|---|
| `functional.json` | `model_name`; `inputs`: the InputLayers' names; `input_shapes` (no batch); `layers`, `layer_classes`, `param_counts`: `[l for l in model.layers if not InputLayer]` in order (deepest first, ties in depth-first order from the output: `keras/src/ops/function.py`, `map_graph`); `total_params`; `weight_paths`: `[v.path for v in model.weights]` (the `get_weights()` order) |

Models are compiled with `jit_compile=False` (no XLA) and no metrics.
Every step is `model.train_on_batch(x, y_true)` on the whole batch
(batch size = `x.shape[0]`); no shuffling, no sample weights.

### Weight order (`model.get_weights()`)

Layers in order; within a layer:

* `Dense`: kernel `(in, units)`, bias `(units,)` (absent if `use_bias=False`). `y = act(x @ kernel + bias)`.
* `Conv2D` (channels_last, NHWC): kernel `(kh, kw, in_ch, out_ch)`, bias `(out_ch,)`.
* `SimpleRNN`: kernel `(in, units)`, recurrent_kernel `(units, units)`, bias `(units,)`;
  `h_t = act(x_t @ kernel + bias + h_{{t-1}} @ recurrent_kernel)`, `h_0 = 0`
  (keras/src/layers/rnn/simple_rnn.py:161-169).
* `LSTM`: kernel `(in, 4u)`, recurrent_kernel `(u, 4u)`, bias `(4u,)`, gates `[i, f, c, o]`;
  `z = x_t @ kernel + h @ recurrent_kernel + bias`, `i, f, o = sigmoid(z_i, z_f, z_o)`,
  `c_t = f * c_{{t-1}} + i * tanh(z_c)`, `h_t = o * tanh(c_t)`, `h_0 = c_0 = 0`
  (keras/src/layers/rnn/lstm.py, `LSTMCell.call`, implementation 2).
* `GRU`: kernel `(in, 3u)`, recurrent_kernel `(u, 3u)`, gates `[z, r, h]`; with `reset_after=True`
  (default) bias `(2, 3u)` = [input bias, recurrent bias], `hh = tanh(x_h + r * (h @ U + b_rec)_h)`;
  with `reset_after=False` bias `(3u,)`, `hh = tanh(x_h + (r * h) @ U_h)`; `h_t = z * h + (1 - z) * hh`
  (keras/src/layers/rnn/gru.py, `GRUCell.call`, implementation 2).
* `BatchNormalization`: gamma, beta (absent with `scale=False` / `center=False`), moving_mean,
  moving_variance (non-trainable), each `(features,)`. Inference:
  `(x - moving_mean) * rsqrt(moving_variance + epsilon) * gamma + beta`; training (`train_on_batch`):
  the batch mean and biased (population) variance over all axes but the last, and
  `moving = moving * momentum + batch_stat * (1 - momentum)` for both moving statistics
  (keras/src/layers/normalization/batch_normalization.py, `call`); `after_w*` include them.
* `Conv1D` (channels_last): kernel `(k, in_ch, filters)`, bias `(filters,)`.
* `Embedding`: embeddings `(input_dim, output_dim)`; `y = embeddings[int32(x)]`.
* `MaxPooling2D`, `AveragePooling2D`, `Global*Pooling*`, `Flatten`, `Reshape`, `Activation`,
  `Dropout`: no weights. `Flatten` and `Reshape` go in C order (channel fastest).

### Deterministic data

For case number `n` (1-based position in the list below) the seeds are
`x: 100+n`, `weights: 200+n`, `y_true: 300+n`.
Weights: one `np.random.RandomState(200+n)` draws `uniform(-0.5, 0.5, shape)` for each
entry of `get_weights()` in order (biases included), cast to float32
(exceptions: every `moving_variance` `uniform(0.5, 1.5)`, as a variance must be positive;
`lesson_cnn` `uniform(-0.1, 0.1)`; `lesson_rnn` `uniform(-0.2, 0.2)`, because with
+-0.5 its relu state reaches ~30 on the inputs 1..9 and the sigmoid output saturates to ~1e-9).
Inputs: `np.random.RandomState(100+n).uniform(-1, 1, shape)` (`embedding*`: token ids
`RandomState(100+n).randint(0, input_dim, shape)` as float32; `lesson_cnn`: `uniform(0, 1)`;
`lesson_rnn`: the lesson's `pad_sequences([[1,2,3],[4,5,6],[7,8,9]], padding="post", maxlen=5)`
as float32, shape (3,5,1)).
Labels: sparse = `randint(0, C, (N,))`; one-hot = `eye(C)[randint(0, C, (N,))]`;
binary = `randint(0, 2, (N, 1))`; regression = `uniform(-1, 1, (N, units))`.

Cases:

{case_table}

## Keras 3.15 facts the Java implementation must match

Paths are relative to `site-packages/keras/src/` (keras 3.15.1).

### (1) Crossentropy after a softmax/sigmoid output uses the logits

`backend/tensorflow/nn.py:44` (sigmoid) and `:172` (softmax) attach the pre-activation
tensor to the output: `output._keras_logits = logits`.
`_get_logits` (`nn.py:1262-1295`) then swaps it in:

    1267:    has_keras_logits = hasattr(output, "_keras_logits")
    1269:        output_ = output._keras_logits
    1270:        from_logits_ = True

(and, for symbolic graph tensors without the attribute, `nn.py:1272-1285` takes
`output.op.inputs[0]` when `output.op.type == "Softmax"/"Sigmoid"`). So even with
`from_logits=False` the loss is

* categorical: `tf.nn.softmax_cross_entropy_with_logits(labels, logits)` (`nn.py:1364`) = `logsumexp(z) - sum(y*z)`
* sparse categorical: `tf.nn.sparse_softmax_cross_entropy_with_logits` on the logits (`nn.py:1438`)
* binary: `tf.nn.sigmoid_cross_entropy_with_logits` (`nn.py:1479`) = `max(z,0) - z*y + log(1+exp(-|z|))`

with **no epsilon clipping**, and d loss/d z is the unclipped `(softmax(z)-y)/N` / `(sigmoid(z)-y)/N`.
Verified by the generator on every run with saturated probes (Dense softmax logits
`[40,0,-40]` with target class 2, i.e. per-sample CE 80; Dense sigmoid logit 40 with target 0,
BCE 40; batch of 2): eager `loss_fn(y, model(x))`, `evaluate` and `train_on_batch`, both
compiled (`tf.function`) and `run_eagerly=True`, all equal the from-logits value, not the
clipped-probability value:

| loss | from logits (= Keras) | clipped probabilities |
|---|---|---|
{probe_rows}

The attribute only exists on the live tensor: a loss applied to the *numpy* output of
`model.predict` (or any re-created tensor) uses the clipped-probability path below.

### (2) Clipping path and reduction

Only when no logits are available (`from_logits=False` and output not straight from a
softmax/sigmoid op), `epsilon = 1e-7` (`backend/config.py:10: _EPSILON = 1e-7`):

* categorical (`nn.py:1372-1378`): `p = p / sum(p, -1)`; `p = clip(p, 1e-7, 1 - 1e-7)`; `-sum(y * log(p), -1)`
* sparse (`nn.py:1433-1438`): `clip(p, 1e-7, 1 - 1e-7)`, `log`, then
  `sparse_softmax_cross_entropy_with_logits` on `log p` (which re-normalises by the sum
  of the clipped probabilities)
* binary (`nn.py:1484-1489`): `clip(p, 1e-7, 1 - 1e-7)`; `-(y*log(p) + (1-y)*log(1-p))`

(in float32, `1 - 1e-7` rounds to 0.99999988.)
Reduction is `"sum_over_batch_size"` (`losses/loss.py:46` default), implemented in
`losses/loss.py:148-159`:

    148:    loss = ops.sum(values)
    153:            divisor = ops.cast(
    154:                ops.prod(
    ...                     ops.convert_to_tensor(ops.shape(values), dtype="int32")
    159:        loss = ops.divide_no_nan(loss, divisor)

i.e. the plain mean over *all elements of the per-sample loss tensor*. The per-sample loss
already averaged the last axis where applicable: `mean_squared_error` =
`ops.mean(ops.square(y_true - y_pred), axis=-1)` (`losses/losses.py:1788`), so MSE over a
(N,2) target = mean over all N*2 squared errors.

### (3) binary_crossentropy with y of shape (N,1)

`losses/losses.py:2414-2417`: `ops.mean(ops.binary_crossentropy(y_true, y_pred), axis=-1)`
-> per-sample shape (N,), then sum_over_batch_size divides by N. So the loss is the plain
mean over the N samples. `LossFunctionWrapper.call` (`losses/losses.py:28-34`) first runs
`squeeze_or_expand_to_same_rank` (`losses/loss.py:119-137`): a y_true of shape (N,) with
y_pred (N,1) is expanded to (N,1) (not broadcast to (N,N)).
For sparse CE, a y_true of shape (N,1) is squeezed to (N,) (`losses/losses.py:2344-2345`).

### (4) Optimizers

Adam (`optimizers/adam.py:102-137`; defaults lr=0.001, beta_1=0.9, beta_2=0.999,
epsilon=1e-7, `adam.py:45-48`), t = iterations + 1 (`adam.py:106`), computed in float32:

    117:        alpha = lr * ops.sqrt(1 - beta_2_power) / (1 - beta_1_power)
    120:            m, ops.multiply(ops.subtract(gradient, m), 1 - self.beta_1)      # m += (g - m)(1-b1)
    125:                ops.subtract(ops.square(gradient), v), 1 - self.beta_2      # v += (g^2 - v)(1-b2)
    135:                ops.multiply(m, alpha), ops.add(ops.sqrt(v), self.epsilon)  # w -= m*alpha/(sqrt(v)+eps)

i.e. `w -= lr * sqrt(1-b2^t)/(1-b1^t) * m / (sqrt(v) + eps)`: bias correction folded into
the step size, epsilon added to the *uncorrected* `sqrt(v)` ("epsilon hat").
m, v start at 0; `iterations` is incremented after all variables are updated
(`optimizers/base_optimizer.py:533`).

SGD (`optimizers/sgd.py:95-123`), momentum buffer starts at 0:

    108:                    ops.multiply(m, momentum),            # m = m*momentum - lr*g
    109:                    ops.multiply(gradient, learning_rate),
    121:                self.assign_add(variable, m)              # w = w + m
    123:            self.assign_sub(variable, ops.multiply(gradient, learning_rate))   # momentum == 0: w -= lr*g

(nesterov: `w += m*momentum - lr*g` after updating m, `sgd.py:112-119`.)

### (5) `metrics=["accuracy"]` resolution

`trainers/compile_utils.py:40-50` and `:59-74`:

    46:    is_binary = y_p_last_dim == 1
    47:    is_sparse_categorical = (
    48:        y_t_rank < y_p_rank or y_t_last_dim == 1 and y_p_last_dim > 1
    65:        if is_binary:              -> BinaryAccuracy   (threshold 0.5, y_pred > 0.5; metrics/accuracy_metrics.py:68)
    67:        elif is_sparse_categorical: -> SparseCategoricalAccuracy (argmax(y_pred) == y_true)
    71:        else:                       -> CategoricalAccuracy (argmax(y_pred) == argmax(y_true))

It looks only at shapes (y_pred last dim 1 -> binary first), never at the loss name.
"acc" is treated the same as "accuracy". The metric keeps its string name ("accuracy").
(The same shape rule picks the loss for the string "crossentropy"/"ce", `compile_utils.py:108-119`.)

### Other notes

* `train_on_batch` calls `reset_metrics()` first (`backend/tensorflow/trainer.py:624`) and
  returns the loss tracked inside the GradientTape before `apply_gradients`
  (`trainer.py:57-84`), so `loss_<i>` is the pre-update loss of step i; the generator asserts
  it equals `loss(y_true, model(x, training=True))` evaluated just before the step (the weights,
  moving statistics included, are restored after that call).
* The forward pass inside `train_on_batch` uses `training=True`; none of the training
  cases contain Dropout, so it equals the inference forward pass, except in
  `train_batchnorm_sgd`, whose BatchNormalization normalises with the batch's statistics.
* `Dropout` at inference is the identity (`dropout_inference`: y == Dense output).
* `padding="same"` (Conv2D and MaxPooling2D) is TF's SAME: `out = ceil(in / stride)`,
  `pad_total = max((out - 1) * stride + k - in, 0)`, `pad_before = pad_total // 2`, the odd
  pixel goes after (bottom/right). Max pooling ignores the padding (pads with -inf); average
  pooling (`avgpool_same_strided`) divides by the number of real, unpadded pixels in each window
  (TF's AvgPool, which Keras's TF backend calls).
  E.g. `conv2d_same_strided` (8x7 input, 3x3, stride 2): out 4x4, rows padded (0, 1),
  cols (1, 1). `padding="valid"`: `out = (in - k) // stride + 1`.
* `MaxPooling2D((2,2))` defaults `strides` to the pool size (config shows `strides: [2, 2]`).

## Independent check

`models/python/numpy_reference_check.py` recomputes every inference `y.npy` (a small NumPy
interpreter of `config.json`) and the losses and after-weights of the Dense-only training
cases (the formulas above, float64) and reports the max deviation (all about 1e-7).
"""


def write_readme(out, probe):
    rows = ["| n | case | kind |", "|---|---|---|"]
    for name in ALL_NAMES:
        kind = "training" if name.startswith("train_") else "inference"
        rows.append(f"| {ALL_NAMES.index(name) + 1} | `{name}` | {kind} |")
    probe_rows = "\n".join(f"| {k} | {v['from_logits']:.4f} | {v['clipped_probabilities']:.4f} |"
                           for k, v in probe.items())
    text = README.format(case_table="\n".join(rows), probe_rows=probe_rows, **versions())
    with open(os.path.join(out, "README.md"), "w", encoding="utf-8") as f:
        f.write(text)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=DEFAULT_OUT, help=f"output directory (default {DEFAULT_OUT})")
    ap.add_argument("--only", nargs="*", help="only these cases (README is still written)")
    args = ap.parse_args(argv)
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    only = set(args.only) if args.only else None
    if only and not only <= set(ALL_NAMES):
        ap.error(f"unknown cases: {sorted(only - set(ALL_NAMES))}")

    probe = check_logits_behaviour()
    for name, input_shape, layer_fn, x_shape in FORWARD_CASES:
        if only and name not in only:
            continue
        y = make_forward(out, name, input_shape, layer_fn, x_shape)
        print(f"{name:24s} y{tuple(y.shape)} range [{y.min():.4g}, {y.max():.4g}]")
    for name, input_shape, layer_fn, opt_fn, loss_name, x_shape, y_kind, steps in TRAIN_CASES:
        if only and name not in only:
            continue
        losses, diff = make_train(out, name, input_shape, layer_fn, opt_fn, loss_name, x_shape,
                                  y_kind, steps)
        print(f"{name:24s} losses {['%.6f' % v for v in losses]} "
              f"(max |returned - pre-update| = {diff:.2e})")
    for name, builder, x_shapes in FUNCTIONAL_FORWARD_CASES:
        if only and name not in only:
            continue
        y = make_functional_forward(out, name, builder, x_shapes)
        print(f"{name:24s} y{tuple(y.shape)} range [{y.min():.4g}, {y.max():.4g}]")
    for name, builder, opt_fn, loss_name, x_shapes, y_kind, steps in FUNCTIONAL_TRAIN_CASES:
        if only and name not in only:
            continue
        losses, diff = make_functional_train(out, name, builder, opt_fn, loss_name, x_shapes,
                                             y_kind, steps)
        print(f"{name:24s} losses {['%.6f' % v for v in losses]} "
              f"(max |returned - pre-update| = {diff:.2e})")
    write_readme(out, probe)
    total = sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk(out) for f in fs)
    print(f"wrote {out} ({total / 1024:.1f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
