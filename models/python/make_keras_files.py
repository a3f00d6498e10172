#!/usr/bin/env python3
"""Make Keras 3 model files (.keras and legacy .h5) for the Java Keras-file tests.

Usage:
    python models/python/make_keras_files.py [--out DIR] [--only CASE [CASE ...]] [--large]

DIR defaults to <repo>/interop/src/test/resources/keras. For every case it writes DIR/<case>/:
    model.keras   Keras 3 zip (config.json, metadata.json, model.weights.h5)
    model.h5      the same model in Keras's legacy HDF5 format
    x.npy         inputs (float32); a model with several inputs has x_<input>.npy per Input layer
                  (named after it) instead, and likewise x_train_<input>.npy
    y.npy         Keras's model.predict(x) (float32)
    x_train.npy, y_train.npy   the tiny training set the model was fit on for one epoch, so the
                  files hold optimizer state (Adam/SGD slots and the iteration count)
    y_resumed.npy predict(x) after loading model.keras in Keras and fitting one more epoch on
                  x_train, y_train (batch 8, no shuffling): what a restored optimizer state gives

Each case is a Sequential model of the layers tfbridge supports, or a functional model
(keras.Model(inputs, outputs), the FUNCTIONAL_CASES: several inputs, Concatenate, Add), compiled
with a real optimizer and loss and trained for one epoch on tiny random data with fixed seeds.
`--large` adds the lesson's full CNN ("cnn", ~2.7 MB per file; not committed, CI makes it). The
cases under ERROR_CASES are models Java must refuse (an LSTM with dropout): only their model files.

The files are not byte-reproducible (metadata.json and the zip carry the save date); the .npy
files are, on one machine, since TensorFlow runs single-threaded with op determinism.
"""
import argparse
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DEFAULT_OUT = os.path.join(REPO_ROOT, "interop", "src", "test", "resources", "keras")

import tensorflow as tf  # noqa: E402
import keras  # noqa: E402

tf.config.threading.set_inter_op_parallelism_threads(1)
tf.config.threading.set_intra_op_parallelism_threads(1)
tf.config.experimental.enable_op_determinism()
tf.get_logger().setLevel("ERROR")
L = keras.layers


def iris():
    return [keras.Input((4,)), L.Dense(10, activation="relu"), L.Dense(10, activation="relu"),
            L.Dense(3, activation="softmax")]


def cnn():
    return [keras.Input((28, 28, 1)), L.Conv2D(32, (3, 3), activation="relu"),
            L.MaxPooling2D((2, 2)), L.Conv2D(64, (3, 3), activation="relu"),
            L.MaxPooling2D((2, 2)), L.Flatten(), L.Dense(128, activation="relu"),
            L.Dense(10, activation="softmax")]


def cnn_small():
    """The lesson CNN's structure on 12x12 images with fewer filters (files of ~20 KB)."""
    return [keras.Input((12, 12, 1)), L.Conv2D(4, (3, 3), activation="relu"),
            L.MaxPooling2D((2, 2)), L.Conv2D(8, (3, 3), activation="relu"),
            L.MaxPooling2D((2, 2)), L.Flatten(), L.Dense(16, activation="relu"),
            L.Dense(10, activation="softmax")]


def mixed_bfloat16_cnn():
    """cnn_small under the mixed_bfloat16 policy (bfloat16 compute, float32 variables), its output
    layer float32 as Keras recommends."""
    keras.mixed_precision.set_global_policy("mixed_bfloat16")
    try:
        layers = cnn_small()
        layers[-1] = L.Dense(10, activation="softmax", dtype="float32")
        return layers
    finally:
        keras.mixed_precision.set_global_policy("float32")


def rnn():
    return [keras.Input((5, 1)), L.SimpleRNN(50, activation="relu"),
            L.Dense(1, activation="sigmoid")]


