package io.tfbridge.interop.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.KerasObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keras's JSON to tfbridge's plain {@link Config} values and back: objects with a {@code class_name}
 * become {@link KerasObject}s, other objects nested configs, integers {@link Integer} or
 * {@link Long}, other numbers {@link Double}.
 */
final class ConfigJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ConfigJson() {}

  /** A JSON object's fields as a config, in order. */
  static Config toConfig(JsonNode object) {
    Config.Builder b = Config.builder();
    object.fields().forEachRemaining(e -> b.put(e.getKey(), toValue(e.getValue())));
    return b.build();
  }

  /** One JSON value as a plain config value. */
  static Object toValue(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isIntegralNumber()) {
      return v.canConvertToInt() ? (Object) v.intValue() : (Object) v.longValue();
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isArray()) {
      List<Object> list = new ArrayList<>();
      v.forEach(x -> list.add(toValue(x)));
      return list;
    }
    if (v.hasNonNull("class_name")) {
      JsonNode config = v.path("config");
      Object options = config.isTextual() ? config.textValue()
          : config.isObject() ? toConfig(config) : Config.empty();
      Config.Builder extras = Config.builder();
      v.fields().forEachRemaining(e -> {
        if (!List.of("module", "class_name", "config", "registered_name").contains(e.getKey())) {
          extras.put(e.getKey(), toValue(e.getValue()));
        }
      });
      return new KerasObject(text(v, "module"), v.get("class_name").asText(), options,
          text(v, "registered_name"), extras.build());
    }
    return toConfig(v);
  }

  private static String text(JsonNode v, String key) {
    return v.hasNonNull(key) ? v.get(key).asText() : null;
  }

  /** A config as a JSON object, in order. */
  static ObjectNode toJson(Config config) {
    ObjectNode node = NODES.objectNode();
    for (Map.Entry<String, Object> e : config.asMap().entrySet()) {
      node.set(e.getKey(), toJsonValue(e.getValue()));
    }
    return node;
  }

  /** One plain config value as JSON. */
  static JsonNode toJsonValue(Object v) {
    if (v == null) {
      return NODES.nullNode();
    } else if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    } else if (v instanceof Integer i) {
      return NODES.numberNode(i);
    } else if (v instanceof Long l) {
      return NODES.numberNode(l);
    } else if (v instanceof Double d) {
      return NODES.numberNode(d);
    } else if (v instanceof String s) {
      return NODES.textNode(s);
    } else if (v instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode();
      list.forEach(x -> array.add(toJsonValue(x)));
      return array;
    } else if (v instanceof Config c) {
      return toJson(c);
    }
    KerasObject o = (KerasObject) v;
    ObjectNode node = NODES.objectNode().put("module", o.module()).put("class_name", o.className());
    node.set("config", o.config() instanceof Config c ? toJson(c) : NODES.textNode((String) o.config()));
    node.put("registered_name", o.registeredName());
    node.setAll(toJson(o.extras()));
    return node;
  }
}
