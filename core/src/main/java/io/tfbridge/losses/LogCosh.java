package io.tfbridge.losses;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code LogCosh} ({@code "log_cosh"}): {@code mean(log(cosh(y_pred - y_true)), axis=-1)},
 * computed as Keras does, {@code x + softplus(-2x) - log(2)}, which does not overflow for large errors.
 *
 * <pre>{@code
 * Loss loss = LogCosh.of();
 * }</pre>
 */
public final class LogCosh extends ElementwiseLoss {

  private LogCosh() {}

  /** The loss (it has no options). */
  public static LogCosh of() {
    return new LogCosh();
  }

  @Override
  public String kerasName() {
    return "log_cosh";
  }

  @Override
  public String className() {
    return "LogCosh";
  }

  @Override
  Operand<TFloat32> elements(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    Operand<TFloat32> x = tf.math.sub(yPred, yTrue);
    Operand<TFloat32> z = tf.math.mul(x, tf.constant(-2f));
    Operand<TFloat32> softplus = tf.math.add(tf.math.maximum(z, tf.constant(0f)),
        tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(z)))));
    return tf.math.sub(tf.math.add(x, softplus), tf.constant((float) Math.log(2.0)));
  }
}
