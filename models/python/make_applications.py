#!/usr/bin/env python3
"""Golden files for the keras.applications architectures, made with real Keras 3.15.

Usage:
    python models/python/make_applications.py --out DIR [--only NAME ...] [--all] [--list]
                                              [--time-load]

Without --only/--all it makes the CI set (CI_SET below); --all makes every architecture; --list
prints the architectures (CI set marked) with the family member that covers the others.
For every architecture it writes DIR/<Name>/:
    model.keras, model.h5  the model (weights=None, include_top=True, classes=5, the smallest
                           input the architecture accepts), weights set as described below,
                           compiled with SGD(learning_rate=LR) and categorical crossentropy, saved
                           before any training (.keras first: saving .h5 drops the optimizer from
                           the model's compile config)
    x_0.npy, y.npy         N samples and model.predict(x) (inference)
    x_train.npy, y_train.npy  the training set: N_TRAIN samples, one-hot labels
    w1_<k>.npy             get_weights()[k] after model.fit(x_train, y_train, epochs=1,
                           batch_size=2, shuffle=False): every weight, moving statistics included
    y1.npy                 model.predict(x) after that epoch
    arch.json              input shape, lr, loss after the epoch, the size of the weight updates,
                           how much the predictions differ across inputs, Keras's wall times
and DIR/manifest.json lists the architectures written.

Weights. Keras's initializers with a fixed seed, then one calibration pass over x in inference mode
(layer by layer, through the functional graph) so that activations stay O(1) and predictions
differ clearly across inputs (with the plain initializers VGG16's softmax outputs differ by 1e-5
across inputs and a test at 1e-4 could not fail): every kernel (Conv2D, DepthwiseConv2D,
SeparableConv2D's pointwise kernel, Dense) is scaled so that its pre-activation has unit standard
deviation on x, biases become small random values, BatchNormalization's moving mean and variance
become the statistics of its input on x (gamma and beta random around 1 and 0), LayerNormalization's
gamma and beta random around 1 and 0, the input Normalization's statistics those of its input,
ConvNeXt's LayerScale gamma uniform(0.2, 0.5) (Keras's 1e-6 would make every block an identity),
and the classifier is scaled and shifted so that its logits deviate from their median by ~1.5 across
inputs. Dropout rates are set to 0 (in the saved configs too): a random layer in training could not
be compared with another implementation's random numbers (Dropout itself has layer golden cases).

Inputs are uniform in [0, 255] for architectures that rescale their input themselves (Rescaling or
Normalization layers: EfficientNet*, MobileNetV3*, ConvNeXt*) and uniform in [-1, 1] otherwise.

Which architectures CI makes (CI_SET; the applications get ~10 minutes of CI, generation, Java and
the Python check of Java's files included): each family's smallest member, NASNetMobile included.
Members of a family differ only in depth, width and input resolution (the same layer classes with
the same options and the same block structure, as keras/src/applications builds them from one
function per family), so a larger member adds no layer, option or graph shape the smallest lacks,
while it costs minutes (EfficientNetV2L and ConvNeXtXLarge are 0.5 and 1.4 GB per file).
COVERED_BY lists, for every architecture outside the CI set, the member that covers it; `--all` or
`--only NAME` makes any of them for a local run. Input sizes: see ARCHITECTURES.

Keras predicts and trains eagerly here (model.run_eagerly after saving): two steps and one
prediction run faster op by op than traced (InceptionResNetV2: 107 s -> 33 s per architecture).

TensorFlow runs single-threaded with op determinism and TF_ENABLE_ONEDNN_OPTS=0 (TF 2.21 dies of
SIGFPE in oneDNN on ResNet50 at small inputs otherwise).
"""
import argparse
import json
import os
import sys
import time
import zlib

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
import keras  # noqa: E402

tf.config.threading.set_inter_op_parallelism_threads(1)
tf.config.threading.set_intra_op_parallelism_threads(1)
tf.config.experimental.enable_op_determinism()
tf.get_logger().setLevel("ERROR")

