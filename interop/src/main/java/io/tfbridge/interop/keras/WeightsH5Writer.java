package io.tfbridge.interop.keras;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.tfbridge.engine.LayerNode;
import io.tfbridge.layers.WeightSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@code .keras} file's {@code model.weights.h5} as Keras 3.15 lays it out. jhdf corrupts a
 * file holding a group with no dataset beneath it, so weightless layers (and the model's own empty
 * {@code vars}) get no group: Keras reads a missing {@code vars} group as "no variables".
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
    try (WritableHdfFile hdf = HdfFile.write(file)) {
      putLayers(hdf, nodes, weights);
      putOptimizer(hdf, optimizer, optimizerName);
    }
  }

  /** {@code layers/<class stem>/vars/<i>} for every layer with weights; no group for the others. */
  private static void putLayers(WritableHdfFile hdf, List<LayerNode> nodes, Map<String, float[]> weights) {
    List<String> groups = KerasPaths.varsGroups(nodes);
    WritableGroup layers = null;
    for (int i = 0; i < nodes.size(); i++) {
      LayerNode node = nodes.get(i);
      if (!node.weights().isEmpty()) {
        layers = layers == null ? hdf.putGroup("layers") : layers;
        WritableGroup vars = groups(layers, groups.get(i).substring("layers/".length()));
        vars.putAttribute("name", KerasPaths.varsName(node));
        putLayer(vars, node, weights);
      }
    }
  }

  /** {@code optimizer/vars/<i>}: iteration (int64), learning rate, then the slots. */
  private static void putOptimizer(WritableHdfFile hdf, SavedState.OptimizerVariables optimizer,
      String name) {
    WritableGroup vars = hdf.putGroup("optimizer").putGroup("vars");
    vars.putAttribute("name", name);
    vars.putDataset("0", optimizer.iterations());
    vars.putDataset("1", optimizer.learningRate());
    for (int i = 0; i < optimizer.slots().size(); i++) {
      WeightArray slot = optimizer.slots().get(i);
      vars.putDataset(Integer.toString(i + 2), H5.nested(slot.shape(), slot.values()));
    }
  }

  private static void putLayer(WritableGroup vars, LayerNode node, Map<String, float[]> weights) {
    List<WeightSpec> specs = node.weights();
    for (int j = 0; j < specs.size(); j++) {
      WeightSpec w = specs.get(j);
      vars.putDataset(Integer.toString(j), H5.nested(w.shape().asArray(), weights.get(node.weightPath(w))));
    }
  }

  /** Creates the nested groups of a relative path ({@code dense/vars}) and returns the last. */
  static WritableGroup groups(WritableGroup parent, String path) {
    WritableGroup group = parent;
    for (String part : path.split("/")) {
      group = group.putGroup(part);
    }
    return group;
  }
}
