package io.tfbridge.optimizers;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A trainable variable, its Keras path ({@code dense/kernel}) and the gradient of the loss with
 * respect to it.
 */
public record Gradient(String path, Operand<TFloat32> variable, Operand<TFloat32> gradient) {

  /** The path with '/' replaced by '_', as Keras names optimizer slots: {@code dense_kernel}. */
  public String slotStem() {
    return path.replace('/', '_');
  }
}
