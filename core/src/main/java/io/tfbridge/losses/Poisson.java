package io.tfbridge.losses;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Poisson} ({@code "poisson"}): {@code mean(y_pred - y_true * log(y_pred + 1e-7),
 * axis=-1)}.
 *
 * <pre>{@code
 * Loss loss = Poisson.of();
 * }</pre>
 */
public final class Poisson extends ElementwiseLoss {

  private Poisson() {}

  /** The loss (it has no options). */
  public static Poisson of() {
    return new Poisson();
  }

  @Override
  public String kerasName() {
    return "poisson";
  }

  @Override
  public String className() {
    return "Poisson";
  }

  @Override
  Operand<TFloat32> elements(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    Operand<TFloat32> log = tf.math.log(tf.math.add(yPred, tf.constant(Epsilon.VALUE)));
    return tf.math.sub(yPred, tf.math.mul(yTrue, log));
  }
}
