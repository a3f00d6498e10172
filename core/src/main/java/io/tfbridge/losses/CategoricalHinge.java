package io.tfbridge.losses;

import io.tfbridge.layers.LayerOutput;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code CategoricalHinge} ({@code "categorical_hinge"}): with one-hot (or -1/1) labels,
 * {@code maximum(neg - pos + 1, 0)} where {@code pos = sum(y_true * y_pred, axis=-1)} and
 * {@code neg = max((1 - y_true) * y_pred, axis=-1)}.
 *
 * <pre>{@code
 * Loss loss = CategoricalHinge.of();
 * }</pre>
 */
public final class CategoricalHinge extends KerasLoss {

  private CategoricalHinge() {}

  /** The loss (it has no options). */
  public static CategoricalHinge of() {
    return new CategoricalHinge();
  }

  @Override
  public String kerasName() {
    return "categorical_hinge";
  }

  @Override
  public String className() {
    return "CategoricalHinge";
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> yTrue, LayerOutput yPred) {
    Operand<TFloat32> p = yPred.value();
    Operand<TFloat32> pos = tf.reduceSum(tf.math.mul(yTrue, p), tf.constant(-1));
    Operand<TFloat32> neg = tf.reduceMax(tf.math.mul(tf.math.sub(tf.constant(1f), yTrue), p),
        tf.constant(-1));
    Operand<TFloat32> margin = tf.math.add(tf.math.sub(neg, pos), tf.constant(1f));
    return tf.math.maximum(margin, tf.constant(0f));
  }
}
