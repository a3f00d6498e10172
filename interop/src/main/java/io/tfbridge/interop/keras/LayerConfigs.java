package io.tfbridge.interop.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfbridge.activations.Activation;
import io.tfbridge.initializers.GlorotUniform;
import io.tfbridge.initializers.Orthogonal;
import io.tfbridge.initializers.Zeros;
import io.tfbridge.layers.Conv2D;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Dropout;
import io.tfbridge.layers.Flatten;
import io.tfbridge.layers.Layer;
import io.tfbridge.layers.MaxPooling2D;
import io.tfbridge.layers.SimpleRNN;
import java.util.List;

/**
 * Keras layer configs to the DSL's layer specs, one method per layer class. Options the DSL has map
 * one to one; any other option with a non-default value is refused with an error naming it.
 */
final class LayerConfigs {
  /** The layer classes tfbridge reads and writes. */
  static final List<String> SUPPORTED =
      List.of("InputLayer", "Dense", "Conv2D", "MaxPooling2D", "Flatten", "SimpleRNN", "Dropout");

  private LayerConfigs() {}

  /**
   * The layer spec of one (non-input) layer config, named as in the config.
   *
   * @throws IllegalArgumentException for an unsupported class or option, naming the layer
   */
  static Layer<?> read(LayerConfig c) {
    Layer<?> layer = switch (c.className()) {
      case "Dense" -> dense(c);
      case "Conv2D" -> conv2d(c);
      case "MaxPooling2D" -> maxPooling2d(c);
      case "Flatten" -> flatten(c);
      case "SimpleRNN" -> simpleRnn(c);
      case "Dropout" -> dropout(c);
      default -> throw c.error("layer class " + c.className() + " is not supported by tfbridge; "
          + "supported layers: " + String.join(", ", SUPPORTED));
    };
    checkCommon(c);
    return c.name() == null ? layer : layer.name(c.name());
  }

  private static Dense dense(LayerConfig c) {
    c.requireNull("kernel_regularizer", "bias_regularizer", "activity_regularizer",
        "kernel_constraint", "bias_constraint", "lora_rank", "quantization_config");
    return Dense.of(c.intValue("units"))
        .activation(activation(c))
        .useBias(c.bool("use_bias", true))
        .kernelInitializer(InitializerConfigs.read(c, "kernel_initializer", GlorotUniform.of()))
        .biasInitializer(InitializerConfigs.read(c, "bias_initializer", Zeros.of()));
  }

  private static Conv2D conv2d(LayerConfig c) {
    c.requireNull("kernel_regularizer", "bias_regularizer", "activity_regularizer",
        "kernel_constraint", "bias_constraint", "lora_rank", "quantization_config");
    c.requireDefault("data_format", "channels_last");
    c.requireDefault("groups", 1);
    c.requireOnes("dilation_rate");
    int[] kernel = c.pair("kernel_size");
    int[] strides = c.has("strides") ? c.pair("strides") : new int[] {1, 1};
    return Conv2D.of(c.intValue("filters"), kernel[0], kernel[1])
        .strides(strides[0], strides[1])
        .padding(padding(c))
        .activation(activation(c).kerasName())
        .useBias(c.bool("use_bias", true))
        .kernelInitializer(InitializerConfigs.read(c, "kernel_initializer", GlorotUniform.of()))
        .biasInitializer(InitializerConfigs.read(c, "bias_initializer", Zeros.of()));
  }

  private static MaxPooling2D maxPooling2d(LayerConfig c) {
    c.requireDefault("data_format", "channels_last");
    int[] pool = c.has("pool_size") ? c.pair("pool_size") : new int[] {2, 2};
    int[] strides = c.has("strides") ? c.pair("strides") : pool;
    return MaxPooling2D.of(pool[0], pool[1]).strides(strides[0], strides[1]).padding(padding(c));
  }

  private static Flatten flatten(LayerConfig c) {
    c.requireDefault("data_format", "channels_last");
    return Flatten.of();
  }

  private static SimpleRNN simpleRnn(LayerConfig c) {
    c.requireNull("kernel_regularizer", "recurrent_regularizer", "bias_regularizer",
        "activity_regularizer", "kernel_constraint", "recurrent_constraint", "bias_constraint");
    c.requireDefault("return_state", false);
    c.requireDefault("go_backwards", false);
    c.requireDefault("stateful", false);
    c.requireDefault("dropout", 0.0);
    c.requireDefault("recurrent_dropout", 0.0);
    return SimpleRNN.of(c.intValue("units"))
        .activation(c.has("activation") ? activation(c).kerasName() : "tanh")
        .useBias(c.bool("use_bias", true))
        .returnSequences(c.bool("return_sequences", false))
        .kernelInitializer(InitializerConfigs.read(c, "kernel_initializer", GlorotUniform.of()))
        .recurrentInitializer(InitializerConfigs.read(c, "recurrent_initializer", Orthogonal.of()))
        .biasInitializer(InitializerConfigs.read(c, "bias_initializer", Zeros.of()));
  }

  private static Dropout dropout(LayerConfig c) {
    c.requireNull("noise_shape");
    return Dropout.of(c.doubleValue("rate", Double.NaN));
  }

  /** The activation by name; Keras writes {@code "relu"}, older files may wrap it in an object. */
  private static Activation activation(LayerConfig c) {
    JsonNode v = c.node("activation");
    String name = v.isObject() ? v.path("config").asText(v.path("class_name").asText()) : v.asText(null);
    try {
      return Activation.get(name);
    } catch (IllegalArgumentException e) {
      throw c.error("activation " + (name == null ? Json.write(v) : "'" + name + "'")
          + " is not supported by tfbridge; supported activations: relu, softmax, sigmoid, tanh, linear");
    }
  }

  private static String padding(LayerConfig c) {
    String padding = c.string("padding", "valid");
    if (!padding.equals("valid") && !padding.equals("same")) {
      throw c.unsupported("padding=\"" + padding + "\"");
    }
    return padding;
  }

  /** Options every layer has: tfbridge layers are float32 and trainable. */
  private static void checkCommon(LayerConfig c) {
    if (!c.bool("trainable", true)) {
      throw c.unsupported("trainable=false (frozen layers)");
    }
    JsonNode dtype = c.node("dtype");
    String name = dtype.isObject() ? dtype.path("config").path("name").asText(null) : dtype.asText(null);
    if (name != null && !name.equals("float32")) {
      throw c.unsupported("dtype=" + name + " (tfbridge computes in float32)");
    }
  }
}
