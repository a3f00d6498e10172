#!/usr/bin/env python3
"""Parameter counts of the lesson-7 models in Keras, for io.tfbridge.zoo.LessonModelsTest.

Builds the four Sequential models of the lesson exactly as written there (iris MLP, MNIST CNN,
SimpleRNN, the MirroredStrategy MLP) and prints `name total trainable` per line, e.g.

    iris 193 193
    cnn 225034 225034
    rnn 2651 2651
    distributed_mlp 55050 55050

Usage: python models/python/param_counts.py [--summary]
"""
import argparse
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402
from keras.layers import Conv2D, Dense, Flatten, MaxPooling2D, SimpleRNN  # noqa: E402
from keras.models import Sequential  # noqa: E402


def iris():
    # lesson: Dense(10, activation='relu', input_shape=(X_train.shape[1],)) with 4 iris features
    return Sequential([
        keras.Input(shape=(4,)),
        Dense(10, activation="relu"),
        Dense(10, activation="relu"),
        Dense(3, activation="softmax"),
    ])


def cnn():
    return Sequential([
        keras.Input(shape=(28, 28, 1)),
        Conv2D(32, kernel_size=(3, 3), activation="relu"),
        MaxPooling2D(pool_size=(2, 2)),
        Conv2D(64, kernel_size=(3, 3), activation="relu"),
        MaxPooling2D(pool_size=(2, 2)),
        Flatten(),
        Dense(128, activation="relu"),
        Dense(10, activation="softmax"),
    ])


def rnn():
    # lesson: input_shape=(X.shape[1], 1) where X is pad_sequences(..., maxlen=5)
    return Sequential([
        keras.Input(shape=(5, 1)),
        SimpleRNN(50, activation="relu"),
        Dense(1, activation="sigmoid"),
    ])


def distributed_mlp():
    return Sequential([
        keras.Input(shape=(784,)),
        Dense(64, activation="relu"),
        Dense(64, activation="relu"),
        Dense(10, activation="softmax"),
    ])


MODELS = {"iris": iris, "cnn": cnn, "rnn": rnn, "distributed_mlp": distributed_mlp}


def trainable_count(model):
    return sum(int(w.numpy().size) for w in model.trainable_weights)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--summary", action="store_true", help="also print each model.summary()")
    args = ap.parse_args()
    print(f"# keras {keras.__version__}, backend {keras.backend.backend()}", file=sys.stderr)
    for name, build in MODELS.items():
        model = build()
        if args.summary:
            model.summary()
        print(name, model.count_params(), trainable_count(model))
    return 0


if __name__ == "__main__":
    sys.exit(main())
