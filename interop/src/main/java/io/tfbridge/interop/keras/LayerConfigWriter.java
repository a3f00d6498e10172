package io.tfbridge.interop.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfbridge.engine.LayerNode;
import io.tfbridge.layers.Layer;
import io.tfbridge.layers.Merge;

/**
 * A placed layer to its Keras 3.15 config entry: module, class_name, config (name, trainable, dtype,
 * then the layer's own {@link Layer#getConfig()}), registered_name and, for layers Keras builds,
 * build_config.
 */
final class LayerConfigWriter {
  private LayerConfigWriter() {}

  /** The config entry of one placed layer. */
  static ObjectNode write(LayerNode node) {
    Layer<?> layer = node.layer();
    ObjectNode c = Json.object().put("name", node.name()).put("trainable", layer.trainable());
    c.set("dtype", Json.float32Policy());
    c.setAll(ConfigJson.toJson(layer.getConfig()));
    ObjectNode entry = Json.object().put("module", layer.module()).put("class_name", layer.className());
    entry.set("config", c);
    entry.put("registered_name", layer.registeredName());
    if (layer.hasBuildConfig()) {
      entry.set("build_config", Json.object().set("input_shape", buildShape(node)));
    }
    return entry;
  }

  /** A layer's input shape, or a merge layer's list of them. */
  private static JsonNode buildShape(LayerNode node) {
    if (!(node.layer() instanceof Merge<?>)) {
      return Json.batchShape(node.inputShape());
    }
    ArrayNode shapes = Json.array();
    node.inputShapes().forEach(s -> shapes.add(Json.batchShape(s)));
    return shapes;
  }
}
