package io.tfbridge.losses;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code MeanSquaredLogarithmicError} ({@code "mean_squared_logarithmic_error"},
 * {@code "msle"}): {@code mean(square(log(max(y_pred, 1e-7) + 1) - log(max(y_true, 1e-7) + 1)),
 * axis=-1)}.
 *
 * <pre>{@code
 * Loss loss = MeanSquaredLogarithmicError.of();
 * }</pre>
 */
public final class MeanSquaredLogarithmicError extends ElementwiseLoss {

  private MeanSquaredLogarithmicError() {}

  /** The loss (it has no options). */
  public static MeanSquaredLogarithmicError of() {
    return new MeanSquaredLogarithmicError();
  }

  @Override
  public String kerasName() {
    return "mean_squared_logarithmic_error";
  }

  @Override
  public String className() {
    return "MeanSquaredLogarithmicError";
  }

  @Override
  Operand<TFloat32> elements(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    return tf.math.square(tf.math.sub(logOnePlus(tf, yPred), logOnePlus(tf, yTrue)));
  }

  private static Operand<TFloat32> logOnePlus(Ops tf, Operand<TFloat32> x) {
    return tf.math.log(tf.math.add(tf.math.maximum(x, tf.constant(Epsilon.VALUE)), tf.constant(1f)));
  }
}
