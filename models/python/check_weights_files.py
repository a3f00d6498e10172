#!/usr/bin/env python3
"""Keras reads Java's .weights.h5 and writes one Java reads (KerasWeightsFilesTest).

Usage:
    python models/python/check_weights_files.py DIR

DIR holds java.keras and java.weights.h5, which Java saved from one trained model. Keras loads
java.keras, then load_weights(java.weights.h5) into a second copy of it whose weights were zeroed,
and checks the weights and the optimizer's variables (iterations, slots) equal the first's. Then it
trains the model one more step and writes python.weights.h5 (save_weights) and python.keras (save)
for Java to compare. Prints "OK" and exits 0, or raises.
"""
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import numpy as np  # noqa: E402
import keras  # noqa: E402


def same(a, b, what):
    if len(a) != len(b):
        raise AssertionError(f"{what}: {len(a)} vs {len(b)} variables")
    for x, y in zip(a, b):
        if not np.array_equal(np.asarray(x), np.asarray(y)):
            raise AssertionError(f"{what}: {x} differs from {y}")


def main(d):
    saved = keras.models.load_model(os.path.join(d, "java.keras"))
    loaded = keras.models.load_model(os.path.join(d, "java.keras"))
    loaded.set_weights([np.zeros_like(w) for w in loaded.get_weights()])
    loaded.load_weights(os.path.join(d, "java.weights.h5"))
    same(saved.get_weights(), loaded.get_weights(), "weights")
    same([v.numpy() for v in saved.optimizer.variables],
         [v.numpy() for v in loaded.optimizer.variables], "optimizer variables")
    rng = np.random.default_rng(0)
    x = rng.normal(size=(8,) + tuple(loaded.input_shape[1:])).astype("float32")
    y = rng.normal(size=(8,) + tuple(loaded.output_shape[1:])).astype("float32")
    loaded.fit(x, y, epochs=1, batch_size=8, verbose=0)
    loaded.save_weights(os.path.join(d, "python.weights.h5"))
    loaded.save(os.path.join(d, "python.keras"))
    print("OK")


if __name__ == "__main__":
    main(sys.argv[1])
