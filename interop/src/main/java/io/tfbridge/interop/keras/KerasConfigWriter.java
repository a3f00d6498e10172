package io.tfbridge.interop.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfbridge.engine.LayerNode;
import io.tfbridge.engine.ModelDefinition;
import io.tfbridge.engine.ModelInput;
import io.tfbridge.metrics.Metric;
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

  private static void stripForLegacy(ObjectNode entry) {
    entry.remove("module");
    entry.remove("registered_name");
    entry.remove("build_config");
  }

  private static ObjectNode architecture(ModelDefinition d) {
    return d.isChain() ? sequential(d) : FunctionalConfigWriter.functional(d);
  }

  private static ObjectNode sequential(ModelDefinition d) {
    ModelInput input = d.inputs().get(0);
    ObjectNode config = Json.object().put("name", d.name()).put("trainable", true);
    config.set("dtype", Json.float32Policy());
    ArrayNode layers = config.putArray("layers");
    layers.add(inputLayer(input));
    for (LayerNode node : d.layers()) {
      layers.add(LayerConfigWriter.write(node));
    }
    config.set("build_input_shape", Json.batchShape(input.shape()));
    ObjectNode root = Json.serialized("keras", "Sequential", config);
    root.set("build_config", Json.object().set("input_shape", Json.batchShape(input.shape())));
    return root;
  }

  /** An InputLayer entry. */
  static ObjectNode inputLayer(ModelInput input) {
    ObjectNode c = Json.object();
    c.set("batch_shape", Json.batchShape(input.shape()));
    c.put("dtype", "float32").put("sparse", false).put("ragged", false)
        .put("name", input.name()).put("optional", false);
    return Json.serialized("keras.layers", "InputLayer", c);
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
    c.put("loss", d.loss().kerasName()).putNull("loss_weights");
    ArrayNode metrics = c.putArray("metrics");
    d.metrics().stream().map(Metric::name).forEach(metrics::add);
    c.putNull("weighted_metrics").put("run_eagerly", false).put("steps_per_execution", 1)
        .put("jit_compile", false);
    return c;
  }

  /** metadata.json: {@code {"keras_version": "3.15.1", "date_saved": "2026-01-31@12:00:00"}}. */
  static ObjectNode metadata() {
    return Json.object().put("keras_version", KERAS_VERSION)
        .put("date_saved", LocalDateTime.now().format(DATE_SAVED));
  }
}
