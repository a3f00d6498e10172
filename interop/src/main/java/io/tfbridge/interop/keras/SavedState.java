package io.tfbridge.interop.keras;

import java.util.List;
import java.util.Optional;

/**
 * The arrays of a model file: each placed layer's weights (in layer order, each in Keras's
 * {@code get_weights()} order) and, if the file has it, the optimizer's state.
 */
record SavedState(List<List<WeightArray>> layers, Optional<OptimizerVariables> optimizer) {

  /**
   * An optimizer's variables in Keras's order: the iteration count, then the others as Keras lists
   * them (the learning rate unless it is a schedule, then the slots in the optimizer's
   * {@code slotGroups} order). An optimizer Keras never built has no slots.
   */
  record OptimizerVariables(long iterations, List<WeightArray> variables) {}
}