def strided_cnn():
    return [keras.Input((10, 9, 2)),
            L.Conv2D(4, (3, 3), strides=(2, 2), padding="same", activation="relu"),
            L.MaxPooling2D(pool_size=(3, 3), strides=(1, 1), padding="same"),
            L.Conv2D(3, (2, 3), use_bias=False, activation="tanh"),
            L.Flatten(), L.Dense(4, activation="softmax")]


def stacked_rnn():
    return [keras.Input((6, 3), name="sequence"),
            L.SimpleRNN(8, return_sequences=True),
            L.SimpleRNN(5, activation="relu", return_sequences=True, use_bias=False),
            L.Dense(2)]


def mlp_dropout():
    return [keras.Input((6,)), L.Dense(16, activation="relu", use_bias=False, name="hidden"),
            L.Dropout(0.3), L.Dense(8, activation="sigmoid"), L.Dropout(0.1, name="drop"),
            L.Dense(1, activation="sigmoid", name="out")]


def flatten_regression():
    return [keras.Input((3, 4), name="features"), L.Flatten(), L.Dense(5, activation="tanh"),
            L.Dense(2)]


def conv1d_text():
    """Token ids -> Embedding -> Conv1D -> GlobalAveragePooling1D -> Dense (inputs: ids 0..19)."""
    return [keras.Input((12,)), L.Embedding(20, 8), L.Conv1D(6, 3, activation="relu"),
            L.Conv1D(4, 2, strides=2, padding="same", use_bias=False),
            L.GlobalAveragePooling1D(), L.Dense(3, activation="softmax")]


def pooling_cnn():
    return [keras.Input((10, 10, 2)), L.Conv2D(4, (3, 3), activation="relu"),
            L.AveragePooling2D((2, 2)),
            L.Conv2D(5, (2, 2), padding="same"),
            L.AveragePooling2D((3, 3), strides=(2, 2), padding="same"),
            L.GlobalMaxPooling2D(), L.Dense(3), L.Activation("softmax")]


def reshape_mlp():
    return [keras.Input((6,)), L.Dense(12, activation="tanh"), L.Reshape((2, -1, 3)),
            L.GlobalAveragePooling2D(), L.Activation("tanh"), L.Reshape((3, 1)), L.Flatten(),
            L.Dense(2)]


def lstm():
    return [keras.Input((5, 2)), L.LSTM(3), L.Dense(1)]


def gru_stack():
    return [keras.Input((6, 3)), L.GRU(4, return_sequences=True), L.LSTM(3, return_sequences=True),
            L.GRU(2, reset_after=False), L.Dense(3, activation="softmax")]


def batchnorm_mlp():
    return [keras.Input((5,)), L.Dense(8, activation="relu"), L.BatchNormalization(momentum=0.9),
            L.Dense(6, use_bias=False), L.BatchNormalization(center=False), L.Activation("tanh"),
            L.Dense(3, activation="softmax")]


def lstm_dropout():
    return [keras.Input((5, 2)), L.LSTM(3, dropout=0.2), L.Dense(1)]


# Functional models (keras.Model(inputs, outputs)): builders return the model, not a layer list.
def functional_two_inputs():
    """Two inputs -> Concatenate -> Dense stack -> softmax."""
    a, b = keras.Input((4,), name="a"), keras.Input((3,), name="b")
    h = L.Concatenate()([a, b])
    h = L.Dense(8, activation="relu")(h)
    h = L.Dense(6, activation="tanh", name="middle")(h)
    return keras.Model([a, b], L.Dense(3, activation="softmax")(h), name="two_inputs")


def functional_residual():
    """A residual block: features + Dense(Dense(features)) -> Dense sigmoid (binary)."""
    x = keras.Input((6,), name="features")
    h = L.Dense(8, activation="relu")(x)
    h = L.Dense(6)(h)
    s = L.Add(name="skip")([x, h])
    s = L.Activation("relu")(s)
    return keras.Model(x, L.Dense(1, activation="sigmoid")(s), name="residual")


