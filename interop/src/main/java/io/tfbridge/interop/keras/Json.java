package io.tfbridge.interop.keras;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.tensorflow.ndarray.Shape;

/** The one Jackson mapper of this package and the JSON shapes Keras configs are made of. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  /** Parses {@code bytes} (UTF-8), naming {@code what} in the error. */
  static JsonNode parse(byte[] bytes, String what) {
    return parse(new String(bytes, StandardCharsets.UTF_8), what);
  }

  /** Parses {@code text}, naming {@code what} in the error. */
  static JsonNode parse(String text, String what) {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException(what + " is not a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** Compact JSON text, as Keras's {@code json.dumps} writes it. */
  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** {@code {"module": module, "class_name": className, "config": config, "registered_name": null}}. */
  static ObjectNode serialized(String module, String className, JsonNode config) {
    ObjectNode node = object().put("module", module).put("class_name", className);
    node.set("config", config);
    return node.putNull("registered_name");
  }

  /** Keras's float32 dtype policy object. */
  static ObjectNode float32Policy() {
    return (ObjectNode) ConfigJson.toJsonValue(io.tfbridge.layers.KerasLayers.float32Policy());
  }

  /** A shape with a leading {@code null} batch dimension: {@code [null, 28, 28, 1]}. */
  static ArrayNode batchShape(Shape shape) {
    ArrayNode dims = array();
    for (int i = 0; i < shape.numDimensions(); i++) {
      if (shape.get(i) < 0) {
        dims.addNull();
      } else {
        dims.add(shape.get(i));
      }
    }
    return dims;
  }
}
