#!/usr/bin/env python3
"""Keras baseline for the lesson-7 iris MLP: test accuracy over seeds 0..6 and its median.

The program is the lesson's, unchanged except that a seed drives both the split
(train_test_split(..., random_state=seed)) and Keras (keras.utils.set_random_seed(seed):
weight init, fit() shuffling). The lesson's own split (random_state=42, with Keras
seeded 42) is reported separately and is not part of the median.

Usage: python models/python/iris_keras_median.py [--seeds 0 1 2 3 4 5 6]
"""
import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
import keras  # noqa: E402
from keras.layers import Dense  # noqa: E402
from keras.models import Sequential  # noqa: E402
from sklearn.datasets import load_iris  # noqa: E402
from sklearn.metrics import accuracy_score  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402


tf.get_logger().setLevel("ERROR")  # silence tf.function retracing notices


def run(seed):
    keras.utils.set_random_seed(seed)
    # Load and prepare dataset (lesson code)
    iris = load_iris()
    X = iris.data
    y = iris.target
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=seed)
    scaler = StandardScaler()
    X_train = scaler.fit_transform(X_train)
    X_test = scaler.transform(X_test)
    # Define the model (lesson: Dense(10, relu, input_shape=(4,)); keras.Input is the
    # Keras 3 spelling of the same thing and avoids a deprecation warning)
    model = Sequential([
        keras.Input(shape=(X_train.shape[1],)),
        Dense(10, activation="relu"),
        Dense(10, activation="relu"),
        Dense(3, activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(X_train, y_train, epochs=30, batch_size=10, validation_split=0.2, verbose=0)
    y_pred = model.predict(X_test, verbose=0)
    y_pred_classes = y_pred.argmax(axis=1)
    return accuracy_score(y_test, y_pred_classes)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=list(range(7)))
    args = ap.parse_args()
    print(f"keras {keras.__version__}, backend {keras.backend.backend()}, numpy {np.__version__}")
    accs = []
    for seed in args.seeds:
        t0 = time.perf_counter()
        acc = run(seed)
        accs.append(acc)
        print(f"seed {seed}: test accuracy {acc:.4f}  ({time.perf_counter() - t0:.1f} s)")
    t0 = time.perf_counter()
    acc42 = run(42)
    print(f"lesson split random_state=42 (Keras seed 42): test accuracy {acc42:.4f}  "
          f"({time.perf_counter() - t0:.1f} s)")
    print(f"median accuracy over {len(accs)} seeds: {statistics.median(accs):.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