CLASSES = 5
N = 4  # prediction samples
N_TRAIN = 4  # training samples: two steps of batch 2
BATCH = 2
MAX_STEP = 0.01  # the first SGD step's largest change of a weight, relative to its tensor's size
LOGIT_SPREAD = 1.5  # median deviation of the logits across inputs after calibration

# name -> the square input size the golden files use: the smallest Keras accepts (32; Xception 71),
# except where a BatchNormalization layer would then see a 1x1 feature map: in training with batch 2
# it normalizes two values per channel, its output is +-1 whatever the input and its gradient
# grows like 1/sqrt(epsilon) (ResNet50 at 32x32: gradients of 1e8 after calibration, training
# diverges at any useful learning rate). Those get the smallest size with a 2x2 map: 64 for the
# networks that downsample by 32, 107 for InceptionResNetV2 (smallest accepted: 75). InceptionV3 gets
# 139 (3x3 maps): at 107 one weight of its first layer ended 1.03e-3 from Keras's after the epoch
# (its training gradients are ill-conditioned: Keras's own float32 and float64 gradients differ by up
# to 18% on a few tensors).
SIZE_64 = ("ResNet", "MobileNet", "DenseNet", "EfficientNet", "NASNet")
ARCHITECTURES = {
    name: (139 if name == "InceptionV3" else 107 if name.startswith("Inception") else 71 if name == "Xception"
           else 64 if name.startswith(SIZE_64) else 32)
    for name in (
        "VGG16", "VGG19", "ResNet50", "ResNet101", "ResNet152", "ResNet50V2", "ResNet101V2",
        "ResNet152V2", "MobileNet", "MobileNetV2", "MobileNetV3Small", "MobileNetV3Large",
        "DenseNet121", "DenseNet169", "DenseNet201", "EfficientNetB0", "EfficientNetB1",
        "EfficientNetB2", "EfficientNetB3", "EfficientNetB4", "EfficientNetB5", "EfficientNetB6",
        "EfficientNetB7", "EfficientNetV2B0", "EfficientNetV2B1", "EfficientNetV2B2",
        "EfficientNetV2B3", "EfficientNetV2S", "EfficientNetV2M", "EfficientNetV2L", "Xception",
        "InceptionV3", "InceptionResNetV2", "NASNetMobile", "NASNetLarge", "ConvNeXtTiny",
        "ConvNeXtSmall", "ConvNeXtBase", "ConvNeXtLarge", "ConvNeXtXLarge")
}

# architectures outside the CI set -> the family member CI covers them with
COVERED_BY = {
    "VGG19": "VGG16",
    "ResNet101": "ResNet50", "ResNet152": "ResNet50",
    "ResNet101V2": "ResNet50V2", "ResNet152V2": "ResNet50V2",
    "MobileNetV3Large": "MobileNetV3Small",
    "DenseNet169": "DenseNet121", "DenseNet201": "DenseNet121",
    "EfficientNetB1": "EfficientNetB0", "EfficientNetB2": "EfficientNetB0",
    "EfficientNetB3": "EfficientNetB0", "EfficientNetB4": "EfficientNetB0",
    "EfficientNetB5": "EfficientNetB0", "EfficientNetB6": "EfficientNetB0",
    "EfficientNetB7": "EfficientNetB0",
    "EfficientNetV2B1": "EfficientNetV2B0", "EfficientNetV2B2": "EfficientNetV2B0",
    "EfficientNetV2B3": "EfficientNetV2B0", "EfficientNetV2S": "EfficientNetV2B0",
    "EfficientNetV2M": "EfficientNetV2B0", "EfficientNetV2L": "EfficientNetV2B0",
    "ConvNeXtSmall": "ConvNeXtTiny", "ConvNeXtBase": "ConvNeXtTiny",
    "ConvNeXtLarge": "ConvNeXtTiny", "ConvNeXtXLarge": "ConvNeXtTiny",
    "NASNetLarge": "NASNetMobile",
}
CI_SET = [a for a in ARCHITECTURES if a not in COVERED_BY]

