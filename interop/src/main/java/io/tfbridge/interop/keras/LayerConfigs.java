package io.tfbridge.interop.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfbridge.activations.Activation;
import io.tfbridge.initializers.GlorotUniform;
import io.tfbridge.initializers.Ones;
import io.tfbridge.initializers.Orthogonal;
import io.tfbridge.initializers.Zeros;
import io.tfbridge.initializers.RandomUniform;
import io.tfbridge.layers.AveragePooling2D;
import io.tfbridge.layers.Conv1D;
import io.tfbridge.layers.Conv2D;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Dropout;
import io.tfbridge.layers.Embedding;
import io.tfbridge.layers.Flatten;
import io.tfbridge.layers.GlobalAveragePooling1D;
import io.tfbridge.layers.GlobalAveragePooling2D;
import io.tfbridge.layers.GlobalMaxPooling2D;
import io.tfbridge.layers.Layer;
import io.tfbridge.layers.MaxPooling2D;
import io.tfbridge.layers.Reshape;
import io.tfbridge.layers.SimpleRNN;
import java.util.List;

/**
 * Keras layer configs to the DSL's layer specs, one method per layer class. Options the DSL has map
 * one to one; any other option with a non-default value is refused with an error naming it.
 */
final class LayerConfigs {
  /** The layer classes tfbridge reads and writes. */
  static final List<String> SUPPORTED =
      List.of("InputLayer", "Dense", "Conv2D", "MaxPooling2D", "Flatten", "SimpleRNN", "Dropout",
          "Activation", "Reshape", "AveragePooling2D", "GlobalAveragePooling2D",
          "GlobalMaxPooling2D", "GlobalAveragePooling1D", "Conv1D", "Embedding", "LSTM", "GRU",
          "BatchNormalization", "Concatenate", "Add");

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
      case "Activation" -> io.tfbridge.layers.Activation.of(activation(c));
      case "Reshape" -> reshape(c);
      case "AveragePooling2D" -> averagePooling2d(c);
      case "GlobalAveragePooling2D" -> globalPooling(c, GlobalAveragePooling2D.of().keepdims(keepdims(c)));
      case "GlobalMaxPooling2D" -> globalPooling(c, GlobalMaxPooling2D.of().keepdims(keepdims(c)));
      case "GlobalAveragePooling1D" -> globalPooling(c, GlobalAveragePooling1D.of().keepdims(keepdims(c)));
      case "Conv1D" -> conv1d(c);
      case "Embedding" -> embedding(c);
      case "LSTM" -> lstm(c);
      case "GRU" -> gru(c);
      case "BatchNormalization" -> batchNormalization(c);
      case "Concatenate" -> io.tfbridge.layers.Concatenate.of().axis(c.has("axis") ? c.intValue("axis") : -1);
      case "Add" -> io.tfbridge.layers.Add.of();
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
    return recurrent(c, SimpleRNN.of(c.intValue("units"))
        .activation(c.has("activation") ? activation(c).kerasName() : "tanh"));
  }

  /** The options every recurrent layer shares: use_bias, return_sequences and the initializers. */
  private static <L extends io.tfbridge.layers.RecurrentLayer<L>> L recurrent(LayerConfig c, L layer) {
    return layer.useBias(c.bool("use_bias", true))
        .returnSequences(c.bool("return_sequences", false))
        .kernelInitializer(InitializerConfigs.read(c, "kernel_initializer", GlorotUniform.of()))
        .recurrentInitializer(InitializerConfigs.read(c, "recurrent_initializer", Orthogonal.of()))
        .biasInitializer(InitializerConfigs.read(c, "bias_initializer", Zeros.of()));
  }

  /** Options of LSTM and GRU that tfbridge does not have: only their defaults are accepted. */
  private static void checkGatedRecurrent(LayerConfig c) {
    c.requireNull("kernel_regularizer", "recurrent_regularizer", "bias_regularizer",
        "activity_regularizer", "kernel_constraint", "recurrent_constraint", "bias_constraint");
    c.requireDefault("return_state", false);
    c.requireDefault("go_backwards", false);
    c.requireDefault("stateful", false);
    c.requireDefault("dropout", 0.0);
    c.requireDefault("recurrent_dropout", 0.0);
  }

  private static io.tfbridge.layers.LSTM lstm(LayerConfig c) {
    checkGatedRecurrent(c);
    return recurrent(c, io.tfbridge.layers.LSTM.of(c.intValue("units"))
        .activation(namedActivation(c, "activation", "tanh"))
        .recurrentActivation(namedActivation(c, "recurrent_activation", "sigmoid"))
        .unitForgetBias(c.bool("unit_forget_bias", true)));
  }

  private static io.tfbridge.layers.GRU gru(LayerConfig c) {
    checkGatedRecurrent(c);
    return recurrent(c, io.tfbridge.layers.GRU.of(c.intValue("units"))
        .activation(namedActivation(c, "activation", "tanh"))
        .recurrentActivation(namedActivation(c, "recurrent_activation", "sigmoid"))
        .resetAfter(c.bool("reset_after", true)));
  }

  private static io.tfbridge.layers.BatchNormalization batchNormalization(LayerConfig c) {
    c.requireNull("beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint");
    c.requireDefault("renorm", false);
    JsonNode axis = c.node("axis");
    if (axis.isArray() && axis.size() == 1) {
      axis = axis.get(0);
    }
    if (!axis.isMissingNode() && !axis.isIntegralNumber()) {
      throw c.unsupported("axis=" + Json.write(c.node("axis")) + " (one axis, the last, is supported)");
    }
    try {
      return io.tfbridge.layers.BatchNormalization.of()
          .axis(axis.isMissingNode() ? -1 : axis.intValue())
          .momentum(c.doubleValue("momentum", 0.99))
          .epsilon(c.doubleValue("epsilon", 0.001))
          .center(c.bool("center", true))
          .scale(c.bool("scale", true))
          .betaInitializer(InitializerConfigs.read(c, "beta_initializer", Zeros.of()))
          .gammaInitializer(InitializerConfigs.read(c, "gamma_initializer", Ones.of()))
          .movingMeanInitializer(InitializerConfigs.read(c, "moving_mean_initializer", Zeros.of()))
          .movingVarianceInitializer(
              InitializerConfigs.read(c, "moving_variance_initializer", Ones.of()));
    } catch (IllegalArgumentException e) {
      throw c.error(e.getMessage());
    }
  }

  /** The activation named under {@code key} ({@code activation}, {@code recurrent_activation}). */
  private static String namedActivation(LayerConfig c, String key, String fallback) {
    JsonNode v = c.node(key);
    if (v.isMissingNode()) {
      return fallback;
    }
    String name = v.isObject() ? v.path("config").asText(v.path("class_name").asText()) : v.asText(null);
    try {
      return Activation.get(name).kerasName();
    } catch (IllegalArgumentException e) {
      throw c.error(key + " " + (name == null ? Json.write(v) : "'" + name + "'")
          + " is not supported by tfbridge; supported activations: relu, softmax, sigmoid, tanh, linear");
    }
  }

  private static Dropout dropout(LayerConfig c) {
    c.requireNull("noise_shape");
    return Dropout.of(c.doubleValue("rate", Double.NaN));
  }

  private static Reshape reshape(LayerConfig c) {
    JsonNode v = c.node("target_shape");
    if (!v.isArray() || v.isEmpty()) {
      throw c.error("option target_shape must be a list of integers, found " + Json.write(v));
    }
    long[] dims = new long[v.size()];
    for (int i = 0; i < dims.length; i++) {
      if (!v.get(i).isIntegralNumber()) {
        throw c.error("option target_shape must be a list of integers, found " + Json.write(v));
      }
      dims[i] = v.get(i).longValue();
    }
    try {
      return Reshape.of(dims);
    } catch (IllegalArgumentException e) {
      throw c.error(e.getMessage());
    }
  }

  private static AveragePooling2D averagePooling2d(LayerConfig c) {
    c.requireDefault("data_format", "channels_last");
    int[] pool = c.has("pool_size") ? c.pair("pool_size") : new int[] {2, 2};
    int[] strides = c.has("strides") ? c.pair("strides") : pool;
    return AveragePooling2D.of(pool[0], pool[1]).strides(strides[0], strides[1])
        .padding(padding(c));
  }

  private static boolean keepdims(LayerConfig c) {
    return c.bool("keepdims", false);
  }

  private static <L extends Layer<L>> L globalPooling(LayerConfig c, L layer) {
    c.requireDefault("data_format", "channels_last");
    return layer;
  }

  private static Conv1D conv1d(LayerConfig c) {
    c.requireNull("kernel_regularizer", "bias_regularizer", "activity_regularizer",
        "kernel_constraint", "bias_constraint", "lora_rank", "quantization_config");
    c.requireDefault("data_format", "channels_last");
    c.requireDefault("groups", 1);
    if (c.has("dilation_rate") && single(c, "dilation_rate") != 1) {
      throw c.unsupported("dilation_rate=" + Json.write(c.node("dilation_rate")));
    }
    String padding = c.string("padding", "valid");
    if (!padding.equals("valid") && !padding.equals("same")) {
      throw c.unsupported("padding=\"" + padding + "\" (supported: valid, same)");
    }
    return Conv1D.of(c.intValue("filters"), single(c, "kernel_size"))
        .strides(c.has("strides") ? single(c, "strides") : 1)
        .padding(padding)
        .activation(activation(c).kerasName())
        .useBias(c.bool("use_bias", true))
        .kernelInitializer(InitializerConfigs.read(c, "kernel_initializer", GlorotUniform.of()))
        .biasInitializer(InitializerConfigs.read(c, "bias_initializer", Zeros.of()));
  }

  private static Embedding embedding(LayerConfig c) {
    c.requireNull("embeddings_regularizer", "activity_regularizer", "embeddings_constraint",
        "lora_rank", "quantization_config", "input_length");
    if (c.bool("mask_zero", false)) {
      throw c.unsupported("mask_zero=true (tfbridge has no masks)");
    }
    c.requireDefault("sparse", false);
    return Embedding.of(c.intValue("input_dim"), c.intValue("output_dim"))
        .embeddingsInitializer(
            InitializerConfigs.read(c, "embeddings_initializer", RandomUniform.of()));
  }

  /** A one-element option such as Conv1D's {@code kernel_size: [3]} (a plain integer too). */
  private static int single(LayerConfig c, String key) {
    JsonNode v = c.node(key);
    if (v.isArray() && v.size() == 1) {
      v = v.get(0);
    }
    if (!v.isIntegralNumber()) {
      throw c.error("option " + key + " must be an integer or a list of one integer, found "
          + Json.write(v));
    }
    return v.intValue();
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
