#!/usr/bin/env python3
"""Reads a TensorBoard log directory that tfbridge's TensorBoard callback wrote, as TensorBoard does.

Usage:
    python models/python/check_tensorboard_logs.py LOG_DIR EXPECTED.json [--atol 1e-6]

EXPECTED.json (written by the Java test from fit's History):
    {"scalars": {"train": {"epoch_loss": {"0": 0.69, ...}, ...}, "validation": {...}},
     "timed": {"train": ["epoch_steps_per_second"]},      # present with positive values only
     "histograms": {"sequential/dense/kernel/histogram":
                    {"steps": [0, 2], "size": 2, "min": -0.3, "max": 0.8}},  # min/max: last step
     "graph": true}
Each run directory (LOG_DIR/train, LOG_DIR/validation) is read with TensorBoard's
EventAccumulator when tensorboard is installed, else with TensorFlow's summary_iterator. The tags of
a run must be exactly the expected ones, with the `scalars` or `histograms` plugin as
tf.summary.scalar/histogram write them, the expected steps, and values within atol (relative above
1). Histogram counts must sum to the weight's size, their edges span [min, max]. Prints
"OK tensorboard <n> tags" or the failures, one a line; exits 1 on any failure.
"""
import argparse
import glob
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import tensorflow as tf  # noqa: E402


def read_with_accumulator(run_dir):
    from tensorboard.backend.event_processing import event_accumulator as ea
    acc = ea.EventAccumulator(run_dir, size_guidance={ea.TENSORS: 0})
    acc.Reload()
    values = {}
    for tag in acc.Tags()["tensors"]:
        plugin = acc.SummaryMetadata(tag).plugin_data.plugin_name
        values[tag] = [(e.step, plugin, tf.make_ndarray(e.tensor_proto)) for e in acc.Tensors(tag)]
    return values, bool(acc.Tags()["graph"])


def read_with_iterator(run_dir):
    files = glob.glob(os.path.join(run_dir, "events.out.tfevents.*"))
    if len(files) != 1:
        raise AssertionError("%s holds %d event files" % (run_dir, len(files)))
    values, graph, plugins = {}, False, {}
    for event in tf.compat.v1.train.summary_iterator(files[0]):
        graph = graph or event.HasField("graph_def")
        for v in event.summary.value:
            plugins.setdefault(v.tag, v.metadata.plugin_data.plugin_name)
            values.setdefault(v.tag, []).append(
                (event.step, plugins[v.tag], tf.make_ndarray(v.tensor)))
    return values, graph


def read(run_dir):
    try:
        import tensorboard.backend.event_processing.event_accumulator  # noqa: F401
    except ImportError:
        return read_with_iterator(run_dir)
    return read_with_accumulator(run_dir)


def close(a, b, atol):
    return abs(a - b) <= atol * max(1.0, abs(b))


def check_scalars(run, found, expected, timed, atol):
    errors = []
    for tag, by_step in expected.items():
        steps = sorted(int(s) for s in by_step)
        got = {step: float(v) for step, plugin, v in found.get(tag, []) if plugin == "scalars"}
        if sorted(got) != steps:
            errors.append("%s/%s: steps %s, expected %s" % (run, tag, sorted(got), steps))
            continue
        for s in steps:
            if not close(got[s], by_step[str(s)], atol):
                errors.append("%s/%s step %d: %r, expected %r" % (run, tag, s, got[s], by_step[str(s)]))
    for tag in timed:
        if not found.get(tag) or any(float(v) <= 0 for _, _, v in found[tag]):
            errors.append("%s/%s: missing or not positive" % (run, tag))
    return errors


def check_histograms(found, expected, atol):
    errors = []
    for tag, spec in expected.items():
        events = [(step, v) for step, plugin, v in found.get(tag, []) if plugin == "histograms"]
        if [s for s, _ in events] != spec["steps"]:
            errors.append("train/%s: steps %s, expected %s" % (tag, [s for s, _ in events], spec["steps"]))
            continue
        rows = events[-1][1]
        if rows.shape != (30, 3) or rows[:, 2].sum() != spec["size"]:
            errors.append("train/%s: shape %s, count %s, expected 30 buckets of %d" % (
                tag, rows.shape, rows[:, 2].sum(), spec["size"]))
        elif not (close(rows[0, 0], spec["min"], atol) and close(rows[-1, 1], spec["max"], atol)):
            errors.append("train/%s: edges [%r, %r], expected [%r, %r]" % (
                tag, rows[0, 0], rows[-1, 1], spec["min"], spec["max"]))
    return errors


def check_run(log_dir, run, expected, atol):
    found, graph = read(os.path.join(log_dir, run))
    scalars = expected.get("scalars", {}).get(run, {})
    timed = expected.get("timed", {}).get(run, [])
    histograms = expected.get("histograms", {}) if run == "train" else {}
    errors = check_scalars(run, found, scalars, timed, atol)
    errors += check_histograms(found, histograms, atol)
    wanted = set(scalars) | set(timed) | set(histograms)
    if set(found) != wanted:
        errors.append("%s tags %s, expected %s" % (run, sorted(found), sorted(wanted)))
    if run == "train" and graph != expected.get("graph", False):
        errors.append("train graph written: %s, expected %s" % (graph, expected.get("graph")))
    return errors, len(found)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("log_dir")
    ap.add_argument("expected")
    ap.add_argument("--atol", type=float, default=1e-6)
    args = ap.parse_args()
    with open(args.expected) as f:
        expected = json.load(f)
    errors, tags = [], 0
    for run in ("train", "validation"):
        run_errors, count = check_run(args.log_dir, run, expected, args.atol)
        errors += run_errors
        tags += count
    for e in errors:
        print("FAIL " + e)
    if errors:
        sys.exit(1)
    print("OK tensorboard %d tags" % tags)


if __name__ == "__main__":
    main()
