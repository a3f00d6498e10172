package io.tfbridge.metrics;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/** The per-sample formulas of {@link LossMetric}, reduced over the last axis as Keras's functions. */
final class LossMetricFormulas {
  private static final float EPSILON = 1e-7f;

  private LossMetricFormulas() {}

  static Operand<TFloat32> perSample(Ops tf, LossMetric.Fn fn, Operand<TFloat32> t,
      Operand<TFloat32> p) {
    switch (fn) {
      case MEAN_ABSOLUTE_ERROR:
        return lastMean(tf, tf.math.abs(tf.math.sub(p, t)));
      case MEAN_SQUARED_ERROR:
      case ROOT_MEAN_SQUARED_ERROR:
        return lastMean(tf, tf.math.square(tf.math.sub(p, t)));
      case MEAN_ABSOLUTE_PERCENTAGE_ERROR:
        Operand<TFloat32> diff = tf.math.abs(tf.math.div(tf.math.sub(t, p),
            tf.math.maximum(tf.math.abs(t), tf.constant(EPSILON))));
        return tf.math.mul(tf.constant(100f), lastMean(tf, diff));
      case MEAN_SQUARED_LOGARITHMIC_ERROR:
        return lastMean(tf, tf.math.square(tf.math.sub(log1pOfMax(tf, p), log1pOfMax(tf, t))));
      case COSINE_SIMILARITY:
        return lastSum(tf, tf.math.mul(normalize(tf, t), normalize(tf, p)));
      case LOG_COSH_ERROR:
        Operand<TFloat32> x = tf.math.sub(p, t);
        Operand<TFloat32> soft = tf.math.softplus(tf.math.mul(x, tf.constant(-2f)));
        return lastMean(tf, tf.math.sub(tf.math.add(x, soft), tf.constant((float) Math.log(2.0))));
      case KL_DIVERGENCE:
        Operand<TFloat32> tc = clip(tf, t);
        return lastSum(tf, tf.math.mul(tc, tf.math.log(tf.math.div(tc, clip(tf, p)))));
      case POISSON:
        return lastMean(tf, tf.math.sub(p, tf.math.mul(t,
            tf.math.log(tf.math.add(p, tf.constant(EPSILON))))));
      case HINGE:
        return lastMean(tf, hinge(tf, t, p));
      case SQUARED_HINGE:
        return lastMean(tf, tf.math.square(hinge(tf, t, p)));
      default:
        Operand<TFloat32> pos = lastSum(tf, tf.math.mul(t, p));
        Operand<TFloat32> neg = tf.max(tf.math.mul(tf.math.sub(tf.constant(1f), t), p),
            tf.constant(-1));
        return tf.math.maximum(tf.math.add(tf.math.sub(neg, pos), tf.constant(1f)),
            tf.constant(0f));
    }
  }

  /** {@code max(1 - y_true * y_pred, 0)}, labels 0/1 made -1/1 when the batch's are all 0 or 1. */
  private static Operand<TFloat32> hinge(Ops tf, Operand<TFloat32> t, Operand<TFloat32> p) {
    Operand<TBool> zeroOrOne = tf.math.logicalOr(tf.math.equal(t, tf.constant(0f)),
        tf.math.equal(t, tf.constant(1f)));
    Operand<TBool> binary = tf.all(zeroOrOne, MeanMetricWrapper.allAxes(tf, t));
    Operand<TFloat32> signs = tf.math.sub(tf.math.mul(t, tf.constant(2f)), tf.constant(1f));
    Operand<TFloat32> labels = tf.select(binary, signs, t);
    return tf.math.maximum(tf.math.sub(tf.constant(1f), tf.math.mul(labels, p)), tf.constant(0f));
  }

  private static Operand<TFloat32> log1pOfMax(Ops tf, Operand<TFloat32> x) {
    return tf.math.log(tf.math.add(tf.math.maximum(x, tf.constant(EPSILON)), tf.constant(1f)));
  }

  private static Operand<TFloat32> clip(Ops tf, Operand<TFloat32> x) {
    return tf.clipByValue(x, tf.constant(EPSILON), tf.constant(1f));
  }

  /** {@code x * min(rsqrt(sum(x^2)), 1 / epsilon)} over the last axis (Keras's l2 normalize). */
  private static Operand<TFloat32> normalize(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> squares = tf.reduceSum(tf.math.square(x), tf.constant(-1),
        org.tensorflow.op.core.ReduceSum.keepDims(true));
    return tf.math.mul(x, tf.math.minimum(tf.math.rsqrt(squares), tf.constant(1f / EPSILON)));
  }

  private static Operand<TFloat32> lastMean(Ops tf, Operand<TFloat32> x) {
    return tf.math.mean(x, tf.constant(-1));
  }

  private static Operand<TFloat32> lastSum(Ops tf, Operand<TFloat32> x) {
    return tf.reduceSum(x, tf.constant(-1));
  }
}