KERNEL_LAYERS = ("Conv2D", "DepthwiseConv2D", "SeparableConv2D", "Dense")


def seed_of(name):
    return zlib.crc32(name.encode("utf-8")) & 0x7FFFFFFF


class Calibrator:
    """Sets an application's weights in one pass over x (inference mode), see the module doc."""

    def __init__(self, model, rng):
        self.model = model
        self.rng = rng
        self.classifier = classifier_of(model)

    def run(self, x):
        self.model._run_through_graph(x, operation_fn=self.wrap)

    def wrap(self, op):
        if isinstance(op, keras.Sequential):
            def sequential(x, **kwargs):
                for layer in op.layers:
                    x = self.wrap(layer)(x)
                return x
            return sequential

        def call(*args, **kwargs):
            kwargs.pop("training", None)
            self.before(op, args)
            out = op(*args, **kwargs)
            return self.after(op, args, out)
        return call

    def uniform(self, low, high, shape):
        return self.rng.uniform(low, high, size=tuple(shape)).astype("float32")

    def before(self, op, args):
        kind = type(op).__name__
        if kind == "BatchNormalization" or (kind == "Normalization" and op.weights):
            x = np.asarray(args[0])
            axes = tuple(range(x.ndim - 1))
            variables = {v.path.rsplit("/", 1)[-1]: v for v in op.weights}
            variables["moving_mean" if kind == "BatchNormalization" else "mean"].assign(x.mean(axes))
            # one variance for the whole layer (times a random factor per channel): dividing each
            # channel by its own variance would blow up the rounding errors of nearly constant
            # channels (their float32 noise reached the predictions at 1e-4)
            variance = float(x.var(axes).mean()) + 1e-3
            variables["moving_variance" if kind == "BatchNormalization" else "variance"].assign(
                variance * self.uniform(0.5, 2.0, x.shape[-1:]))
            for name, low, high in (("gamma", 0.8, 1.2), ("beta", -0.2, 0.2)):
                if name in variables:
                    variables[name].assign(self.uniform(low, high, variables[name].shape))
            if kind == "Normalization":
                op.finalize_state()  # its call reads mean/variance tensors made from the variables
        elif kind == "LayerNormalization":
            op.gamma.assign(self.uniform(0.8, 1.2, op.gamma.shape))
            op.beta.assign(self.uniform(-0.2, 0.2, op.beta.shape))
        elif kind == "LayerScale":
            op.gamma.assign(self.uniform(0.2, 0.5, op.gamma.shape))
        elif kind == "Dropout":
            op.rate = 0.0

    def after(self, op, args, out):
        if type(op).__name__ not in KERNEL_LAYERS:
            return out
        kernel = op.pointwise_kernel if type(op).__name__ == "SeparableConv2D" else op.kernel
        activation = op.activation
        op.activation = keras.activations.linear
        pre = np.asarray(op(*args))
        if op is self.classifier:
            # the median deviation, not the standard deviation: one outlying image (MobileNetV3)
            # would otherwise leave the others with nearly equal predictions
            logits = pre.reshape(len(pre), -1)
            deviation = float(np.median(np.abs(logits - np.median(logits, axis=0))))
            kernel.assign(kernel * (LOGIT_SPREAD / max(deviation, 1e-12)))
            logits = np.asarray(op(*args)).reshape(len(pre), -1)
            op.bias.assign(op.bias - np.median(logits, axis=0))
        else:
            kernel.assign(kernel / max(float(pre.std()), 1e-12))
            if op.use_bias:
                op.bias.assign(self.uniform(-0.2, 0.2, op.bias.shape))
        op.activation = activation
        return op(*args)


