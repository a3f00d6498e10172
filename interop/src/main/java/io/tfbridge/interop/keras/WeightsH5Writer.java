package io.tfbridge.interop.keras;

import io.tfbridge.engine.LayerNode;
import io.tfbridge.layers.WeightSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@code .keras} file's {@code model.weights.h5} as Keras 3.15 lays it out (through
 * {@link H5Writer}). Weightless layers get no group: Keras reads a missing {@code vars} group as "no
 * variables".
 */
final class WeightsH5Writer {
  private WeightsH5Writer() {}

  /**
   * Writes the weights of {@code nodes} and the optimizer state to {@code file}.
   *
   * @param weights the model's weights by path ({@code dense/kernel})
   */
  static void write(Path file, List<LayerNode> nodes, Map<String, float[]> weights,
      SavedState.OptimizerVariables optimizer, String optimizerName) {
    try (H5Writer h5 = H5Writer.create(file)) {
      putLayers(h5, nodes, weights);
      putOptimizer(h5, optimizer, optimizerName);
    }
  }

  /** {@code layers/<class stem>[/<sub-object>]/vars/<i>} for every layer with weights; no group for the others. */
  private static void putLayers(H5Writer h5, List<LayerNode> nodes, Map<String, float[]> weights) {
    List<List<KerasPaths.VarsGroup>> groups = KerasPaths.varsGroups(nodes);
    for (int i = 0; i < nodes.size(); i++) {
      for (KerasPaths.VarsGroup group : groups.get(i)) {
        h5.attribute(group.path(), "name", group.name());
        List<WeightSpec> specs = group.weights();
        for (int j = 0; j < specs.size(); j++) {
          WeightSpec w = specs.get(j);
          h5.dataset(group.path(), Integer.toString(j), w.shape().asArray(),
              weights.get(nodes.get(i).weightPath(w)));
        }
      }
    }
  }

  /** {@code optimizer/vars/<i>}: iteration (int64), then the others in Keras's order. */
  private static void putOptimizer(H5Writer h5, SavedState.OptimizerVariables optimizer, String name) {
    String vars = "optimizer/vars";
    h5.attribute(vars, "name", name);
    h5.dataset(vars, "0", optimizer.iterations());
    for (int i = 0; i < optimizer.variables().size(); i++) {
      WeightArray v = optimizer.variables().get(i);
      h5.dataset(vars, Integer.toString(i + 1), v.shape(), v.values());
    }
  }
}
