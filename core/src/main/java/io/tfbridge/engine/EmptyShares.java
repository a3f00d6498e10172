package io.tfbridge.engine;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A replica's (or collective task's) share of a batch may have no rows: the last batch of an epoch
 * may be smaller than the number of replicas. Its batch statistics are then means over nothing, NaN
 * (BatchNormalization's), and NaN reaches its gradients too (0 times NaN); what it adds to a sum or
 * mean over the shares is therefore masked out by its row count.
 */
final class EmptyShares {
  private EmptyShares() {}

  /** 1 if the share had rows, else 0. */
  static Operand<TFloat32> counted(Ops tf, Operand<TFloat32> rows) {
    return tf.dtypes.cast(tf.math.greater(rows, tf.constant(0f)), TFloat32.class);
  }

  /** The share's {@code value} if it had rows, else zeros. */
  static Operand<TFloat32> kept(Ops tf, Operand<TFloat32> value, Operand<TFloat32> rows) {
    return tf.select(tf.math.greater(rows, tf.constant(0f)), value, tf.zerosLike(value));
  }
}
