package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import io.tfbridge.saving.KerasObject;

/**
 * A wrapped layer in a wrapper's config ({@link Bidirectional}'s {@code layer} and
 * {@code backward_layer}, {@link TimeDistributed}'s {@code layer}), both ways: a serialized layer
 * object with its name, trainable, dtype and options.
 */
final class Wrapped {
  private Wrapped() {}

  /** {@code layer} as Keras serializes a layer object, named {@code name}. */
  static KerasObject serialize(Layer<?> layer, String name) {
    Config config = Config.builder().put("name", name).put("trainable", layer.trainable())
        .put("dtype", layer.dtypePolicy().toConfig()).putAll(layer.getConfig()).build();
    return new KerasObject(layer.module(), layer.className(), config, layer.registeredName());
  }

  /** The layer serialized under {@code key}, or null when absent; named as its config names it. */
  static Layer<?> read(ConfigReader c, String key) {
    KerasObject object = c.getObject(key);
    if (object == null) {
      return null;
    }
    Object name = object.options().get("name");
    String registered = object.registeredName();
    String lookup = registered != null && KerasLayers.known().contains(registered)
        ? registered : object.className();
    return KerasLayers.deserialize(lookup, object.options(), name == null ? null : name.toString());
  }

  /** The name of a wrapped layer: its own, else its class's stem ({@code lstm}). */
  static String nameOf(Layer<?> layer) {
    return layer.name().orElse(layer.namePrefix());
  }
}