def functional_branchy():
    """An image through a Conv branch, a vector through two Dense branches, concatenated."""
    image, meta = keras.Input((8, 8, 1), name="image"), keras.Input((5,), name="meta")
    c = L.Conv2D(3, (3, 3), activation="relu")(image)
    c = L.MaxPooling2D((2, 2))(c)
    c = L.Flatten()(c)
    d1 = L.Dense(4, activation="relu", name="branch_relu")(meta)
    d2 = L.Dense(4, activation="tanh", name="branch_tanh")(meta)
    h = L.Concatenate(name="merge")([c, d1, d2])
    h = L.Dense(6, activation="relu")(h)
    return keras.Model([image, meta], L.Dense(3, activation="softmax")(h), name="branchy")


def functional_chain():
    """A plain chain saved as a Keras Functional config (not Sequential)."""
    x = keras.Input((4,), name="x")
    h = L.Dense(5, activation="tanh")(x)
    return keras.Model(x, L.Dense(2)(h), name="chain")


# name: (layers, optimizer, loss, metrics, y kind, samples)
CASES = {
    "iris": (iris, lambda: keras.optimizers.Adam(), "sparse_categorical_crossentropy",
             ["accuracy"], ("sparse", 3), 30),
    "cnn_small": (cnn_small, lambda: keras.optimizers.Adam(), "categorical_crossentropy",
                  ["accuracy"], ("onehot", 10), 16),
    "rnn": (rnn, lambda: keras.optimizers.Adam(), "binary_crossentropy", ["accuracy"],
            ("binary", 1), 12),
    "strided_cnn": (strided_cnn, lambda: keras.optimizers.SGD(learning_rate=0.05, momentum=0.9),
                    "categorical_crossentropy", ["accuracy"], ("onehot", 4), 12),
    "stacked_rnn": (stacked_rnn, lambda: keras.optimizers.Adam(learning_rate=0.01),
                    "mean_squared_error", [], ("regression", None), 10),
    "mlp_dropout": (mlp_dropout, lambda: keras.optimizers.Adam(learning_rate=0.005),
                    "binary_crossentropy", ["accuracy"], ("binary", 1), 20),
    "flatten_regression": (flatten_regression, lambda: keras.optimizers.SGD(learning_rate=0.05),
                           "mse", [], ("regression", None), 16),
    # SGD, not Adam: Keras's Adam squares an Embedding's gradient per token occurrence (the
    # IndexedSlices' values) before adding up repeated ids, which tfbridge's dense Adam does not
    "conv1d_text": (conv1d_text, lambda: keras.optimizers.SGD(learning_rate=0.05, momentum=0.9),
                    "sparse_categorical_crossentropy", ["accuracy"], ("sparse", 3), 24),
    "pooling_cnn": (pooling_cnn, lambda: keras.optimizers.SGD(learning_rate=0.05, momentum=0.9),
                    "categorical_crossentropy", ["accuracy"], ("onehot", 3), 16),
    "reshape_mlp": (reshape_mlp, lambda: keras.optimizers.Adam(learning_rate=0.01),
                    "mean_squared_error", [], ("regression", None), 16),
    "lstm": (lstm, lambda: keras.optimizers.Adam(learning_rate=0.01), "mean_squared_error", [],
             ("regression", None), 16),
    "gru_stack": (gru_stack, lambda: keras.optimizers.Adam(learning_rate=0.01),
                  "sparse_categorical_crossentropy", ["accuracy"], ("sparse", 3), 16),
    "batchnorm_mlp": (batchnorm_mlp, lambda: keras.optimizers.SGD(learning_rate=0.05, momentum=0.9),
                      "sparse_categorical_crossentropy", ["accuracy"], ("sparse", 3), 24),
    "functional_two_inputs": (functional_two_inputs, lambda: keras.optimizers.Adam(learning_rate=0.01),
                              "sparse_categorical_crossentropy", ["accuracy"], ("sparse", 3), 24),
    "functional_residual": (functional_residual,
                            lambda: keras.optimizers.SGD(learning_rate=0.05, momentum=0.9),
                            "binary_crossentropy", ["accuracy"], ("binary", 1), 20),
    "functional_branchy": (functional_branchy, lambda: keras.optimizers.Adam(learning_rate=0.01),
                           "categorical_crossentropy", ["accuracy"], ("onehot", 3), 16),
    "functional_chain": (functional_chain, lambda: keras.optimizers.Adam(learning_rate=0.01),
                         "mean_squared_error", [], ("regression", None), 16),
    "mixed_bfloat16_cnn": (mixed_bfloat16_cnn, lambda: keras.optimizers.Adam(),
                           "categorical_crossentropy", ["accuracy"], ("onehot", 10), 16),
}
# Cases built as keras.Model(inputs, outputs): a builder returns the model. A model with several
# inputs stores them as x_<input>.npy and x_train_<input>.npy (one file per Input layer, named after
# it) instead of x.npy and x_train.npy.
FUNCTIONAL_CASES = ["functional_two_inputs", "functional_residual", "functional_branchy",
                    "functional_chain"]
