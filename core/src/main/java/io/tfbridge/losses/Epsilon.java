package io.tfbridge.losses;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's fuzz factor {@code backend.epsilon() = 1e-7}, and clipping probabilities into range. */
final class Epsilon {
  static final float VALUE = 1e-7f;

  private Epsilon() {}

  /**
   * {@code clip(p, eps, 1 - eps)} built from Maximum and Minimum, which have gradients in TF Java
   * (ClipByValue has none).
   */
  static Operand<TFloat32> clip(Ops tf, Operand<TFloat32> p) {
    return tf.math.minimum(tf.math.maximum(p, tf.constant(VALUE)), tf.constant(1f - VALUE));
  }

  /** {@code reshape(x, [-1, lastDim])}: losses over classes work on rank-2 tensors. */
  static Operand<TFloat32> rows(Ops tf, Operand<TFloat32> x, long lastDim) {
    return tf.reshape(x, tf.constant(new long[] {-1, lastDim}));
  }

  /** The last dimension of a tensor's static shape. */
  static long lastDim(Operand<TFloat32> x) {
    return x.shape().get(x.shape().numDimensions() - 1);
  }
}
