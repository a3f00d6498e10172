#!/usr/bin/env python3
"""Writes the golden test data of io.tfbridge.{data,datasets,preprocessing} from numpy, Keras and
scikit-learn, so the Java tests compare against the real thing.

Outputs (committed; re-run after changing this script):
  core/src/test/resources/io/tfbridge/data/npy/*.npy, *.npz   files written by numpy
  core/src/test/resources/io/tfbridge/data/npy/manifest.json  expected dtype/shape/values
  core/src/test/resources/io/tfbridge/preprocessing/golden.json
      pad_sequences, to_categorical, StandardScaler, train_test_split sizes, accuracy_score,
      argmax and load_iris results

Usage: python models/python/make_preprocessing_golden.py   (needs numpy, keras, scikit-learn)
Run from the repository root. Uses allow_nan JSON (NaN tokens) for the NaN cases.
"""
import json
import os
import pathlib

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # quiet TensorFlow (the Keras backend)

import numpy as np  # noqa: E402
from keras.utils import pad_sequences, to_categorical  # noqa: E402
from sklearn.datasets import load_iris  # noqa: E402
from sklearn.metrics import accuracy_score  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
NPY_DIR = ROOT / "core/src/test/resources/io/tfbridge/data/npy"
GOLDEN = ROOT / "core/src/test/resources/io/tfbridge/preprocessing/golden.json"


def flat(a):
    """Array values in C order as JSON-ready Python scalars."""
    return np.ascontiguousarray(a).reshape(-1).tolist()


def npy_files():
    """Writes one .npy per dtype and format variant; returns the manifest of readable ones."""
    NPY_DIR.mkdir(parents=True, exist_ok=True)
    arrays = {
        "f4": np.array([[-1.5, 0.0, 3.25], [1e-8, 65504.0, -0.1]], dtype="<f4"),
        "f8": np.array([[np.pi, -np.e], [1e300, -0.0], [5e-324, 2.5]], dtype="<f8"),
        "i4": np.array([-2**31, -1, 0, 2**31 - 1], dtype="<i4"),
        "i8": np.array([[-2**63, 2**62 + 7], [0, 2**63 - 1]], dtype="<i8"),
        "u1": np.array([[[0, 1], [127, 128]], [[200, 254], [255, 42]]], dtype="|u1"),
        "i1": np.array([-128, -1, 0, 1, 127], dtype="|i1"),
        "b1": np.array([True, False, True], dtype="|b1"),
        "scalar": np.array(3.5, dtype="<f8"),
        "empty": np.zeros((0, 3), dtype="<f4"),
        "big_endian_f8": np.array([1.5, -2.25, 1e-3], dtype=">f8"),
        "big_endian_i4": np.array([[1, -2], [300000, -40000]], dtype=">i4"),
    }
    manifest = {}
    for name, a in arrays.items():
        np.save(NPY_DIR / f"{name}.npy", a)
        manifest[f"{name}.npy"] = entry(a)
    for version in [(2, 0), (3, 0)]:
        a = np.arange(12, dtype="<f4").reshape(3, 4) / 8
        name = f"v{version[0]}.npy"
        with open(NPY_DIR / name, "wb") as f:
            np.lib.format.write_array(f, a, version=version)
        manifest[name] = entry(a)
    np.save(NPY_DIR / "fortran.npy", np.asfortranarray(np.arange(6, dtype="<f4").reshape(2, 3)))
    np.save(NPY_DIR / "f2.npy", np.ones(3, dtype="<f2"))
    x = np.arange(6, dtype="<f4").reshape(2, 3)
    y = np.array([1, 0], dtype="<i8")
    np.savez(NPY_DIR / "stored.npz", x=x, y=y)
    np.savez_compressed(NPY_DIR / "deflated.npz", x=x, y=y)
    manifest["stored.npz"] = {"x": entry(x), "y": entry(y)}
    manifest["deflated.npz"] = {"x": entry(x), "y": entry(y)}
    return manifest


def entry(a):
    descr = a.dtype.newbyteorder("<").str if a.dtype.itemsize > 1 else a.dtype.str
    return {"dtype": descr, "shape": list(a.shape), "data": flat(a)}


