package io.tfbridge.models;

import io.tfbridge.engine.LayerNode;
import io.tfbridge.engine.ModelInput;
import io.tfbridge.layers.Input;
import io.tfbridge.layers.KerasLayers;
import io.tfbridge.layers.Layer;
import io.tfbridge.layers.Shapes;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import io.tfbridge.saving.KerasObject;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.ndarray.Shape;

/** One layer entry of a model config, both ways: InputLayers, Keras's layers and custom ones. */
final class LayerEntries {
  private LayerEntries() {}

  /** The name of a layer entry: the entry's own (Keras 3 functional) or its config's. */
  static String name(KerasObject entry) {
    Object name = entry.extras().get("name");
    return name != null ? name.toString() : String.valueOf(entry.options().get("name"));
  }

  /**
   * The layer an entry describes, read by its class's registered reader (a custom class by its
   * {@code registered_name} when one is registered under it).
   */
  static Layer<?> layer(KerasObject entry, String name) {
    if (List.of("Sequential", "Functional", "Model").contains(entry.className())) {
      Object trainable = entry.options().get("trainable");
      NestedModel nested = NestedModel.of(ModelConfigs.read(entry)).name(name);
      return Boolean.FALSE.equals(trainable) ? nested.trainable(false) : nested;
    }
    String registered = entry.registeredName();
    String lookup = registered != null && KerasLayers.known().contains(registered)
        ? registered : entry.className();
    return KerasLayers.deserialize(lookup, entry.options(), name);
  }

  /** An InputLayer entry: a dense input with every dimension but the batch known. */
  static Input input(KerasObject entry, String name) {
    ConfigReader c = new ConfigReader(entry.options(), "layer '" + name + "' (InputLayer)");
    c.requireDefault("sparse", false);
    c.requireDefault("ragged", false);
    c.requireDefault("optional", false);
    c.ignore("name");
    Object dtypeValue = c.get("dtype");
    String dtype = dtypeValue instanceof KerasObject policy
        ? String.valueOf(policy.options().get("name")) : dtypeValue == null ? "float32" : dtypeValue.toString();
    Object shape = c.has("batch_shape") ? c.get("batch_shape") : c.get("batch_input_shape");
    if (!(shape instanceof List<?> dims)) {
      throw c.error("the InputLayer has no batch_shape");
    }
    c.finish();
    try {
      return Input.of(featureShape(dims, name)).dtype(dtype).name(name);
    } catch (IllegalArgumentException e) {
      throw c.error(e.getMessage());
    }
  }

  /** {@code [null, 28, 28, 1]} to {@code {28, 28, 1}}; every dimension but the batch must be known. */
  static long[] featureShape(List<?> batchShape, String layerName) {
    long[] dims = new long[Math.max(0, batchShape.size() - 1)];
    for (int i = 0; i < dims.length; i++) {
      Object d = batchShape.get(i + 1);
      dims[i] = d instanceof Number n ? n.longValue() : -1;
    }
    for (long d : dims) {
      if (d <= 0) {
        long[] shown = new long[dims.length + 1];
        shown[0] = -1;
        System.arraycopy(dims, 0, shown, 1, dims.length);
        throw new IllegalArgumentException("layer '" + layerName + "': input shape "
            + Shapes.format(shown) + " has an unknown dimension; tfbridge needs every dimension "
            + "but the batch (an RNN is unrolled over a known number of timesteps)");
      }
    }
    return dims;
  }

  /** A layer's entry: module, class_name, config (name, trainable, dtype, options), build_config. */
  static KerasObject write(LayerNode node) {
    Layer<?> layer = node.layer();
    Config.Builder b = Config.builder().put("name", node.name());
    if (layer.configHasTrainable()) { // Keras's SpatialDropout refuses a trainable argument
      b.put("trainable", layer.trainable());
    }
    if (layer.configHasDtype()) { // Keras op nodes take no dtype
      b.put("dtype", layer.dtypePolicy().toConfig());
    }
    Config config = b.putAll(layer.getConfig()).build();
    Config.Builder extras = Config.builder();
    if (layer.hasBuildConfig()) {
      Object shape = layer.takesList()
          ? node.inputShapes().stream().map(LayerEntries::batchShape).toList()
          : batchShape(node.inputShape());
      extras.put("build_config", Config.builder().put("input_shape", shape).build());
    }
    return new KerasObject(layer.module(), layer.className(), config, layer.registeredName(),
        extras.build());
  }

  /** An InputLayer entry. */
  static KerasObject inputLayer(ModelInput input) {
    Config c = Config.builder().put("batch_shape", batchShape(input.shape()))
        .put("dtype", input.dtype().numpyName()).put("sparse", false).put("ragged", false)
        .put("name", input.name()).put("optional", false).build();
    return KerasObject.of("keras.layers", "InputLayer", c);
  }

  /** A shape with a {@code null} for each unknown dimension: {@code [null, 28, 28, 1]}. */
  static List<Object> batchShape(Shape shape) {
    List<Object> dims = new ArrayList<>();
    for (int i = 0; i < shape.numDimensions(); i++) {
      dims.add(shape.get(i) < 0 ? null : (Object) shape.get(i));
    }
    return dims;
  }
}
