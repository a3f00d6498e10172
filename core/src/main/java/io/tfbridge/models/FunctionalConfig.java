package io.tfbridge.models;

import io.tfbridge.engine.LayerCall;
import io.tfbridge.engine.LayerNode;
import io.tfbridge.engine.ModelDefinition;
import io.tfbridge.engine.ModelInput;
import io.tfbridge.engine.ModelOutput;
import io.tfbridge.engine.TensorRef;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.KerasObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.ndarray.Shape;

/**
 * A {@code Functional} config both ways. Reading takes Keras 3's inbound nodes
 * ({@code {"args": [...], "kwargs": {...}}} with {@code __keras_tensor__} entries) and Keras 2's
 * ({@code [[["dense", 0, 0, {}]]]}); a layer with several inbound nodes is one shared layer, its calls
 * made in node order once the tensors they read exist (as Keras's deserializer does).
 */
final class FunctionalConfig {
  private FunctionalConfig() {}

  static Functional read(KerasObject root) {
    Config config = root.options();
    if (!(config.get("layers") instanceof List<?> entries) || entries.isEmpty()) {
      throw new IllegalArgumentException("the Functional config has no layers");
    }
    FunctionalConfigReader reader = new FunctionalConfigReader(entries);
    List<io.tfbridge.layers.KerasTensor> inputs = new ArrayList<>();
    for (List<Object> history : endpoints(config.get("input_layers"), "input_layers")) {
      inputs.add(reader.tensor(history, "input_layers"));
    }
    List<io.tfbridge.layers.KerasTensor> outputs = new ArrayList<>();
    for (List<Object> history : endpoints(config.get("output_layers"), "output_layers")) {
      outputs.add(reader.tensor(history, "output_layers"));
    }
    Object name = config.get("name");
    return Functional.of(inputs, outputs).name(name == null ? "functional" : name.toString());
  }

  /** {@code ["a", 0, 0]} or {@code [["a", 0, 0], ["b", 0, 0]]} to the histories. */
  @SuppressWarnings("unchecked")
  private static List<List<Object>> endpoints(Object value, String what) {
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      throw new IllegalArgumentException("the Functional config has no " + what);
    }
    if (list.get(0) instanceof String) {
      return List.of((List<Object>) list);
    }
    return list.stream().map(e -> (List<Object>) e).toList();
  }

  /** A chain that is not a plain Sequential, as Keras 3.15 writes a Functional model. */
  static KerasObject write(ModelDefinition d) {
    Map<TensorRef, Shape> shapes = new HashMap<>();
    Map<TensorRef, String> dtypes = new HashMap<>();
    List<Object> layers = new ArrayList<>();
    for (ModelInput in : d.inputs()) {
      layers.add(LayerEntries.inputLayer(in).withExtras(Config.builder().put("name", in.name())
          .put("inbound_nodes", List.of()).build()));
      shapes.put(TensorRef.of(in.name()), in.shape());
      dtypes.put(TensorRef.of(in.name()), in.dtype().numpyName());
    }
    for (LayerNode node : d.layers()) {
      for (int c = 0; c < node.calls().size(); c++) {
        shapes.put(TensorRef.of(node.name(), c), node.calls().get(c).outputShape());
      }
    }
    for (LayerNode node : d.layers()) {
      KerasObject entry = LayerEntries.write(node);
      List<Object> calls = node.calls().stream().map(c -> inboundNode(node, c, shapes, dtypes))
          .map(o -> (Object) o).toList();
      layers.add(entry.withExtras(entry.extras().toBuilder().put("name", node.name())
          .put("inbound_nodes", calls).build()));
    }
    Config config = Config.builder().put("name", d.name()).put("trainable", true)
        .put("layers", layers)
        .put("input_layers", endpointList(d.inputs().stream().map(i -> TensorRef.of(i.name())).toList()))
        .put("output_layers", endpointList(d.outputs().stream().map(ModelOutput::tensor).toList()))
        .build();
    Config extras = Config.builder()
        .put("build_config", Config.builder().putNull("input_shape").build()).build();
    return new KerasObject("keras.src.models.functional", "Functional", config, "Functional", extras);
  }

  /** {@code {"args": [tensor, ...], "kwargs": {...}}}; a merge layer's tensors as one list argument. */
  private static Config inboundNode(LayerNode node, LayerCall call, Map<TensorRef, Shape> shapes,
      Map<TensorRef, String> dtypes) {
    List<Object> tensors = call.args().stream().map(t -> (Object) kerasTensor(t, shapes, dtypes)).toList();
    Config.Builder kwargs = Config.builder();
    call.kwargs().forEach((k, v) -> kwargs.put(k, v instanceof TensorRef t
        ? kerasTensor(t, shapes, dtypes) : v));
    List<Object> args = node.layer() instanceof io.tfbridge.layers.NumpyOp op ? withConstants(op, tensors)
        : node.layer().takesList() ? List.of(tensors) : tensors;
    return Config.builder().put("args", args).put("kwargs", kwargs.build()).build();
  }

  /** An op's arguments: its tensors in the places its constants leave free. */
  private static List<Object> withConstants(io.tfbridge.layers.NumpyOp op, List<Object> tensors) {
    List<Object> args = new ArrayList<>();
    int next = 0;
    for (Object a : op.arguments()) {
      args.add(a == null ? tensors.get(next++) : a);
    }
    return args;
  }

  /** A {@code __keras_tensor__} entry (a plain dict: Keras writes it without module). */
  private static Config kerasTensor(TensorRef t, Map<TensorRef, Shape> shapes,
      Map<TensorRef, String> dtypes) {
    Config tensor = Config.builder().put("shape", LayerEntries.batchShape(shapes.get(t)))
        .put("dtype", dtypes.getOrDefault(t, "float32"))
        .put("keras_history", List.of(t.layer(), t.node(), t.index())).build();
    return Config.builder().put("class_name", "__keras_tensor__").put("config", tensor).build();
  }

  /** One endpoint as {@code ["a", 0, 0]}, several as a list of them. */
  private static List<Object> endpointList(List<TensorRef> refs) {
    List<Object> all = new ArrayList<>();
    refs.forEach(r -> all.add(List.of(r.layer(), r.node(), r.index())));
    return refs.size() == 1 ? (List<Object>) all.get(0) : all;
  }
}