PAD_CASES = [
    dict(sequences=[[1, 2, 3], [4, 5, 6], [7, 8, 9]], maxlen=5, padding="post"),  # the lesson
    dict(sequences=[[1], [2, 3], [4, 5, 6], []]),
    dict(sequences=[[1, 2, 3, 4, 5], [6, 7]], maxlen=3),
    dict(sequences=[[1, 2, 3, 4, 5], [6, 7]], maxlen=3, padding="post", truncating="post"),
    dict(sequences=[[1, 2, 3, 4, 5], [6, 7]], maxlen=2, padding="pre", truncating="post"),
    dict(sequences=[[1, 2, 3, 4, 5], [6, 7]], maxlen=4, padding="post", truncating="pre"),
    dict(sequences=[[5], [], [1, 2, 3, 4]], maxlen=4, value=-1),
    dict(sequences=[[1, 2], [3, 4]], maxlen=2),
    dict(sequences=[[1, 2, 3], [4]], maxlen=0, truncating="post"),
    dict(sequences=[[], []]),
    dict(sequences=[[1, 2, 3], [4]], maxlen=6, padding="post", truncating="post", value=9),
    dict(sequences=[], maxlen=3),
]

CATEGORICAL_CASES = [([0, 1, 2, 3], 4), ([2, 0, 1], None), ([1, 1], 5), ([0], None), ([], 3)]


def golden():
    iris = load_iris()
    x32 = iris.data.astype(np.float32)
    scaler = StandardScaler().fit(x32)
    constant = np.array([[1, 2], [1, 4], [1, 6]], dtype=np.float32)
    with_nan = np.array([[1, np.nan], [2, 4], [4, 6]], dtype=np.float32)
    probs = np.array([[0.1, 0.7, 0.2], [0.5, 0.5, 0.0], [0.3, np.nan, 0.9], [-1, -2, -0.5]],
                     dtype=np.float32)
    return {
        "pad_sequences": [dict(case, expected=pad_sequences(**case).tolist()) for case in PAD_CASES],
        "to_categorical": [
            {"y": y, "num_classes": n,
             "expected": to_categorical(np.array(y, dtype=int), n).tolist()}
            for y, n in CATEGORICAL_CASES],
        "standard_scaler": {
            "iris": {"mean": scaler.mean_.tolist(), "var": scaler.var_.tolist(),
                     "scale": scaler.scale_.tolist(),
                     "transform_first_rows": scaler.transform(x32[:5]).tolist()},
            "constant": scaler_case(constant),
            "with_nan": scaler_case(with_nan),
        },
        "train_test_split_sizes": [split_sizes(n, t) for n, t in
                                   [(150, 0.3), (10, 0.25), (7, 0.5), (3, 0.1), (100, 0.2)]],
        "accuracy_score": [{"y_true": t, "y_pred": p, "expected": accuracy_score(t, p)}
                           for t, p in [([0, 1, 2, 2], [0, 2, 2, 2]), ([1], [1]), ([1, 0], [0, 1])]],
        "argmax": {"probs": probs.tolist(), "expected": probs.argmax(axis=1).tolist()},
        "iris": {"data": iris.data.tolist(), "target": iris.target.tolist(),
                 "feature_names": list(iris.feature_names),
                 "target_names": iris.target_names.tolist()},
    }


def scaler_case(x):
    s = StandardScaler().fit(x)
    return {"x": x.tolist(), "mean": s.mean_.tolist(), "var": s.var_.tolist(),
            "scale": s.scale_.tolist(), "transform": s.transform(x).tolist()}


def split_sizes(n, test_size):
    x_train, x_test = train_test_split(np.arange(n), test_size=test_size, random_state=0)
    return {"n": n, "test_size": test_size, "n_train": len(x_train), "n_test": len(x_test)}


def main():
    manifest = npy_files()
    (NPY_DIR / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    GOLDEN.write_text(json.dumps(golden(), indent=1) + "\n")
    print(f"wrote {NPY_DIR} and {GOLDEN}")


if __name__ == "__main__":
    main()
