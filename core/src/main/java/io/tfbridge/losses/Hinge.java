package io.tfbridge.losses;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Hinge} ({@code "hinge"}): {@code mean(maximum(1 - y_true * y_pred, 0), axis=-1)};
 * labels are -1 or 1, and a batch whose labels are all 0 or 1 is mapped to -1 or 1 first, as Keras
 * does.
 *
 * <pre>{@code
 * Loss loss = Hinge.of();
 * }</pre>
 */
public final class Hinge extends ElementwiseLoss {

  private Hinge() {}

  /** The loss (it has no options). */
  public static Hinge of() {
    return new Hinge();
  }

  @Override
  public String kerasName() {
    return "hinge";
  }

  @Override
  public String className() {
    return "Hinge";
  }

  @Override
  Operand<TFloat32> elements(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    return margin(tf, yTrue, yPred);
  }

  /** {@code maximum(1 - y_true * y_pred, 0)}, the labels mapped to -1 or 1 when they are 0 or 1. */
  static Operand<TFloat32> margin(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    Operand<TFloat32> t = toSigned(tf, yTrue);
    return tf.math.maximum(tf.math.sub(tf.constant(1f), tf.math.mul(t, yPred)), tf.constant(0f));
  }

  /**
   * Keras's {@code convert_binary_labels_to_hinge}: {@code 2 * y - 1} when every label of the batch
   * is 0 or 1, the labels as they are otherwise ({@code y + binary * (y - 1)}, binary being 1 or 0).
   */
  private static Operand<TFloat32> toSigned(Ops tf, Operand<TFloat32> y) {
    Operand<TFloat32> flat = tf.reshape(y, tf.constant(new long[] {-1}));
    Operand<TFloat32> isBinary = tf.dtypes.cast(tf.math.logicalOr(
        tf.math.equal(flat, tf.constant(0f)), tf.math.equal(flat, tf.constant(1f))), TFloat32.class);
    Operand<TFloat32> binary = tf.min(isBinary, tf.constant(0));
    return tf.math.add(y, tf.math.mul(binary, tf.math.sub(y, tf.constant(1f))));
  }
}
