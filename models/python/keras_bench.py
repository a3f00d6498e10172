#!/usr/bin/env python3
"""Keras's side of `tfbridge bench`: the lesson's workloads, timed the way the Java side times them.

Two ways to run it (tfbridge bench starts it; nothing here is needed at run time by tfbridge):
- `keras_bench.py serve`: reads one JSON command per line on stdin and answers one JSON line on
  stdout, so that the Java side can interleave its own runs with these in one process each (the
  machine's drift then hits both). Commands:
    {"op": "iris", "seed": S}                           build, compile, fit (30 epochs, batch 10,
                                                        validation 0.2), predict: seconds
    {"op": "cnn", "x": NPY, "y": NPY, "x_test": NPY, "y_test": NPY, "epochs": E,
     "policy": "float32"|"mixed_bfloat16", "seed": S}   the lesson CNN, batch 64: samples/s of each
                                                        epoch after the first, predict samples/s,
                                                        test accuracy
    {"op": "export_iris", "dir": DIR}                   the iris MLP (seed 1), exported with
                                                        model.export(DIR): the SavedModel both
                                                        sides time
    {"op": "latency", "dir": DIR, "calls": N}           one-row calls of that SavedModel's serving
                                                        function: p50/p99 in µs
- `keras_bench.py rss-cnn X Y EPOCHS` trains the CNN and prints {"peak_rss_mb": ...} (the OS's
  ru_maxrss of this process); `keras_bench.py profile-cnn POLICY N` trains it 2 epochs on N random
  digits, to be run under ONEDNN_VERBOSE=profile_exec (see onednn_profile.py); `keras_bench.py cold-start DIR X` loads a SavedModel, predicts the
  rows of X and prints the prediction: the caller times the whole process.
"""
import json
import os
import resource
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def iris(seed):
    import keras
    from keras.layers import Dense
    from sklearn.datasets import load_iris
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import StandardScaler

    start = time.perf_counter()
    keras.utils.set_random_seed(seed)
    data = load_iris()
    x_train, x_test, y_train, _ = train_test_split(data.data, data.target, test_size=0.3,
                                                   random_state=seed)
    scaler = StandardScaler()
    x_train = scaler.fit_transform(x_train)
    x_test = scaler.transform(x_test)
    model = keras.Sequential([keras.Input(shape=(4,)), Dense(10, activation="relu"),
                              Dense(10, activation="relu"), Dense(3, activation="softmax")])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(x_train, y_train, epochs=30, batch_size=10, validation_split=0.2, verbose=0)
    model.predict(x_test, verbose=0)
    return {"seconds": time.perf_counter() - start}


def cnn_model(policy):
    import keras
    from keras import layers
    keras.mixed_precision.set_global_policy(policy)
    try:
        return keras.Sequential([
            keras.Input(shape=(28, 28, 1)),
            layers.Conv2D(32, (3, 3), activation="relu"),
            layers.MaxPooling2D((2, 2)),
            layers.Conv2D(64, (3, 3), activation="relu"),
            layers.MaxPooling2D((2, 2)),
            layers.Flatten(),
            layers.Dense(128, activation="relu"),
            # the output layer in float32, as Keras's mixed-precision guide advises
            layers.Dense(10, activation="softmax", dtype="float32"),
        ])
    finally:
        keras.mixed_precision.set_global_policy("float32")


def cnn(cmd):
    import numpy as np
    import keras
    keras.utils.set_random_seed(cmd.get("seed", 1))
    x, y = np.load(cmd["x"]), np.load(cmd["y"])
    model = cnn_model(cmd.get("policy", "float32"))
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    rates = []
    for epoch in range(cmd["epochs"]):
        start = time.perf_counter()
        model.fit(x, y, epochs=1, batch_size=64, verbose=0)
        if epoch > 0:  # the first epoch traces the train function
            rates.append(len(x) / (time.perf_counter() - start))
    model.predict(x[:64], batch_size=64, verbose=0)  # traces the predict function
    start = time.perf_counter()
    model.predict(x, batch_size=64, verbose=0)
    predict_rate = len(x) / (time.perf_counter() - start)
    result = {"train_samples_per_s": rates, "predict_samples_per_s": predict_rate}
    if "x_test" in cmd:
        _, accuracy = model.evaluate(np.load(cmd["x_test"]), np.load(cmd["y_test"]), verbose=0)
        result["test_accuracy"] = accuracy
    return result


def export_iris(cmd):
    import keras
    from keras.layers import Dense
    keras.utils.set_random_seed(1)
    model = keras.Sequential([keras.Input(shape=(4,)), Dense(10, activation="relu"),
                              Dense(10, activation="relu"), Dense(3, activation="softmax")])
    model.export(cmd["dir"], verbose=False)
    return {"dir": cmd["dir"]}


def latency(cmd):
    import numpy as np
    import tensorflow as tf
    loaded = tf.saved_model.load(cmd["dir"])
    serve = loaded.signatures["serving_default"]
    name = list(serve.structured_input_signature[1].keys())[0]
    row = tf.constant(np.array([[0.1, -0.3, 0.8, 0.2]], dtype=np.float32))
    for _ in range(200):  # warm-up
        serve(**{name: row})
    micros = []
    for _ in range(cmd["calls"]):
        start = time.perf_counter()
        out = serve(**{name: row})
        next(iter(out.values())).numpy()
        micros.append((time.perf_counter() - start) * 1e6)
    micros.sort()
    return {"p50_us": micros[len(micros) // 2], "p99_us": micros[int(len(micros) * 0.99)]}


def serve():
    ops = {"iris": lambda c: iris(c.get("seed", 0)), "cnn": cnn, "export_iris": export_iris,
           "latency": latency}
    import keras
    print(json.dumps({"ready": True, "keras": keras.__version__}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        cmd = json.loads(line)
        try:
            answer = ops[cmd["op"]](cmd)
        except Exception as e:  # reported to the Java side, which prints it
            answer = {"error": f"{type(e).__name__}: {e}"}
        print(json.dumps(answer), flush=True)


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main(argv):
    if argv[:1] == ["serve"]:
        serve()
    elif argv[:1] == ["rss-cnn"]:
        cnn({"x": argv[1], "y": argv[2], "epochs": int(argv[3])})
        print(json.dumps({"peak_rss_mb": peak_rss_mb()}))
    elif argv[:1] == ["profile-cnn"]:
        import numpy as np
        import keras
        rng = np.random.default_rng(0)
        n = int(argv[2])
        x = rng.random((n, 28, 28, 1), dtype=np.float32)
        y = np.eye(10, dtype=np.float32)[rng.integers(0, 10, n)]
        model = cnn_model(argv[1])
        model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
        model.fit(x, y, epochs=2, batch_size=64, verbose=0)
    elif argv[:1] == ["cold-start"]:
        import numpy as np
        import tensorflow as tf
        serve_fn = tf.saved_model.load(argv[1]).signatures["serving_default"]
        name = list(serve_fn.structured_input_signature[1].keys())[0]
        out = serve_fn(**{name: tf.constant(np.load(argv[2]))})
        print(next(iter(out.values())).numpy())
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
