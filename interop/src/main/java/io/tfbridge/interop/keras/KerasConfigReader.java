package io.tfbridge.interop.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfbridge.layers.Input;
import io.tfbridge.layers.Layer;
import io.tfbridge.layers.Shapes;
import io.tfbridge.models.ModelSpec;
import io.tfbridge.models.Sequential;
import java.util.ArrayList;
import java.util.List;

/**
 * A Keras model config (config.json, or the legacy {@code model_config} attribute) to a
 * {@link Sequential} spec (a Functional one goes to {@link FunctionalConfigReader}). Reads Keras 3 configs ({@code InputLayer} with {@code batch_shape}) and
 * Keras 2 ones ({@code batch_input_shape} on the input or first layer).
 */
final class KerasConfigReader {
  private KerasConfigReader() {}

  /**
   * The model spec the config describes: a {@link Sequential}, or a {@link io.tfbridge.models.Functional}.
   *
   * @throws IllegalArgumentException for another model class, an unsupported layer or option, or a
   *     config without an input shape
   */
  static ModelSpec read(JsonNode root) {
    String className = root.path("class_name").asText("");
    if (className.equals("Functional") || className.equals("Model")) {
      return FunctionalConfigReader.read(root);
    }
    if (!className.equals("Sequential")) {
      throw new IllegalArgumentException("model class '" + className + "' is not supported: "
          + "tfbridge loads Sequential and Functional models");
    }
    return sequential(root);
  }

  private static Sequential sequential(JsonNode root) {
    JsonNode config = root.path("config");
    List<Layer<?>> layers = layers(config.path("layers"));
    if (layers.get(0).inputShape().isEmpty()) {
      layers.set(0, layers.get(0).inputShape(fallbackInputShape(root)));
    }
    return Sequential.of(layers.toArray(Layer<?>[]::new))
        .name(config.path("name").asText("sequential"));
  }

  private static List<Layer<?>> layers(JsonNode entries) {
    if (!entries.isArray() || entries.isEmpty()) {
      throw new IllegalArgumentException("the Sequential config has no layers");
    }
    List<Layer<?>> layers = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      LayerConfig c = new LayerConfig(entries.get(i), i);
      if (c.className().equals("InputLayer")) {
        if (i != 0) {
          throw c.error("an InputLayer must come first in a Sequential model");
        }
        layers.add(input(c));
        continue;
      }
      Layer<?> layer = c.toLayer();
      JsonNode shape = c.has("batch_input_shape") ? c.node("batch_input_shape") : c.node("batch_shape");
      if (i == 0 && shape.isArray()) {
        layer = layer.inputShape(featureShape(shape, c.name()));
      }
      layers.add(layer);
    }
    return layers;
  }

  /** An InputLayer entry: float32, dense, with a known shape. */
  static Input input(LayerConfig c) {
    c.requireDefault("sparse", false);
    c.requireDefault("ragged", false);
    c.requireDefault("dtype", "float32");
    JsonNode shape = c.has("batch_shape") ? c.node("batch_shape") : c.node("batch_input_shape");
    if (!shape.isArray()) {
      throw c.error("the InputLayer has no batch_shape");
    }
    Input input = Input.of(featureShape(shape, c.name()));
    return c.name() == null ? input : input.name(c.name());
  }

  /** The build_input_shape Keras records when the first layer declares none. */
  private static long[] fallbackInputShape(JsonNode root) {
    JsonNode shape = root.path("config").path("build_input_shape");
    if (!shape.isArray()) {
      shape = root.path("build_config").path("input_shape");
    }
    if (!shape.isArray()) {
      throw new IllegalArgumentException("the config declares no input shape (no InputLayer, "
          + "batch_input_shape or build_input_shape)");
    }
    return featureShape(shape, "input");
  }

  /** {@code [null, 28, 28, 1]} to {@code {28, 28, 1}}; every dimension but the batch must be known. */
  static long[] featureShape(JsonNode batchShape, String layerName) {
    long[] dims = new long[Math.max(0, batchShape.size() - 1)];
    for (int i = 0; i < dims.length; i++) {
      JsonNode d = batchShape.get(i + 1);
      dims[i] = d.isIntegralNumber() ? d.longValue() : -1;
    }
    for (long d : dims) {
      if (d <= 0) {
        long[] shown = new long[dims.length + 1];
        shown[0] = -1;
        System.arraycopy(dims, 0, shown, 1, dims.length);
        throw new IllegalArgumentException("layer '" + layerName + "': input shape "
            + Shapes.format(shown) + " has an unknown dimension; tfbridge needs every dimension "
            + "but the batch (an RNN is unrolled over a known number of timesteps)");
      }
    }
    return dims;
  }
}
