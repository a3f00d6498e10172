package io.tfbridge.losses;

import io.tfbridge.layers.LayerOutput;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code mean_squared_error}: {@code mean(square(y_true - y_pred), axis=-1)}. */
public final class MeanSquaredError implements Loss {

  @Override
  public String kerasName() {
    return "mean_squared_error";
  }

  @Override
  public Shape labelShape(Shape outputShape) {
    return outputShape;
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> yTrue, LayerOutput yPred) {
    Operand<TFloat32> diff = tf.math.sub(yTrue, yPred.value());
    return tf.math.mean(tf.math.square(diff), tf.constant(-1));
  }
}
