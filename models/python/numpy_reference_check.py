#!/usr/bin/env python3
"""Independent NumPy re-implementation of the golden cases.

Inference cases: re-computes y.npy from x.npy, w<k>.npy and config.json with a
tiny NumPy interpreter (Dense, Conv2D, MaxPooling2D with TF "SAME"/"VALID"
padding, Flatten, SimpleRNN, Dropout = identity).
Training cases: re-derives loss_<i>.npy and after_w<k>.npy of the Dense-only train_* cases from
x.npy / y_true.npy / w<k>.npy using the formulas written down in the golden
README (crossentropy from logits, sum_over_batch_size, Keras Adam and SGD
momentum), in float64, and reports the max deviation from the Keras files.
It documents the maths the Java implementation has to follow; it needs only numpy.

Usage: python models/python/numpy_reference_check.py [GOLDEN_DIR] [--tol 1e-5]
"""
import argparse
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "core", "src", "test",
                                            "resources", "golden"))


def softmax(z):
    e = np.exp(z - z.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def loss_and_dlogits(loss, z, y):
    """Loss (mean over batch) and d loss / d z for the output pre-activation z."""
    n = z.shape[0]
    if loss in ("sparse_categorical_crossentropy", "categorical_crossentropy"):
        t = np.eye(z.shape[1])[y.astype(int)] if loss.startswith("sparse") else y
        logp = np.log(softmax(z))
        return -(t * logp).sum() / n, (softmax(z) - t) / n
    if loss == "binary_crossentropy":
        # mean over last axis (size 1) then over the batch
        val = np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))
        return val.mean(), (1 / (1 + np.exp(-z)) - y) / y.size
    if loss == "mean_squared_error":
        return ((z - y) ** 2).mean(), 2 * (z - y) / y.size
    raise ValueError(loss)


def forward_backward(ws, x, y, loss, n_layers):
    """Dense stack: relu on hidden layers, the loss's activation on the last."""
    acts, zs = [x], []
    for i in range(n_layers):
        z = acts[-1] @ ws[2 * i] + ws[2 * i + 1]
        zs.append(z)
        acts.append(np.maximum(z, 0) if i < n_layers - 1 else z)
    val, dz = loss_and_dlogits(loss, zs[-1], y)
    grads = [None] * len(ws)
    for i in reversed(range(n_layers)):
        grads[2 * i] = acts[i].T @ dz
        grads[2 * i + 1] = dz.sum(0)
        if i > 0:
            dz = (dz @ ws[2 * i].T) * (zs[i - 1] > 0)
    return val, grads


class Adam:
    def __init__(self, c):
        self.lr, self.b1, self.b2, self.eps = c["learning_rate"], c["beta_1"], c["beta_2"], c["epsilon"]
        self.t, self.m, self.v = 0, None, None

    def step(self, ws, gs):
        if self.m is None:
            self.m = [np.zeros_like(w) for w in ws]
            self.v = [np.zeros_like(w) for w in ws]
        self.t += 1
        alpha = self.lr * np.sqrt(1 - self.b2 ** self.t) / (1 - self.b1 ** self.t)
        for w, g, m, v in zip(ws, gs, self.m, self.v):
            m += (g - m) * (1 - self.b1)
            v += (g * g - v) * (1 - self.b2)
            w -= alpha * m / (np.sqrt(v) + self.eps)


class SGD:
    def __init__(self, c):
        self.lr, self.mom, self.nesterov = c["learning_rate"], c["momentum"], c["nesterov"]
        self.m = None

    def step(self, ws, gs):
        if self.mom == 0:
            for w, g in zip(ws, gs):
                w -= self.lr * g
            return
        if self.m is None:
            self.m = [np.zeros_like(w) for w in ws]
        for w, g, m in zip(ws, gs, self.m):
            m *= self.mom
            m -= self.lr * g
            w += (self.mom * m - self.lr * g) if self.nesterov else m


