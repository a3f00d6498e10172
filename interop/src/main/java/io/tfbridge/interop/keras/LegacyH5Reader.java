package io.tfbridge.interop.keras;

import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.tfbridge.engine.LayerNode;
import io.tfbridge.layers.WeightSpec;
import io.tfbridge.models.ModelSpec;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a legacy Keras {@code .h5} model file: the {@code model_config} and {@code training_config}
 * attributes, the {@code model_weights} group (one group per layer, weights listed in its
 * {@code weight_names} attribute) and the {@code optimizer_weights} group.
 */
final class LegacyH5Reader {
  private static final System.Logger LOG = System.getLogger(LegacyH5Reader.class.getName());

  private LegacyH5Reader() {}

  /** The model the file describes, with its compile settings and arrays. */
  static ModelFile read(Path file) {
    HdfFile hdf = H5.reading("", () -> new HdfFile(file));
    try {
      return read(hdf);
    } catch (RuntimeException | Error e) {
      hdf.close();
      throw e;
    }
  }

  /** The model in an open file, which the returned model file closes. */
  private static ModelFile read(HdfFile hdf) {
    return H5.reading("", () -> {
      {
        String modelConfig = H5.string(hdf, "model_config").orElseThrow(() ->
            new IllegalArgumentException("the HDF5 file has no model_config attribute: it is not a "
                + "Keras model file (a weights-only file from save_weights holds no architecture)"));
        ModelSpec spec = KerasConfigReader.read(Json.parse(modelConfig, "the model_config attribute"));
        Optional<CompileConfigs.CompileSpec> compile = H5.string(hdf, "training_config")
            .flatMap(t -> CompileConfigs.read(Json.parse(t, "the training_config attribute"),
                "optimizer_config"));
        List<LayerNode> nodes = spec.build();
        Group weights = H5.find(hdf, "model_weights").filter(n -> n instanceof Group)
            .map(n -> (Group) n).orElseThrow(() ->
                new IllegalArgumentException("the HDF5 file has no model_weights group"));
        Raw raw = new Raw(hdf.getFile().toPath(), hdf.getUserBlockSize());
        return new ModelFile(spec, compile, nodes,
            new SavedState(layers(weights, nodes, raw), optimizer(hdf)), hdf::close);
      }
    });
  }

  /** Like Keras: the file's layers that list weights, matched in order to the layers that have them. */
  /** Where raw float32 datasets are copied from: the file, and the offset its addresses count from. */
  private record Raw(Path file, long base) {}

  private static List<List<WeightArray>> layers(Group weights, List<LayerNode> nodes, Raw raw) {
    List<String> names = new ArrayList<>();
    for (String name : H5.strings(weights, "layer_names")) {
      if (!H5.strings(group(weights, name), "weight_names").isEmpty()) {
        names.add(name);
      }
    }
    List<LayerNode> weighted = nodes.stream().filter(n -> !n.weights().isEmpty()).toList();
    if (names.size() != weighted.size()) {
      throw new IllegalArgumentException("the config has " + weighted.size() + " layers with weights "
          + weighted.stream().map(LayerNode::name).toList() + " but model_weights holds weights for "
          + names.size() + " " + names);
    }
    List<List<WeightArray>> layers = new ArrayList<>();
    int k = 0;
    for (LayerNode node : nodes) {
      layers.add(node.weights().isEmpty() ? List.of()
          : inLayerOrder(node, arrays(group(weights, names.get(k++)), raw)));
    }
    return layers;
  }

  /** The arrays of a layer, listed in legacy order ({@link KerasPaths#legacyOrder}), in weight order. */
  private static List<WeightArray> inLayerOrder(LayerNode node, List<WeightArray> legacy) {
    List<WeightSpec> order = KerasPaths.legacyOrder(node);
    if (legacy.size() != order.size()) {
      return legacy; // the count check names the layer
    }
    List<WeightArray> arrays = new ArrayList<>();
    for (WeightSpec w : node.weights()) {
      arrays.add(legacy.get(order.indexOf(w)));
    }
    return arrays;
  }

  private static List<WeightArray> arrays(Group layer, Raw raw) {
    List<WeightArray> arrays = new ArrayList<>();
    for (String name : H5.strings(layer, "weight_names")) {
      arrays.add(H5.lazyFloats(H5.dataset(layer, name), layer.getPath() + name, raw.file(), raw.base()));
    }
    return arrays;
  }

  private static Group group(Group parent, String name) {
    Node node = H5.find(parent, name).orElseThrow(() -> new IllegalArgumentException(
        "model_weights lists layer '" + name + "' but has no group for it"));
    if (!(node instanceof Group g)) {
      throw new IllegalArgumentException("model_weights/" + name + " is not a group");
    }
    return g;
  }

  /** Keras 3's optimizer_weights (iteration, then the rest); other layouts are skipped. */
  private static Optional<SavedState.OptimizerVariables> optimizer(HdfFile hdf) {
    Optional<Node> found = H5.find(hdf, "optimizer_weights");
    if (found.isEmpty() || !(found.get() instanceof Group group)) {
      return Optional.empty();
    }
    List<String> names = H5.strings(group, "weight_names");
    if (names.isEmpty() || !names.get(0).endsWith("/iteration")) {
      LOG.log(Level.WARNING, "{0}: optimizer_weights are not in Keras 3''s layout (iteration "
          + "first); the optimizer starts fresh", hdf.getFile());
      return Optional.empty();
    }
    long iterations = H5.scalarLong(H5.dataset(group, names.get(0)));
    List<WeightArray> variables = new ArrayList<>();
    for (String name : names.subList(1, names.size())) {
      variables.add(H5.floats(H5.dataset(group, name), "optimizer_weights/" + name));
    }
    return Optional.of(new SavedState.OptimizerVariables(iterations, variables));
  }
}
