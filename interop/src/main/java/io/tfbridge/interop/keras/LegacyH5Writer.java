package io.tfbridge.interop.keras;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.tfbridge.engine.LayerNode;
import io.tfbridge.layers.WeightSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a legacy Keras {@code .h5} model file as Keras 3.15 does, within jhdf's limits: a string
 * attribute over {@value #MAX_ATTRIBUTE_BYTES} bytes silently corrupts the file (so a larger config is
 * refused), and empty groups or empty string lists break it (so weightless layers are left out of
 * {@code layer_names} and get no group, which Keras's loader skips anyway).
 */
final class LegacyH5Writer {
  /** The longest string attribute jhdf 0.13.0 writes correctly. */
  static final int MAX_ATTRIBUTE_BYTES = 59_546;

  /** What goes into the file. */
  record Contents(String modelName, List<LayerNode> nodes, String modelConfig, String trainingConfig,
      Map<String, float[]> weights, SavedState.OptimizerVariables optimizer, String optimizerName,
      List<String> slotKinds) {}

  private LegacyH5Writer() {}

  /**
   * Writes {@code contents} to {@code file}.
   *
   * @throws IllegalArgumentException if a config is over jhdf's attribute limit or the model has no
   *     weights, before anything is written
   */
  static void write(Path file, Contents contents) {
    List<LayerNode> weighted = checkWritable(contents);
    try (WritableHdfFile hdf = HdfFile.write(file)) {
      putVersion(hdf);
      hdf.putAttribute("model_config", contents.modelConfig());
      hdf.putAttribute("training_config", contents.trainingConfig());
      WritableGroup modelWeights = hdf.putGroup("model_weights");
      putVersion(modelWeights);
      modelWeights.putAttribute("layer_names",
          weighted.stream().map(LayerNode::name).toArray(String[]::new));
      for (LayerNode node : weighted) {
        putLayer(modelWeights.putGroup(node.name()), node, contents);
      }
      putOptimizer(hdf.putGroup("optimizer_weights"), contents);
    }
  }

  /** The layers with weights, after checking that jhdf can write the file. */
  private static List<LayerNode> checkWritable(Contents contents) {
    checkLength("model_config", contents.modelConfig());
    checkLength("training_config", contents.trainingConfig());
    List<LayerNode> weighted = contents.nodes().stream().filter(n -> !n.weights().isEmpty()).toList();
    if (weighted.isEmpty()) {
      throw new IllegalArgumentException("a model without weights cannot be written as legacy .h5 "
          + "(jhdf cannot write its empty model_weights group); save it as .keras");
    }
    return weighted;
  }

  private static void putVersion(WritableGroup group) {
    group.putAttribute("backend", "tensorflow");
    group.putAttribute("keras_version", KerasConfigWriter.KERAS_VERSION);
  }

  private static void checkLength(String attribute, String value) {
    int bytes = value.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_ATTRIBUTE_BYTES) {
      throw new IllegalArgumentException("the model's " + attribute + " is " + bytes + " bytes, over "
          + "the " + MAX_ATTRIBUTE_BYTES + " bytes jhdf can write into an HDF5 attribute without "
          + "corrupting the file; save the model as .keras instead (it keeps the config in config.json)");
    }
  }

  /** {@code model_weights/<layer>}: weight_names and the datasets at those paths. */
  private static void putLayer(WritableGroup group, LayerNode node, Contents contents) {
    List<String> names = new ArrayList<>();
    List<WeightSpec> ordered = KerasPaths.legacyOrder(node);
    ordered.forEach(w -> names.add(KerasPaths.legacyWeightName(contents.modelName(), node, w)));
    group.putAttribute("weight_names", names.toArray(String[]::new));
    Map<String, WritableGroup> made = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      WeightSpec w = ordered.get(i);
      String path = names.get(i);
      int slash = path.lastIndexOf('/');
      WritableGroup leaf = WeightsH5Writer.groups(group, path.substring(0, slash), made);
      leaf.putDataset(path.substring(slash + 1),
          H5.nested(w.shape().asArray(), contents.weights().get(node.weightPath(w))));
    }
  }

  /** {@code optimizer_weights}: iteration, learning_rate and the slots, named as Keras names them. */
  private static void putOptimizer(WritableGroup group, Contents contents) {
    String opt = contents.optimizerName();
    String model = contents.modelName();
    List<String> names = new ArrayList<>(List.of(opt + "/iteration", opt + "/learning_rate"));
    List<WeightArray> slots = contents.optimizer().slots();
    for (LayerNode node : contents.nodes()) {
      // Keras keeps slots for the trainable weights only (not BatchNormalization's moving statistics)
      for (WeightSpec w : node.weights().stream().filter(WeightSpec::trainable).toList()) {
        contents.slotKinds().forEach(k -> names.add(KerasPaths.legacySlotName(opt, model, node, w, k)));
      }
    }
    group.putAttribute("weight_names", names.toArray(String[]::new));
    WritableGroup values = group.putGroup(opt);
    values.putDataset("iteration", contents.optimizer().iterations());
    values.putDataset("learning_rate", contents.optimizer().learningRate());
    for (int i = 0; i < slots.size(); i++) {
      String name = names.get(i + 2).substring(opt.length() + 1);
      values.putDataset(name, H5.nested(slots.get(i).shape(), slots.get(i).values()));
    }
  }
}
