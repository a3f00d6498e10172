package io.tfbridge.interop.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One layer of a Keras config ({@code {"class_name": "Dense", "config": {...}}}) with typed access to
 * its options. Every error names the layer and its class; options tfbridge cannot honour are refused
 * rather than ignored, so a loaded model never computes something else than Keras's.
 */
final class LayerConfig {
  private final JsonNode entry;
  private final String className;
  private final JsonNode config;
  private final String name;

  LayerConfig(JsonNode layer, int index) {
    this.entry = layer;
    this.className = layer.path("class_name").asText(null);
    this.config = layer.path("config");
    if (className == null || !config.isObject()) {
      throw new IllegalArgumentException("layer #" + index + " of the config has no class_name "
          + "or config: " + Json.write(layer));
    }
    this.name = config.path("name").asText(null);
  }

  String className() {
    return className;
  }

  /** The layer's name, or null if the config gives none. */
  String name() {
    return name;
  }

  JsonNode node(String key) {
    return config.path(key);
  }

  boolean has(String key) {
    return config.hasNonNull(key);
  }

  int intValue(String key) {
    JsonNode v = config.path(key);
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw error("option " + key + " must be an integer, found " + v);
    }
    return v.intValue();
  }

  double doubleValue(String key, double fallback) {
    JsonNode v = config.path(key);
    if (v.isMissingNode() || v.isNull()) {
      return fallback;
    }
    if (!v.isNumber()) {
      throw error("option " + key + " must be a number, found " + v);
    }
    return v.doubleValue();
  }

  boolean bool(String key, boolean fallback) {
    JsonNode v = config.path(key);
    return v.isMissingNode() || v.isNull() ? fallback : v.asBoolean();
  }

  String string(String key, String fallback) {
    JsonNode v = config.path(key);
    return v.isMissingNode() || v.isNull() ? fallback : v.asText();
  }

  /** A pair such as {@code kernel_size: [3, 3]} (a single integer means both). */
  int[] pair(String key) {
    JsonNode v = config.path(key);
    if (v.isIntegralNumber()) {
      return new int[] {v.intValue(), v.intValue()};
    }
    if (!v.isArray() || v.size() != 2 || !v.get(0).isIntegralNumber() || !v.get(1).isIntegralNumber()) {
      throw error("option " + key + " must be a pair of integers, found " + v);
    }
    return new int[] {v.get(0).intValue(), v.get(1).intValue()};
  }

  /** Refuses options tfbridge does not implement unless they are absent or null. */
  void requireNull(String... keys) {
    for (String key : keys) {
      if (has(key)) {
        throw unsupported(key + "=" + Json.write(config.get(key)));
      }
    }
  }

  /** Refuses an option unless it is absent, null or equal to {@code expected}. */
  void requireDefault(String key, Object expected) {
    JsonNode v = config.path(key);
    if (v.isMissingNode() || v.isNull()) {
      return;
    }
    Object found = v.isNumber() ? (Object) v.doubleValue() : v.isBoolean() ? v.booleanValue()
        : v.isTextual() ? v.textValue() : Json.write(v);
    Object want = expected instanceof Number n ? (Object) n.doubleValue() : expected;
    if (!Objects.equals(found, want)) {
      throw unsupported(key + "=" + Json.write(v));
    }
  }

  /** Refuses a pair option unless it is absent or {@code [1, 1]} (e.g. dilation_rate). */
  void requireOnes(String key) {
    if (has(key) && (pair(key)[0] != 1 || pair(key)[1] != 1)) {
      throw unsupported(key + "=" + Json.write(config.get(key)));
    }
  }

  /**
   * The layer spec this entry describes, read by its class's registered reader (a custom class by
   * its {@code registered_name} when one is registered under it).
   */
  io.tfbridge.layers.Layer<?> toLayer() {
    String registered = entry.path("registered_name").asText(null);
    String lookup = registered != null && io.tfbridge.layers.KerasLayers.known().contains(registered)
        ? registered : className;
    return io.tfbridge.layers.KerasLayers.deserialize(lookup, ConfigJson.toConfig(config), name);
  }

  /** An error about this layer. */
  IllegalArgumentException error(String problem) {
    return new IllegalArgumentException("layer '" + name + "' (" + className + "): " + problem);
  }

  /** The error for an option tfbridge does not support. */
  IllegalArgumentException unsupported(String option) {
    return error("option " + option + " is not supported by tfbridge");
  }
}
