package io.tfbridge.metrics;

import io.tfbridge.saving.Config;

/**
 * What every metric shares: its reported name and the string it was made from (for the compile
 * config), and the head of Keras's config ({@code name}, {@code dtype}).
 */
abstract class KerasMetric implements Metric {
  final String name;
  final String identifier;

  KerasMetric(String name, String identifier) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("Argument `name` must be a non-empty string. Received: name="
          + (name == null ? "None" : "''"));
    }
    this.name = name;
    this.identifier = identifier;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String identifier() {
    return identifier;
  }

  /** {@code {"name": ..., "dtype": "float32"}}, to which a metric adds its options. */
  Config.Builder configHead() {
    return Config.builder().put("name", name).put("dtype", "float32");
  }

  /** {@code a / b}, or 0 where {@code b} is 0 (Keras's {@code divide_no_nan}). */
  static double divideNoNan(double a, double b) {
    return b == 0 ? 0 : a / b;
  }

  @Override
  public String toString() {
    return className() + config().asMap();
  }
}
