package io.tfbridge.losses;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code MeanAbsoluteError} ({@code "mean_absolute_error"}, {@code "mae"}):
 * {@code mean(abs(y_true - y_pred), axis=-1)}.
 *
 * <pre>{@code
 * Loss loss = MeanAbsoluteError.of();
 * }</pre>
 */
public final class MeanAbsoluteError extends ElementwiseLoss {

  private MeanAbsoluteError() {}

  /** The loss (it has no options). */
  public static MeanAbsoluteError of() {
    return new MeanAbsoluteError();
  }

  @Override
  public String kerasName() {
    return "mean_absolute_error";
  }

  @Override
  public String className() {
    return "MeanAbsoluteError";
  }

  @Override
  Operand<TFloat32> elements(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    return tf.math.abs(tf.math.sub(yTrue, yPred));
  }
}
