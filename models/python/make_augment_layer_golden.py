#!/usr/bin/env python3
"""Training-mode outputs of Keras 3.15's random image layers, with degenerate ranges (lower == upper)
so that the augmentation is deterministic (RandomCrop: target sizes not smaller than the image along
both axes, where Keras crops a fixed window).

Usage:
    python models/python/make_augment_layer_golden.py [--out DIR]

DIR defaults to <repo>/core/src/test/resources/golden/augment_layers. Writes x.npy (3 images of
5x7x2, uniform in [-1, 1]) and, per case, <case>.npy: layer(x, training=True). The Java test
io.tfbridge.layers.ImagePreprocessingGoldenTest builds the same layers with the Java DSL and
compares (1e-4). The layer golden harness (layer_cases/augment.py) sees these outputs only through
a training step; this script compares them directly, and covers RandomBrightness, which Keras cannot
save as .h5.
"""
import argparse
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import numpy as np  # noqa: E402
import keras  # noqa: E402

L = keras.layers
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.normpath(os.path.join(
    HERE, "..", "..", "core", "src", "test", "resources", "golden", "augment_layers"))

CASES = {
    "rotation_reflect_bilinear": lambda: L.RandomRotation((0.1, 0.1)),
    "rotation_constant_nearest": lambda: L.RandomRotation(
        (-0.2, -0.2), fill_mode="constant", fill_value=0.3, interpolation="nearest"),
    "rotation_wrap": lambda: L.RandomRotation((0.3, 0.3), fill_mode="wrap"),
    "rotation_nearest_fill": lambda: L.RandomRotation((0.05, 0.05), fill_mode="nearest"),
    "translation_wrap": lambda: L.RandomTranslation((0.2, 0.2), (-0.3, -0.3), fill_mode="wrap"),
    "translation_nearest": lambda: L.RandomTranslation(
        (-0.4, -0.4), (0.25, 0.25), fill_mode="nearest", interpolation="nearest"),
    "translation_constant": lambda: L.RandomTranslation(
        (0.13, 0.13), (0.21, 0.21), fill_mode="constant", fill_value=0.7),
    "zoom_constant": lambda: L.RandomZoom((0.3, 0.3), fill_mode="constant", fill_value=-0.5),
    "zoom_width_reflect_nearest": lambda: L.RandomZoom(
        (-0.4, -0.4), width_factor=(0.2, 0.2), interpolation="nearest"),
    "zoom_in_wrap": lambda: L.RandomZoom((-0.25, -0.25), fill_mode="wrap"),
    "contrast_fixed": lambda: L.RandomContrast((-0.5, 0.5), value_range=(-1, 1)),
    "contrast_default_range": lambda: L.RandomContrast((-0.3, 0.3)),
    "brightness_fixed": lambda: L.RandomBrightness((0.2, 0.2), value_range=(-1, 1)),
    "brightness_unsorted_range": lambda: L.RandomBrightness((-0.25, -0.25), value_range=(1, -1)),
    # RandomCrop is deterministic in training unless the image is larger along both axes: the
    # window starts at the corner of the centred box of the target's aspect ratio, spans up to the
    # target size (clipped to the image), and is resized bilinearly when smaller than the target
    "crop_slice_only": lambda: L.RandomCrop(5, 4),
    "crop_centred_rows": lambda: L.RandomCrop(3, 7),
    "crop_equal_size": lambda: L.RandomCrop(5, 7),
    "crop_resize_wider": lambda: L.RandomCrop(3, 9),
    "crop_resize_taller": lambda: L.RandomCrop(6, 4),
    "crop_resize_both": lambda: L.RandomCrop(8, 10),
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    x = np.random.RandomState(9).uniform(-1, 1, size=(3, 5, 7, 2)).astype("float32")
    np.save(os.path.join(args.out, "x.npy"), x)
    for name, make in CASES.items():
        y = keras.ops.convert_to_numpy(make()(x, training=True)).astype("float32")
        np.save(os.path.join(args.out, name + ".npy"), y)
        print("wrote", name)


if __name__ == "__main__":
    main()