def classifier_of(model):
    """The layer whose output the final softmax turns into probabilities."""
    for name in ("predictions", "logits", "conv_preds", model.name + "_head_dense"):
        try:
            layer = model.get_layer(name)
        except ValueError:
            continue
        if type(layer).__name__ in KERNEL_LAYERS:
            return layer
    raise SystemExit("no classifier layer found in %s" % model.name)


def save(path, array):
    np.save(path, np.ascontiguousarray(array))


def build(name, size):
    model = getattr(keras.applications, name)(weights=None, include_top=True, classes=CLASSES,
                                              input_shape=(size, size, 3))
    rescales = any(type(l).__name__ in ("Rescaling", "Normalization") for l in model.layers)
    return model, rescales


def images(rng, n, size, low, high):
    """n random images in [low, high]: noise around a per-image colour, so that images differ as
    wholes (iid noise alone gives every image the same global statistics, and a random network
    maps them all to nearly the same prediction)."""
    colour = rng.uniform(0.25, 0.75, size=(n, 1, 1, 3))
    noise = rng.uniform(-0.25, 0.25, size=(n, size, size, 3))
    return (low + (high - low) * (colour + noise)).astype("float32")


def learning_rate(model, x_train, y_train):
    """The SGD learning rate of the golden files: the first step (on the first batch) moves no
    weight tensor by more than MAX_STEP of its root mean square (at least 0.01), quartered until
    that step does not blow up the training loss on the training set (more than 1.5 times plus
    0.5; VGG16, without normalization, diverged within two steps under the first bound alone).
    Large enough that training visibly changes weights and predictions, small enough that no
    layer is thrown off its scale."""
    variables = model.trainable_variables
    state = [v.numpy() for v in model.non_trainable_variables]
    w0 = [v.numpy() for v in variables]

    def loss_and_grads(x, y, gradients=True):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(keras.losses.categorical_crossentropy(y, model(x, training=True)))
        grads = tape.gradient(loss, variables) if gradients else []
        for v, value in zip(model.non_trainable_variables, state):
            v.assign(value)  # a training-mode call moves the moving statistics
        return float(loss), [None if g is None else g.numpy() for g in grads]

    def training_loss():
        return sum(loss_and_grads(x_train[i:i + BATCH], y_train[i:i + BATCH], False)[0]
                   for i in range(0, len(x_train), BATCH))

    before = training_loss()
    _, grads = loss_and_grads(x_train[:BATCH], y_train[:BATCH])
    lr = MAX_STEP * min(max(float(np.sqrt(np.mean(np.square(w)))), 0.01) / float(np.abs(g).max())
                        for g, w in zip(grads, w0) if g is not None and np.abs(g).max() > 0)
    for _ in range(8):
        lr = float("%.2g" % lr)
        for v, w, g in zip(variables, w0, grads):
            v.assign(w if g is None else w - lr * g)
        after = training_loss()
        for v, w in zip(variables, w0):
            v.assign(w)
        if after <= 1.5 * before + 0.5:
            break
        lr /= 4
    return lr


def spread(y):
    """The largest difference of one class's probability between two inputs."""
    return float(np.ptp(y, axis=0).max())


