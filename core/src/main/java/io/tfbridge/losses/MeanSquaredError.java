package io.tfbridge.losses;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code MeanSquaredError} ({@code "mean_squared_error"}, {@code "mse"}):
 * {@code mean(square(y_true - y_pred), axis=-1)}.
 *
 * <pre>{@code
 * Loss loss = MeanSquaredError.of();
 * }</pre>
 */
public final class MeanSquaredError extends ElementwiseLoss {

  /** Prefer {@link #of()}. */
  public MeanSquaredError() {}

  /** The loss (it has no options). */
  public static MeanSquaredError of() {
    return new MeanSquaredError();
  }

  @Override
  public String kerasName() {
    return "mean_squared_error";
  }

  @Override
  public String className() {
    return "MeanSquaredError";
  }

  @Override
  Operand<TFloat32> elements(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    return tf.math.square(tf.math.sub(yTrue, yPred));
  }
}
