package io.tfbridge.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * What a layer's forward pass may use: the ops scoped to the layer (and to its replica's device), its
 * weights by Keras name, and the training flag.
 */
public interface LayerContext {

  /** Ops scoped under the layer's name. */
  Ops tf();

  /** The layer's weight {@code name} ({@code kernel}, {@code bias}, ...), as declared in its specs. */
  Operand<TFloat32> weight(String name);

  /** A scalar that is 1 while training and 0 otherwise (Keras's {@code training} argument). */
  Operand<TFloat32> trainingFlag();

  /** A seed for the layer's random ops, fixed by the model's seed and the layer's position. */
  long seed();

  /**
   * Sets the layer's non-trainable weight {@code name} to {@code newValue} with every training step
   * (after the step's forward pass and gradients), and never at inference: how BatchNormalization
   * moves its moving statistics.
   */
  void addUpdate(String name, Operand<TFloat32> newValue);
}
