package io.tfbridge.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.random.RandomStandardNormal;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Random draws for the layers that are random only while training (Dropout, SpatialDropout,
 * GaussianNoise, GaussianDropout), seeded by the layer's seed, and the arithmetic that applies them
 * only while training: the training flag multiplies the perturbation rather than selecting it with
 * a conditional, since gradients through If ops abort the process in TF Java.
 */
final class Noise {
  private Noise() {}

  /** Keras's check of a dropout {@code rate}: a number in {@code [0, 1]}. */
  static double checkedRate(double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(
          "Invalid value received for argument `rate`. Expected a float value between 0 and 1. "
              + "Received: rate=" + rate);
    }
    return rate;
  }

  /** Uniform draws in {@code [0, 1)} of {@code shape}. */
  static Operand<TFloat32> uniform(LayerContext context, Operand<TInt32> shape) {
    long seed = context.seed();
    return context.tf().random.randomUniform(shape, TFloat32.class,
        RandomUniform.seed(seed & 0x7fffffffL), RandomUniform.seed2((seed >>> 32) & 0x7fffffffL));
  }

  /**
   * Standard normal draws of {@code shape}, behind a StopGradient: RandomStandardNormal has no
   * gradient, and {@code Graph.addGradients} fails on an op without one even when no weight lies
   * behind it.
   */
  static Operand<TFloat32> normal(LayerContext context, Operand<TInt32> shape) {
    long seed = context.seed();
    var tf = context.tf();
    return tf.stopGradient(tf.random.randomStandardNormal(shape, TFloat32.class,
        RandomStandardNormal.seed(seed & 0x7fffffffL),
        RandomStandardNormal.seed2((seed >>> 32) & 0x7fffffffL)));
  }

  /** {@code x * (1 + training * deviation)}: {@code x * (1 + deviation)} while training, else {@code x}. */
  static Operand<TFloat32> scaleWhileTraining(
      LayerContext context, Operand<TFloat32> x, Operand<TFloat32> deviation) {
    var tf = context.tf();
    Operand<TFloat32> factor =
        tf.math.add(tf.constant(1f), tf.math.mul(context.trainingFlag(), deviation));
    return tf.math.mul(x, factor);
  }

  /**
   * Dropout of {@code x} while training: each entry of a {@code noiseShape} mask (broadcast over
   * {@code x}) keeps with probability {@code 1 - rate}; kept entries are scaled by {@code 1 / (1 - rate)}.
   */
  static Operand<TFloat32> dropout(
      LayerContext context, Operand<TFloat32> x, double rate, Operand<TInt32> noiseShape) {
    if (rate == 0) {
      return x;
    }
    var tf = context.tf();
    Operand<TFloat32> keep = tf.dtypes.cast(
        tf.math.greaterEqual(uniform(context, noiseShape), tf.constant((float) rate)), TFloat32.class);
    float scale = rate == 1 ? 0f : (float) (1.0 / (1.0 - rate));
    return scaleWhileTraining(context, x, tf.math.sub(tf.math.mul(keep, tf.constant(scale)),
        tf.constant(1f)));
  }
}
