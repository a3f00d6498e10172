package io.tfbridge.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The statistics LayerNormalization and GroupNormalization share, op for op as Keras's TensorFlow
 * backend: {@code tf.nn.moments} with kept dimensions, then {@code x * inv + (beta - mean * inv)} with
 * {@code inv = rsqrt(variance + epsilon) * gamma}.
 *
 * @param mean the mean over the axes, with kept dimensions
 * @param variance the biased variance over the axes, with kept dimensions
 */
record Moments(Operand<TFloat32> mean, Operand<TFloat32> variance) {

  /**
   * {@code tf.nn.moments(x, axes, keepdims=True)}: the variance is the mean squared difference from
   * the mean held constant (which changes no gradient: the deviations sum to zero).
   */
  static Moments of(Ops tf, Operand<TFloat32> x, int[] axes) {
    // int32 axes: the Mean gradient fails to build on int64 reduction indices
    Operand<TInt32> reduction = tf.constant(axes);
    Operand<TFloat32> mean = tf.math.mean(x, reduction, Mean.keepDims(true));
    Operand<TFloat32> variance = tf.math.mean(
        tf.math.squaredDifference(x, tf.stopGradient(mean)), reduction, Mean.keepDims(true));
    return new Moments(mean, variance);
  }

  /**
   * {@code x * inv + res} with {@code inv = rsqrt(variance + epsilon)}, times gamma if given, and
   * {@code res = -mean * inv}, plus beta if given; gamma and beta broadcast against x.
   */
  Operand<TFloat32> normalize(Ops tf, Operand<TFloat32> x, double epsilon, Operand<TFloat32> gamma,
      Operand<TFloat32> beta) {
    Operand<TFloat32> inv = tf.math.rsqrt(tf.math.add(variance, tf.constant((float) epsilon)));
    if (gamma != null) {
      inv = tf.math.mul(inv, gamma);
    }
    Operand<TFloat32> res = tf.math.mul(tf.math.neg(mean), inv);
    if (beta != null) {
      res = tf.math.add(res, beta);
    }
    return tf.math.add(tf.math.mul(x, inv), res);
  }
}
