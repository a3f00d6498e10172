package io.tfbridge.layers;

import io.tfbridge.activations.Activation;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A layer's output, and, when the layer ends in an activation, the tensor before it. Losses use the
 * pre-activation of a final softmax or sigmoid as logits, as Keras does, which is exact where the
 * probabilities would saturate.
 *
 * @param value the layer's output
 * @param preActivation the input of {@code activation}, or {@code value} itself when linear
 * @param activation the activation that turned {@code preActivation} into {@code value}
 */
public record LayerOutput(
    Operand<TFloat32> value, Operand<TFloat32> preActivation, Activation activation) {

  /** An output with no activation of its own. */
  public static LayerOutput of(Operand<TFloat32> value) {
    return new LayerOutput(value, value, Activation.LINEAR);
  }

  /** Applies {@code activation} to {@code preActivation}. */
  public static LayerOutput activate(
      LayerContext context, Operand<TFloat32> preActivation, Activation activation) {
    return new LayerOutput(
        activation.apply(context.tf(), preActivation), preActivation, activation);
  }
}