def make(out, name, time_load):
    keras.utils.clear_session()
    keras.utils.set_random_seed(seed_of(name))
    rng = np.random.RandomState(seed_of(name))
    size = ARCHITECTURES[name]
    times = {}
    t = time.time()
    model, rescales = build(name, size)
    low, high = (0.0, 255.0) if rescales else (-1.0, 1.0)
    x = images(rng, N, size, low, high)
    x_train = images(rng, N_TRAIN, size, low, high)
    y_train = np.eye(CLASSES, dtype="float32")[rng.randint(0, CLASSES, size=N_TRAIN)]
    Calibrator(model, rng).run(np.concatenate([x, x_train]))
    times["build"] = time.time() - t
    lr = learning_rate(model, x_train, y_train)
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=lr), loss="categorical_crossentropy")
    d = os.path.join(out, name)
    os.makedirs(d, exist_ok=True)
    for f in os.listdir(d):
        os.remove(os.path.join(d, f))
    t = time.time()
    model.save(os.path.join(d, "model.keras"))
    model.save(os.path.join(d, "model.h5"))
    times["save"] = time.time() - t
    w0 = model.get_weights()
    # eagerly: two steps and one prediction run faster op by op than traced (tracing a graph of
    # 800 layers takes longer than running it); the saved compile config keeps run_eagerly false
    model.run_eagerly = True
    t = time.time()
    y = model.predict(x, batch_size=N, verbose=0)
    times["predict"] = time.time() - t
    t = time.time()
    history = model.fit(x_train, y_train, epochs=1, batch_size=BATCH, shuffle=False, verbose=0)
    times["fit"] = time.time() - t
    w1 = model.get_weights()
    y1 = model.predict(x, batch_size=N, verbose=0)
    save(os.path.join(d, "x_0.npy"), x)
    save(os.path.join(d, "y.npy"), y.astype("float32"))
    save(os.path.join(d, "x_train.npy"), x_train)
    save(os.path.join(d, "y_train.npy"), y_train)
    save(os.path.join(d, "y1.npy"), y1.astype("float32"))
    for k, w in enumerate(w1):
        save(os.path.join(d, "w1_%d.npy" % k), w)
    if time_load:
        times.update(time_loaded(d, x))
    meta = {
        "name": name,
        "input_shape": [size, size, 3],
        "input_range": [low, high],
        "classes": CLASSES,
        "batch": BATCH,
        "lr": lr,
        "params": int(model.count_params()),
        "weights": len(w1),
        "loss": float(history.history["loss"][-1]),
        "max_update": max(float(np.abs(a - b).max()) for a, b in zip(w0, w1)),
        "prediction_spread": spread(y),
        "prediction_change": float(np.abs(y1 - y).max()),
        "seconds": {k: round(v, 2) for k, v in times.items()},
    }
    with open(os.path.join(d, "arch.json"), "w") as f:
        json.dump(meta, f, indent=1, sort_keys=True)
        f.write("\n")
    if meta["prediction_spread"] < 0.05:
        raise SystemExit("%s: predictions differ by only %g across inputs"
                         % (name, meta["prediction_spread"]))
    return meta


def time_loaded(d, x):
    """Keras's own load/predict times for the files just written (a fresh session)."""
    times = {}
    for f in ("model.h5", "model.keras"):
        keras.utils.clear_session()
        t = time.time()
        try:
            model = keras.models.load_model(os.path.join(d, f))
        except Exception as e:  # Keras cannot load some of its own legacy files (op nodes)
            print("Keras cannot load its own %s/%s: %s" % (os.path.basename(d), f,
                                                           str(e).splitlines()[0]))
            continue
        times["load_" + f.split(".")[1]] = time.time() - t
    t = time.time()
    model.predict(x, batch_size=N, verbose=0)
    times["predict_loaded"] = time.time() - t
    return times


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required="--list" not in (argv or sys.argv))
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--time-load", action="store_true", help="also time Keras loading the files")
    args = ap.parse_args(argv)
    if args.list:
        for a in ARCHITECTURES:
            print("%-18s %3d  %s" % (a, ARCHITECTURES[a], "CI" if a in CI_SET
                                     else "covered by " + COVERED_BY[a]))
        return
    names = args.only or (list(ARCHITECTURES) if args.all else CI_SET)
    unknown = [n for n in names if n not in ARCHITECTURES]
    if unknown:
        raise SystemExit("unknown architectures %s (see --list)" % unknown)
    os.makedirs(args.out, exist_ok=True)
    written = []
    for name in names:
        t = time.time()
        meta = make(args.out, name, args.time_load)
        written.append(name)
        print("wrote %-18s %5.1fs  spread %.3f  max update %.3g  loss %.4f"
              % (name, time.time() - t, meta["prediction_spread"], meta["max_update"],
                 meta["loss"]), flush=True)
    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump({"architectures": written, "covered_by": COVERED_BY}, f,
                  indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