def check_case(d):
    meta = json.load(open(os.path.join(d, "meta.json")))
    cfg = json.load(open(os.path.join(d, "config.json")))
    classes = [lay["class_name"] for lay in cfg["layers"] if lay["class_name"] != "InputLayer"]
    if set(classes) != {"Dense"}:
        return None
    ld = lambda f: np.load(os.path.join(d, f)).astype(np.float64)  # noqa: E731
    x, y = ld("x.npy"), ld("y_true.npy")
    k = 2 * len(classes)
    ws = [ld(f"w{i}.npy") for i in range(k)]
    oc = meta["optimizer"]["config"]
    opt = Adam(oc) if meta["optimizer"]["class_name"] == "Adam" else SGD(oc)
    dev = 0.0
    for s in range(meta["steps"]):
        val, gs = forward_backward(ws, x, y, meta["loss"], len(classes))
        dev = max(dev, abs(val - float(ld(f"loss_{s}.npy"))))
        opt.step(ws, gs)
    for i in range(k):
        dev = max(dev, float(np.abs(ws[i] - ld(f"after_w{i}.npy")).max()))
    return dev


ACT = {
    "linear": lambda z: z,
    "relu": lambda z: np.maximum(z, 0),
    "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
    "tanh": np.tanh,
    "softmax": softmax,
}