# Cases whose inputs are token ids (vocabulary size): integers drawn uniformly, stored as float32.
TOKEN_INPUTS = {"conv1d_text": 20}
# Seeds: 1000 + the position among the first cases (sorted), as before more were added; later
# cases 2000 + their position in CASES, so adding a case never changes another case's data.
FIRST_CASES = ["cnn", "cnn_small", "flatten_regression", "iris", "mlp_dropout", "rnn",
               "stacked_rnn", "strided_cnn"]


def seed_of(name):
    if name in FIRST_CASES:
        return 1000 + FIRST_CASES.index(name)
    return 2000 + list(CASES).index(name)


def inputs(name, rs, shape):
    if name in TOKEN_INPUTS:
        return rs.randint(0, TOKEN_INPUTS[name], size=shape).astype("float32")
    return rs.normal(size=shape).astype("float32")
LARGE_CASES = {
    "cnn": (cnn, lambda: keras.optimizers.Adam(), "categorical_crossentropy", ["accuracy"],
            ("onehot", 10), 16),
}
ERROR_CASES = ["lstm_dropout"]


def labels(kind, model, x, rs):
    """Learnable labels: a fixed random teacher, so that further training lowers the loss."""
    out_shape = model.output_shape[1:]
    if isinstance(x, list):  # several inputs: the teacher sees them side by side
        x = np.concatenate([xi.reshape(len(xi), -1) for xi in x], axis=1)
    teacher = rs.normal(size=(int(np.prod(x.shape[1:])), int(np.prod(out_shape)))) / 3
    scores = (x.reshape(len(x), -1) @ teacher).reshape((len(x),) + out_shape)
    name, n = kind
    if name == "sparse":
        return scores.argmax(-1).astype("float32")
    if name == "onehot":
        return keras.utils.to_categorical(scores.argmax(-1), n).astype("float32")
    if name == "binary":
        return (scores > np.median(scores)).astype("float32")
    return np.tanh(scores).astype("float32")


