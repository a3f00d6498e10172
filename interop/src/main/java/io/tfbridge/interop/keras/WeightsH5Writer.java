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

  /** {@code layers/<class stem>[/<sub-object>]/vars/<i>} for every layer with weights; no group for the others. */
  private static void putLayers(WritableHdfFile hdf, List<LayerNode> nodes, Map<String, float[]> weights) {
    List<List<KerasPaths.VarsGroup>> groups = KerasPaths.varsGroups(nodes);
    WritableGroup layers = null;
    Map<String, WritableGroup> made = new java.util.HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      for (KerasPaths.VarsGroup group : groups.get(i)) {
        layers = layers == null ? hdf.putGroup("layers") : layers;
        WritableGroup vars = groups(layers, group.path().substring("layers/".length()), made);
        vars.putAttribute("name", group.name());
        putVars(vars, nodes.get(i), group.weights(), weights);
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

  private static void putVars(WritableGroup vars, LayerNode node, List<WeightSpec> specs,
      Map<String, float[]> weights) {
    for (int j = 0; j < specs.size(); j++) {
      WeightSpec w = specs.get(j);
      vars.putDataset(Integer.toString(j), H5.nested(w.shape().asArray(), weights.get(node.weightPath(w))));
    }
  }

  /** Creates the nested groups of a relative path ({@code dense/vars}) and returns the last. */
  static WritableGroup groups(WritableGroup parent, String path) {
    return groups(parent, path, new java.util.HashMap<>());
  }

  /**
   * The group at a relative path under {@code parent}, creating the missing ones; {@code made} holds
   * the groups created so far by path, since jhdf cannot look a written group up again.
   */
  static WritableGroup groups(WritableGroup parent, String path, Map<String, WritableGroup> made) {
    WritableGroup group = parent;
    String sofar = "";
    for (String part : path.split("/")) {
      sofar = sofar.isEmpty() ? part : sofar + "/" + part;
      WritableGroup current = group;
      group = made.computeIfAbsent(sofar, p -> current.putGroup(part));
    }
    return group;
  }
}
