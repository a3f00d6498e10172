package io.tfbridge.interop.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfbridge.layers.KerasTensor;
import io.tfbridge.layers.Layer;
import io.tfbridge.models.Functional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Keras {@code Functional} config to a {@link Functional} spec: every layer applied to the tensors
 * its {@code inbound_nodes} name, in the config's order. Reads Keras 3's inbound nodes
 * ({@code {"args": [...], "kwargs": {}}} with {@code __keras_tensor__} entries) and Keras 2's
 * ({@code [[["dense", 0, 0, {}]]]}). A layer applied more than once (shared weights) and models with
 * several outputs are refused.
 */
final class FunctionalConfigReader {
  private FunctionalConfigReader() {}

  static Functional read(JsonNode root) {
    JsonNode config = root.path("config");
    JsonNode entries = config.path("layers");
    if (!entries.isArray() || entries.isEmpty()) {
      throw new IllegalArgumentException("the Functional config has no layers");
    }
    Map<String, KerasTensor> tensors = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      LayerConfig c = new LayerConfig(entry, i);
      String name = entry.hasNonNull("name") ? entry.get("name").asText() : c.name();
      tensors.put(name, tensor(c, name, entry.path("inbound_nodes"), tensors));
    }
    List<KerasTensor> inputs = new ArrayList<>();
    for (String name : endpoints(config.path("input_layers"), "input_layers")) {
      inputs.add(lookup(tensors, name, "input_layers"));
    }
    List<String> outputs = endpoints(config.path("output_layers"), "output_layers");
    if (outputs.size() != 1) {
      throw new IllegalArgumentException("the Functional model has " + outputs.size() + " outputs "
          + outputs + "; tfbridge supports models with one output");
    }
    return Functional.of(inputs, lookup(tensors, outputs.get(0), "output_layers"))
        .name(config.path("name").asText("functional"));
  }

  private static KerasTensor tensor(LayerConfig c, String name, JsonNode inbound,
      Map<String, KerasTensor> tensors) {
    if (c.className().equals("InputLayer")) {
      return KerasConfigReader.input(c).name(name).tensor();
    }
    Layer<?> layer = c.toLayer();
    if (!inbound.isArray() || inbound.size() != 1) {
      throw c.error("the layer is applied " + (inbound.isArray() ? inbound.size() : 0) + " times in "
          + "the model; tfbridge supports layers applied exactly once (no shared layers)");
    }
    List<KerasTensor> args = new ArrayList<>();
    for (String source : inboundNames(c, inbound.get(0))) {
      args.add(lookup(tensors, source, "the inbound nodes of layer '" + name + "'"));
    }
    return layer.name(name).apply(args.toArray(KerasTensor[]::new));
  }

  /** The names of the layers whose outputs one inbound node takes, in argument order. */
  private static List<String> inboundNames(LayerConfig c, JsonNode node) {
    List<String> names = new ArrayList<>();
    if (node.isObject()) {
      if (node.path("kwargs").size() > 0) {
        throw c.error("call arguments " + Json.write(node.path("kwargs")) + " are not supported");
      }
      collectKeras3(c, node.path("args"), names);
    } else if (node.isArray()) {
      for (JsonNode history : node) {
        names.add(history(c, history));
      }
    } else {
      throw c.error("unreadable inbound node " + Json.write(node));
    }
    return names;
  }

  private static void collectKeras3(LayerConfig c, JsonNode args, List<String> names) {
    for (JsonNode arg : args) {
      if (arg.isArray()) {
        collectKeras3(c, arg, names);
      } else if (arg.path("class_name").asText("").equals("__keras_tensor__")) {
        names.add(history(c, arg.path("config").path("keras_history")));
      } else {
        throw c.error("call argument " + Json.write(arg) + " is not a tensor; not supported");
      }
    }
  }

  /** {@code ["dense", 0, 0]}: the layer's first call, first output. */
  private static String history(LayerConfig c, JsonNode history) {
    if (!history.isArray() || history.size() < 3 || !history.get(0).isTextual()) {
      throw c.error("unreadable keras_history " + Json.write(history));
    }
    if (history.get(1).asInt() != 0 || history.get(2).asInt() != 0) {
      throw c.error("takes output " + history.get(2) + " of call " + history.get(1) + " of layer '"
          + history.get(0).asText() + "'; tfbridge supports single-output layers applied once");
    }
    return history.get(0).asText();
  }

  /** {@code ["a", 0, 0]} or {@code [["a", 0, 0], ["b", 0, 0]]} to the layer names. */
  private static List<String> endpoints(JsonNode node, String what) {
    if (!node.isArray() || node.isEmpty()) {
      throw new IllegalArgumentException("the Functional config has no " + what);
    }
    if (node.get(0).isTextual()) {
      return List.of(node.get(0).asText());
    }
    List<String> names = new ArrayList<>();
    node.forEach(n -> names.add(n.path(0).asText()));
    return names;
  }

  private static KerasTensor lookup(Map<String, KerasTensor> tensors, String name, String where) {
    KerasTensor t = tensors.get(name);
    if (t == null) {
      throw new IllegalArgumentException(where + " name layer '" + name + "', which the config does "
          + "not define before it; defined: " + tensors.keySet());
    }
    return t;
  }
}
