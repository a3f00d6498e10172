package io.tfbridge.losses;

import io.tfbridge.layers.LayerOutput;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A loss computed element by element from labels and predictions of the output's shape, then
 * averaged over the last axis, as Keras's {@code mean(f(y_true, y_pred), axis=-1)} losses are.
 */
abstract class ElementwiseLoss extends KerasLoss {

  /** The value of each element. */
  abstract Operand<TFloat32> elements(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred);

  /** How the last axis is reduced: the mean, unless overridden (KL divergence sums it). */
  Operand<TFloat32> reduce(Ops tf, Operand<TFloat32> elements) {
    return tf.math.mean(elements, tf.constant(-1));
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> yTrue, LayerOutput yPred) {
    return reduce(tf, elements(tf, yTrue, yPred.value()));
  }
}
