#!/usr/bin/env python3
"""Writes the golden files of io.tfbridge.preprocessing.image (ImageDataGenerator) from Keras's own
legacy ImageDataGenerator (keras.src.legacy.preprocessing.image, which needs scipy and Pillow).

Outputs (committed; re-run after changing this script), into --out (default
core/src/test/resources/datagen):
  images/<name>.npy        the input images (deterministic content, non-square, fractional values)
  transform/<case>.npy     apply_transform(image, params) for each case of cases.json
  standardize/<case>.npy   standardize(image) (after fit(data) where the case fits)
  standardize/<case>_{mean,std,zca}.npy   what fit learned
  cases.json               every case: its input, fill mode, cval and parameters (Keras's keys),
                           or its generator options
Usage: python models/python/make_datagen_golden.py [--out DIR]
"""
import argparse
import json
import os
import pathlib
import warnings

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
from keras.src.legacy.preprocessing.image import ImageDataGenerator  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
# Keras warns that zca_whitening / *_std_normalization imply the centering: the cases mean it
warnings.filterwarnings("ignore", message="This ImageDataGenerator specifies")


def images():
    """Deterministic inputs: 0-255 with fractions, a wide range (brightness rescales), RGBA."""
    base = ((np.arange(7 * 9 * 3).reshape(7, 9, 3) * 37) % 251 + 0.25 * (np.arange(3) + 1))
    wide = base * 2.0 - 100.0
    rgba = ((np.arange(5 * 6 * 4).reshape(5, 6, 4) * 53) % 256).astype(np.float64)
    gray = ((np.arange(6 * 5).reshape(6, 5, 1) * 29) % 200 + 0.5)
    return {k: v.astype(np.float32) for k, v in
            dict(base=base, wide=wide, rgba=rgba, gray=gray).items()}


def params(**kw):
    p = dict(theta=0.0, tx=0.0, ty=0.0, shear=0.0, zx=1.0, zy=1.0, flip_horizontal=False,
             flip_vertical=False, channel_shift_intensity=None, brightness=None)
    p.update(kw)
    return p


OUTSIDE = dict(theta=40.0, tx=3.0, zx=1.4, zy=1.2)
TRANSFORMS = [
    ("rotation_30", "base", "nearest", 0.0, params(theta=30.0)),
    ("rotation_90", "base", "nearest", 0.0, params(theta=90.0)),
    ("rotation_180_constant", "base", "constant", 9.0, params(theta=180.0)),
    ("rotation_180_wrap", "base", "wrap", 0.0, params(theta=180.0)),
    ("shift_tx_height_quirk", "base", "nearest", 0.0, params(tx=2.0)),
    ("shift_ty", "base", "nearest", 0.0, params(ty=-3.0)),
    ("shift_fractional_reflect", "base", "reflect", 0.0, params(tx=1.5, ty=-2.25)),
    ("shift_whole_width_wrap", "base", "wrap", 0.0, params(tx=-9.0, ty=4.0)),
    ("shear_20", "base", "nearest", 0.0, params(shear=20.0)),
    ("zoom_x_y", "base", "nearest", 0.0, params(zx=0.8, zy=1.3)),
    ("flip_horizontal", "base", "nearest", 0.0, params(flip_horizontal=True)),
    ("flip_vertical", "base", "nearest", 0.0, params(flip_vertical=True)),
    ("flip_both", "gray", "nearest", 0.0, params(flip_horizontal=True, flip_vertical=True)),
    ("channel_shift_up", "base", "nearest", 0.0, params(channel_shift_intensity=40.0)),
    ("channel_shift_down", "wide", "nearest", 0.0, params(channel_shift_intensity=-25.5)),
    ("brightness_dark", "base", "nearest", 0.0, params(brightness=0.6)),
    ("brightness_bright", "base", "nearest", 0.0, params(brightness=1.7)),
    ("brightness_wide_range", "wide", "nearest", 0.0, params(brightness=1.3)),
    ("brightness_rgba", "rgba", "nearest", 0.0, params(brightness=0.45)),
    ("brightness_gray", "gray", "nearest", 0.0, params(brightness=1.25)),
    ("combined_reflect", "base", "reflect", 0.0,
     params(theta=17.0, tx=1.3, ty=-0.7, shear=12.0, zx=1.2, zy=0.9, flip_horizontal=True,
            channel_shift_intensity=10.0, brightness=1.2)),
    ("fill_nearest", "base", "nearest", 0.0, params(**OUTSIDE)),
    ("fill_constant", "base", "constant", 0.0, params(**OUTSIDE)),
    ("fill_constant_cval", "base", "constant", 50.5, params(**OUTSIDE)),
    ("fill_reflect", "base", "reflect", 0.0, params(**OUTSIDE)),
    ("fill_wrap", "base", "wrap", 0.0, params(**OUTSIDE)),
    ("fill_wrap_far", "gray", "wrap", 0.0, params(theta=-63.0, tx=-7.5, ty=11.0, zx=2.5, zy=1.7)),
    ("fill_reflect_far", "gray", "reflect", 0.0, params(theta=-63.0, tx=-7.5, ty=11.0, zx=2.5, zy=1.7)),
]


