#!/usr/bin/env python3
"""Keras baseline for the lesson-7 MNIST CNN: test accuracy and training throughput.

Trains the lesson's CNN (Conv2D 32 3x3 relu, MaxPool 2x2, Conv2D 64 3x3 relu,
MaxPool 2x2, Flatten, Dense 128 relu, Dense 10 softmax; Adam defaults,
categorical_crossentropy) for 5 epochs, batch 64, validation_split 0.1 on the
MNIST IDX .gz files in DIR, then evaluates on the test files.

Usage:
    python models/python/cnn_keras_reference.py [DIR] [--epochs 5] [--batch-size 64] [--seed 0]

DIR defaults to <repo>/core/src/main/resources/io/tfbridge/datasets/mnist and must hold
train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz,
t10k-labels-idx1-ubyte.gz (any number of samples).
"""
import argparse
import gzip
import os
import struct
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
import keras  # noqa: E402
from keras.layers import Conv2D, Dense, Flatten, MaxPooling2D  # noqa: E402
from keras.models import Sequential  # noqa: E402
from keras.utils import to_categorical  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "core", "src", "main", "resources",
                                            "io", "tfbridge", "datasets", "mnist"))


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    zero, dtype_code, ndim = struct.unpack(">HBB", data[:4])
    if zero != 0 or dtype_code != 0x08:
        raise ValueError(f"{path}: not an unsigned-byte IDX file")
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    arr = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim)
    if arr.size != int(np.prod(dims)):
        raise ValueError(f"{path}: expected {dims}, got {arr.size} bytes")
    return arr.reshape(dims)


class EpochTimer(keras.callbacks.Callback):
    def on_train_begin(self, logs=None):
        self.times = []

    def on_epoch_begin(self, epoch, logs=None):
        self.t0 = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        self.times.append(time.perf_counter() - self.t0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", nargs="?", default=DEFAULT_DIR)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--validation-split", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    tf.get_logger().setLevel("ERROR")
    keras.utils.set_random_seed(args.seed)

    p = lambda name: os.path.join(args.dir, name)  # noqa: E731
    X_train = read_idx(p("train-images-idx3-ubyte.gz"))
    y_train = read_idx(p("train-labels-idx1-ubyte.gz"))
    X_test = read_idx(p("t10k-images-idx3-ubyte.gz"))
    y_test = read_idx(p("t10k-labels-idx1-ubyte.gz"))

    # Lesson code from here on.
    X_train = X_train.reshape(-1, 28, 28, 1).astype("float32") / 255
    X_test = X_test.reshape(-1, 28, 28, 1).astype("float32") / 255
    y_train = to_categorical(y_train)
    y_test = to_categorical(y_test)
    model = Sequential([
        keras.Input(shape=(28, 28, 1)),  # lesson: input_shape=(28, 28, 1) on the first Conv2D
        Conv2D(32, kernel_size=(3, 3), activation="relu"),
        MaxPooling2D(pool_size=(2, 2)),
        Conv2D(64, kernel_size=(3, 3), activation="relu"),
        MaxPooling2D(pool_size=(2, 2)),
        Flatten(),
        Dense(128, activation="relu"),
        Dense(10, activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])

    print(f"keras {keras.__version__}, tensorflow {tf.__version__}, "
          f"jit_compile={model.jit_compile}, CPU threads: {os.cpu_count()}")
    print(f"data: train {X_train.shape[0]}, test {X_test.shape[0]} from {args.dir}")
    timer = EpochTimer()
    t0 = time.perf_counter()
    hist = model.fit(X_train, y_train, epochs=args.epochs, batch_size=args.batch_size,
                     validation_split=args.validation_split, verbose=0, callbacks=[timer])
    fit_s = time.perf_counter() - t0
    n_fit = X_train.shape[0] - int(X_train.shape[0] * args.validation_split)
    for e, t in enumerate(timer.times):
        h = {k: v[e] for k, v in hist.history.items()}
        print(f"epoch {e + 1}: {t:.2f} s, {n_fit / t:.0f} samples/s, loss {h['loss']:.4f}, "
              f"acc {h['accuracy']:.4f}, val_loss {h['val_loss']:.4f}, "
              f"val_acc {h['val_accuracy']:.4f}")
    t0 = time.perf_counter()
    loss, accuracy = model.evaluate(X_test, y_test, verbose=0)
    eval_s = time.perf_counter() - t0
    steady = timer.times[1:] or timer.times
    print(f"fit: {fit_s:.1f} s total, {n_fit * args.epochs / fit_s:.0f} train samples/s overall, "
          f"{n_fit * len(steady) / sum(steady):.0f} samples/s excluding epoch 1 "
          f"(epoch times include the validation pass)")
    print(f"evaluate: {eval_s:.2f} s, {X_test.shape[0] / eval_s:.0f} samples/s")
    print("Test Loss:", round(float(loss), 4))
    print("Test Accuracy:", round(float(accuracy), 4))
    return 0


if __name__ == "__main__":
    sys.exit(main())
