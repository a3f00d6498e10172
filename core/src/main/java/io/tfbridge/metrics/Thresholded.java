package io.tfbridge.metrics;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The label and prediction handling Keras's confusion-matrix metrics share
 * ({@code update_confusion_matrix_variables}): labels and predictions of the same shape, top-k
 * filtering, one class's column, and the true/false positive and false negative counts at one
 * threshold.
 */
final class Thresholded {
  /** Keras's {@code NEG_INF}, the value top-k filtering gives the predictions it drops. */
  static final float NEG_INF = -1e10f;

  /** A batch's counts at a threshold. */
  record Counts(Operand<TFloat32> tp, Operand<TFloat32> fp, Operand<TFloat32> fn) {}

  private Thresholded() {}

  /** Keras's range check of thresholds: {@code Threshold values must be in [0, 1]}. */
  static void checkRange(double... thresholds) {
    java.util.List<Double> bad = java.util.Arrays.stream(thresholds)
        .filter(t -> !(t >= 0 && t <= 1)).boxed().toList();
    if (!bad.isEmpty()) {
      throw new IllegalArgumentException("Threshold values must be in [0, 1]. Received: " + bad);
    }
  }

  /** Checks that labels and predictions have the same shape, as the metric needs them. */
  static void checkSameShape(String metric, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    Shape t = yTrue.shape();
    Shape p = yPred.shape();
    boolean same = t.numDimensions() == p.numDimensions();
    for (int i = 1; same && i < t.numDimensions(); i++) {
      same = t.get(i) == p.get(i);
    }
    if (!same) {
      throw new IllegalArgumentException(metric + " expects labels of the shape of the predictions "
          + "(one-hot labels for a categorical output). Received: y_true.shape=" + t
          + ", y_pred.shape=" + p);
    }
  }

  /** The predictions with all but the {@code k} highest of the last axis set to {@link #NEG_INF}. */
  static Operand<TFloat32> filterTopK(Ops tf, Operand<TFloat32> x, int k) {
    long classes = x.shape().get(x.shape().numDimensions() - 1);
    if (classes >= 0 && k > classes) {
      throw new IllegalArgumentException("Argument `top_k` must be at most the predictions' last "
          + "dimension. Received: top_k=" + k + " for y_pred.shape=" + x.shape());
    }
    Operand<TInt32> top = tf.nn.topK(x, tf.constant(k), TInt32.class).indices();
    Operand<TFloat32> mask = tf.reduceSum(tf.oneHot(top, tf.constant((int) classes),
        tf.constant(1f), tf.constant(0f)), tf.constant(-2));
    Operand<TFloat32> kept = tf.math.mul(x, mask);
    return tf.math.add(kept, tf.math.mul(tf.constant(NEG_INF),
        tf.math.sub(tf.constant(1f), mask)));
  }

  /** Column {@code classId} of the last axis, keeping the axis. */
  static Operand<TFloat32> column(Ops tf, Operand<TFloat32> x, int classId) {
    long classes = x.shape().get(x.shape().numDimensions() - 1);
    if (x.shape().numDimensions() < 2 || classId < 0 || classId >= classes) {
      throw new IllegalArgumentException("Argument `class_id` must be a class of the predictions "
          + "(0 to " + (classes - 1) + "). Received: class_id=" + classId + " for y_pred.shape="
          + x.shape());
    }
    return tf.gather(x, tf.constant(new int[] {classId}), tf.constant(-1));
  }

  /** True/false positives and false negatives of {@code y_pred > threshold} against nonzero labels. */
  static Counts counts(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred, float threshold) {
    Operand<TBool> label = tf.math.notEqual(yTrue, tf.constant(0f));
    Operand<TBool> positive = tf.math.greater(yPred, tf.constant(threshold));
    return new Counts(count(tf, tf.math.logicalAnd(label, positive)),
        count(tf, tf.math.logicalAnd(tf.math.logicalNot(label), positive)),
        count(tf, tf.math.logicalAnd(label, tf.math.logicalNot(positive))));
  }

  private static Operand<TFloat32> count(Ops tf, Operand<TBool> x) {
    Operand<TFloat32> ones = tf.dtypes.cast(x, TFloat32.class);
    return tf.reduceSum(ones, MeanMetricWrapper.allAxes(tf, ones), ReduceSum.keepDims(false));
  }
}