def fit_data():
    """Data to fit on: 20 images like the base image, and 30 small 3x4x1 ones for ZCA (n > H*W*C)."""
    rng = np.random.default_rng(5)
    features = rng.uniform(0, 255, size=(20, 7, 9, 3)).astype(np.float32)
    zca = rng.normal(size=(30, 3, 4, 1)).astype(np.float32) * np.float32(3) + np.float32(1)
    return {"features": features, "zca": zca}


STANDARDIZE = [
    ("rescale_samplewise", "base", None,
     dict(rescale=1 / 255.0, samplewise_center=True, samplewise_std_normalization=True)),
    ("samplewise_std_implies_center", "base", None, dict(samplewise_std_normalization=True)),
    ("preprocessing_then_rescale", "base", None, dict(rescale=0.5, preprocessing_function="2x+1")),
    ("featurewise", "base", "features",
     dict(rescale=1 / 255.0, featurewise_center=True, featurewise_std_normalization=True)),
    ("featurewise_center_only", "base", "features", dict(featurewise_center=True)),
    ("zca", "zca0", "zca", dict(zca_whitening=True)),
]


def preprocessing(name):
    if name == "2x+1":
        return lambda x: x * 2 + 1
    raise ValueError(name)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "core/src/test/resources/datagen"))
    out = pathlib.Path(parser.parse_args().out)
    for sub in ("images", "transform", "standardize"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    inputs = images()
    data = fit_data()
    inputs["zca0"] = data["zca"][0]
    for name, x in {**inputs, **{"fit_" + k: v for k, v in data.items()}}.items():
        np.save(out / "images" / f"{name}.npy", x)
    cases = {"transform": [], "standardize": []}
    for name, image, mode, cval, p in TRANSFORMS:
        gen = ImageDataGenerator(fill_mode=mode, cval=cval)
        y = gen.apply_transform(inputs[image].copy(), p)
        np.save(out / "transform" / f"{name}.npy", np.asarray(y, dtype=np.float32))
        cases["transform"].append(dict(name=name, image=image, fill_mode=mode, cval=cval, params=p))
    for name, image, fit, options in STANDARDIZE:
        kw = dict(options)
        if "preprocessing_function" in kw:
            kw["preprocessing_function"] = preprocessing(kw["preprocessing_function"])
        gen = ImageDataGenerator(**kw)
        if fit:
            gen.fit(data[fit])
            for stat in ("mean", "std", "zca_whitening_matrix"):
                value = getattr(gen, stat)
                if value is not None:
                    np.save(out / "standardize" / f"{name}_{stat.split('_')[0]}.npy",
                            np.asarray(value, dtype=np.float32).reshape(-1) if stat != "zca_whitening_matrix"
                            else np.asarray(value, dtype=np.float32))
        y = gen.standardize(inputs[image].copy())
        np.save(out / "standardize" / f"{name}.npy", np.asarray(y, dtype=np.float32))
        cases["standardize"].append(dict(name=name, image=image, fit=fit and "fit_" + fit,
                                         options=options))
    (out / "cases.json").write_text(json.dumps(cases, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
