#!/usr/bin/env python3
"""Golden files for loading images as Keras 3.15 does (load_img + img_to_array, flow_from_directory's
listing), for io.tfbridge.preprocessing.image.ImageFiles and ImageDirectory.

Usage: python models/python/make_image_files_golden.py [--out DIR]
       (default core/src/test/resources/image_files)

Writes DIR/tree/: a small class-per-folder tree of images in Pillow's modes (RGB, L, LA, RGBA, P,
I;16 PNGs, BMP, JPEG, an upper-case .PNG, a nested folder, a non-image file), deterministic content;
DIR/load/<file stem>__<color mode>__<h>x<w>.npy: keras.utils.img_to_array(keras.utils.load_img(file,
color_mode, target_size)) for every file and colour mode Pillow converts (target size 0x0: none;
16-bit grey at its own size only);
DIR/listing.json: flow_from_directory's filenames, classes and class_indices for all files and for
the training/validation subsets of validation_split=0.34.
"""
import argparse
import json
import os
import shutil

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402
import keras  # noqa: E402
from keras.src.legacy.preprocessing.image import ImageDataGenerator  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "core", "src", "test", "resources",
                   "image_files")
SIZES = [(0, 0), (5, 7), (9, 4)]  # (height, width); 0x0: the file's own size


def pattern(h, w, c, seed):
    rng = np.random.RandomState(seed)
    return rng.randint(0, 256, size=(h, w, c)).astype("uint8")


def images():
    """name -> (class folder, PIL image, save format)."""
    rgb = Image.fromarray(pattern(6, 9, 3, 1), "RGB")
    gray = Image.fromarray(pattern(7, 5, 1, 2)[:, :, 0], "L")
    rgba = Image.fromarray(pattern(4, 6, 4, 3), "RGBA")
    la = Image.fromarray(pattern(5, 5, 2, 4), "LA")
    pal = Image.fromarray(pattern(6, 4, 3, 5), "RGB").convert("P", palette=Image.ADAPTIVE, colors=8)
    i16 = Image.fromarray((pattern(3, 8, 1, 6)[:, :, 0].astype("uint16") * 257), "I;16")
    return {
        "cats/a_rgb.png": (rgb, "PNG"),
        "cats/b_gray.png": (gray, "PNG"),
        "cats/sub/c_rgba.png": (rgba, "PNG"),
        "cats/d_upper.PNG": (la, "PNG"),
        "dogs/e_pal.png": (pal, "PNG"),
        "dogs/f_rgb.bmp": (Image.fromarray(pattern(5, 8, 3, 7), "RGB"), "BMP"),
        "dogs/g_rgb.jpg": (Image.fromarray(pattern(8, 8, 3, 8), "RGB"), "JPEG"),
        "dogs/h_gray16.png": (i16, "PNG"),
        "emus/i_gray.jpeg": (Image.fromarray(pattern(9, 6, 1, 9)[:, :, 0], "L"), "JPEG"),
        "emus/j_rgb.png": (Image.fromarray(pattern(2, 3, 3, 10), "RGB"), "PNG"),
    }


def convertible(img, mode):
    # Pillow cannot convert a 16-bit grey image to RGB(A) without losing its range: not a case
    return not (img.mode == "I;16" and mode != "grayscale")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=OUT)
    out = os.path.abspath(ap.parse_args().out)
    shutil.rmtree(out, ignore_errors=True)
    tree = os.path.join(out, "tree")
    for rel, (img, fmt) in images().items():
        path = os.path.join(tree, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        img.save(path, fmt, **({"quality": 90} if fmt == "JPEG" else {}))
    with open(os.path.join(tree, "cats", "notes.txt"), "w") as f:
        f.write("not an image\n")
    os.makedirs(os.path.join(out, "load"))
    for rel in images():
        path = os.path.join(tree, rel)
        stem = os.path.splitext(os.path.basename(rel))[0]
        for mode in ("grayscale", "rgb", "rgba"):
            if not convertible(Image.open(path), mode):
                continue
            # Pillow's nearest resize of a 16-bit grey image picks other pixels than its 8-bit one
            # (it seems to step through bytes): tfbridge resizes it as any other, not a case
            for h, w in SIZES if Image.open(path).mode != "I;16" else SIZES[:1]:
                img = keras.utils.load_img(path, color_mode=mode,
                                           target_size=(h, w) if h else None)
                x = keras.utils.img_to_array(img).astype("float32")
                np.save(os.path.join(out, "load", "%s__%s__%dx%d.npy" % (stem, mode, h, w)), x)
    listing = {}
    for subset in (None, "training", "validation"):
        gen = ImageDataGenerator(validation_split=0.34)
        it = gen.flow_from_directory(tree, target_size=(4, 4), class_mode="sparse", shuffle=False,
                                     subset=subset)
        listing[subset or "all"] = {"filenames": [f.replace(os.sep, "/") for f in it.filenames],
                                    "classes": [int(c) for c in it.classes],
                                    "class_indices": it.class_indices}
    with open(os.path.join(out, "listing.json"), "w") as f:
        json.dump(listing, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote", out)


if __name__ == "__main__":
    main()
