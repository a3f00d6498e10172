"""A SavedModel with TF Serving's classify and regress signatures, for tfbridge serving's
:classify/:regress tests (ClassifyRegressTest), and TF's own answers to a few requests.

Writes to serving/src/test/resources/classify/ (a few KB, committed):
  model/         a TF1-style graph (tf.compat.v1 SavedModelBuilder; constants only, no variables)
                 whose signatures all take a batch of serialized tf.Example protos, parsed with
                 tf.io.parse_example into x: float32[2], n: int64 and word: bytes (all required):
                   serving_default  tensorflow/serving/classify  inputs -> classes, scores
                   scores_only      tensorflow/serving/classify  inputs -> scores
                   regress          tensorflow/serving/regress   inputs -> outputs (float32[None, 1])
                   predict          tensorflow/serving/predict   examples -> scores
                 The word enters through its length in bytes and its FarmHash bucket, so a feature
                 whose bytes changed on the way changes the answer. The weights keep every
                 intermediate value small, so float32 rounding stays well under the tests' 1e-6.
  golden.json    requests in TF Serving's JSON ({"signature_name", "context", "examples"}) with the
                 answers TF gives ({"results": ...}); each example is made into a tf.Example as TF
                 Serving's json_tensor.cc does (whole JSON numbers to int64_list, others to
                 float_list, strings and {"b64": ...} to bytes_list, the context's serialized bytes
                 before each example's, so an example's feature overrides the context's).

Run: TF_ENABLE_ONEDNN_OPTS=0 .venv/bin/python models/python/make_classify_savedmodel.py
"""
import base64
import json
import os
import shutil

import numpy as np
import tensorflow as tf

v1 = tf.compat.v1
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "serving", "src", "test", "resources",
                   "classify")
LABELS = [b"negative", b"neutral", b"positive"]
W = np.array([[0.5, -1.25, 2.0], [-0.75, 0.25, 1.5]], np.float32)
N_WEIGHTS = np.array([0.125, -0.5, 0.25], np.float32)
WORD_WEIGHTS = np.array([-0.2, 0.3, 0.1], np.float32)
B = np.array([0.1, 0.0, -0.1], np.float32)

REQUESTS = [
    ("classify", {"examples": [
        {"x": [1.5, -0.5], "n": 3, "word": "cat"},
        {"x": [0.25, 2.0], "n": -1, "word": "dog"},
        {"x": [-1.0, 0.0], "n": 0, "word": ""}]}),
    ("classify", {"signature_name": "serving_default", "context": {"n": 2, "word": "shared"},
                  "examples": [{"x": [0.5, 0.5]}, {"x": [2.5, -3.0]},
                               {"x": [1.0, 1.0], "n": 7}]}),
    ("classify", {"signature_name": "scores_only", "context": {"x": [0.75, -0.25]},
                  "examples": [{"n": 1, "word": {"b64": base64.b64encode(
                      b"\xff\x00\xfe\x80bytes").decode()}}, {"n": 5, "word": "\u00e9t\u00e9"}]}),
    ("regress", {"signature_name": "regress", "examples": [
        {"x": [1.5, -0.5], "n": 3, "word": "cat"},
        {"x": [3.0, 1e-3], "n": 40, "word": {"b64": base64.b64encode(
            bytes(range(256))).decode()}}]}),
    ("regress", {"signature_name": "regress", "context": {"word": "ctx", "n": 4},
                 "examples": [{"x": [0.0, 0.0]}, {"x": [-2.0, 0.5], "word": "own"}]}),
]


def graph():
    serialized = v1.placeholder(tf.string, [None], name="tf_example")
    spec = {"x": tf.io.FixedLenFeature([2], tf.float32),
            "n": tf.io.FixedLenFeature([], tf.int64),
            "word": tf.io.FixedLenFeature([], tf.string)}
    f = tf.io.parse_example(serialized, spec)
    length = tf.cast(tf.strings.length(f["word"]), tf.float32) / 32.0
    bucket = tf.cast(tf.strings.to_hash_bucket_fast(f["word"], 7), tf.float32)
    n = tf.cast(f["n"], tf.float32)
    word = (length + bucket)[:, None] * WORD_WEIGHTS
    logits = tf.matmul(f["x"], W) + n[:, None] * N_WEIGHTS + word + B
    scores = tf.nn.softmax(logits, name="scores")
    classes = tf.tile(tf.constant(LABELS)[None, :], [tf.shape(serialized)[0], 1], name="classes")
    value = tf.reduce_sum(logits, axis=1, keepdims=True, name="value")
    return serialized, classes, scores, value


def signatures(serialized, classes, scores, value):
    sm = v1.saved_model
    return {
        "serving_default": sm.classification_signature_def(serialized, classes, scores),
        "scores_only": sm.classification_signature_def(serialized, None, scores),
        "regress": sm.regression_signature_def(serialized, value),
        "predict": sm.predict_signature_def({"examples": serialized}, {"scores": scores}),
    }


def feature(value):
    values = value if isinstance(value, list) else [value]
    if all(isinstance(v, bool) or isinstance(v, int) for v in values):
        return tf.train.Feature(int64_list=tf.train.Int64List(value=[int(v) for v in values]))
    if all(isinstance(v, float) for v in values):
        return tf.train.Feature(float_list=tf.train.FloatList(value=values))
    return tf.train.Feature(bytes_list=tf.train.BytesList(value=[
        base64.b64decode(v["b64"]) if isinstance(v, dict) else v.encode() for v in values]))


def example(obj):
    return tf.train.Example(features=tf.train.Features(
        feature={k: feature(v) for k, v in obj.items()})).SerializeToString()


def answer(sess, tensors, method, request):
    serialized, classes, scores, value = tensors
    context = example(request["context"]) if "context" in request else b""
    feed = {serialized: [context + example(e) for e in request["examples"]]}
    key = request.get("signature_name", "serving_default")
    if method == "regress":
        return {"results": [float(v) for v in sess.run(value, feed)[:, 0]]}
    s = sess.run(scores, feed)
    if key == "scores_only":
        return {"results": [[["", float(p)] for p in row] for row in s]}
    c = sess.run(classes, feed)
    return {"results": [[[l.decode(), float(p)] for l, p in zip(lr, sr)] for lr, sr in zip(c, s)]}


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    with tf.Graph().as_default(), v1.Session() as sess:
        tensors = graph()
        builder = v1.saved_model.Builder(os.path.join(OUT, "model"))
        builder.add_meta_graph_and_variables(sess, [v1.saved_model.tag_constants.SERVING],
                                             signature_def_map=signatures(*tensors))
        builder.save()
        golden = [{"method": m, "request": r, "response": answer(sess, tensors, m, r)}
                  for m, r in REQUESTS]
    with open(os.path.join(OUT, "golden.json"), "w") as out:
        out.write("[\n" + ",\n".join(json.dumps(case) for case in golden) + "\n]\n")
    for d, subdirs, files in os.walk(OUT, topdown=False):
        if not subdirs and not files:
            os.rmdir(d)
    print("wrote", os.path.normpath(OUT))


if __name__ == "__main__":
    main()
