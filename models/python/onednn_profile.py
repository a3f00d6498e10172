#!/usr/bin/env python3
"""Where a CNN training step's time goes, kernel by kernel, in tfbridge and in Keras.

oneDNN (TensorFlow's CPU kernels for convolutions, pooling, matmuls) prints every primitive it runs
with its implementation and time when ONEDNN_VERBOSE=profile_exec is set. This script reads two such
logs, tfbridge's and Keras's, and prints one Markdown table: per primitive kind, propagation and
shape, the implementation oneDNN chose on each side and its median milliseconds per call. Run from
the repository's root:

  ONEDNN_VERBOSE=profile_exec ./tfbridge lesson cnn --epochs 2 --limit 2048 -q > tfbridge.log
  ONEDNN_VERBOSE=profile_exec .venv/bin/python models/python/keras_bench.py profile-cnn float32 2048 > keras.log
  .venv/bin/python models/python/onednn_profile.py tfbridge.log keras.log

(--dtype-policy mixed_bfloat16 and profile-cnn mixed_bfloat16 for the bf16 policy.)
"""
import collections
import statistics
import sys


def read(path):
    """{(kind, propagation, shape): (implementation, [ms per call])} of a verbose log."""
    calls = collections.defaultdict(list)
    impls = {}
    with open(path, errors="replace") as log:
        for line in log:
            fields = line.strip().replace(",v1,", ",").split(",")
            if fields[:3] != ["onednn_verbose", "primitive", "exec"]:
                continue
            key = (fields[4], fields[6], fields[-2])
            calls[key].append(float(fields[-1]))
            impls[key] = fields[5] or "gemm"
    return {k: (impls[k], v) for k, v in calls.items()}


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    ours, theirs = read(argv[0]), read(argv[1])
    rows = []
    for key in set(ours) | set(theirs):
        a, b = ours.get(key), theirs.get(key)
        if (a and len(a[1]) < 8) or (b and len(b[1]) < 8):
            continue  # first-call compilations and odd batch sizes
        rows.append((key, a, b))
    rows.sort(key=lambda r: -sum(statistics.median(s[1]) for s in r[1:] if s))
    print("| primitive | shape | tfbridge | ms/call | Keras | ms/call |")
    print("|---|---|---|---|---|---|")
    for (kind, prop, shape), a, b in rows:
        cell = lambda s: (s[0], f"{statistics.median(s[1]):.3f}") if s else ("—", "")
        print(f"| {kind} {prop} | {shape} | {' | '.join(cell(a))} | {' | '.join(cell(b))} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
