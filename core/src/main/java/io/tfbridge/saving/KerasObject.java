package io.tfbridge.saving;

import java.util.Objects;

/**
 * A serialized Keras object, as Keras 3's {@code serialize_keras_object} writes it:
 * {@code {"module": "keras.initializers", "class_name": "GlorotUniform", "config": {...},
 * "registered_name": null}}. Older files may omit module and registered_name (null here). A function
 * (an activation passed as a function) has a string config: {@code {"class_name": "function",
 * "config": "gelu"}}.
 *
 * @param module the Python module, e.g. {@code "keras.layers"}, or null
 * @param className the class name, e.g. {@code "GlorotUniform"}
 * @param config the object's options: a {@link Config}, or a {@link String} for a function
 * @param registeredName the name a custom object was registered under, or null for Keras's own
 * @param extras the other fields beside these, in order: a layer entry of a model config has
 *     {@code build_config}, {@code name} and {@code inbound_nodes}
 */
public record KerasObject(String module, String className, Object config, String registeredName,
    Config extras) {

  /** Checks that the class name is present and the config a {@link Config} or a string. */
  public KerasObject {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(extras, "extras");
    if (!(config instanceof Config) && !(config instanceof String)) {
      throw new IllegalArgumentException("The config of a serialized " + className
          + " must be a Config or a string, found " + config);
    }
  }

  /** A serialized object without extra fields. */
  public KerasObject(String module, String className, Object config, String registeredName) {
    this(module, className, config, registeredName, Config.empty());
  }

  /** A built-in Keras object: {@code registered_name} null. */
  public static KerasObject of(String module, String className, Config config) {
    return new KerasObject(module, className, config, null);
  }

  /** A copy with these extra fields. */
  public KerasObject withExtras(Config extras) {
    return new KerasObject(module, className, config, registeredName, extras);
  }

  /** The options, or an empty config for a function. */
  public Config options() {
    return config instanceof Config c ? c : Config.empty();
  }
}
