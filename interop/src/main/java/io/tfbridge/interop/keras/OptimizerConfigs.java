package io.tfbridge.interop.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfbridge.optimizers.Optimizer;
import io.tfbridge.optimizers.Optimizers;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.KerasObject;

/**
 * Keras optimizer configs ({@code {"class_name": "Adam", "config": {"learning_rate": ...}}}) to and
 * from the DSL's optimizers: each optimizer reads and writes its own options
 * ({@link Optimizers#deserialize}, {@link Optimizer#getConfig}); options it does not implement are
 * refused unless they have Keras's default value.
 */
final class OptimizerConfigs {
  private OptimizerConfigs() {}

  /** The optimizer of a serialized config, or of a name such as {@code "adam"}. */
  static Optimizer read(JsonNode v) {
    Object value = ConfigJson.toValue(v);
    if (value instanceof KerasObject o && o.options().containsKey("lr")
        && !o.options().containsKey("learning_rate")) {
      value = legacyLearningRate(o); // Keras 2.x files wrote "lr"
    }
    return Optimizers.deserialize(value);
  }

  private static KerasObject legacyLearningRate(KerasObject o) {
    Config.Builder renamed = Config.builder();
    o.options().asMap().forEach((k, val) -> renamed.put(k.equals("lr") ? "learning_rate" : k, val));
    return new KerasObject(o.module(), o.className(), renamed.build(), o.registeredName(),
        o.extras());
  }

  /** The optimizer's config as Keras 3.15 writes it, every option included. */
  static ObjectNode write(Optimizer optimizer) {
    return (ObjectNode) ConfigJson.toJsonValue(Optimizers.serialize(optimizer));
  }
}
