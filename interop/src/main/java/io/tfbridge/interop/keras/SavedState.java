package io.tfbridge.interop.keras;

import java.util.List;
import java.util.Optional;

/**
 * The arrays of a model file: each placed layer's weights (in layer order, each in Keras's
 * {@code get_weights()} order) and, if the file has it, the optimizer's state.
 */
record SavedState(List<List<WeightArray>> layers, Optional<OptimizerVariables> optimizer) {

  /**
   * An optimizer's variables in Keras's order: the iteration count, the learning rate, then the
   * slots (Adam: momentum and velocity of each trainable weight in turn; SGD with momentum: one
   * momentum per weight; plain SGD: none). An optimizer Keras never built has no slots.
   */
  record OptimizerVariables(long iterations, float learningRate, List<WeightArray> slots) {}
}
