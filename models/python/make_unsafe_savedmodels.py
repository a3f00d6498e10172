"""SavedModels that reach outside their tensors, for tfbridge's safe-loading tests (UnsafeOpsTest).

Writes to interop/src/test/resources/unsafe/ (a few KB, committed):
  write_file/   serving_default(x: float32[None, 2], path: string[]) writes b"written by the model" to
                `path` with tf.io.write_file inside the signature's function, and returns x * 2.
  print_file/   serving_default(x) prints x to a file (tf.print with output_stream="file://...").
  safe_module/  the same shape of module without either: must load.

Run: .venv/bin/python models/python/make_unsafe_savedmodels.py
"""
import os
import shutil
import sys

import tensorflow as tf

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "interop", "src", "test", "resources",
                   "unsafe")


class WriteFile(tf.Module):
    @tf.function(input_signature=[tf.TensorSpec([None, 2], tf.float32, name="x"),
                                  tf.TensorSpec([], tf.string, name="path")])
    def serve(self, x, path):
        with tf.control_dependencies([tf.io.write_file(path, "written by the model")]):
            return {"y": x * 2.0}


class PrintFile(tf.Module):
    @tf.function(input_signature=[tf.TensorSpec([None, 2], tf.float32, name="x")])
    def serve(self, x):
        with tf.control_dependencies([tf.print(x, output_stream="file:///tmp/tfbridge-print.txt")]):
            return {"y": x * 2.0}


class Safe(tf.Module):
    def __init__(self):
        super().__init__()
        self.scale = tf.Variable(2.0)

    @tf.function(input_signature=[tf.TensorSpec([None, 2], tf.float32, name="x")])
    def serve(self, x):
        return {"y": x * self.scale}


def save(module, name):
    path = os.path.join(OUT, name)
    tf.saved_model.save(module, path, signatures={"serving_default": module.serve})
    for d, subdirs, files in os.walk(path, topdown=False):
        if not subdirs and not files:
            os.rmdir(d)
    print("wrote", os.path.normpath(path))


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    save(WriteFile(), "write_file")
    save(PrintFile(), "print_file")
    save(Safe(), "safe_module")
    return 0


if __name__ == "__main__":
    sys.exit(main())
