package io.tfbridge.models;

import io.tfbridge.engine.LayerNode;
import io.tfbridge.engine.ModelDefinition;
import io.tfbridge.engine.ModelInput;
import io.tfbridge.layers.Input;
import io.tfbridge.layers.KerasLayers;
import io.tfbridge.layers.Layer;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.KerasObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code Sequential} config both ways: Keras 3's ({@code InputLayer} with {@code batch_shape}) and
 * Keras 2's ({@code batch_input_shape} on the input or first layer, or {@code build_input_shape}).
 */
final class SequentialConfig {
  private SequentialConfig() {}

  static Sequential read(KerasObject root) {
    Config config = root.options();
    if (!(config.get("layers") instanceof List<?> entries) || entries.isEmpty()) {
      throw new IllegalArgumentException("the Sequential config has no layers");
    }
    List<Layer<?>> layers = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      layers.add(layer(entries.get(i), i));
    }
    if (layers.get(0).inputShape().isEmpty()) {
      layers.set(0, layers.get(0).inputShape(fallbackInputShape(root)));
    }
    Object name = config.get("name");
    return Sequential.of(layers.toArray(Layer<?>[]::new)).name(name == null ? "sequential" : name.toString());
  }

  private static Layer<?> layer(Object value, int index) {
    if (!(value instanceof KerasObject entry)) {
      throw new IllegalArgumentException("layer #" + index + " of the config has no class_name "
          + "or config: " + value);
    }
    String name = LayerEntries.name(entry);
    if (entry.className().equals("InputLayer")) {
      if (index != 0) {
        throw new IllegalArgumentException("layer '" + name + "' (InputLayer): an InputLayer must "
            + "come first in a Sequential model");
      }
      return LayerEntries.input(entry, name);
    }
    Layer<?> layer = LayerEntries.layer(entry, name);
    Object shape = entry.options().get("batch_input_shape");
    shape = shape != null ? shape : entry.options().get("batch_shape");
    return index == 0 && shape instanceof List<?> dims
        ? layer.inputShape(LayerEntries.featureShape(dims, name)) : layer;
  }

  /** The build_input_shape Keras records when the first layer declares none. */
  private static long[] fallbackInputShape(KerasObject root) {
    Object shape = root.options().get("build_input_shape");
    if (!(shape instanceof List<?>) && root.extras().get("build_config") instanceof Config build) {
      shape = build.get("input_shape");
    }
    if (!(shape instanceof List<?> dims)) {
      throw new IllegalArgumentException("the config declares no input shape (no InputLayer, "
          + "batch_input_shape or build_input_shape)");
    }
    return LayerEntries.featureShape(dims, "input");
  }

  /** A chain's config, as Keras 3.15 writes a Sequential model. */
  static KerasObject write(ModelDefinition d) {
    ModelInput input = d.inputs().get(0);
    List<Object> layers = new ArrayList<>();
    layers.add(LayerEntries.inputLayer(input));
    for (LayerNode node : d.layers()) {
      layers.add(LayerEntries.write(node));
    }
    Object shape = LayerEntries.batchShape(input.shape());
    Config config = Config.builder().put("name", d.name()).put("trainable", true)
        .put("dtype", KerasLayers.float32Policy()).put("layers", layers)
        .put("build_input_shape", shape).build();
    Config extras = Config.builder()
        .put("build_config", Config.builder().put("input_shape", shape).build()).build();
    return new KerasObject("keras", "Sequential", config, null, extras);
  }
}
