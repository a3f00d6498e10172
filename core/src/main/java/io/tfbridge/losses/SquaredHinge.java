package io.tfbridge.losses;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code SquaredHinge} ({@code "squared_hinge"}):
 * {@code mean(square(maximum(1 - y_true * y_pred, 0)), axis=-1)}, labels mapped as {@link Hinge}
 * maps them.
 *
 * <pre>{@code
 * Loss loss = SquaredHinge.of();
 * }</pre>
 */
public final class SquaredHinge extends ElementwiseLoss {

  private SquaredHinge() {}

  /** The loss (it has no options). */
  public static SquaredHinge of() {
    return new SquaredHinge();
  }

  @Override
  public String kerasName() {
    return "squared_hinge";
  }

  @Override
  public String className() {
    return "SquaredHinge";
  }

  @Override
  Operand<TFloat32> elements(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    return tf.math.square(Hinge.margin(tf, yTrue, yPred));
  }
}
