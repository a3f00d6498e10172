package io.tfbridge.losses;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code MeanAbsolutePercentageError} ({@code "mean_absolute_percentage_error"},
 * {@code "mape"}): {@code 100 * mean(abs((y_true - y_pred) / maximum(abs(y_true), 1e-7)), axis=-1)}.
 *
 * <pre>{@code
 * Loss loss = MeanAbsolutePercentageError.of();
 * }</pre>
 */
public final class MeanAbsolutePercentageError extends ElementwiseLoss {

  private MeanAbsolutePercentageError() {}

  /** The loss (it has no options). */
  public static MeanAbsolutePercentageError of() {
    return new MeanAbsolutePercentageError();
  }

  @Override
  public String kerasName() {
    return "mean_absolute_percentage_error";
  }

  @Override
  public String className() {
    return "MeanAbsolutePercentageError";
  }

  @Override
  Operand<TFloat32> elements(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    Operand<TFloat32> scale = tf.math.maximum(tf.math.abs(yTrue), tf.constant(Epsilon.VALUE));
    return tf.math.abs(tf.math.div(tf.math.sub(yTrue, yPred), scale));
  }

  /** Keras takes the mean, then multiplies by 100. */
  @Override
  Operand<TFloat32> reduce(Ops tf, Operand<TFloat32> elements) {
    return tf.math.mul(tf.constant(100f), super.reduce(tf, elements));
  }
}
