package io.tfbridge.layers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
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

  /**
   * The masks of this call's positional inputs, one per input (null where an input has none): what
   * Keras passes a layer's {@code call} as {@code mask}.
   */
  List<Operand<TBool>> inputMasks();

  /** The first input's mask, or null: the mask of a single-input layer. */
  default Operand<TBool> mask() {
    List<Operand<TBool>> masks = inputMasks();
    return masks.isEmpty() ? null : masks.get(0);
  }

  /**
   * A keyword argument of this call: an {@code Operand<TFloat32>} for a tensor, else the constant
   * from the config ({@code Boolean}, number, string); null when absent.
   */
  Object argument(String name);

  /**
   * Positional input {@code index} as fed, before the float32 cast every layer sees (an int32 input
   * stays int32): for layers that take integer ids, such as Embedding.
   */
  Operand<?> rawInput(int index);

  /** Adds a scalar to the training loss (Keras's {@code add_loss}): an activity regularization. */
  void addLoss(Operand<TFloat32> loss);

  /**
   * Ops under a named part of this layer ({@code <layer>/<name>}): a wrapped layer, a nested model's
   * inner layer. The same name gives the same scope. Prefer it to {@code tf().withSubScope(name)},
   * whose cost grows with the size of the graph; a layer lists such names in
   * {@link Layer#scopeNames()} so that they are opened early.
   */
  Ops scope(String name);
}