def make_case(out, name, spec, seed):
    layers, optimizer, loss, metrics, kind, samples = spec
    keras.backend.clear_session()
    keras.utils.set_random_seed(seed)
    model = layers() if name in FUNCTIONAL_CASES else keras.Sequential(layers())
    model.compile(optimizer=optimizer(), loss=loss, metrics=metrics)
    rs = np.random.RandomState(seed)
    if len(model.inputs) == 1:
        x_train = inputs(name, rs, (samples,) + tuple(model.inputs[0].shape[1:]))
    else:
        x_train = [inputs(name, rs, (samples,) + tuple(t.shape[1:])) for t in model.inputs]
    y_train = labels(kind, model, x_train, rs)
    model.fit(x_train, y_train, epochs=1, batch_size=8, verbose=0)
    if len(model.inputs) == 1:
        x = inputs(name, rs, (5,) + tuple(model.inputs[0].shape[1:]))
    else:
        x = [inputs(name, rs, (5,) + tuple(t.shape[1:])) for t in model.inputs]
    y = model.predict(x, verbose=0)
    path = os.path.join(out, name)
    os.makedirs(path, exist_ok=True)
    model.save(os.path.join(path, "model.keras"))
    model.save(os.path.join(path, "model.h5"))
    # Keras continuing from the saved file: one more epoch, unshuffled, shows what restoring the
    # optimizer state must give (Java compares; cases with Dropout differ in their random masks).
    resumed = keras.models.load_model(os.path.join(path, "model.keras"))
    resumed.fit(x_train, y_train, epochs=1, batch_size=8, shuffle=False, verbose=0)
    y_resumed = resumed.predict(x, verbose=0)
    arrays = [("x", x), ("y", y), ("x_train", x_train), ("y_train", y_train),
              ("y_resumed", y_resumed)]
    for file, arr in arrays:
        if isinstance(arr, list):  # one file per input, named after its Input layer
            for t, a in zip(model.inputs, arr):
                input_name = t.name.split(":")[0]
                np.save(os.path.join(path, f"{file}_{input_name}.npy"), np.asarray(a, dtype="float32"))
        else:
            np.save(os.path.join(path, file + ".npy"), np.asarray(arr, dtype="float32"))
    print(f"{name}: {model.count_params()} params, optimizer {model.optimizer.name}, "
          f"{len(model.optimizer.variables)} optimizer variables")


def make_error_case(out, name):
    keras.backend.clear_session()
    keras.utils.set_random_seed(0)
    model = keras.Sequential(lstm_dropout())
    model.compile(optimizer="adam", loss="mse")
    path = os.path.join(out, name)
    os.makedirs(path, exist_ok=True)
    model.save(os.path.join(path, "model.keras"))
    model.save(os.path.join(path, "model.h5"))
    print(f"{name}: written (Java must refuse it)")


README = """# Keras-made model files for the Java tests

Written by `models/python/make_keras_files.py` with Keras {keras} / TensorFlow {tf} (do not edit by
hand; re-run the script). One directory per case:

| file | what |
|---|---|
| `model.keras` | Keras 3 zip: config.json, metadata.json, model.weights.h5 |
| `model.h5` | the same model in Keras's legacy HDF5 format |
| `x.npy`, `y.npy` | inputs and Keras's `model.predict(x)` |
| `x_train.npy`, `y_train.npy` | the data the model was fit on for one epoch (batch 8) before saving |
| `x_<input>.npy`, `x_train_<input>.npy` | instead of `x.npy`, `x_train.npy` for a model with several inputs: one per Input layer, named after it |
| `y_resumed.npy` | `predict(x)` after Keras loads `model.keras` and fits one more unshuffled epoch |

Cases: {cases}.

The `functional_*` cases are Keras functional models (`keras.Model(inputs, outputs)`).
`lstm_dropout` (an LSTM with dropout=0.2) holds only model files: a model Java must refuse (shared
layers and several outputs are covered by the layer golden cases, models/python/layer_cases/). The lesson's full CNN (`cnn`, ~2.7 MB per file) is not committed; `--large` or
`--only cnn` makes it.
"""


def write_readme(out, names):
    with open(os.path.join(out, "README.md"), "w", encoding="utf-8") as f:
        f.write(README.format(keras=keras.__version__, tf=tf.__version__,
                              cases=", ".join(n for n in names if n not in ERROR_CASES)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=DEFAULT_OUT)
    parser.add_argument("--only", nargs="+", help="case names")
    parser.add_argument("--large", action="store_true", help="also the lesson's full CNN")
    args = parser.parse_args()
    cases = dict(CASES)
    if args.large or (args.only and "cnn" in args.only):
        cases.update(LARGE_CASES)
    names = args.only or list(cases) + ERROR_CASES
    for name in names:
        if name in ERROR_CASES:
            make_error_case(args.out, name)
        elif name in cases:
            seed = seed_of(name)
            make_case(args.out, name, cases[name], seed)
        else:
            sys.exit(f"unknown case {name}; known: {', '.join(list(cases) + ERROR_CASES)}")
    if not args.only:
        write_readme(args.out, names)


if __name__ == "__main__":
    main()
