package io.tfbridge.interop.keras;

import io.tfbridge.engine.LayerNode;
import io.tfbridge.layers.WeightSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a legacy Keras {@code .h5} model file as Keras 3.15 does (through {@link H5Writer}: the
 * model config is a variable-length string attribute of any size). Weightless layers are left out of
 * {@code layer_names} and get no group, which Keras's loader skips anyway.
 */
final class LegacyH5Writer {
  /** What goes into the file. */
  record Contents(String modelName, List<LayerNode> nodes, String modelConfig, String trainingConfig,
      Map<String, float[]> weights, SavedState.OptimizerVariables optimizer, String optimizerName,
      List<String> variableNames) {}

  private LegacyH5Writer() {}

  /** Writes {@code contents} to {@code file}. */
  static void write(Path file, Contents contents) {
    List<LayerNode> weighted = contents.nodes().stream().filter(n -> !n.weights().isEmpty()).toList();
    try (H5Writer h5 = H5Writer.create(file)) {
      putVersion(h5, "");
      h5.attribute("", "model_config", contents.modelConfig());
      h5.attribute("", "training_config", contents.trainingConfig());
      putVersion(h5, "model_weights");
      h5.attribute("model_weights", "layer_names", weighted.stream().map(LayerNode::name).toList());
      for (LayerNode node : weighted) {
        putLayer(h5, "model_weights/" + node.name(), node, contents);
      }
      putOptimizer(h5, contents);
    }
  }

  private static void putVersion(H5Writer h5, String group) {
    h5.attribute(group, "backend", "tensorflow");
    h5.attribute(group, "keras_version", KerasConfigWriter.KERAS_VERSION);
  }

  /** {@code model_weights/<layer>}: weight_names and the datasets at those paths. */
  private static void putLayer(H5Writer h5, String group, LayerNode node, Contents contents) {
    List<WeightSpec> ordered = KerasPaths.legacyOrder(node);
    List<String> names = ordered.stream()
        .map(w -> KerasPaths.legacyWeightName(contents.modelName(), node, w)).toList();
    h5.attribute(group, "weight_names", names);
    for (int i = 0; i < names.size(); i++) {
      WeightSpec w = ordered.get(i);
      String path = names.get(i);
      int slash = path.lastIndexOf('/');
      h5.dataset(group + "/" + path.substring(0, slash), path.substring(slash + 1),
          w.shape().asArray(), contents.weights().get(node.weightPath(w)));
    }
  }

  /**
   * {@code optimizer_weights}: iteration, then the other variables (learning rate, slots) under the
   * names Keras gives them.
   */
  private static void putOptimizer(H5Writer h5, Contents contents) {
    String opt = contents.optimizerName();
    List<String> names = new ArrayList<>(List.of(opt + "/iteration"));
    names.addAll(contents.variableNames());
    h5.attribute("optimizer_weights", "weight_names", names);
    String values = "optimizer_weights/" + opt;
    h5.dataset(values, "iteration", contents.optimizer().iterations());
    List<WeightArray> variables = contents.optimizer().variables();
    for (int i = 0; i < variables.size(); i++) {
      String path = values + "/" + names.get(i + 1).substring(opt.length() + 1);
      int slash = path.lastIndexOf('/');
      h5.dataset(path.substring(0, slash), path.substring(slash + 1), variables.get(i).shape(),
          variables.get(i).values());
    }
  }
}
