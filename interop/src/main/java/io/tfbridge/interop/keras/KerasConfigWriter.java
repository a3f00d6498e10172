package io.tfbridge.interop.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfbridge.engine.LayerNode;
import io.tfbridge.engine.ModelDefinition;
import io.tfbridge.engine.ModelInput;
import io.tfbridge.losses.Losses;
import io.tfbridge.metrics.Metric;
import io.tfbridge.models.ModelConfigs;
import io.tfbridge.saving.KerasObject;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A compiled model's definition to the JSON Keras 3.15 writes: config.json (with compile_config), the
 * legacy .h5 {@code model_config} and {@code training_config} attributes, and metadata.json.
 */
final class KerasConfigWriter {
  /** The Keras version tfbridge's files claim, the one its tests load them with. */
  static final String KERAS_VERSION = "3.15.1";
  private static final DateTimeFormatter DATE_SAVED = DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss");

  private KerasConfigWriter() {}

  /**
   * config.json: the model (a Sequential when it is a plain chain, else a Functional) with its layers,
   * build_config and compile_config.
   */
  static ObjectNode modelConfig(ModelDefinition d) {
    ObjectNode root = architecture(d);
    root.set("compile_config", compileConfig(d));
    return root;
  }

  /** The legacy {@code model_config}: layers without module, registered_name and build_config. */
  static ObjectNode legacyModelConfig(ModelDefinition d) {
    ObjectNode root = architecture(d);
    stripForLegacy(root);
    for (JsonNode layer : root.path("config").path("layers")) {
      stripForLegacy((ObjectNode) layer);
    }
    return root;
  }

  /**
   * Keras writes legacy entries without module, registered_name and build_config; module and
   * registered_name stay here: Keras's legacy loader then reads an entry as it reads a .keras one,
   * keeping list-valued options (a LayerNormalization over axes [-2, -1]) and op nodes, which its
   * module-less path loses.
   */
  private static void stripForLegacy(ObjectNode entry) {
    entry.remove("build_config");
  }

  private static ObjectNode architecture(ModelDefinition d) {
    return (ObjectNode) ConfigJson.toJsonValue(ModelConfigs.write(d));
  }

  /** compile_config: the optimizer, loss and metrics the model was compiled with. */
  static ObjectNode compileConfig(ModelDefinition d) {
    ObjectNode c = Json.object();
    c.set("optimizer", OptimizerConfigs.write(d.optimizer()));
    return lossAndMetrics(c, d);
  }

  /** The legacy {@code training_config}: compile_config with {@code optimizer_config} last. */
  static ObjectNode trainingConfig(ModelDefinition d) {
    ObjectNode c = lossAndMetrics(Json.object(), d);
    ObjectNode optimizer = OptimizerConfigs.write(d.optimizer());
    c.set("optimizer_config", Json.object().put("class_name", optimizer.path("class_name").asText())
        .set("config", optimizer.path("config")));
    return c;
  }

  private static ObjectNode lossAndMetrics(ObjectNode c, ModelDefinition d) {
    if (d.outputs().size() == 1) {
      c.set("loss", ConfigJson.toJsonValue(Losses.serialize(d.loss())));
      c.putNull("loss_weights");
    } else {
      ArrayNode losses = c.putArray("loss");
      d.outputs().forEach(o -> losses.add(ConfigJson.toJsonValue(Losses.serialize(o.loss()))));
      if (d.outputs().stream().allMatch(o -> o.lossWeight() == 1.0)) {
        c.putNull("loss_weights");
      } else {
        ArrayNode weights = c.putArray("loss_weights");
        d.outputs().forEach(o -> weights.add(o.lossWeight()));
      }
    }
    ArrayNode metrics = c.putArray("metrics");
    d.output().metrics().forEach(m -> metrics.add(metric(m)));
    c.putNull("weighted_metrics").put("run_eagerly", false).put("steps_per_execution", 1)
        .put("jit_compile", false);
    return c;
  }

  /** A metric as Keras's compile config holds it: the string it was given by, or the object. */
  private static JsonNode metric(Metric m) {
    if (m.identifier() != null) {
      return ConfigJson.toJsonValue(m.identifier());
    }
    return ConfigJson.toJsonValue(KerasObject.of("keras.metrics", m.className(), m.config()));
  }

  /** metadata.json: {@code {"keras_version": "3.15.1", "date_saved": "2026-01-31@12:00:00"}}. */
  static ObjectNode metadata() {
    return Json.object().put("keras_version", KERAS_VERSION)
        .put("date_saved", LocalDateTime.now().format(DATE_SAVED));
  }
}
