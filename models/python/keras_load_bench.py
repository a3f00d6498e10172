#!/usr/bin/env python3
"""Keras's side of `tfbridge bench --load FILE`: load time and resident memory of keras.models.load_model.

Usage:
    python models/python/keras_load_bench.py FILE

Warms TensorFlow with a tiny model first, then loads FILE once and predicts one zero sample; prints
the seconds to a loaded model and to its first prediction, and the process's resident memory before,
after and at its peak (/proc/self/status). Set TF_ENABLE_ONEDNN_OPTS=0 for ResNet50 at small inputs
(TF 2.21 dies of SIGFPE otherwise).
"""
import os
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import keras  # noqa: E402


def status(key):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key):
                return int(line.split()[1])
    raise KeyError(key)


def main(path):
    warm = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    warm.predict(np.zeros((1, 2)), verbose=0)
    before = status("VmRSS:")
    t0 = time.time()
    model = keras.models.load_model(path)
    t1 = time.time()
    model.predict(np.zeros((1,) + tuple(model.input_shape[1:]), "float32"), verbose=0)
    t2 = time.time()
    size = os.path.getsize(path)
    peak = status("VmHWM:")
    print("load %s (%.1f MB): %.2f s to a loaded model, %.2f s to its first prediction"
          % (os.path.basename(path), size / 1e6, t1 - t0, t2 - t0))
    print("resident memory: %d MB before, %d MB after, peak %d MB (+%d MB, %.1fx the file)"
          % (before >> 10, status("VmRSS:") >> 10, peak >> 10, (peak - before) >> 10,
             (peak - before) * 1024.0 / size))


if __name__ == "__main__":
    main(sys.argv[1])
