package io.tfbridge.interop.keras;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfbridge.engine.LayerNode;
import io.tfbridge.engine.ModelDefinition;
import io.tfbridge.engine.ModelInput;
import io.tfbridge.layers.Merge;
import java.util.HashMap;
import java.util.Map;
import org.tensorflow.ndarray.Shape;

/**
 * A model definition to Keras 3.15's {@code Functional} config: one InputLayer per input, every layer
 * with its {@code inbound_nodes} ({@code __keras_tensor__} entries naming the layers it is applied
 * to), {@code input_layers} and {@code output_layers}.
 */
final class FunctionalConfigWriter {
  private FunctionalConfigWriter() {}

  static ObjectNode functional(ModelDefinition d) {
    ObjectNode config = Json.object().put("name", d.name()).put("trainable", true);
    ArrayNode layers = config.putArray("layers");
    Map<String, Shape> shapes = new HashMap<>();
    for (ModelInput in : d.inputs()) {
      ObjectNode entry = KerasConfigWriter.inputLayer(in);
      entry.put("name", in.name()).putArray("inbound_nodes");
      layers.add(entry);
      shapes.put(in.name(), in.shape());
    }
    for (LayerNode node : d.layers()) {
      ObjectNode entry = LayerConfigWriter.write(node);
      entry.put("name", node.name());
      entry.putArray("inbound_nodes").add(inboundNode(node, shapes));
      layers.add(entry);
      shapes.put(node.name(), node.outputShape());
    }
    ArrayNode inputs = config.putArray("input_layers");
    if (d.inputs().size() == 1) {
      history(inputs, d.inputs().get(0).name());
    } else {
      d.inputs().forEach(in -> history(inputs.addArray(), in.name()));
    }
    String output = d.layers().get(d.layers().size() - 1).name();
    history(config.putArray("output_layers"), output);
    ObjectNode root = Json.serialized("keras.src.models.functional", "Functional", config);
    root.put("registered_name", "Functional");
    root.set("build_config", Json.object().putNull("input_shape"));
    return root;
  }

  /** {@code {"args": [tensor]}} for one input, {@code {"args": [[tensor, ...]]}} for a merge. */
  private static ObjectNode inboundNode(LayerNode node, Map<String, Shape> shapes) {
    ObjectNode call = Json.object();
    ArrayNode args = call.putArray("args");
    ArrayNode target = node.layer() instanceof Merge<?> ? args.addArray() : args;
    for (String source : node.inbound()) {
      ObjectNode tensor = Json.object().put("shape", "").put("dtype", "float32");
      tensor.set("shape", Json.batchShape(shapes.get(source)));
      history(tensor.putArray("keras_history"), source);
      target.add(Json.object().put("class_name", "__keras_tensor__").set("config", tensor));
    }
    call.putObject("kwargs");
    return call;
  }

  private static void history(ArrayNode into, String layer) {
    into.add(layer).add(0).add(0);
  }
}