def same_pads(n, k, s):
    """TF 'SAME': out = ceil(n/s); total pad = max((out-1)*s + k - n, 0); the extra goes after."""
    out = -(-n // s)
    total = max((out - 1) * s + k - n, 0)
    return out, total // 2, total - total // 2


def windows(x, kh, kw, sh, sw, padding, fill):
    """x: (N,H,W,C) -> patches (N,OH,OW,kh,kw,C)."""
    n, h, w, c = x.shape
    if padding == "same":
        oh, pt, pb = same_pads(h, kh, sh)
        ow, pl, pr = same_pads(w, kw, sw)
        x = np.pad(x, ((0, 0), (pt, pb), (pl, pr), (0, 0)), constant_values=fill)
    else:
        oh, ow = (h - kh) // sh + 1, (w - kw) // sw + 1
    out = np.empty((n, oh, ow, kh, kw, c))
    for i in range(oh):
        for j in range(ow):
            out[:, i, j] = x[:, i * sh:i * sh + kh, j * sw:j * sw + kw, :]
    return out


def run_layers(cfg, ws, x):
    wi = 0
    for lay in cfg["layers"]:
        cls, c = lay["class_name"], lay["config"]
        if cls == "InputLayer":
            continue
        if cls == "Dense":
            z = x @ ws[wi]
            wi += 1
            if c["use_bias"]:
                z = z + ws[wi]
                wi += 1
            x = ACT[c["activation"]](z)
        elif cls == "Conv2D":
            k = ws[wi]
            wi += 1
            p = windows(x, k.shape[0], k.shape[1], *c["strides"], c["padding"], 0.0)
            z = np.einsum("nijabc,abco->nijo", p, k)
            if c["use_bias"]:
                z = z + ws[wi]
                wi += 1
            x = ACT[c["activation"]](z)
        elif cls == "MaxPooling2D":
            st = c["strides"] or c["pool_size"]
            x = windows(x, *c["pool_size"], *st, c["padding"], -np.inf).max(axis=(3, 4))
        elif cls == "Flatten":
            x = x.reshape(x.shape[0], -1)
        elif cls == "Dropout":
            pass
        elif cls == "SimpleRNN":
            kern, rec = ws[wi], ws[wi + 1]
            wi += 2
            b = 0.0
            if c["use_bias"]:
                b = ws[wi]
                wi += 1
            h = np.zeros((x.shape[0], kern.shape[1]))
            seq = []
            for t in range(x.shape[1]):
                h = ACT[c["activation"]](x[:, t] @ kern + b + h @ rec)
                seq.append(h)
            x = np.stack(seq, 1) if c["return_sequences"] else h
        elif cls == "Activation":
            x = ACT[c["activation"]](x)
        elif cls == "Reshape":
            x = x.reshape((x.shape[0],) + tuple(c["target_shape"]))
        elif cls == "AveragePooling2D":
            # the mean over the real (unpadded) pixels of each window: pad with NaN, nanmean
            st = c["strides"] or c["pool_size"]
            x = np.nanmean(windows(x, *c["pool_size"], *st, c["padding"], np.nan), axis=(3, 4))
        elif cls in ("GlobalAveragePooling2D", "GlobalMaxPooling2D", "GlobalAveragePooling1D"):
            axes = (1, 2) if cls.endswith("2D") else (1,)
            f = np.max if "Max" in cls else np.mean
            x = f(x, axis=axes, keepdims=c["keepdims"])
        elif cls == "Conv1D":
            k = ws[wi]
            wi += 1
            p = windows(x[:, None], 1, k.shape[0], 1, c["strides"][0], c["padding"], 0.0)
            z = np.einsum("nijabc,bco->njo", p, k)
            if c["use_bias"]:
                z = z + ws[wi]
                wi += 1
            x = ACT[c["activation"]](z)
        elif cls == "Embedding":
            x = ws[wi][x.astype(np.int64)]
            wi += 1
        elif cls in ("LSTM", "GRU"):
            kern, rec = ws[wi], ws[wi + 1]
            wi += 2
            u = rec.shape[0]
            b = np.zeros(kern.shape[1]) if cls == "LSTM" or not c["reset_after"] else np.zeros((2, 3 * u))
            if c["use_bias"]:
                b = ws[wi]
                wi += 1
            act, rec_act = ACT[c["activation"]], ACT[c["recurrent_activation"]]
            h = np.zeros((x.shape[0], u))
            cell = np.zeros((x.shape[0], u))
            seq = []
            for t in range(x.shape[1]):
                if cls == "LSTM":  # gates i, f, c, o
                    z = x[:, t] @ kern + h @ rec + b
                    i, f, g, o = (z[:, k * u:(k + 1) * u] for k in range(4))
                    cell = rec_act(f) * cell + rec_act(i) * act(g)
                    h = rec_act(o) * act(cell)
                else:  # gates z, r, h
                    bx, bh = (b[0], b[1]) if c["reset_after"] else (b, np.zeros(3 * u))
                    mx = x[:, t] @ kern + bx
                    if c["reset_after"]:
                        mh = h @ rec + bh
                        zg = rec_act(mx[:, :u] + mh[:, :u])
                        r = rec_act(mx[:, u:2 * u] + mh[:, u:2 * u])
                        hh = act(mx[:, 2 * u:] + r * mh[:, 2 * u:])
                    else:
                        zg = rec_act(mx[:, :u] + h @ rec[:, :u])
                        r = rec_act(mx[:, u:2 * u] + h @ rec[:, u:2 * u])
                        hh = act(mx[:, 2 * u:] + (r * h) @ rec[:, 2 * u:])
                    h = zg * h + (1 - zg) * hh
                seq.append(h)
            x = np.stack(seq, 1) if c["return_sequences"] else h
        elif cls == "BatchNormalization":  # inference: the moving statistics
            gamma = beta = None
            if c["scale"]:
                gamma = ws[wi]
                wi += 1
            if c["center"]:
                beta = ws[wi]
                wi += 1
            mean, var = ws[wi], ws[wi + 1]
            wi += 2
            x = (x - mean) / np.sqrt(var + c["epsilon"])
            x = x * (1.0 if gamma is None else gamma) + (0.0 if beta is None else beta)
        else:
            raise ValueError(f"unsupported layer {cls}")
    assert wi == len(ws), "not all weights consumed"
    return x


def check_forward(d):
    cfg = json.load(open(os.path.join(d, "config.json")))
    ws = []
    while os.path.exists(os.path.join(d, f"w{len(ws)}.npy")):
        ws.append(np.load(os.path.join(d, f"w{len(ws)}.npy")).astype(np.float64))
    x = np.load(os.path.join(d, "x.npy")).astype(np.float64)
    y = np.load(os.path.join(d, "y.npy")).astype(np.float64)
    got = run_layers(cfg, ws, x)
    if got.shape != y.shape:
        return float("inf")
    return float(np.abs(got - y).max())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", nargs="?", default=DEFAULT_DIR)
    ap.add_argument("--tol", type=float, default=1e-5)
    a = ap.parse_args()
    bad = 0
    for name in sorted(os.listdir(a.dir)):
        if not os.path.isdir(os.path.join(a.dir, name)):
            continue
        if not name.startswith("train_"):
            dev = check_forward(os.path.join(a.dir, name))
            ok = dev <= a.tol
            bad += not ok
            print(f"{name:24s} max |numpy - keras| of y = {dev:.2e} {'OK' if ok else 'FAIL'}")
            continue
        dev = check_case(os.path.join(a.dir, name))
        if dev is None:
            print(f"{name:24s} skipped (not a Dense-only model)")
            continue
        ok = dev <= a.tol
        bad += not ok
        print(f"{name:24s} max |numpy - keras| over losses and after-weights = {dev:.2e} "
              f"{'OK' if ok else 'FAIL'}")
    print("numpy reference agrees with Keras" if not bad else f"{bad} case(s) disagree")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
